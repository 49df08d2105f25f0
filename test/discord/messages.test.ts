import { describe, expect, it } from 'vitest';
import type { SafePayload } from '../../adapters/discord/ports.js';
import { makeBot } from './bot-fixture.js';
import {
  apiMessage,
  apiUser,
  BOT_ID,
  FORUM_CHANNEL,
  messageFrom,
  OTHER_CHANNEL,
  SUPPORT_CHANNEL,
} from './fakes.js';

const LOCKED =
  'S: +OK Dovecot ready.\nC: USER joe\nS: +OK\nC: PASS hunter2hunter2\nS: -ERR [IN-USE] Unable to lock maildrop';
const ERROR_ONLY = '-ERR [IN-USE] Unable to lock maildrop: Resource temporarily unavailable';

function payloads(calls: { method: string; payload?: unknown }[]): SafePayload[] {
  return calls.map((c) => c.payload as SafePayload);
}

function shown(p: SafePayload): string {
  return JSON.stringify([p.content ?? '', p.embeds ?? []]);
}

describe('Discord support channels', () => {
  it('answers a POP error posted in a support channel, as one reply with embeds', async () => {
    const { bot } = makeBot();
    const m = messageFrom(apiMessage({ content: ERROR_ONLY, channelId: SUPPORT_CHANNEL }));
    await bot.onMessage(m);
    expect(m.calls.map((c) => c.method)).toEqual(['reply']);
    const [reply] = payloads(m.calls);
    expect(reply!.embeds!.length).toBeGreaterThan(0);
    expect(reply!.embeds![0]!.footer!.text).toMatch(/mailbox\.locked/);
  });

  it('stays silent on a POP error in a channel that is not a support channel', async () => {
    const { bot } = makeBot();
    const m = messageFrom(apiMessage({ content: ERROR_ONLY, channelId: OTHER_CHANNEL }));
    await bot.onMessage(m);
    expect(m.calls).toEqual([]);
  });

  it('stays silent on ordinary chat in a support channel', async () => {
    const { bot } = makeBot();
    const m = messageFrom(apiMessage({ content: 'Hello, does anyone know a good mail client?' }));
    await bot.onMessage(m);
    expect(m.calls).toEqual([]);
  });

  it('answers a new post in a thread of a listed forum channel', async () => {
    const { bot } = makeBot();
    const thread = '300000000000000099';
    const m = messageFrom(apiMessage({ content: ERROR_ONLY, channelId: thread }), {
      threadParentId: FORUM_CHANNEL,
    });
    await bot.onMessage(m);
    expect(m.calls.map((c) => c.method)).toEqual(['reply']);
  });

  it('ignores a thread whose parent is not listed', async () => {
    const { bot } = makeBot();
    const m = messageFrom(apiMessage({ content: ERROR_ONLY, channelId: '300000000000000098' }), {
      threadParentId: OTHER_CHANNEL,
    });
    await bot.onMessage(m);
    expect(m.calls).toEqual([]);
  });

  it('ignores other bots, webhooks and itself', async () => {
    const { bot } = makeBot();
    const fromBot = messageFrom(apiMessage({ content: ERROR_ONLY, author: apiUser(undefined, true) }));
    const fromWebhook = messageFrom(apiMessage({ content: ERROR_ONLY, webhookId: '700000000000000001' }));
    const fromSelf = messageFrom(apiMessage({ content: ERROR_ONLY, author: apiUser(BOT_ID, false) }));
    for (const m of [fromBot, fromWebhook, fromSelf]) await bot.onMessage(m);
    expect([fromBot.calls, fromWebhook.calls, fromSelf.calls]).toEqual([[], [], []]);
  });

  it('answers in the language of the message itself before the guild locale', async () => {
    const { bot } = makeBot();
    const text = `Bonjour, je reçois cette erreur avec mon serveur de courrier depuis ce matin :\n${ERROR_ONLY}`;
    const m = messageFrom(apiMessage({ content: text }), { guildLocale: 'vi' });
    await bot.onMessage(m);
    expect(shown(payloads(m.calls)[0]!)).toContain('Ce que cela signifie');
  });

  it("falls back to the guild's preferred locale, then to POPBOT_DEFAULT_LANG", async () => {
    const { bot } = makeBot({ defaultLang: 'fr' });
    const vi = messageFrom(apiMessage({ content: ERROR_ONLY }), { guildLocale: 'vi' });
    const other = messageFrom(apiMessage({ content: ERROR_ONLY }), { guildLocale: 'de' });
    await bot.onMessage(vi);
    await bot.onMessage(other);
    expect(shown(payloads(vi.calls)[0]!)).toContain('Ý nghĩa');
    expect(shown(payloads(other.calls)[0]!)).toContain('Ce que cela signifie');
  });

  it('warns first about a pasted password, masks it, and advises deleting the message and changing it', async () => {
    const { bot, logs } = makeBot();
    const m = messageFrom(apiMessage({ content: LOCKED }));
    await bot.onMessage(m);
    const [reply] = payloads(m.calls);
    expect(reply!.content!.startsWith('⚠️')).toBe(true);
    expect(reply!.content).toMatch(/delete the message and change the password/);
    expect(shown(reply!)).not.toContain('hunter2hunter2');
    expect(logs.join('\n')).not.toContain('hunter2hunter2');
  });

  it('warns about a password pasted even when the session shows no error', async () => {
    const { bot } = makeBot();
    const m = messageFrom(
      apiMessage({ content: 'S: +OK ready\nC: USER joe\nS: +OK\nC: PASS s3cretPassw0rd\nS: +OK logged in' }),
    );
    await bot.onMessage(m);
    const [reply] = payloads(m.calls);
    expect(reply!.content).toMatch(/^⚠️/);
    expect(shown(reply!)).not.toContain('s3cretPassw0rd');
  });

  it('@everyone, @here, role and user mentions in a paste neither ping nor render live', async () => {
    const { bot } = makeBot();
    const hostile =
      '-ERR @everyone @here <@&123456789012345678> <@123456789012345678> [login](https://evil.example) locked';
    const m = messageFrom(apiMessage({ content: hostile }));
    await bot.onMessage(m);
    const [reply] = payloads(m.calls);
    expect(reply!.allowedMentions.parse).toEqual([]);
    const text = shown(reply!);
    expect(text).not.toMatch(/@everyone|@here|<@&\d|<@\d/);
    expect(text).toContain('@\u200beveryone');
    expect(text).toContain('`-ERR @');
  });

  it('a failing reply (missing permission) is logged without the message, and the bot carries on', async () => {
    const { bot, logs } = makeBot();
    const denied = Object.assign(new Error('Missing Permissions'), {
      code: 50013,
      status: 403,
      method: 'POST',
    });
    const m = messageFrom(apiMessage({ content: ERROR_ONLY }), { failReply: denied });
    await expect(bot.onMessage(m)).resolves.toBeUndefined();
    expect(logs.join('\n')).toMatch(/"code":50013/);
    const next = messageFrom(apiMessage({ content: ERROR_ONLY }));
    await bot.onMessage(next);
    expect(next.calls).toHaveLength(1);
  });

  it('an exception inside the handler does not escape and is logged', async () => {
    const { bot, logs } = makeBot();
    const m = messageFrom(apiMessage({ content: ERROR_ONLY }));
    Object.defineProperty(m, 'content', {
      get() {
        throw new Error('boom');
      },
    });
    await expect(bot.onMessage(m)).resolves.toBeUndefined();
    expect(logs.join('\n')).toContain('discord: handler failed');
  });
});
