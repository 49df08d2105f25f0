import type { Lang } from '../i18n/lang.js';
import { probeMessages } from '../i18n/probe-messages.js';

export interface RateLimiterOptions {
  /** Probes one user may start per window. Default 5 per 60 s. */
  perUser?: { limit: number; windowMs: number };
  /** Probes running at once for everybody. Default 4. */
  maxConcurrent?: number;
  /** Probes one user may have running at once. Default 1. */
  maxPerUserConcurrent?: number;
  /** What to tell a user when the bot is busy (no slot frees at a known time). Default 10 s. */
  busyRetryMs?: number;
  /** Injected clock (ms). */
  now?: () => number;
}

export type RateCode = 'rate.user' | 'rate.user-busy' | 'rate.busy';

export type RateDecision =
  | { ok: true /** Frees the slot; call it in `finally`. Calling twice is harmless. */; release: () => void }
  | {
      ok: false;
      code: RateCode;
      retryAfterS: number /** "Try again in N s", in the user's language. */;
      message: string;
    };

/** Above this many tracked users, stale ones are swept on the next acquire. */
const SWEEP_AT = 10_000;

/** Per-user rate limit and concurrency caps for the chat adapters' `/popcheck`. */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxConcurrent: number;
  readonly #maxPerUser: number;
  readonly #busyRetryMs: number;
  readonly #now: () => number;
  readonly #starts = new Map<string, number[]>();
  readonly #running = new Map<string, number>();
  #active = 0;

  constructor(options: RateLimiterOptions = {}) {
    this.#limit = options.perUser?.limit ?? 5;
    this.#windowMs = options.perUser?.windowMs ?? 60_000;
    this.#maxConcurrent = options.maxConcurrent ?? 4;
    this.#maxPerUser = options.maxPerUserConcurrent ?? 1;
    this.#busyRetryMs = options.busyRetryMs ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** Probes running now. */
  get active(): number {
    return this.#active;
  }

  acquire(userKey: string, lang: Lang = 'en'): RateDecision {
    const now = this.#now();
    if (this.#starts.size > SWEEP_AT) this.#sweep(now);
    const recent = (this.#starts.get(userKey) ?? []).filter((t) => now - t < this.#windowMs);
    const refuse = (code: RateCode, retryMs: number): RateDecision => {
      const retryAfterS = Math.max(1, Math.ceil(retryMs / 1000));
      return { ok: false, code, retryAfterS, message: probeMessages.t(lang, code, { seconds: retryAfterS }) };
    };
    if (recent.length >= this.#limit) {
      this.#starts.set(userKey, recent);
      return refuse('rate.user', (recent[0] ?? now) + this.#windowMs - now);
    }
    if ((this.#running.get(userKey) ?? 0) >= this.#maxPerUser)
      return refuse('rate.user-busy', this.#busyRetryMs);
    if (this.#active >= this.#maxConcurrent) return refuse('rate.busy', this.#busyRetryMs);

    recent.push(now);
    this.#starts.set(userKey, recent);
    this.#running.set(userKey, (this.#running.get(userKey) ?? 0) + 1);
    this.#active++;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.#active--;
        const left = (this.#running.get(userKey) ?? 1) - 1;
        if (left > 0) this.#running.set(userKey, left);
        else this.#running.delete(userKey);
      },
    };
  }

  #sweep(now: number): void {
    for (const [key, times] of this.#starts) {
      if (times.every((t) => now - t >= this.#windowMs)) this.#starts.delete(key);
    }
  }
}
