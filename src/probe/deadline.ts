import type { Clock } from './types.js';

/** One budget for the whole probe; each step draws at most its own limit from what is left. */
export class Deadline {
  readonly #end: number;
  constructor(
    readonly clock: Clock,
    totalMs: number,
  ) {
    this.#end = clock.now() + totalMs;
  }

  remaining(): number {
    return Math.max(0, this.#end - this.clock.now());
  }

  /** Milliseconds for a step that may take up to `limitMs`. */
  step(limitMs: number): number {
    return Math.min(limitMs, this.remaining());
  }
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
