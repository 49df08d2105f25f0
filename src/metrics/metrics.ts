import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { ExplainResult } from '../explain/types.js';

/**
 * popbot's Prometheus metrics, served by `GET /metrics` (src/runtime/health-routes.ts). One registry per
 * process; the counting calls sit where the counted thing happens (the chat layer, the probe run, the
 * adapters) and are one line each. Labels take only bounded values: taxonomy categories, languages,
 * outcomes, adapter names — never user text.
 */
export const registry = new Registry();

const pastesExplained = new Counter({
  name: 'popbot_pastes_explained_total',
  help: 'Pastes the explainer answered in a chat, by outcome (errors, no-error, not-pop, empty, too-large).',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const findings = new Counter({
  name: 'popbot_findings_total',
  help: 'Errors explained in chat answers, by taxonomy category and answer language.',
  labelNames: ['category', 'lang'] as const,
  registers: [registry],
});

const unknownFindings = new Counter({
  name: 'popbot_unknown_findings_total',
  help: 'Errors that matched no documented entry (category "unknown"), by answer language.',
  labelNames: ['lang'] as const,
  registers: [registry],
});

const probeRuns = new Counter({
  name: 'popbot_probe_runs_total',
  help: 'Chat /popcheck probe runs, by outcome (ok, warning, critical, unknown; error when the run itself failed).',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const adapterReconnects = new Counter({
  name: 'popbot_adapter_reconnects_total',
  help: 'Times a chat adapter lost its connection and started reconnecting.',
  labelNames: ['adapter'] as const,
  registers: [registry],
});

const replyLatency = new Histogram({
  name: 'popbot_reply_latency_seconds',
  help: 'From an event reaching popbot to its first reply accepted by the platform.',
  labelNames: ['adapter'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

/** Monitoring-plugin exit codes of a probe report (0 OK … 3 UNKNOWN), or a run that threw. */
const PROBE_OUTCOMES = ['ok', 'warning', 'critical', 'unknown'] as const;

/** What one chat answer that went through the explainer counts: plain data, so another thread can send it here. */
export interface ExplanationCount {
  outcome: string;
  lang: string;
  categories: string[];
}

let sendCount: ((count: ExplanationCount) => void) | undefined;

/**
 * In a worker thread: explanations are counted by `send` (to the thread that serves `/metrics`, which calls
 * recordExplanation), not in this thread's registry, which nobody reads.
 */
export function sendExplanationCounts(send: (count: ExplanationCount) => void): void {
  sendCount = send;
}

/** One chat answer that went through the explainer: the paste, and each finding in it. */
export function countExplanation(result: ExplainResult): void {
  const count = {
    outcome: result.outcome,
    lang: result.lang,
    categories: result.findings.map((f) => f.category),
  };
  if (sendCount) sendCount(count);
  else recordExplanation(count);
}

export function recordExplanation(count: ExplanationCount): void {
  pastesExplained.inc({ outcome: count.outcome });
  for (const category of count.categories) {
    findings.inc({ category, lang: count.lang });
    if (category === 'unknown') unknownFindings.inc({ lang: count.lang });
  }
}

/** Wraps a chat adapter's probe runner so that every run is counted by outcome; one line where it is built. */
export function countingProbeRuns<A extends unknown[], R extends { exitCode: 0 | 1 | 2 | 3 }>(
  run: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      const report = await run(...args);
      probeRuns.inc({ outcome: PROBE_OUTCOMES[report.exitCode] });
      return report;
    } catch (error) {
      probeRuns.inc({ outcome: 'error' });
      throw error;
    }
  };
}

export function countReconnect(adapter: string): void {
  adapterReconnects.inc({ adapter });
}

export function observeReplyLatency(adapter: string, seconds: number): void {
  replyLatency.observe({ adapter }, seconds);
}

let processMetrics = false;

/** Adds Node's process metrics (CPU, memory, event-loop lag) to the registry; only when /metrics is served. */
export function enableProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: registry });
}
