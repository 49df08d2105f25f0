import type { InFlight } from './in-flight.js';

/**
 * Replies an adapter owes for events it has already acknowledged. Explaining and posting run here, never
 * inside the acknowledgement: every job starts on a later turn of the event loop than the one before it
 * (after the I/O that is waiting, so a request that arrived meanwhile is acknowledged first), at most `concurrency` jobs run at
 * once, jobs of one key (a channel) run one after the other so that replies keep their order, and at most
 * `maxBacklog` jobs wait: beyond that a new job is refused, so a flood costs bounded memory and the
 * caller can say what it dropped. Queued jobs are tracked by the adapter's InFlight: shutdown waits for them.
 */
export interface ReplyQueueOptions {
  /** Jobs running at once, all keys together (most of a job's time is waiting for the platform). Default 16. */
  concurrency?: number;
  /** Jobs accepted and not finished (running or waiting) beyond which enqueue() refuses. Default 1000. */
  maxBacklog?: number;
}

interface Job {
  key: string;
  work: () => Promise<void>;
  done: () => void;
}

export class ReplyQueue {
  readonly #inflight: InFlight;
  readonly #concurrency: number;
  readonly #maxBacklog: number;
  /** Jobs whose key has nothing running, in arrival order. */
  readonly #ready: Job[] = [];
  /** Per key with a job ready or running: the jobs waiting behind it. */
  readonly #behind = new Map<string, Job[]>();
  #running = 0;
  #size = 0;
  #pumpScheduled = false;

  constructor(inflight: InFlight, options: ReplyQueueOptions = {}) {
    this.#inflight = inflight;
    this.#concurrency = Math.max(1, options.concurrency ?? 16);
    this.#maxBacklog = Math.max(1, options.maxBacklog ?? 1000);
  }

  /** Jobs accepted and not finished. */
  get size(): number {
    return this.#size;
  }

  /**
   * Queues `work` behind the earlier jobs of `key`. False, and nothing queued, when the backlog is full or
   * the adapter is stopping. `work` must handle its own failures (a rejection is ignored).
   */
  enqueue(key: string, work: () => Promise<void>): boolean {
    if (this.#inflight.stopping || this.#size >= this.#maxBacklog) return false;
    this.#size++;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    void this.#inflight.track(() => finished);
    const job: Job = { key, work, done };
    const waiting = this.#behind.get(key);
    if (waiting) waiting.push(job);
    else {
      this.#behind.set(key, []);
      this.#ready.push(job);
      this.#schedule();
    }
    return true;
  }

  #schedule(): void {
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    setImmediate(() => {
      this.#pumpScheduled = false;
      this.#pump();
    });
  }

  // One job per turn: a job's synchronous part (explaining) runs alone, and the requests that arrived
  // meanwhile are read, and acknowledged, before the next job starts.
  #pump(): void {
    if (this.#running >= this.#concurrency) return;
    const job = this.#ready.shift();
    if (!job) return;
    this.#running++;
    void job
      .work()
      .catch(() => undefined)
      .finally(() => this.#finish(job));
    if (this.#ready.length > 0) this.#schedule();
  }

  #finish(job: Job): void {
    this.#running--;
    this.#size--;
    job.done();
    const waiting = this.#behind.get(job.key);
    const next = waiting?.shift();
    if (next) this.#ready.push(next);
    else this.#behind.delete(job.key);
    if (this.#ready.length > 0) this.#schedule();
  }
}
