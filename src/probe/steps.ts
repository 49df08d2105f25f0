import type { Finding } from '../explain/types.js';
import type { Lang } from '../i18n/lang.js';
import type { AttemptTls, Clock, ExplainFn, ProbeStep, StepName, StepStatus } from './types.js';

export interface StepExtra {
  code?: string | undefined;
  /**
   * Text for the explainer: a two-line `C:`/`S:` transcript or a Node error line. Several texts are
   * tried in order until one is explained (the first is the most exact wording).
   */
  explain?: string | readonly string[] | undefined;
  /** When the explainer may read `explain` several ways, prefer a finding of this category. */
  expect?: string | undefined;
}

/** Records steps as they end (timed, reported through `onStep`) and the findings that explain them. */
export class StepRecorder {
  readonly steps: ProbeStep[] = [];
  readonly findings: Finding[] = [];
  scope: { port: number; tls: AttemptTls; attempt: number } | undefined;

  constructor(
    readonly lang: Lang,
    readonly clock: Clock,
    readonly explainFn: ExplainFn,
    readonly onStep: ((step: ProbeStep) => void) | undefined,
  ) {}

  add(
    name: StepName,
    status: StepStatus,
    startedAt: number,
    detail: string,
    extra: StepExtra = {},
  ): ProbeStep {
    const step: ProbeStep = {
      name,
      status,
      ms: Math.max(0, Math.round(this.clock.now() - startedAt)),
      detail,
      ...(this.scope ? { port: this.scope.port, tls: this.scope.tls, attempt: this.scope.attempt } : {}),
    };
    const finding = extra.explain === undefined ? undefined : this.explain(extra.explain, extra.expect);
    const code = extra.code ?? (finding === undefined ? undefined : this.findings[finding]?.category);
    if (code !== undefined) step.code = code;
    if (finding !== undefined) step.finding = finding;
    this.steps.push(step);
    try {
      this.onStep?.(step);
    } catch {
      // A progress printer that throws must not break the probe.
    }
    return step;
  }

  /** Explains `text`; returns the index of its first finding in `findings`, if any. */
  explain(text: string | readonly string[], expect?: string): number | undefined {
    let found: Finding[] = [];
    for (const candidate of typeof text === 'string' ? [text] : text) {
      try {
        found = this.explainFn(candidate, { lang: this.lang }).findings;
      } catch {
        return undefined;
      }
      if (found.length > 0) break;
    }
    if (found.length === 0) return undefined;
    const preferred = expect ? found.filter((f) => f.category === expect) : [];
    const chosen = preferred.length > 0 ? preferred : found;
    const index = this.findings.length;
    this.findings.push(...chosen.slice(0, 2));
    return index;
  }
}
