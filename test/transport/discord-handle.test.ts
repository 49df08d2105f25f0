import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../adapters/discord/index.js';
import { ConfigError } from '../../src/config/config.js';
import type { AdapterHealth } from '../../src/runtime/adapter-handle.js';
import { captureLogger } from '../discord/fakes.js';
import { type FakeDiscord, startFakeDiscord } from '../support/fake-discord.js';
import { OP } from '../support/fake-discord-gateway.js';

/**
 * What `popbot start` supervises: the handle startDiscord returns, its health and its `failed` promise,
 * driven by the real discord.js client against the fake gateway.
 */

describe('the Discord adapter handle, over the fake gateway', () => {
  let discord: FakeDiscord;
  beforeEach(async () => {
    discord = await startFakeDiscord();
  });
  afterEach(async () => {
    await discord.close();
  });

  async function start() {
    const { logger, lines } = captureLogger();
    const handle = await startDiscord({ env: discord.env, logger, drainMs: 1000 });
    return { handle, lines };
  }

  /** The first health different from `from`, polled as a supervisor's /healthz would be. */
  async function nextHealth(read: () => AdapterHealth, from: string): Promise<AdapterHealth> {
    for (let i = 0; i < 500; i++) {
      const h = read();
      if (h.state !== from) return h;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`health stayed ${from}`);
  }

  it('is connected once started; reconnecting after a TCP drop; connected again once resumed', async () => {
    const { handle } = await start();
    try {
      const connected = handle.health();
      expect(connected.state).toBe('connected');
      discord.gateway.dropConnection();
      const reconnecting = await nextHealth(() => handle.health(), 'connected');
      expect(reconnecting.state).toBe('reconnecting');
      expect(reconnecting.since.getTime()).toBeGreaterThanOrEqual(connected.since.getTime());
      const again = await nextHealth(() => handle.health(), 'reconnecting');
      expect(again.state).toBe('connected');
      expect(discord.gateway.received.filter((p) => p.op === OP.resume)).toHaveLength(1);
    } finally {
      await handle.stop();
    }
  });

  it('a close 4004 while running settles `failed` as a configuration problem naming DISCORD_TOKEN', async () => {
    const { handle, lines } = await start();
    try {
      discord.gateway.closeWith(4004);
      const failure = await handle.failed;
      expect(failure.kind).toBe('config');
      expect(failure.message).toMatch(/^DISCORD_TOKEN: Discord rejected the token \(reset it/);
      expect(handle.health().state).toBe('failed');
      expect(lines.join('')).toMatch(/"code":4004.*gateway closed for good/);
      expect(lines.join('')).not.toContain(discord.env.DISCORD_TOKEN);
    } finally {
      await handle.stop();
    }
  });

  it('stop() is no failure: the state is stopped and `failed` stays pending', async () => {
    const { handle } = await start();
    let failed = false;
    void handle.failed.then(() => (failed = true));
    await handle.stop();
    await handle.stop();
    expect(handle.health().state).toBe('stopped');
    await new Promise((resolve) => setImmediate(resolve));
    expect(failed).toBe(false);
  });

  it('4014 at login is a ConfigError with the Message Content hint, and nothing keeps running', async () => {
    discord.gateway.onIdentify = { close: 4014 };
    const { logger } = captureLogger();
    const error = await startDiscord({ env: discord.env, logger }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/Message Content intent is not enabled/);
    expect(discord.gateway.connections).toBe(1);
  });
});
