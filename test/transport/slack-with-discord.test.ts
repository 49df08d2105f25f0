import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../support/fake-discord.js';
import { type FakeSlackSocket, startFakeSlackSocket } from '../support/fake-slack-socket.js';
import {
  ensureBuilt,
  freePort,
  type PopbotProcess,
  spawnPopbot,
  STACK_LINE,
} from '../support/spawn-popbot.js';

/**
 * Both adapters in one real `popbot start` (Slack Socket Mode and the Discord gateway, each against its
 * loopback fake): when one gives up for good, popbot stops the other and exits non-zero, so a supervisor
 * restarts the whole bot.
 */

let slack: FakeSlackSocket | undefined;
let discord: FakeDiscord | undefined;
let bot: PopbotProcess | undefined;

beforeAll(() => ensureBuilt(), 120_000);
afterEach(async () => {
  await bot?.kill();
  await slack?.close();
  await discord?.close();
  bot = slack = discord = undefined;
});

async function startBoth(health: number) {
  slack = await startFakeSlackSocket();
  discord = await startFakeDiscord();
  bot = spawnPopbot(['start'], { ...slack.env, ...discord.env, POPBOT_HEALTH_PORT: String(health) }, 60_000);
  await bot.waitForStderr(/popbot started/, 20_000);
  await slack.connection(1);
  return { slack, discord, bot };
}

async function healthz(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as { adapters: Record<string, { state: string }> } };
}

describe('popbot start with Slack and Discord', () => {
  it('Discord closing with 4004 while running: Slack is stopped, popbot logs why and exits 2 within seconds', async () => {
    const health = await freePort();
    const { slack: s, discord: d, bot: b } = await startBoth(health);
    const both = await healthz(health);
    expect(both.status).toBe(200);
    expect(both.body.adapters).toMatchObject({
      slack: { state: 'connected' },
      discord: { state: 'connected' },
    });

    const closed = Date.now();
    d.gateway.closeWith(4004);
    const { code } = await b.exited;
    const tookMs = Date.now() - closed;
    expect(code, b.stderr()).toBe(2);
    expect(tookMs).toBeLessThan(5000);
    expect(b.stderr()).toMatch(/"adapter":"discord","kind":"config".*an adapter gave up/);
    expect(b.stderr()).toMatch(
      /^popbot: invalid configuration:\n {2}DISCORD_TOKEN: Discord rejected the token/m,
    );
    // Slack was stopped first: its socket closed from popbot's side before the exit.
    expect(b.stderr()).toMatch(/Slack adapter stopped/);
    expect(s.peers[0]?.closedAt).toBeDefined();
    expect(b.stderr()).not.toContain(d.env.DISCORD_TOKEN);
    expect(b.stderr()).not.toMatch(STACK_LINE);
    console.info(`exited ${tookMs} ms after the 4004 close`);
  }, 60_000);

  it('a gateway close discord.js cannot handle (4013): exit 1, the cause on stderr', async () => {
    const { discord: d, bot: b } = await startBoth(await freePort());
    d.gateway.closeWith(4013);
    const { code } = await b.exited;
    expect(code, b.stderr()).toBe(1);
    expect(b.stderr()).toMatch(/^popbot: discord: the gateway closed for good \(code 4013/m);
  }, 60_000);

  it('Slack refusing the app token while reconnecting: Discord is disconnected, exit 2 naming SLACK_APP_TOKEN', async () => {
    const health = await freePort();
    const { slack: s, discord: d, bot: b } = await startBoth(health);
    const connectionsBefore = d.gateway.connections;
    s.openError = 'token_revoked';
    s.disconnect('refresh_requested');
    const { code } = await b.exited;
    expect(code, b.stderr()).toBe(2);
    expect(b.stderr()).toMatch(/SLACK_APP_TOKEN: Slack refused this token \(token_revoked\)/);
    expect(b.stderr()).toMatch(/discord: stopped/);
    expect(d.gateway.connections).toBe(connectionsBefore);
  }, 60_000);
});
