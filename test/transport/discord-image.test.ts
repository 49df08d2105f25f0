import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { imageMessages } from '../../src/i18n/image-messages.js';
import { apiMessage, apiMessageMenu, apiUser } from '../discord/fakes.js';
import {
  DISCORD_IDS,
  DISCORD_TEST_TOKEN,
  type FakeDiscord,
  startFakeDiscord,
} from '../support/fake-discord.js';
import { corpus, pictureBytes } from '../../bench/corpus/screenshots.js';
import { ensureBuilt, type PopbotProcess, spawnPopbot, STACK_LINE } from '../support/spawn-popbot.js';

/**
 * A real `popbot start` on the fake Discord gateway: a screenshot posted in the support channel is downloaded
 * from the (fake) CDN without the bot token, read on the process's one OCR worker, and answered like a paste.
 */

const REPLIES = /^\/channels\/300000000000000003\/messages$/;

interface ReplyBody {
  content?: string;
  embeds?: { title?: string }[];
  allowed_mentions?: { parse?: string[] };
}

describe('Discord: a screenshot in a support channel', () => {
  let discord: FakeDiscord;
  let popbot: PopbotProcess;
  beforeAll(async () => {
    ensureBuilt();
    discord = await startFakeDiscord();
    popbot = spawnPopbot(['start'], discord.env, 240_000);
    await popbot.waitForStderr(/popbot started/, 30_000);
  }, 180_000);
  afterAll(async () => {
    await popbot?.kill();
    await discord?.close();
  });

  function postPicture(key: string, size: number, contentType = 'image/png') {
    const message = {
      ...apiMessage({ content: '', channelId: DISCORD_IDS.support, author: apiUser() }),
      guild_id: DISCORD_IDS.guild,
      attachments: [
        {
          id: '400000000000000001',
          filename: key,
          size,
          url: `${discord.rest.cdn}/attachments/${key}?ex=1&is=2&hm=3`,
          proxy_url: `${discord.rest.cdn}/attachments/${key}`,
          content_type: contentType,
        },
      ],
    };
    discord.gateway.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  it('is answered with the findings its text pasted gets, and what was read', async () => {
    const picture = corpus().find(
      (p) => p.style === 'thunderbird' && p.lang === 'en' && p.theme === 'light',
    )!;
    const bytes = pictureBytes(picture);
    discord.rest.attachments.set('shot.png', bytes);
    const before = discord.restCalls('POST', REPLIES).length;
    postPicture('shot.png', bytes.length);
    const call = await discord.waitForRest('POST', REPLIES, before + 1, 90_000);
    const reply = call.body as ReplyBody;
    // The same text pasted in a guild whose locale is en-US: the same language, the same findings.
    const pasted = explain(picture.text, { fallbackLang: 'en' });
    expect(reply.content?.startsWith(`${imageMessages.t(pasted.lang, 'read-from')}\n> \``)).toBe(true);
    expect(pasted.findings.length).toBeGreaterThan(0);
    const titles = (reply.embeds ?? []).map((e) => e.title ?? '').join('\n');
    for (const finding of pasted.findings) expect(titles).toContain(finding.title);
    expect(reply.allowed_mentions?.parse).toEqual([]);
    const download = discord.rest.calls.find((c) => c.path.startsWith('/attachments/shot.png'))!;
    expect(download.headers.authorization).toBeUndefined();
    expect(JSON.stringify(download.headers)).not.toContain(DISCORD_TEST_TOKEN);
    expect(popbot.stderr()).not.toMatch(STACK_LINE);
  }, 120_000);

  it('a picture over 10 MB is not downloaded, and the channel is not answered (it is watched, not asked)', async () => {
    const picture = corpus()[0]!;
    discord.rest.attachments.set('small.png', pictureBytes(picture));
    postPicture('huge.png', 11 * 1024 * 1024);
    // The next picture is answered: the large one was dropped without a download and without a crash.
    const before = discord.restCalls('POST', REPLIES).length;
    postPicture('small.png', pictureBytes(picture).length);
    await discord.waitForRest('POST', REPLIES, before + 1, 90_000);
    expect(discord.rest.calls.some((c) => c.path.startsWith('/attachments/huge.png'))).toBe(false);
    expect(popbot.stderr()).not.toMatch(STACK_LINE);
  }, 120_000);

  it('the message command on a picture too large to read answers with a short notice, never silence', async () => {
    const target = {
      ...apiMessage({ content: '', channelId: DISCORD_IDS.support }),
      attachments: [
        {
          id: '400000000000000002',
          filename: 'big.png',
          size: 12 * 1024 * 1024,
          url: `${discord.rest.cdn}/attachments/big.png`,
          proxy_url: `${discord.rest.cdn}/attachments/big.png`,
          content_type: 'image/png',
        },
      ],
    };
    const edits = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/;
    const before = discord.restCalls('PATCH', edits).length;
    discord.gateway.dispatch('INTERACTION_CREATE', apiMessageMenu(target));
    const deferred = await discord.waitForRest('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 1, 30_000);
    expect((deferred.body as { type: number }).type).toBe(5);
    const edit = await discord.waitForRest('PATCH', edits, before + 1, 30_000);
    expect((edit.body as ReplyBody).content).toMatch(/This picture is too large \(12\.0 MiB\)/);
    expect(discord.rest.calls.some((c) => c.path.startsWith('/attachments/big.png'))).toBe(false);
  }, 60_000);
});
