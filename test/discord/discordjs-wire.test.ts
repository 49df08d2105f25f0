import {
  ChatInputCommandInteraction,
  Client,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot } from './bot-fixture.js';
import { FakeDiscordRest, type RestCall } from '../support/fake-discord-rest.js';
import { APP_ID, apiMessage, apiMessageMenu, apiModalSubmit, apiSlash, opt } from './fakes.js';

/**
 * The same handlers, driven by discord.js's own interaction classes built from gateway payloads: their
 * replies travel through discord.js's REST client to a fake Discord on 127.0.0.1. This proves the narrow
 * interface matches discord.js at run time and shows what actually goes on the wire.
 */

function original(call: RestCall) {
  return { status: 200, body: { ...apiMessage({ content: '' }), ...(call.body as object) } };
}

describe('handlers on real discord.js interactions, over the wire', () => {
  let rest: FakeDiscordRest;
  let client: Client;
  beforeEach(async () => {
    rest = await new FakeDiscordRest().start();
    rest.handle = (call) => {
      if (call.method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback/.test(call.path))
        return { status: 204 };
      if (call.method === 'PATCH' && call.path.endsWith('/messages/@original')) return original(call);
      return { status: 404, body: { message: 'Unknown route', code: 0 } };
    };
    client = new Client({ intents: [], rest: { api: rest.api } });
  });
  afterEach(async () => {
    await client.destroy();
    await rest.close();
  });

  // discord.js keeps these constructors private: the gateway builds them; here the test plays the gateway.
  const build = <T>(cls: { prototype: T }, data: unknown): T =>
    Reflect.construct(cls as unknown as new (...args: unknown[]) => T, [client, data]);

  it('/popcheck: a deferred ephemeral callback (type 5, flags 64), then PATCH @original with parse: []', async () => {
    const { bot, logs } = makeBot();
    const interaction = build(
      ChatInputCommandInteraction,
      apiSlash('popcheck', [opt.string('host', 'pop.example.com')]),
    );
    await bot.onSlashCommand(interaction);
    expect(logs.join('\n')).not.toContain('platform call failed');
    expect(rest.calls.map((c) => c.method)).toEqual(['POST', 'PATCH']);
    expect(rest.calls[0]!.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(rest.calls[1]!.path).toBe(
      `/api/v10/webhooks/${APP_ID}/interaction-token-secret/messages/@original`,
    );
    const edit = rest.calls[1]!.body as { allowed_mentions: unknown; embeds: { title: string }[] };
    expect(edit.allowed_mentions).toEqual({ parse: [] });
    expect(edit.embeds[0]!.title).toContain('pop.example.com');
  });

  it('/poperror: one reply callback (type 4), ephemeral, with parse: []', async () => {
    const { bot } = makeBot();
    const interaction = build(
      ChatInputCommandInteraction,
      apiSlash('poperror', [opt.string('text', '-ERR [IN-USE] Unable to lock maildrop')]),
    );
    await bot.onSlashCommand(interaction);
    expect(rest.calls).toHaveLength(1);
    const body = rest.calls[0]!.body as {
      type: number;
      data: { flags: number; allowed_mentions: unknown; embeds: unknown[] };
    };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.embeds.length).toBeGreaterThan(0);
  });

  it('the message command reads the target message from the interaction (no Message Content intent needed)', async () => {
    const { bot } = makeBot();
    const target = apiMessage({ content: '@everyone\n-ERR [IN-USE] Unable to lock maildrop' });
    const interaction = build(MessageContextMenuCommandInteraction, apiMessageMenu(target, { locale: 'fr' }));
    await bot.onMessageMenu(interaction);
    const body = rest.calls[0]!.body as {
      data: { flags: number; allowed_mentions: unknown; embeds: { footer: { text: string } }[] };
    };
    expect(body.data.flags).toBe(64);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.embeds[0]!.footer.text).toContain('mailbox.locked');
    expect(JSON.stringify(body)).not.toMatch(/@everyone/);
  });

  it('POPBOT_CHAT_LOGIN: the modal callback (type 9) carries the warning; its submission reads the password', async () => {
    const { bot, probes } = makeBot({ chatLogin: true });
    const slash = build(
      ChatInputCommandInteraction,
      apiSlash('popcheck', [opt.string('host', 'pop.example.com'), opt.string('user', 'joe')]),
    );
    await bot.onSlashCommand(slash);
    const modal = rest.calls[0]!.body as { type: number; data: { custom_id: string; components: unknown[] } };
    expect(modal.type).toBe(9);
    expect(JSON.stringify(modal.data.components)).toContain('not masked');
    const submit = build(
      ModalSubmitInteraction,
      apiModalSubmit(modal.data.custom_id, { password: 'pw-from-form' }),
    );
    await bot.onModalSubmit(submit);
    expect(probes[0]).toEqual(expect.objectContaining({ user: 'joe', password: 'pw-from-form' }));
    expect(rest.calls.slice(1).map((c) => c.method)).toEqual(['POST', 'PATCH']);
    expect(JSON.stringify(rest.calls.slice(1).map((c) => c.body))).not.toContain('pw-from-form');
  });
});
