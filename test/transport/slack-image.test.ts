import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { TEAM } from '../slack/fake-slack.js';
import { channelMessage, nextTs } from '../slack/signed.js';
import { corpus, pictureBytes } from '../../bench/corpus/screenshots.js';
import {
  type FakeSlackSocket,
  SOCKET_BOT_TOKEN,
  startFakeSlackSocket,
} from '../support/fake-slack-socket.js';
import { ensureBuilt, type PopbotProcess, spawnPopbot, STACK_LINE } from '../support/spawn-popbot.js';

/**
 * A real `popbot start` in Socket Mode, a picture shared in Slack: the bot downloads it from the fake's
 * files endpoint with its token, reads it on its one OCR worker and answers in the thread.
 */

let fake: FakeSlackSocket;
let bot: PopbotProcess;

beforeAll(async () => {
  await ensureBuilt();
  fake = await startFakeSlackSocket();
  bot = spawnPopbot(['start'], { ...fake.env, LOG_LEVEL: 'debug' }, 240_000);
  await bot.waitForStderr(/popbot started/, 30_000);
  await fake.connection(1);
}, 180_000);
afterAll(async () => {
  await bot?.kill();
  await fake?.close();
});

const blocksText = (body: Record<string, unknown>) => JSON.stringify(body.blocks ?? []);

describe('Slack: a screenshot shared in a channel', () => {
  it('is answered in its thread with the findings its text pasted gets, and what was read', async () => {
    const picture = corpus().find(
      (p) => p.style === 'thunderbird' && p.lang === 'en' && p.theme === 'light',
    )!;
    const bytes = pictureBytes(picture);
    fake.slack.files.set('T0TEAM-F0SHOT/shot.png', bytes);
    const message = channelMessage('', {
      subtype: 'file_share',
      files: [
        {
          id: 'F0SHOT',
          mimetype: 'image/png',
          size: bytes.length,
          url_private_download: fake.slack.fileUrl('T0TEAM-F0SHOT/shot.png'),
        },
      ],
    });
    await fake.event(message);
    const answer = await fake.until(
      () => fake.slack.callsTo('chat.postMessage').find((c) => c.body.thread_ts === message.ts),
      'the answer to the picture',
      90_000,
    );
    const download = fake.slack.callsTo('files-pri')[0]!;
    expect(download.headers.authorization).toBe(`Bearer ${SOCKET_BOT_TOKEN}`);
    const shown = blocksText(answer.body);
    expect(shown).toContain('Read from your screenshot:');
    const pasted = explain(picture.text, { lang: 'en' });
    expect(pasted.findings.length).toBeGreaterThan(0);
    for (const finding of pasted.findings) expect(shown).toContain(finding.title);
    expect(bot.stderr()).not.toMatch(STACK_LINE);
    expect(bot.stderr()).not.toContain(SOCKET_BOT_TOKEN);
  }, 120_000);

  it('a picture too large for popbot gets a short notice in a DM, without being downloaded', async () => {
    const before = fake.slack.callsTo('files-pri').length;
    const message = channelMessage('', {
      channel: 'D0DIRECT',
      channel_type: 'im',
      subtype: 'file_share',
      files: [
        {
          id: 'F0HUGE',
          mimetype: 'image/jpeg',
          size: 50 * 1024 * 1024,
          url_private_download: fake.slack.fileUrl('T0TEAM-F0HUGE/huge.jpg'),
        },
      ],
    });
    await fake.event(message);
    const answer = await fake.until(
      () => fake.slack.callsTo('chat.postMessage').find((c) => c.body.channel === 'D0DIRECT'),
      'the notice in the DM',
      30_000,
    );
    expect(blocksText(answer.body)).toMatch(/This picture is too large \(50\.0 MiB\)/);
    expect(fake.slack.callsTo('files-pri').length).toBe(before);
  }, 60_000);

  it('a file URL on another host is never fetched with the token', async () => {
    const message = channelMessage('', {
      channel: 'D0OTHER',
      channel_type: 'im',
      subtype: 'file_share',
      files: [
        { id: 'F0EVIL', mimetype: 'image/png', size: 1000, url_private_download: 'http://127.0.0.2:9/x.png' },
      ],
    });
    await fake.event(message);
    const answer = await fake.until(
      () => fake.slack.callsTo('chat.postMessage').find((c) => c.body.channel === 'D0OTHER'),
      'the notice in the DM',
      30_000,
    );
    expect(blocksText(answer.body)).toMatch(/damaged or cannot be decoded/);
  }, 60_000);

  it('the "Explain POP error" shortcut on a message with a screenshot answers what the picture shows', async () => {
    const picture = corpus().find(
      (p) => p.style === 'thunderbird' && p.lang === 'en' && p.theme === 'light',
    )!;
    const bytes = pictureBytes(picture);
    fake.slack.files.set('T0TEAM-F0MENU/shot.png', bytes);
    const ts = nextTs();
    await fake.send('interactive', {
      type: 'message_action',
      callback_id: 'explain_pop_error',
      trigger_id: '1111.3333.abcd',
      team: { id: TEAM, domain: 'test' },
      user: { id: 'U0ASKER', name: 'asker', team_id: TEAM },
      channel: { id: 'C0CHAN', name: 'support' },
      message: {
        type: 'message',
        user: 'U0OTHER',
        text: '',
        ts,
        files: [
          {
            id: 'F0MENU',
            mimetype: 'image/png',
            size: bytes.length,
            url_private_download: fake.slack.fileUrl('T0TEAM-F0MENU/shot.png'),
          },
        ],
      },
      response_url: fake.slack.responseUrl('image-shortcut'),
      action_ts: '1710000000.999',
      token: 'legacy-verification-token',
      is_enterprise_install: false,
    });
    const ephemeral = await fake.until(
      () => fake.slack.callsTo('chat.postEphemeral').find((c) => c.body.thread_ts === ts),
      'the ephemeral answer to the picture',
      90_000,
    );
    const shown = blocksText(ephemeral.body);
    expect(shown).toContain('Read from your screenshot:');
    for (const finding of explain(picture.text, { lang: 'en' }).findings)
      expect(shown).toContain(finding.title);
  }, 120_000);
});
