import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMessage, apiMessageMenu, apiSlash, apiUser, opt } from '../discord/fakes.js';
import { DISCORD_IDS, type FakeDiscord, startFakeDiscord } from '../support/fake-discord.js';
import { OP, type Received } from '../support/fake-discord-gateway.js';
import { ensureBuilt, type PopbotProcess, spawnPopbot, STACK_LINE } from '../support/spawn-popbot.js';

/**
 * A real `popbot start` against Discord's gateway v10 and REST API played on 127.0.0.1: what the bot sends
 * on the wire, and that it keeps answering through every way Discord ends a connection. One process serves
 * the whole file; each test starts from a connected bot and leaves it connected.
 */

const INTENTS = 1 /* Guilds */ | 512 /* GuildMessages */ | 32768; /* MessageContent */
const PASTE = '-ERR [IN-USE] Unable to lock maildrop';
const REPLIES = /^\/channels\/300000000000000003\/messages$/;
const CALLBACKS = /^\/interactions\/\d+\/[^/]+\/callback$/;
// Short enough that a zombie connection shows within a second; Discord's is 41 250 ms.
const HEARTBEAT_MS = 400;

interface ReplyBody {
  embeds?: unknown[];
  message_reference?: { message_id: string };
  allowed_mentions?: { parse?: string[] };
}

interface Callback {
  type: number;
  data: { flags?: number; embeds?: unknown[]; allowed_mentions?: { parse?: string[] } };
}

function guildMessage(content: string) {
  return {
    ...apiMessage({ content, channelId: DISCORD_IDS.support, author: apiUser() }),
    guild_id: DISCORD_IDS.guild,
  };
}

describe('popbot start over the Discord gateway (a real process, Discord faked on loopback)', () => {
  let discord: FakeDiscord;
  let popbot: PopbotProcess;
  beforeAll(async () => {
    ensureBuilt();
    discord = await startFakeDiscord({ heartbeatIntervalMs: HEARTBEAT_MS });
    popbot = spawnPopbot(['start'], discord.env, 300_000);
    await popbot.waitForStderr(/popbot started/, 30_000);
  }, 180_000);
  afterAll(async () => {
    await popbot?.kill();
    await discord?.close();
  });

  const gateway = () => discord.gateway;
  const identifies = () => gateway().received.filter((p) => p.op === OP.identify);

  /** Posts a paste in the support channel and resolves with popbot's reply to it. */
  async function askInChannel(content = PASTE): Promise<{ id: string; reply: ReplyBody }> {
    const before = discord.restCalls('POST', REPLIES).length;
    const message = guildMessage(content);
    gateway().dispatch('MESSAGE_CREATE', message);
    const call = await discord.waitForRest('POST', REPLIES, before + 1);
    return { id: message.id, reply: call.body as ReplyBody };
  }

  /** Resolves with the first payload of `op` on a connection newer than the live one at call time. */
  function nextOnNewConnection(op: number): Promise<Received> {
    const live = gateway().connections;
    return gateway().waitFor((p) => p.op === op && p.connection > live);
  }

  it('IDENTIFY asks for Guilds, GuildMessages and MessageContent, with the token, as shard 0 of 1', async () => {
    const identify = await gateway().waitFor((p) => p.op === OP.identify);
    const d = identify.d as { intents: number; token: string; shard: number[] };
    expect(d.intents).toBe(INTENTS);
    expect(d.token).toBe(discord.env.DISCORD_TOKEN);
    expect(d.shard).toEqual([0, 1]);
  });

  it('a paste in the support channel is answered in a reply to it that pings nobody', async () => {
    const { id, reply } = await askInChannel();
    expect(reply.message_reference?.message_id).toBe(id);
    expect(reply.allowed_mentions?.parse).toEqual([]);
    expect(JSON.stringify(reply.embeds)).toMatch(/IN-USE|lock/i);
  });

  it('a message outside the support channels gets no answer', async () => {
    const before = discord.rest.calls.length;
    gateway().dispatch('MESSAGE_CREATE', {
      ...apiMessage({ content: PASTE, channelId: DISCORD_IDS.other }),
      guild_id: DISCORD_IDS.guild,
    });
    // The next support-channel answer proves the first message was handled (events are processed in order).
    await askInChannel();
    expect(discord.rest.calls.slice(before).filter((c) => c.path.includes(DISCORD_IDS.other))).toEqual([]);
  });

  it('/poperror is answered by one callback (type 4), ephemeral, that pings nobody', async () => {
    const before = discord.restCalls('POST', CALLBACKS).length;
    const interaction = apiSlash('poperror', [opt.string('text', PASTE)]);
    gateway().dispatch('INTERACTION_CREATE', interaction);
    const call = await discord.waitForRest('POST', CALLBACKS, before + 1);
    expect(call.path).toContain(`/interactions/${interaction.id}/`);
    const body = call.body as Callback;
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.allowed_mentions?.parse).toEqual([]);
    expect(JSON.stringify(body.data.embeds)).toMatch(/IN-USE|lock/i);
  });

  it('the "Explain POP error" message command explains the message it was used on', async () => {
    const before = discord.restCalls('POST', CALLBACKS).length;
    const target = apiMessage({ content: PASTE, channelId: DISCORD_IDS.support });
    gateway().dispatch('INTERACTION_CREATE', apiMessageMenu(target));
    const call = await discord.waitForRest('POST', CALLBACKS, before + 1);
    const body = call.body as Callback;
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(JSON.stringify(body.data.embeds)).toMatch(/IN-USE|lock/i);
  });

  describe('resumes the same session, then still answers', () => {
    async function expectResumed(disrupt: () => void): Promise<void> {
      const identified = identifies().length;
      const session = gateway().sessionId;
      const resumed = nextOnNewConnection(OP.resume);
      disrupt();
      const resume = (await resumed).d as { session_id: string; seq: number; token: string };
      expect(resume.token).toBe(discord.env.DISCORD_TOKEN);
      expect(resume.session_id).toBe(session);
      expect(resume.seq).toBeGreaterThan(0);
      await askInChannel();
      expect(identifies()).toHaveLength(identified);
    }

    it('after the gateway closes with 4000 (unknown error)', async () => {
      await expectResumed(() => gateway().closeWith(4000));
    });

    it('after op 7 (reconnect)', async () => {
      await expectResumed(() => gateway().requestReconnect());
    });

    it('after its heartbeats go unacknowledged (a zombie connection)', async () => {
      await expectResumed(() => gateway().stopAcking());
    });

    it('after the TCP connection drops without a close frame', async () => {
      await expectResumed(() => gateway().dropConnection());
    });

    it('and answers a message sent while it was disconnected, replayed on RESUME', async () => {
      const before = discord.restCalls('POST', REPLIES).length;
      const resumed = nextOnNewConnection(OP.resume);
      gateway().dropConnection();
      const missed = guildMessage(PASTE);
      gateway().dispatch('MESSAGE_CREATE', missed);
      await resumed;
      const reply = (await discord.waitForRest('POST', REPLIES, before + 1)).body as ReplyBody;
      expect(reply.message_reference?.message_id).toBe(missed.id);
    });
  });

  describe('identifies again when the session is gone, then still answers', () => {
    async function expectReidentified(disrupt: () => void): Promise<void> {
      const identified = identifies().length;
      const gone = gateway().sessionId;
      const next = nextOnNewConnection(OP.identify);
      disrupt();
      const identify = (await next).d as { intents: number };
      expect(identify.intents).toBe(INTENTS);
      expect(gateway().sessionId).toMatch(/^session-/);
      expect(gateway().sessionId).not.toBe(gone);
      expect(identifies()).toHaveLength(identified + 1);
      await askInChannel();
    }

    it('after op 9 (invalid session, not resumable)', async () => {
      await expectReidentified(() => gateway().invalidateSession(false));
    });

    it('after the gateway closes with 1000', async () => {
      await expectReidentified(() => gateway().closeWith(1000, true));
    });
  });

  it('logged no stack trace and never the token', () => {
    expect(popbot.stderr()).not.toMatch(STACK_LINE);
    expect(popbot.stderr() + popbot.stdout()).not.toContain(discord.env.DISCORD_TOKEN);
  });
});

