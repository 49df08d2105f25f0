/**
 * The work the adapter has accepted and not finished: replies being computed and sent, probes running.
 * Shutdown stops taking new work, cancels the probes (they report "cancelled"), and waits a bounded time for
 * the replies.
 */
export class Inflight {
  #stopping = false;
  readonly #tasks = new Set<Promise<unknown>>();
  readonly #probes = new Set<AbortController>();

  get stopping(): boolean {
    return this.#stopping;
  }

  get size(): number {
    return this.#tasks.size;
  }

  /** Runs `work` as tracked; never rejects (the caller's `work` handles and logs its own failures). */
  track(work: () => Promise<void>): Promise<void> {
    const task = work().catch(() => undefined);
    this.#tasks.add(task);
    void task.finally(() => this.#tasks.delete(task));
    return task;
  }

  /** A signal for one probe, aborted at shutdown; call `done` when the probe ends. */
  probeSignal(): { signal: AbortSignal; done: () => void } {
    const controller = new AbortController();
    if (this.#stopping) controller.abort();
    this.#probes.add(controller);
    return { signal: controller.signal, done: () => this.#probes.delete(controller) };
  }

  /** Stops accepting, cancels probes, and waits up to `graceMs` for what is in flight. True when all finished. */
  async drain(graceMs: number): Promise<boolean> {
    this.#stopping = true;
    for (const c of this.#probes) c.abort();
    if (this.#tasks.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    });
    const all = Promise.allSettled([...this.#tasks]).then(() => true);
    const finished = await Promise.race([all, timeout]);
    clearTimeout(timer);
    return finished;
  }
}

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
