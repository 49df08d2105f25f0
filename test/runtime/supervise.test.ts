import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import type { AdapterHandle, AdapterName } from '../../src/runtime/adapter-handle.js';
import { AdapterStatus } from '../../src/runtime/adapter-status.js';
import { HealthBoard } from '../../src/runtime/health.js';
import { supervise } from '../../src/runtime/supervise.js';

function capture() {
  const lines: string[] = [];
  const log = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  return { log, lines };
}

/** An adapter whose stop() takes `stopMs` (forever when Infinity), recording when it was asked. */
function adapter(name: AdapterName, stopMs = 0) {
  const status = new AdapterStatus('connected');
  const record = { stopped: false };
  const handle: AdapterHandle = {
    name,
    health: () => status.health(),
    failed: status.failed,
    stop: () => {
      record.stopped = true;
      status.set('stopped');
      return Number.isFinite(stopMs)
        ? new Promise((resolve) => setTimeout(resolve, stopMs))
        : new Promise(() => {});
    },
  };
  return { handle, status, record };
}

describe('supervise (what popbot start waits on)', () => {
  it('one adapter giving up ends the run: the other is stopped, the cause returned and logged', async () => {
    const { log, lines } = capture();
    const slack = adapter('slack');
    const discord = adapter('discord', 20);
    const signals = new EventEmitter();
    const run = supervise([slack.handle, discord.handle], { log, graceMs: 1000, signals });
    discord.status.fail({ kind: 'fatal', message: 'discord: the gateway closed for good (code 4004)' });
    const cause = await run;
    expect(cause).toEqual({
      kind: 'failed',
      adapter: 'discord',
      failure: { kind: 'fatal', message: 'discord: the gateway closed for good (code 4004)' },
    });
    expect(slack.record.stopped).toBe(true);
    expect(lines.join('')).toMatch(/"adapter":"discord".*"kind":"fatal".*an adapter gave up/);
    // The signal listeners are gone: a later SIGTERM is the default handler's again.
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('SIGTERM stops every adapter and returns the signal', async () => {
    const { log } = capture();
    const a = adapter('slack');
    const signals = new EventEmitter();
    const run = supervise([a.handle], { log, graceMs: 1000, signals });
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await run).toEqual({ kind: 'signal', signal: 'SIGTERM' });
    expect(a.record.stopped).toBe(true);
  });

  it('an adapter that never finishes stopping does not hold the exit past the grace', async () => {
    const { log, lines } = capture();
    const stuck = adapter('slack', Number.POSITIVE_INFINITY);
    const failing = adapter('discord');
    const run = supervise([stuck.handle, failing.handle], { log, graceMs: 50, signals: new EventEmitter() });
    failing.status.fail({ kind: 'config', message: 'DISCORD_TOKEN: rejected' });
    const started = Date.now();
    expect((await run).kind).toBe('failed');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(lines.join('')).toMatch(/did not finish in time/);
  });
});

describe('HealthBoard (/healthz)', () => {
  it('healthy only while every configured adapter is connected; one not started yet counts as connecting', () => {
    const board = new HealthBoard(['slack', 'discord']);
    const slack = new AdapterStatus('connected');
    board.watch('slack', () => slack.health());
    expect(board.report()).toMatchObject({
      ok: false,
      adapters: { slack: { state: 'connected' }, discord: { state: 'connecting' } },
    });
    const discord = new AdapterStatus('connected');
    board.watch('discord', () => discord.health());
    expect(board.report().ok).toBe(true);
    discord.set('reconnecting');
    expect(board.report()).toMatchObject({ ok: false, adapters: { discord: { state: 'reconnecting' } } });
  });

  it('AdapterStatus: `since` moves only when the state changes; nothing leaves failed; failed settles once', async () => {
    let now = 1000;
    const status = new AdapterStatus('connecting', () => new Date(now));
    now = 2000;
    status.set('connected');
    now = 3000;
    status.set('connected');
    expect(status.health()).toEqual({ state: 'connected', since: new Date(2000) });
    status.fail({ kind: 'fatal', message: 'first' });
    status.fail({ kind: 'config', message: 'second' });
    status.set('connected');
    expect(status.health().state).toBe('failed');
    expect(await status.failed).toEqual({ kind: 'fatal', message: 'first' });
  });
});
