import { type APIModalInteractionResponseCallbackData, ComponentType, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { InteractionPayload } from '../../adapters/discord/ports.js';
import { chat } from '../../src/i18n/chat-messages.js';
import { RateLimiter } from '../../src/probe/rate-limit.js';
import type { ProbeReport } from '../../src/probe/types.js';
import { makeBot, sampleReport } from './bot-fixture.js';
import {
  apiMessage,
  apiMessageMenu,
  apiModalSubmit,
  apiSlash,
  type Call,
  menuFrom,
  modalFrom,
  opt,
  slashFrom,
} from './fakes.js';

const ERROR_ONLY = '-ERR [IN-USE] Unable to lock maildrop: Resource temporarily unavailable';

const methods = (calls: Call[]) => calls.map((c) => c.method);
const payload = (calls: Call[], method: string) =>
  calls.find((c) => c.method === method)?.payload as InteractionPayload;
const text = (p: InteractionPayload) => JSON.stringify([p.content ?? '', p.embeds ?? []]);

/** Every send carries allowedMentions with nothing to parse. */
function expectNoMentions(calls: Call[]) {
  for (const c of calls) {
    if (c.method === 'deferReply' || c.method === 'showModal') continue;
    expect((c.payload as InteractionPayload).allowedMentions, c.method).toEqual(
      expect.objectContaining({ parse: [] }),
    );
  }
}

describe('/popcheck', () => {
  it('defers (ephemeral) before the probe, then edits the deferred reply with the report', async () => {
    const order: string[] = [];
    const i = slashFrom(apiSlash('popcheck', [opt.string('host', 'pop.example.com')]));
    const deferReply = i.deferReply.bind(i);
    i.deferReply = async (o) => {
      order.push('defer');
      return deferReply(o);
    };
    const { bot, probes } = makeBot({
      probe: async (request) => {
        order.push('probe');
        return sampleReport(request);
      },
    });
    await bot.onSlashCommand(i);
    expect(order).toEqual(['defer', 'probe']);
    expect(methods(i.calls)).toEqual(['deferReply', 'editReply']);
    expect(payload(i.calls, 'deferReply')).toEqual({ flags: MessageFlags.Ephemeral });
    expect(payload(i.calls, 'editReply').embeds![0]!.title).toContain('pop.example.com');
    expect(probes).toEqual([]);
    expectNoMentions(i.calls);
  });

  it('runs the probe without login, with the guard, the port and the user language', async () => {
    const seen: { request: unknown; deps: unknown }[] = [];
    const { bot } = makeBot({
      probe: async (request, deps) => {
        seen.push({ request, deps });
        return sampleReport(request);
      },
    });
    const i = slashFrom(
      apiSlash('popcheck', [opt.string('host', 'pop.example.com'), opt.integer('port', 110)], {
        locale: 'vi',
      }),
    );
    await bot.onSlashCommand(i);
    expect(seen[0]!.request).toEqual(
      expect.objectContaining({ target: 'pop.example.com', port: 110, lang: 'vi' }),
    );
    expect(seen[0]!.request).not.toHaveProperty('password');
    expect((seen[0]!.deps as { guard?: unknown }).guard).toBeDefined();
  });

  it('public:true makes the reply visible to the channel', async () => {
    const { bot } = makeBot();
    const i = slashFrom(
      apiSlash('popcheck', [opt.string('host', 'pop.example.com'), opt.boolean('public', true)]),
    );
    await bot.onSlashCommand(i);
    expect(payload(i.calls, 'deferReply')).toEqual({});
  });

  it('a hostile server greeting in the report neither pings nor renders as a link', async () => {
    const { bot } = makeBot();
    const i = slashFrom(apiSlash('popcheck', [opt.string('host', 'pop.example.com')]));
    await bot.onSlashCommand(i);
    const shown = text(payload(i.calls, 'editReply'));
    expect(shown).not.toMatch(/@everyone|(?<![\\\u200b])<@&\d/);
    // Escaped as \[click\](…): Discord shows the brackets instead of a link the user did not send.
    expect(shown).toMatch(/\[click\\*\]/);
    expect(shown).not.toMatch(/(?<!\\)\[click\]\(/);
  });

  it('the per-user rate limit answers "try again in N s" without deferring or probing', async () => {
    const limiter = new RateLimiter({ perUser: { limit: 1, windowMs: 60_000 } });
    const { bot } = makeBot({ limiter });
    await bot.onSlashCommand(
      slashFrom(apiSlash('popcheck', [opt.string('host', 'pop.example.com')], { locale: 'fr' })),
    );
    const second = slashFrom(apiSlash('popcheck', [opt.string('host', 'pop.example.com')], { locale: 'fr' }));
    await bot.onSlashCommand(second);
    expect(methods(second.calls)).toEqual(['reply']);
    expect(payload(second.calls, 'reply').flags).toBe(MessageFlags.Ephemeral);
    expect(payload(second.calls, 'reply').content).toMatch(/Réessayez dans \d+ s/);
  });

  it('a password typed into the host option is refused and never echoed', async () => {
    const { bot, probes, logs } = makeBot();
    const i = slashFrom(apiSlash('popcheck', [opt.string('host', 'pop.example.com joe pass=Hunter22x')]));
    await bot.onSlashCommand(i);
    expect(methods(i.calls)).toEqual(['reply']);
    expect(payload(i.calls, 'reply').content).toBe(chat.t('en', 'password-in-command'));
    expect(probes).toEqual([]);
    expect(logs.join('\n')).not.toContain('Hunter22x');
  });

  it('without POPBOT_CHAT_LOGIN a user option gets the "logins are off" notice, no form', async () => {
    const { bot, probes } = makeBot({ chatLogin: false });
    const i = slashFrom(
      apiSlash('popcheck', [opt.string('host', 'pop.example.com'), opt.string('user', 'joe')]),
    );
    await bot.onSlashCommand(i);
    expect(methods(i.calls)).toEqual(['reply']);
    expect(payload(i.calls, 'reply').content).toBe(chat.t('en', 'chat-login-disabled'));
    expect(probes).toEqual([]);
  });

  it('a probe failure after the defer edits the reply once with an internal error', async () => {
    const { bot, logs } = makeBot({
      probe: async () => {
        throw new Error('probe exploded');
      },
    });
    const i = slashFrom(apiSlash('popcheck', [opt.string('host', 'pop.example.com')]));
    await bot.onSlashCommand(i);
    expect(methods(i.calls)).toEqual(['deferReply', 'editReply']);
    expect(payload(i.calls, 'editReply').content).toBe(chat.t('en', 'internal-error'));
    expect(logs.join('\n')).toMatch(/"message":"probe exploded".*"msg":"check failed"/);
    expectNoMentions(i.calls);
  });

  it('an exception before any answer is answered once, ephemeral, with the internal-error notice', async () => {
    const { bot, logs } = makeBot();
    const i = slashFrom(apiSlash('poperror', [opt.string('text', ERROR_ONLY)], { locale: 'fr' }));
    i.options.getString = () => {
      throw new Error('resolver broke');
    };
    await expect(bot.onSlashCommand(i)).resolves.toBeUndefined();
    expect(methods(i.calls)).toEqual(['reply']);
    expect(payload(i.calls, 'reply')).toEqual({
      content: chat.t('fr', 'internal-error'),
      embeds: [],
      allowedMentions: { parse: [] },
      flags: MessageFlags.Ephemeral,
    });
    expect(logs.join('\n')).toContain('resolver broke');
  });

  it('an expired interaction (defer refused by Discord) is logged and dropped, without probing', async () => {
    const { bot, probes, logs } = makeBot();
    const expired = Object.assign(new Error('Unknown interaction'), { code: 10062, status: 404 });
    const i = slashFrom(apiSlash('popcheck', [opt.string('host', 'pop.example.com')]), {
      deferReply: expired,
    });
    await bot.onSlashCommand(i);
    expect(methods(i.calls)).toEqual(['deferReply']);
    expect(probes).toEqual([]);
    expect(logs.join('\n')).toMatch(/"code":10062/);
    expect(logs.join('\n')).not.toContain('interaction-token-secret');
  });
});

describe('/popcheck with POPBOT_CHAT_LOGIN=true', () => {
  it('shows the password form with the plain warning, then probes with the password from the form', async () => {
    const requests: unknown[] = [];
    const { bot, logs } = makeBot({
      chatLogin: true,
      probe: async (request) => {
        requests.push(request);
        return sampleReport(request);
      },
    });
    const i = slashFrom(
      apiSlash('popcheck', [opt.string('host', 'pop.example.com'), opt.string('user', 'joe')], {
        locale: 'fr',
      }),
    );
    await bot.onSlashCommand(i);
    expect(methods(i.calls)).toEqual(['showModal']);
    const modal = payload(i.calls, 'showModal') as unknown as APIModalInteractionResponseCallbackData;
    expect(JSON.stringify(modal)).toContain(chat.t('fr', 'chat-login-warning'));
    const label = modal.components.find((c) => c.type === ComponentType.Label);
    expect(label && 'component' in label && label.component.type).toBe(ComponentType.TextInput);
    expect(requests).toEqual([]);

    const submit = modalFrom(apiModalSubmit(modal.custom_id, { password: 'S3cret-pass!' }, { locale: 'fr' }));
    await bot.onModalSubmit(submit);
    expect(methods(submit.calls)).toEqual(['deferReply', 'editReply']);
    expect(payload(submit.calls, 'deferReply')).toEqual({ flags: MessageFlags.Ephemeral });
    expect(requests[0]).toEqual(
      expect.objectContaining({
        target: 'pop.example.com',
        user: 'joe',
        password: 'S3cret-pass!',
        lang: 'fr',
      }),
    );
    expect(text(payload(submit.calls, 'editReply'))).not.toContain('S3cret-pass!');
    expect(logs.join('\n')).not.toContain('S3cret-pass!');
    expectNoMentions(submit.calls);
  });

  it('a form submitted twice, or by someone else, does not run the probe again', async () => {
    const { bot, probes } = makeBot({ chatLogin: true });
    const i = slashFrom(
      apiSlash('popcheck', [opt.string('host', 'pop.example.com'), opt.string('user', 'joe')]),
    );
    await bot.onSlashCommand(i);
    const id = (payload(i.calls, 'showModal') as unknown as APIModalInteractionResponseCallbackData)
      .custom_id;
    await bot.onModalSubmit(modalFrom(apiModalSubmit(id, { password: 'x1' })));
    const again = modalFrom(apiModalSubmit(id, { password: 'x1' }));
    await bot.onModalSubmit(again);
    expect(methods(again.calls)).toEqual(['reply']);
    expect(payload(again.calls, 'reply').flags).toBe(MessageFlags.Ephemeral);
    expect(probes).toHaveLength(1);

    const j = slashFrom(
      apiSlash('popcheck', [opt.string('host', 'pop.example.com'), opt.string('user', 'joe')]),
    );
    await bot.onSlashCommand(j);
    const id2 = (payload(j.calls, 'showModal') as unknown as APIModalInteractionResponseCallbackData)
      .custom_id;
    const stranger = modalFrom(apiModalSubmit(id2, { password: 'x2' }, { userId: '600000000000000999' }));
    await bot.onModalSubmit(stranger);
    expect(methods(stranger.calls)).toEqual(['reply']);
    expect(probes).toHaveLength(1);
  });
});

describe('/poperror and the "Explain POP error" message command', () => {
  it('/poperror explains a pasted error, ephemeral, in the user locale', async () => {
    const { bot } = makeBot();
    const i = slashFrom(apiSlash('poperror', [opt.string('text', ERROR_ONLY)], { locale: 'vi' }));
    await bot.onSlashCommand(i);
    expect(methods(i.calls)).toEqual(['reply']);
    const p = payload(i.calls, 'reply');
    expect(p.flags).toBe(MessageFlags.Ephemeral);
    expect(text(p)).toContain('Ý nghĩa');
    expectNoMentions(i.calls);
  });

  it('/poperror shows an entry by its code, and lang:fr overrides the locale', async () => {
    const { bot } = makeBot();
    const i = slashFrom(
      apiSlash('poperror', [
        opt.string('text', 'unable-to-lock-maildrop lang:fr'),
        opt.boolean('public', true),
      ]),
    );
    await bot.onSlashCommand(i);
    const p = payload(i.calls, 'reply');
    expect(p.flags).toBeUndefined();
    expect(p.embeds![0]!.footer!.text).toContain('unable-to-lock-maildrop');
    expect(text(p)).toContain('Ce que cela signifie');
  });

  it('/poperror public:true with a password in the paste stays ephemeral', async () => {
    const { bot } = makeBot();
    const paste = 'C: USER joe\nS: +OK\nC: PASS Tr0ub4dor&3\nS: -ERR [AUTH] Authentication failed.';
    const i = slashFrom(apiSlash('poperror', [opt.string('text', paste), opt.boolean('public', true)]));
    await bot.onSlashCommand(i);
    const p = payload(i.calls, 'reply');
    expect(p.flags).toBe(MessageFlags.Ephemeral);
    expect(p.content).toMatch(/^⚠️/);
    expect(text(p)).not.toContain('Tr0ub4dor');
  });

  it('the context-menu command explains the target message, ephemeral, in the user locale', async () => {
    const { bot } = makeBot();
    const target = apiMessage({ content: `@everyone help!\n${ERROR_ONLY}` });
    const i = menuFrom(apiMessageMenu(target, { locale: 'fr', guildLocale: 'en-US' }));
    await bot.onMessageMenu(i);
    const p = payload(i.calls, 'reply');
    expect(p.flags).toBe(MessageFlags.Ephemeral);
    expect(text(p)).toContain('Ce que cela signifie');
    expect(text(p)).not.toMatch(/@everyone/);
    expectNoMentions(i.calls);
  });

  it('the context-menu command on a message without text says so', async () => {
    const { bot } = makeBot();
    const i = menuFrom(apiMessageMenu(apiMessage({ content: '' }), { locale: 'en-GB' }));
    await bot.onMessageMenu(i);
    expect(payload(i.calls, 'reply').content).toMatch(/no text/);
  });

  it('a locale popbot does not speak falls back to the guild locale', async () => {
    const { bot } = makeBot();
    const i = slashFrom(
      apiSlash('poperror', [opt.string('text', ERROR_ONLY)], { locale: 'de', guildLocale: 'fr' }),
    );
    await bot.onSlashCommand(i);
    expect(text(payload(i.calls, 'reply'))).toContain('Ce que cela signifie');
  });
});

describe('shutdown', () => {
  it('stop() cancels running probes, lets their replies finish, then takes no new events', async () => {
    let release: (() => void) | undefined;
    const { bot } = makeBot({
      probe: (request) =>
        new Promise<ProbeReport>((resolve) => {
          release = () => resolve({ ...sampleReport(request), exitCode: 3 });
          request.signal?.addEventListener('abort', () => release?.());
        }),
    });
    const i = slashFrom(apiSlash('popcheck', [opt.string('host', 'pop.example.com')]));
    const running = bot.onSlashCommand(i);
    await new Promise((r) => setImmediate(r));
    expect(bot.inFlight).toBe(1);
    await bot.stop(2000);
    await running;
    expect(methods(i.calls)).toEqual(['deferReply', 'editReply']);
    const late = slashFrom(apiSlash('poperror', [opt.string('text', ERROR_ONLY)]));
    await bot.onSlashCommand(late);
    expect(late.calls).toEqual([]);
  });
});
