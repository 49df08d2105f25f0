import { AsyncLocalStorage } from 'node:async_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { WebClient } from '@slack/web-api';
import type { LogFn } from 'pino';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';
import { type ExplanationCount, sendExplanationCounts } from '../../src/metrics/metrics.js';
import { type AnswerDeps, type AnswerLog, answerText } from './answer-text.js';
import { AnswerJob, type FromThread, type LogLine, ThreadSettings } from './answer-worker.js';
import { boltLogger } from './bolt-logger.js';
import { keptAliveFetch } from './http-fetch.js';
import { LocaleCache } from './locale.js';
import { webApiOptions } from './web-api-options.js';

/**
 * The answer thread's side (answer-worker.ts owns the worker and the protocol): explains each message it is
 * given, renders the answer and posts it with a Web API client of its own. Its log lines and metric counts go
 * to the main thread, which owns the logger and the registry.
 */

if (!parentPort)
  throw new Error('answer-worker-thread.js runs as a worker thread (answer-worker.ts starts it)');
const port = parentPort;
const settings = ThreadSettings.parse(workerData);
const send = (message: FromThread) => port.postMessage(message);

/** What a job's answer logged and counted, sent with its `done`. */
interface JobReport {
  logs: LogLine[];
  explained: ExplanationCount[];
}
const job = new AsyncLocalStorage<JobReport>();

function forward(level: LogLine['level'], bound: Record<string, unknown>): LogFn {
  return ((first: unknown, msg?: string) => {
    const object = typeof first === 'object' && first !== null;
    const line: LogLine = {
      level,
      msg: object ? (msg ?? '') : String(first),
      fields: object ? { ...bound, ...(first as Record<string, unknown>) } : bound,
    };
    const report = job.getStore();
    if (report) report.logs.push(line);
    else send({ type: 'log', line });
  }) as LogFn;
}

function threadLog(bound: Record<string, unknown>): AnswerLog {
  return { info: forward('info', bound), warn: forward('warn', bound), error: forward('error', bound) };
}

sendExplanationCounts((count) => job.getStore()?.explained.push(count));
const client = new WebClient(settings.botToken, {
  ...webApiOptions(settings.apiUrl, keptAliveFetch()),
  logger: boltLogger(threadLog({ component: 'web-api' })),
});
const deps: AnswerDeps = {
  defaultLang: settings.defaultLang,
  locales: new LocaleCache(),
  log: threadLog({}),
};

async function run(request: AnswerJob): Promise<void> {
  const report: JobReport = { logs: [], explained: [] };
  const replied = await job.run(report, () =>
    answerText(
      { ...deps, log: threadLog({ handler: request.handler }) },
      client,
      request.request,
      { channel: request.target.channel, threadTs: request.target.threadTs },
      () => Atomics.store(settings.posting, request.id % settings.posting.length, request.id),
    ),
  );
  const now = performance.timeOrigin + performance.now();
  send({
    type: 'done',
    id: request.id,
    ...(replied ? { repliedAfterS: (now - request.arrival) / 1000 } : {}),
    ...report,
  });
}

port.on('message', (raw: unknown) => {
  void run(AnswerJob.parse(raw));
});
// The knowledge base is loaded before the thread says it is ready: the first answer does not pay for it.
defaultKnowledgeBase();
send({ type: 'ready' });
