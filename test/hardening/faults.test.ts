import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatInputCommandInteraction, Client } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/knowledge/paths.js';
import { makeBot } from '../discord/bot-fixture.js';
import { FakeDiscordRest, type RestCall } from '../discord/fake-rest.js';
import { apiSlash, FAKE_TOKEN, opt } from '../discord/fakes.js';
import { type FakeSlack, startFakeSlack, TEAM } from '../slack/fake-slack.js';
import { settle } from '../slack/harness.js';
import { channelMessage, postCommand, postEvent } from '../slack/signed.js';
import { runCli } from '../support/cli-io.js';
import { fromGateway } from '../support/discord-wire.js';
import { startDroppingProxy } from '../support/dropping-proxy.js';
import { type FakePopServer, startFakePopServer } from '../support/fake-pop-server.js';
import { ensureBuilt, freePort, STACK_LINE, spawnPopbot } from '../support/spawn-popbot.js';

/**
 * Platform faults and operator mistakes that test/slack and test/discord do not already play: Discord's
 * REST rate limit and a dropped connection under a real discord.js interaction, signals on a real
 * `popbot start` process, and configuration or knowledge files the bot must refuse to start with.
 */

// ---------------------------------------------------------------- Discord REST

const CALLBACK = /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback/;

describe('Discord REST faults under a real discord.js interaction', () => {
  let rest: FakeDiscordRest;
  const clients: Client[] = [];
  beforeAll(async () => {
    rest = await new FakeDiscordRest().start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.destroy()));
    rest.calls.length = 0;
  });
  afterAll(async () => {
    await rest?.close();
  });

  const client = (api = rest.api) => {
    const c = new Client({ intents: [], rest: { api, retries: 2, timeout: 3000 } });
    clients.push(c);
    return c;
  };
  const poperror = (c: Client) =>
    fromGateway(
      ChatInputCommandInteraction,
      c,
      apiSlash('poperror', [opt.string('text', '-ERR [IN-USE] Unable to lock maildrop')]),
    );
  const callbacks = () => rest.calls.filter((c) => CALLBACK.test(c.path));

  it('a 429 with Retry-After on the reply is waited out and retried: one reply delivered, nothing logged as lost', async () => {
    let limited = false;
    rest.handle = (call: RestCall) => {
      if (!CALLBACK.test(call.path)) return { status: 404, body: { message: 'Unknown route', code: 0 } };
      if (!limited) {
        limited = true;
        return {
          status: 429,
          body: { message: 'You are being rate limited.', retry_after: 0.2, global: false },
          headers: { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' },
        };
      }
      return { status: 204 };
    };
    const { bot, logs } = makeBot();
    const started = Date.now();
    await bot.onSlashCommand(poperror(client()));
    expect(callbacks()).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(logs.join('')).not.toContain('platform call failed');
  });

  it('a network drop before the reply reached Discord: discord.js sends it again, one reply arrives, nothing logged as lost', async () => {
    rest.handle = (call) => (CALLBACK.test(call.path) ? { status: 204 } : { status: 404 });
    const proxy = await startDroppingProxy(Number(new URL(rest.api).port), 1);
    try {
      const { bot, logs } = makeBot();
      await expect(
        bot.onSlashCommand(poperror(client(`http://127.0.0.1:${proxy.port}/api`))),
      ).resolves.toBeUndefined();
      expect(proxy.dropped).toBe(1);
      expect(callbacks()).toHaveLength(1);
      expect(logs.join('')).not.toContain('platform call failed');
    } finally {
      await proxy.close();
    }
  });

  it('a reply Discord says was already acknowledged (40060, after a drop on the way back) is logged and never sent a third time', async () => {
    rest.handle = (call) =>
      CALLBACK.test(call.path)
        ? { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } }
        : { status: 404 };
    const { bot, logs } = makeBot();
    await expect(bot.onSlashCommand(poperror(client()))).resolves.toBeUndefined();
    expect(callbacks()).toHaveLength(1);
    const log = logs.join('');
    expect(log).toMatch(/"code":40060/);
    expect(log).not.toContain('interaction-token-secret');
  });

  it('an expired interaction (404 Unknown interaction) is logged with its code, not its token, and the next one is served', async () => {
    let first = true;
    rest.handle = (call) => {
      if (!CALLBACK.test(call.path)) return { status: 404 };
      if (first) {
        first = false;
        return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
      }
      return { status: 204 };
    };
    const { bot, logs } = makeBot();
    const c = client();
    await expect(bot.onSlashCommand(poperror(c))).resolves.toBeUndefined();
    await bot.onSlashCommand(poperror(c));
    expect(callbacks()).toHaveLength(2);
    const log = logs.join('');
    expect(log).toMatch(/"code":10062/);
    expect(log).not.toContain('interaction-token-secret');
  });
});

