import type { AdapterFailure, AdapterHealth, AdapterState } from './adapter-handle.js';

/**
 * The bookkeeping every adapter shares for its AdapterHandle: the current connection state with the time it
 * was entered, and the one-shot `failed` promise. The adapter decides the transitions; this only records them.
 */
export class AdapterStatus {
  #health: AdapterHealth;
  #settle: (failure: AdapterFailure) => void = () => undefined;
  /** Settles once, on the first `fail`; never rejects. */
  readonly failed: Promise<AdapterFailure>;

  constructor(
    initial: AdapterState = 'connecting',
    private readonly now: () => Date = () => new Date(),
  ) {
    this.#health = { state: initial, since: now() };
    this.failed = new Promise((resolve) => {
      this.#settle = resolve;
    });
  }

  health(): AdapterHealth {
    return { ...this.#health };
  }

  /** Enters `state`; the time changes only when the state does. Nothing leaves `failed`. */
  set(state: AdapterState): void {
    if (this.#health.state === state || this.#health.state === 'failed') return;
    this.#health = { state, since: this.now() };
  }

  /** The adapter gave up for good: state `failed`, and `failed` settles with why (first call wins). */
  fail(failure: AdapterFailure): void {
    if (this.#health.state === 'failed') return;
    this.set('failed');
    this.#settle(failure);
  }
}
