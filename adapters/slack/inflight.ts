// The one in-flight tracker of the chat layer, under the name the Slack adapter's modules use.
export { InFlight as Inflight } from '../../src/chat/in-flight.js';

/** Remembers recently seen keys (channel + message ts), so a redelivered event never gets a second reply. */
export class RecentKeys {
  readonly #keys = new Set<string>();
  constructor(readonly max = 2000) {}

  /** True the first time `key` is seen. */
  first(key: string): boolean {
    if (this.#keys.has(key)) return false;
    this.#keys.add(key);
    if (this.#keys.size > this.max) {
      const oldest = this.#keys.values().next().value;
      if (oldest !== undefined) this.#keys.delete(oldest);
    }
    return true;
  }
}