// ---------------------------------------------------------------- signals on a real process

describe('SIGTERM and SIGINT on `node bin/popbot.js start` (Slack HTTP mode on loopback)', () => {
  const SIGNING = '0123456789abcdef0123456789abcdef';
  let slack: FakeSlack;
  let pop: FakePopServer;
  beforeAll(async () => {
    ensureBuilt();
    slack = await startFakeSlack();
    // Never greets: a probe against it runs until cancelled.
    pop = await startFakePopServer({ greeting: null });
  }, 120_000);
  afterAll(async () => {
    await slack?.close();
    await pop?.close();
  });

  async function start() {
    const port = await freePort();
    const p = spawnPopbot(['start'], {
      SLACK_BOT_TOKEN: 'xoxb-1111-2222-signaltest',
      SLACK_SIGNING_SECRET: SIGNING,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      POPBOT_PROBE_ALLOW: '127.0.0.0/8',
      POPBOT_PROBE_PORTS: String(pop.port),
    });
    await p.waitForStderr(/popbot started/);
    return { p, url: `http://127.0.0.1:${port}/slack/events` };
  }

  it('SIGTERM with a reply in flight: the reply finishes, then exit 0 within the bound, the port closed', async () => {
    const { p, url } = await start();
    try {
      slack.script('chat.postMessage', { delayMs: 1200 });
      const before = slack.callsTo('chat.postMessage').length;
      const event = channelMessage('-ERR [IN-USE] Unable to lock maildrop', { user: 'U0A' });
      await postEvent(url, event, { secret: SIGNING });
      await slack.waitFor('chat.postMessage', before + 1);
      const signalled = Date.now();
      p.child.kill('SIGTERM');
      const { code, signal } = await p.exited;
      const took = Date.now() - signalled;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      // It waited for Slack's (slow) answer, and not for the 10 s grace.
      expect(took).toBeGreaterThanOrEqual(800);
      expect(took).toBeLessThan(6000);
      expect(p.stderr()).toMatch(/"signal":"SIGTERM".*shutting down/);
      expect(p.stderr()).toMatch(/"kind":"explanation".*"msg":"answered"/);
      expect(p.stderr()).not.toContain('dropped');
      expect(p.stderr()).not.toMatch(STACK_LINE);
      await expect(fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow();
    } finally {
      await p.kill();
    }
  });

  it('SIGINT with a probe running: the probe is cancelled, its user told so, its socket closed, exit 0 at once', async () => {
    const { p, url } = await start();
    try {
      const connectionsBefore = pop.connections;
      await postCommand(
        url,
        {
          token: 'legacy',
          team_id: TEAM,
          channel_id: 'C0CHAN',
          user_id: 'U0A',
          command: '/popcheck',
          text: `127.0.0.1 ${pop.port}`,
          response_url: slack.responseUrl('sigint'),
          trigger_id: 't',
          api_app_id: 'A0APP',
        },
        { secret: SIGNING },
      );
      for (let i = 0; i < 200 && pop.connections === connectionsBefore; i++) await settle(20);
      expect(pop.connections).toBeGreaterThan(connectionsBefore);
      const signalled = Date.now();
      p.child.kill('SIGINT');
      const { code } = await p.exited;
      expect(code).toBe(0);
      // The probe's step limit is 10 s: the exit did not wait for it.
      expect(Date.now() - signalled).toBeLessThan(4000);
      const responses = slack.responses('sigint');
      expect(JSON.stringify(responses.at(-1)?.body)).toContain('cancelled');
      for (let i = 0; i < 50 && pop.sessions.some((s) => !s.socket.destroyed); i++) await settle(20);
      expect(pop.sessions.every((s) => s.socket.destroyed)).toBe(true);
    } finally {
      await p.kill();
    }
  });
});

// ---------------------------------------------------------------- refusing to start

describe('the bot refuses to start on bad configuration: exit 2, the variable named, no stack trace', () => {
  it.each([
    ['POPBOT_PROBE_PORTS=abc', { POPBOT_PROBE_PORTS: 'abc' }, 'POPBOT_PROBE_PORTS'],
    [
      'POPBOT_DEFAULT_LANG=de (a language popbot does not speak)',
      { POPBOT_DEFAULT_LANG: 'de' },
      'POPBOT_DEFAULT_LANG',
    ],
    ['LOG_LEVEL=loud', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['POPBOT_CHAT_LOGIN=perhaps', { POPBOT_CHAT_LOGIN: 'perhaps' }, 'POPBOT_CHAT_LOGIN'],
    [
      'SLACK_APP_TOKEN without SLACK_BOT_TOKEN',
      { SLACK_APP_TOKEN: 'xapp-1-A0APP-1-abcdef' },
      'SLACK_BOT_TOKEN',
    ],
    [
      'SLACK_SIGNING_SECRET without SLACK_BOT_TOKEN',
      { SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef' },
      'SLACK_BOT_TOKEN',
    ],
    [
      'DISCORD_APPLICATION_ID without DISCORD_TOKEN',
      { DISCORD_APPLICATION_ID: '100000000000000001' },
      'DISCORD_TOKEN',
    ],
    [
      'a DISCORD_TOKEN without DISCORD_APPLICATION_ID',
      { DISCORD_TOKEN: FAKE_TOKEN },
      'DISCORD_APPLICATION_ID',
    ],
    [
      'POPBOT_PROBE_ALLOW=10.0.0.0/99 with Slack configured',
      {
        SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
        SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
        POPBOT_PROBE_ALLOW: '10.0.0.0/99',
      },
      'POPBOT_PROBE_ALLOW',
    ],
  ])('%s', async (_name, env, variable) => {
    const run = await runCli(['start'], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(variable);
    expect(run.stderr).toMatch(/^popbot: invalid configuration/);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stdout).toBe('');
  });
});

describe('the bot refuses to start on a broken knowledge base: exit 3, the file named, no stack trace', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'popbot-kb-'));
  }, 120_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the knowledge base with one change made by `spoil`. */
  function brokenCopy(name: string, spoil: (entries: string) => void): string {
    const copy = join(dir, name);
    cpSync(join(projectRoot(), 'knowledge'), copy, { recursive: true });
    spoil(join(copy, 'entries'));
    return copy;
  }

  const slack = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef' };
  const discord = { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: '100000000000000001' };

  // Every API call is cut at once: a bot that got past its knowledge check fails differently, and fast.
  async function startWith(cases: readonly (readonly [string, NodeJS.ProcessEnv, string, string])[]) {
    const cut = await startDroppingProxy(await freePort(), Number.POSITIVE_INFINITY);
    const api = `http://127.0.0.1:${cut.port}/api`;
    const runs: { name: string; file: string; p: ReturnType<typeof spawnPopbot> }[] = [];
    try {
      runs.push(
        ...(await Promise.all(
          cases.map(async ([name, env, kb, file]) => ({
            name,
            file,
            p: spawnPopbot(
              ['start'],
              {
                ...env,
                ...(env.SLACK_BOT_TOKEN ? { SLACK_API_URL: `${api}/` } : { DISCORD_API_URL: api }),
                PORT: String(await freePort()),
                POPBOT_KNOWLEDGE_DIR: kb,
              },
              // Each start parses and validates the whole broken copy (no cache fits it): generous under load.
              30_000,
            ),
          })),
        )),
      );
      for (const r of runs) {
        const { code } = await r.p.exited;
        const err = r.p.stderr();
        expect({ case: r.name, code }).toEqual({ case: r.name, code: 3 });
        expect(err, r.name).toContain(r.file);
        expect(err, r.name).toMatch(/knowledge base/i);
        expect(err, r.name).not.toMatch(STACK_LINE);
      }
    } finally {
      await Promise.all(runs.map((r) => r.p.kill()));
      await cut.close();
    }
  }

  it('an entry that is not valid YAML, or misses its texts: refused under Slack and under Discord', async () => {
    const yaml = brokenCopy('yaml', (e) =>
      writeFileSync(join(e, 'mailbox', 'zz-broken.yaml'), 'id: [unterminated\n'),
    );
    const field = brokenCopy('field', (e) =>
      writeFileSync(join(e, 'mailbox', 'zz-no-text.yaml'), 'id: zz-no-text\ncategory: mailbox.locked\n'),
    );
    await startWith([
      ['invalid YAML (Slack)', slack, yaml, 'zz-broken.yaml'],
      ['invalid YAML (Discord)', discord, yaml, 'zz-broken.yaml'],
      ['a missing field (Slack)', slack, field, 'zz-no-text.yaml'],
      ['a missing field (Discord)', discord, field, 'zz-no-text.yaml'],
    ]);
  }, 60_000);

  it('an unreadable entry (a dangling link) or a POPBOT_KNOWLEDGE_DIR that does not exist: refused as a knowledge error', async () => {
    const dangling = brokenCopy('dangling', (e) =>
      symlinkSync(join(dir, 'nowhere.yaml'), join(e, 'mailbox', 'zz-gone.yaml')),
    );
    await startWith([
      ['a dangling link (Slack)', slack, dangling, 'zz-gone.yaml'],
      ['a missing directory (Discord)', discord, join(dir, 'does-not-exist'), 'does-not-exist'],
    ]);
  }, 60_000);
});
