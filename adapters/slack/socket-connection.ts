import type { Logger } from 'pino';
import { countReconnect } from '../../src/metrics/metrics.js';
import type { AdapterFailure } from '../../src/runtime/adapter-handle.js';
import type { AdapterStatus } from '../../src/runtime/adapter-status.js';
import { slackErrorSummary } from './locale.js';

/** The part of @slack/socket-mode's SocketModeClient this drives (autoReconnectEnabled: false). */
export interface SocketClient {
  /** apps.connections.open, then the WebSocket; resolves on Slack's `hello`, rejects if it closes first. */
  start(): Promise<unknown>;
  disconnect(): Promise<void>;
  once(event: 'disconnected', listener: () => void): unknown;
  off(event: 'disconnected', listener: () => void): unknown;
}

/**
 * Slack's answers to apps.connections.open (or auth.test) that no retry can fix: the token is wrong, revoked,
 * or its workspace gone. Everything else (5xx, a refused or reset connection, a socket that closes before
 * `hello`) is worth another attempt.
 */
const REFUSED_TOKEN = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
  'user_removed_from_team',
  'team_disabled',
]);

export function refusedTokenCode(error: unknown): string | undefined {
  const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
  return typeof code === 'string' && REFUSED_TOKEN.has(code) ? code : undefined;
}

/** A connection that lasted this long was healthy: the next drop reconnects at once, backoff reset. */
const STABLE_MS = 30_000;
/** Slack sends `hello` right after the WebSocket opens; a socket silent for this long is given up. */
const HELLO_TIMEOUT_MS = 10_000;
/** How long stop() waits for the WebSocket close handshake. */
const CLOSE_TIMEOUT_MS = 2_000;

/** Capped exponential backoff with jitter: about 1 s, 1.5 s, 2.3 s, 3.4 s … up to 30 s between attempts. */
export function reconnectDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 1.5 ** Math.max(0, failures - 1));
  return Math.round(base * (0.85 + 0.3 * random()));
}

function failureReason(error: unknown): string {
  if (error === undefined) return 'the WebSocket closed before Slack said hello';
  const e = error as {
    statusCode?: unknown;
    original?: { cause?: { code?: unknown } };
    data?: { error?: unknown };
  };
  if (typeof e.statusCode === 'number') return `apps.connections.open answered HTTP ${e.statusCode}`;
  const cause = e.original?.cause?.code;
  if (typeof cause === 'string') return `apps.connections.open failed (${cause})`;
  return slackErrorSummary(error).message;
}

export interface SocketConnectionOptions {
  client: SocketClient;
  status: AdapterStatus;
  log: Logger;
  delay?: (failures: number) => number;
}

/**
 * The Socket Mode connection as a state machine: connecting → connected → reconnecting → connected …, with
 * every attempt logged and counted, until stop() (stopped) or a token Slack refuses (failed, kind config).
 * The client's own reconnect is off: it would retry with the Web API's policy, and a reconnect that fails
 * there ends in an unhandled rejection with nothing left holding the process.
 */
export class SocketConnection {
  readonly #client: SocketClient;
  readonly #status: AdapterStatus;
  readonly #log: Logger;
  readonly #delay: (failures: number) => number;
  #stopping = false;
  #wake: (() => void) | undefined;
  #stopped: Promise<void> | undefined;

  constructor(options: SocketConnectionOptions) {
    this.#client = options.client;
    this.#status = options.status;
    this.#log = options.log;
    this.#delay = options.delay ?? reconnectDelay;
  }

  /**
   * Makes the first attempt and resolves once it is over: connected, or failed and retrying in the
   * background. Rejects only when Slack refuses the app token (the caller turns that into a ConfigError).
   */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      void this.#run(resolve, reject);
    });
  }

  /** Ends the loop (a wait between attempts included) and closes the socket, bounded. Safe to call twice. */
  stop(): Promise<void> {
    this.#stopped ??= (async () => {
      this.#stopping = true;
      this.#wake?.();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.#client.disconnect().catch(() => undefined),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
      this.#status.set('stopped');
    })();
    return this.#stopped;
  }

  async #run(firstDone: () => void, firstRefused: (code: string) => void): Promise<void> {
    let failures = 0;
    let attempts = 0;
    while (!this.#stopping) {
      attempts += 1;
      try {
        await this.#connectOnce();
      } catch (error) {
        if (this.#stopping) break;
        const refused = refusedTokenCode(error);
        if (refused) {
          this.#log.error({ code: refused }, 'Slack refused the app-level token; giving up');
          if (attempts === 1) firstRefused(refused);
          this.#status.fail(appTokenFailure(refused));
          return;
        }
        failures += 1;
        const wait = this.#delay(failures);
        this.#log.warn(
          { attempt: failures, reason: failureReason(error), retryInMs: wait },
          'Socket Mode connection attempt failed; retrying',
        );
        if (attempts === 1) firstDone();
        await this.#sleep(wait);
        continue;
      }
      if (this.#stopping) {
        await this.#client.disconnect().catch(() => undefined);
        break;
      }
      const connectedAt = Date.now();
      const reconnected = this.#status.health().state === 'reconnecting';
      this.#status.set('connected');
      this.#log.info(
        { mode: 'socket', ...(reconnected ? { after: failures } : {}) },
        'Slack adapter connected (Socket Mode)',
      );
      if (attempts === 1) firstDone();

      await new Promise<void>((resolve) => this.#client.once('disconnected', resolve));
      if (this.#stopping) break;
      this.#status.set('reconnecting');
      countReconnect('slack');
      if (Date.now() - connectedAt >= STABLE_MS) failures = 0;
      else failures += 1;
      const wait = failures === 0 ? 0 : this.#delay(failures);
      this.#log.warn({ retryInMs: wait }, 'Socket Mode connection closed; reconnecting');
      await this.#sleep(wait);
    }
  }

  /** One attempt: a fresh URL from apps.connections.open, the WebSocket, Slack's `hello`. */
  async #connectOnce(): Promise<void> {
    const hello = this.#client.start();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`no hello from Slack within ${HELLO_TIMEOUT_MS / 1000} s`));
        void this.#client.disconnect().catch(() => undefined);
      }, HELLO_TIMEOUT_MS);
    });
    hello.catch(() => undefined);
    try {
      await Promise.race([hello, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits `ms`, or less if stop() is called meanwhile. */
  #sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.#stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
  }
}

/** Why the adapter gave up when Slack refuses the app-level token: `popbot start` exits 2 with it. */
export function appTokenFailure(code: string): AdapterFailure {
  return {
    kind: 'config',
    message: `SLACK_APP_TOKEN: Slack refused this token (${code})`,
  };
}
