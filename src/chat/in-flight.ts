/**
 * The work a chat adapter has accepted and not finished: replies being computed and sent, probes running.
 * Shutdown stops taking new work, cancels the probes (they report "cancelled"), and waits a bounded time for
 * the replies. One tracker for every adapter.
 */
export class InFlight {
  #stopping = false;
  readonly #tasks = new Set<Promise<unknown>>();
  readonly #probes = new Set<AbortController>();

  /** True once drain() was called: the adapter takes no new work. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /** Tasks not finished yet. */
  get size(): number {
    return this.#tasks.size;
  }

  /** Runs `work` as tracked; never rejects (the caller's `work` handles and logs its own failures). */
  track(work: () => Promise<unknown>): Promise<void> {
    const task = work().then(
      () => undefined,
      () => undefined,
    );
    this.#tasks.add(task);
    void task.finally(() => this.#tasks.delete(task));
    return task;
  }

  /** A signal for one probe, aborted at shutdown (at once if shutdown began); call `done` when it ends. */
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
      timer.unref();
    });
    const all = Promise.allSettled([...this.#tasks]).then(() => true);
    try {
      return await Promise.race([all, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
