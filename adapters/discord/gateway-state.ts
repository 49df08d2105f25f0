import { type Client, Events, GatewayCloseCodes } from 'discord.js';
import type { Logger } from 'pino';
import type { AdapterFailure, AdapterHealth, AdapterState } from '../../src/runtime/adapter-handle.js';

const TOKEN_REJECTED =
  'DISCORD_TOKEN: Discord rejected the token (reset it in the Developer Portal → Bot, then restart popbot)';
const MESSAGE_CONTENT_DISALLOWED =
  'DISCORD_SUPPORT_CHANNELS: the Message Content intent is not enabled for this bot (Developer Portal → Bot → Privileged Gateway Intents); enable it, or unset DISCORD_SUPPORT_CHANNELS';

/**
 * What a gateway close code that discord.js will not recover from means for the operator. 4004 and 4014 are
 * settings to change (exit 2); the others (bad shard, API version, intents bitfield) are popbot's own bugs.
 */
export function gatewayFailure(code: number): AdapterFailure {
  switch (code) {
    case GatewayCloseCodes.AuthenticationFailed:
      return { kind: 'config', message: TOKEN_REJECTED };
    case GatewayCloseCodes.DisallowedIntents:
      return { kind: 'config', message: MESSAGE_CONTENT_DISALLOWED };
    default:
      return {
        kind: 'fatal',
        message: `discord: the gateway closed for good (code ${code}${
          GatewayCloseCodes[code] ? `, ${GatewayCloseCodes[code]}` : ''
        })`,
      };
  }
}

/**
 * The adapter's connection state, read from the discord.js client's shard events: `connecting` until the
 * first READY, `reconnecting` from a recoverable close until RESUMED or READY, `failed` once the gateway
 * closed with a code discord.js does not retry. `failed` settles at most once and never rejects.
 */
export class GatewayState {
  private current: AdapterHealth = { state: 'connecting', since: new Date() };
  private settle!: (failure: AdapterFailure) => void;
  private failure: AdapterFailure | undefined;
  readonly failed: Promise<AdapterFailure>;

  constructor(client: Client, log: Logger) {
    this.failed = new Promise((resolve) => {
      this.settle = resolve;
    });
    client.on(Events.ShardReady, () => this.enter('connected'));
    client.on(Events.ShardResume, () => this.enter('connected'));
    client.on(Events.ShardReconnecting, () => {
      if (this.current.state === 'connected') log.warn('discord: gateway connection lost; reconnecting');
      this.enter('reconnecting');
    });
    client.on(Events.ShardDisconnect, (event) => {
      const failure = gatewayFailure(event.code);
      log.error({ code: event.code, reason: failure.message }, 'discord: gateway closed for good');
      this.fail(failure);
    });
  }

  health(): AdapterHealth {
    return { ...this.current };
  }

  /** Why the gateway gave up, once it has: login() reads it to tell a configuration problem. */
  failureSoFar(): AdapterFailure | undefined {
    return this.failure;
  }

  /** login() resolved: the gateway sent READY (discord.js may still be waiting for the guilds' GUILD_CREATE). */
  loggedIn(): void {
    this.enter('connected');
  }

  /** Asked to stop: no longer a failure, whatever the gateway does while closing. */
  stopped(): void {
    this.enter('stopped');
  }

  private fail(failure: AdapterFailure): void {
    if (this.current.state === 'stopped' || this.failure) return;
    this.failure = failure;
    this.enter('failed');
    this.settle(failure);
  }

  private enter(state: AdapterState): void {
    if (this.current.state === state) return;
    if (this.current.state === 'stopped' || this.current.state === 'failed') return;
    this.current = { state, since: new Date() };
  }
}
