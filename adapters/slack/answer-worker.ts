import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { z } from 'zod';
import { LANGS } from '../../src/i18n/lang.js';
import { projectRoot } from '../../src/knowledge/paths.js';
import { describeError } from '../../src/log/describe-error.js';
import { observeReplyLatency, recordExplanation } from '../../src/metrics/metrics.js';

/**
 * The answer thread: explaining a message, rendering the answer and posting it with the thread's own Web API
 * client run on a `node:worker_threads` worker, so that the thread running Bolt only reads, verifies,
 * acknowledges and hands over (docs/performance.md, session 9). This module owns the worker and the messages
 * both sides exchange, checked with zod where they cross; answer-worker-thread.ts is the worker's side.
 *
 * A job is handed over once; the worker marks it in shared memory just before its chat.postMessage and says
 * `done` when the job is over (answered, silent, or failed and logged there). If the worker dies, that is logged
 * and a new one started; a job not marked is given to the new worker (it cannot have been posted), once more at
 * most; a marked job is logged as possibly lost, never posted twice. The bounded backlog and the order per
 * channel are the reply queue's (src/chat/reply-queue.ts), which hands jobs over.
 */

/**
 * What the worker starts with (its workerData). The token stays in the worker's Web API client. `posting`:
 * one slot per job id modulo its length, where the worker writes a job's id just before posting its answer;
 * read only after a crash, so that telling it costs the acknowledging thread nothing while all is well.
 */
export const ThreadSettings = z.object({
  botToken: z.string(),
  apiUrl: z.string().optional(),
  defaultLang: z.enum(LANGS),
  posting: z.instanceof(Int32Array),
});
export type ThreadSettings = z.infer<typeof ThreadSettings>;

/** To the worker: a message to answer. `arrival`: when its event reached popbot (ms since the epoch). */
export const AnswerJob = z.object({
  id: z.number().int(),
  handler: z.enum(['message', 'dm', 'mention']),
  arrival: z.number(),
  request: z.object({
    text: z.string(),
    mode: z.enum(['watch', 'direct']),
    user: z.string().optional(),
  }),
  target: z.object({ channel: z.string(), threadTs: z.string().optional() }),
});
export type AnswerJob = z.infer<typeof AnswerJob>;

const LogLine = z.object({
  level: z.enum(['info', 'warn', 'error']),
  msg: z.string(),
  fields: z.record(z.string(), z.unknown()),
});
export type LogLine = z.infer<typeof LogLine>;

const ExplanationCount = z.object({ outcome: z.string(), lang: z.string(), categories: z.array(z.string()) });

/**
 * From the worker: `done` ends a job, with the job's log lines and explanation counts (one message per job,
 * so the acknowledging thread is woken once); `repliedAfterS`: Slack accepted the answer this long after the
 * event arrived. `log`: a line about no job (the Web API client's own).
 */
export const FromThread = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('done'),
    id: z.number(),
    repliedAfterS: z.number().optional(),
    logs: z.array(LogLine),
    explained: z.array(ExplanationCount),
  }),
  z.object({ type: z.literal('log'), line: LogLine }),
]);
export type FromThread = z.infer<typeof FromThread>;

/** The built worker script: the same file whether popbot runs from dist/, the bundle or (tests) the sources. */
export const ANSWER_THREAD_SCRIPT = join(
  projectRoot(),
  'dist',
  'adapters',
  'slack',
  'answer-worker-thread.js',
);

/** Slots of ThreadSettings.posting: more than the jobs that can be running at once (ReplyQueue's concurrency). */
const POSTING_SLOTS = 4096;
/** A job given to a worker this many times and lost with it each time is dropped (a message that kills it). */
const MAX_ATTEMPTS = 2;
/** Restarts after crashes in a row wait 0, 0.2, 0.4 … up to 5 s: a worker that cannot start does not spin. */
const RESTART_DELAY_MS = (crashes: number) => (crashes <= 1 ? 0 : Math.min(5000, 100 * 2 ** (crashes - 1)));

export interface AnswerWorkerOptions {
  settings: Omit<ThreadSettings, 'posting'>;
  log: Logger;
  /** The script the worker runs. Default ANSWER_THREAD_SCRIPT; tests pass one that fails on purpose. */
  script?: string | URL;
}

interface Pending {
  job: AnswerJob;
  attempts: number;
  done: () => void;
}

export class AnswerWorker {
  readonly #settings: ThreadSettings;
  readonly #log: Logger;
  readonly #script: string | URL;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | undefined;
  #nextId = 1;
  #crashes = 0;
  #stopped = false;

