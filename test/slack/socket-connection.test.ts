import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  reconnectDelay,
  type SocketClient,
  SocketConnection,
} from '../../adapters/slack/socket-connection.js';
import { createLogger } from '../../src/log/logger.js';
import { AdapterStatus } from '../../src/runtime/adapter-status.js';

const silent = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, d) => d() }) });

/** A SocketModeClient stand-in: each start() takes the next scripted outcome. */
class ScriptedClient extends EventEmitter implements SocketClient {
  starts = 0;
  constructor(private readonly outcomes: (() => Promise<unknown>)[]) {
    super();
  }
  start(): Promise<unknown> {
    this.starts++;
    const next = this.outcomes.shift();
    return next ? next() : new Promise(() => {});
  }
  disconnect(): Promise<void> {
    return Promise.resolve();
  }
  override once(event: 'disconnected', listener: () => void): this {
    return super.once(event, listener);
  }
  override off(event: 'disconnected', listener: () => void): this {
    return super.off(event, listener);
  }
}

const platformError = (error: string) =>
  Object.assign(new Error(`An API error occurred: ${error}`), { data: { error } });
const http503 = () =>
  Object.assign(new Error('An HTTP protocol error occurred: statusCode = 503'), { statusCode: 503 });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('SocketConnection', () => {
  it('a refused app token on the first attempt rejects start() and fails the adapter as a config problem', async () => {
    const status = new AdapterStatus();
    const client = new ScriptedClient([() => Promise.reject(platformError('invalid_auth'))]);
    const connection = new SocketConnection({ client, status, log: silent, delay: () => 0 });
    await expect(connection.start()).rejects.toBe('invalid_auth');
    expect(await status.failed).toEqual({
      kind: 'config',
      message: 'SLACK_APP_TOKEN: Slack refused this token (invalid_auth)',
    });
  });

  it('retries transient failures, reconnects after a close, and fails for good on a token revoked meanwhile', async () => {
    const status = new AdapterStatus();
    const client = new ScriptedClient([
      () => Promise.reject(http503()),
      () => Promise.reject(undefined),
      () => Promise.resolve({}),
      () => Promise.reject(http503()),
      () => Promise.resolve({}),
      () => Promise.reject(platformError('token_revoked')),
    ]);
    const connection = new SocketConnection({ client, status, log: silent, delay: () => 30 });
    await connection.start();
    await until(() => status.health().state === 'connected');
    expect(client.starts).toBe(3);
    client.emit('disconnected');
    await until(() => status.health().state === 'reconnecting');
    await until(() => client.starts === 5 && status.health().state === 'connected');
    client.emit('disconnected');
    expect(await status.failed).toMatchObject({
      kind: 'config',
      message: expect.stringContaining('token_revoked'),
    });
    expect(client.starts).toBe(6);
  });

  it('stop() during the wait between attempts ends the loop: stopped, no further attempt', async () => {
    const status = new AdapterStatus();
    const client = new ScriptedClient([() => Promise.reject(http503())]);
    const connection = new SocketConnection({ client, status, log: silent, delay: () => 60_000 });
    await connection.start();
    await connection.stop();
    await connection.stop();
    expect(status.health().state).toBe('stopped');
    expect(client.starts).toBe(1);
  });

  it('backs off about 1 s, 1.5 s, 2.3 s … and never waits more than 30 s (± jitter)', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((n) => reconnectDelay(n, mid))).toEqual([1000, 1500, 2250, 3375]);
    expect(reconnectDelay(50, () => 1)).toBe(34_500);
    expect(reconnectDelay(1, () => 0)).toBe(850);
  });
});
