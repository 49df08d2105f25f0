import { EventEmitter } from 'node:events';
import { type Client, Events } from 'discord.js';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { GatewayState, gatewayFailure } from '../../adapters/discord/gateway-state.js';

/** The client's shard events, as discord.js emits them; the end-to-end tests drive the real client. */
function tracked() {
  const client = new EventEmitter();
  const state = new GatewayState(client as unknown as Client, pino({ level: 'silent' }));
  return { client, state };
}

describe('gatewayFailure', () => {
  it('tells the operator to reset the token on 4004 and to enable Message Content on 4014', () => {
    expect(gatewayFailure(4004)).toEqual({
      kind: 'config',
      message: expect.stringMatching(/DISCORD_TOKEN.*reset/),
    });
    expect(gatewayFailure(4014)).toEqual({
      kind: 'config',
      message: expect.stringMatching(/Message Content intent.*Privileged Gateway Intents/),
    });
  });

  it('calls the other unrecoverable codes fatal, naming the code', () => {
    expect(gatewayFailure(4012)).toEqual({
      kind: 'fatal',
      message: expect.stringMatching(/4012, InvalidAPIVersion/),
    });
  });
});

describe('GatewayState', () => {
  it('goes connecting → connected → reconnecting → connected, with a new since each time', () => {
    const { client, state } = tracked();
    expect(state.health().state).toBe('connecting');
    client.emit(Events.ShardReady, 0);
    const connected = state.health();
    expect(connected.state).toBe('connected');
    client.emit(Events.ShardReconnecting, 0);
    expect(state.health().state).toBe('reconnecting');
    client.emit(Events.ShardResume, 0, 3);
    expect(state.health().state).toBe('connected');
    expect(state.health().since.getTime()).toBeGreaterThanOrEqual(connected.since.getTime());
  });

  it('settles failed once, on the first unrecoverable close, and stays failed', async () => {
    const { client, state } = tracked();
    client.emit(Events.ShardReady, 0);
    client.emit(Events.ShardDisconnect, { code: 4004 }, 0);
    client.emit(Events.ShardDisconnect, { code: 4014 }, 0);
    client.emit(Events.ShardResume, 0, 1);
    await expect(state.failed).resolves.toMatchObject({ kind: 'config', message: /DISCORD_TOKEN/ });
    expect(state.health().state).toBe('failed');
    expect(state.failureSoFar()?.message).toMatch(/DISCORD_TOKEN/);
  });

  it('is not a failure once asked to stop', async () => {
    const { client, state } = tracked();
    client.emit(Events.ShardReady, 0);
    state.stopped();
    client.emit(Events.ShardDisconnect, { code: 4004 }, 0);
    expect(state.health().state).toBe('stopped');
    const settled = await Promise.race([state.failed.then(() => true), Promise.resolve(false)]);
    expect(settled).toBe(false);
  });
});