  constructor(options: AnswerWorkerOptions) {
    this.#settings = ThreadSettings.parse({
      ...options.settings,
      posting: new Int32Array(new SharedArrayBuffer(POSTING_SLOTS * Int32Array.BYTES_PER_ELEMENT)),
    });
    this.#log = options.log.child({ component: 'answer-thread' });
    this.#script = options.script ?? ANSWER_THREAD_SCRIPT;
  }

  /** Starts the worker; resolves once it is ready to answer, rejects if it dies first. */
  start(): Promise<void> {
    const worker = this.#spawn();
    return new Promise((resolve, reject) => {
      const ready = (raw: unknown) => {
        if (FromThread.safeParse(raw).data?.type !== 'ready') return;
        worker.off('message', ready);
        worker.off('exit', failed);
        resolve();
      };
      const failed = (code: number) => {
        worker.off('message', ready);
        reject(new Error(`the answer thread exited with code ${code} before it was ready`));
      };
      worker.on('message', ready);
      worker.once('exit', failed);
      worker.once('error', (error) => reject(new Error('the answer thread did not start', { cause: error })));
    });
  }

  /** Jobs handed over and not done. */
  get size(): number {
    return this.#pending.size;
  }

  /** Hands a message to the worker; resolves when the worker is done with it. Never rejects. */
  answer(job: Omit<AnswerJob, 'id'>): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    const id = this.#nextId++;
    return new Promise((done) => {
      const pending: Pending = { job: { ...job, id }, attempts: 0, done };
      this.#pending.set(id, pending);
      this.#send(pending);
    });
  }

  /** Stops the worker now; what it still held is given up (the caller drained first). */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const p of this.#pending.values()) p.done();
    this.#pending.clear();
    await this.#worker?.terminate();
    this.#worker = undefined;
  }

  #send(pending: Pending): void {
    // No worker between a crash and its restart: the restart sends everything pending.
    if (!this.#worker) return;
    pending.attempts++;
    this.#worker.postMessage(pending.job);
  }

  #spawn(): Worker {
    const worker = new Worker(this.#script, { workerData: this.#settings });
    this.#worker = worker;
    worker.on('message', (raw: unknown) => this.#receive(raw));
    // A thrown error is followed by 'exit', which restarts; the error itself is only described (never the
    // object: it may hold a request).
    worker.on('error', (error) => this.#log.error({ err: describeError(error) }, 'the answer thread failed'));
    worker.on('exit', (code) => this.#exited(worker, code));
    return worker;
  }

  #receive(raw: unknown): void {
    const parsed = FromThread.safeParse(raw);
    if (!parsed.success) {
      this.#log.error('the answer thread sent a message of an unknown shape; ignored');
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        return;
      case 'done': {
        for (const line of message.logs) this.#write(line);
        for (const count of message.explained) recordExplanation(count);
        if (message.repliedAfterS !== undefined) observeReplyLatency('slack', message.repliedAfterS);
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        this.#crashes = 0;
        pending?.done();
        return;
      }
      case 'log':
        this.#write(message.line);
        return;
    }
  }

  #write(line: LogLine): void {
    this.#log[line.level](line.fields, line.msg);
  }

  /** True if the worker had begun posting `id`'s answer. */
  #wasPosting(id: number): boolean {
    return Atomics.load(this.#settings.posting, id % POSTING_SLOTS) === id;
  }

  #exited(worker: Worker, code: number): void {
    if (worker !== this.#worker || this.#stopped) return;
    this.#worker = undefined;
    this.#crashes++;
    for (const pending of this.#pending.values()) {
      const { handler } = pending.job;
      if (this.#wasPosting(pending.job.id)) {
        this.#log.error(
          { handler },
          'an answer may not have reached Slack: the answer thread stopped while posting it',
        );
      } else if (pending.attempts >= MAX_ATTEMPTS) {
        this.#log.error(
          { handler, attempts: pending.attempts },
          'answer dropped: the answer thread stopped each time it answered this message',
        );
      } else continue;
      this.#pending.delete(pending.job.id);
      pending.done();
    }
    const delayMs = RESTART_DELAY_MS(this.#crashes);
    this.#log.error(
      { code, retried: this.#pending.size, restartInMs: delayMs },
      'the answer thread stopped; starting a new one',
    );
    const restart = setTimeout(() => {
      if (this.#stopped) return;
      this.#spawn();
      this.#log.info('the answer thread was started again');
      // The jobs it lost before posting, and those that arrived meanwhile.
      for (const pending of this.#pending.values()) this.#send(pending);
    }, delayMs);
    restart.unref();
  }
}
