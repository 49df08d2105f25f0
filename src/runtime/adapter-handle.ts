/**
 * What `popbot start` needs from a running chat adapter: a way to stop it, its connection state for
 * `/healthz`, and a promise that settles only when the adapter has given up for good. While an adapter
 * retries a connection it stays `reconnecting` and `failed` stays pending: the process lives and logs.
 */

export type AdapterName = 'slack' | 'discord';

export type AdapterState = 'connecting' | 'connected' | 'reconnecting' | 'stopped' | 'failed';

export interface AdapterHealth {
  state: AdapterState;
  /** When the adapter entered this state. */
  since: Date;
}

/**
 * Why an adapter gave up. `config`: the operator must change a setting (a revoked token, a disallowed
 * intent) — `popbot start` exits 2 with `message`, like other configuration errors; otherwise exit 1.
 * `message` is safe to log and print: no token, no URL with a secret.
 */
export interface AdapterFailure {
  kind: 'config' | 'fatal';
  message: string;
}

export interface AdapterHandle {
  name: AdapterName;
  /** Stops taking events, waits (bounded) for replies in flight, disconnects. Safe to call twice. */
  stop(): Promise<void>;
  health(): AdapterHealth;
  /** Settles when the adapter has stopped for good without being asked to; never rejects. */
  failed: Promise<AdapterFailure>;
}