describe('popbot start when the gateway refuses it for good', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    ensureBuilt();
    discord = await startFakeDiscord();
  }, 180_000);
  afterAll(async () => {
    await discord?.close();
  });

  it('4004 (authentication failed) while running: the cause logged, exit 2 within seconds, naming DISCORD_TOKEN', async () => {
    const popbot = spawnPopbot(['start'], discord.env, 60_000);
    try {
      await popbot.waitForStderr(/popbot started/, 30_000);
      const closed = Date.now();
      discord.gateway.closeWith(4004);
      const { code } = await popbot.exited;
      const took = Date.now() - closed;
      expect(code, popbot.stderr()).toBe(2);
      // No retry, no 250 ms "exit 0": it stops as soon as its adapters have (well inside the 10 s grace).
      expect(took).toBeLessThan(5_000);
      expect(popbot.stderr()).toMatch(/"code":4004.*"msg":"discord: gateway closed for good"/);
      expect(popbot.stderr()).toMatch(/"adapter":"discord".*"msg":"an adapter gave up; stopping popbot"/);
      expect(popbot.stderr()).toMatch(
        /^popbot: invalid configuration:\n {2}DISCORD_TOKEN: Discord rejected the token/m,
      );
      expect(popbot.stderr()).not.toMatch(STACK_LINE);
      expect(popbot.stderr()).not.toContain(discord.env.DISCORD_TOKEN);
      // It really gave up: no IDENTIFY or RESUME after the close.
      const afterClose = discord.gateway.received.filter((p) => p.op === OP.identify || p.op === OP.resume);
      expect(afterClose).toHaveLength(1);
    } finally {
      await popbot.kill();
    }
  });

  it('4014 (disallowed intents) at start: exit 2, telling to enable the Message Content intent', async () => {
    discord.gateway.onIdentify = { close: 4014 };
    const popbot = spawnPopbot(['start'], discord.env, 30_000);
    try {
      const { code } = await popbot.exited;
      expect(code, popbot.stderr()).toBe(2);
      expect(popbot.stderr()).toMatch(
        /^popbot: invalid configuration:\n {2}DISCORD_SUPPORT_CHANNELS: the Message Content intent is not enabled/m,
      );
      expect(popbot.stderr()).toContain('Privileged Gateway Intents');
      expect(popbot.stderr()).not.toMatch(/internal error/);
      expect(popbot.stderr()).not.toMatch(STACK_LINE);
      expect(popbot.stderr()).not.toContain(discord.env.DISCORD_TOKEN);
    } finally {
      await popbot.kill();
    }
  });
});
