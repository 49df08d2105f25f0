import type { Finding } from '../explain/types.js';
import type { Lang } from '../i18n/lang.js';
import { entryCategory, findingFromFailure, type ProbeFailure } from './failures.js';
import { neutralAdvice } from './server-advice.js';
import type { AttemptTls, Clock, ExplainFn, ProbeStep, StepName, StepStatus } from './types.js';

export interface StepExtra {
  /** A taxonomy category or a probe code, when no failure says it. */
  code?: string | undefined;
  /** The failure as the probe knows it: entry chosen by step and code. */
  failure?: ProbeFailure | undefined;
  /**
   * What the server really sent, as a `C:`/`S:` transcript, for the explainer: used only for a reply the
   * probe has no better reading of (a `-ERR` to PASS, QUIT or STAT). `expect` prefers one category.
   */
  serverReply?: { text: string; expect?: string } | undefined;
}

/** Which steps' failures become findings, decided once every attempt has run. */
export interface FinalizeOptions {
  counts(step: ProbeStep): boolean;
  /** The server software the greeting or CAPA identified: admin steps for others are dropped. */
  software: string | undefined;
}

/**
 * Records steps as they end (timed, reported through `onStep`) with what explains each failure. Findings
 * are made at the end, once: an attempt that `--tls auto` expected might fail adds no finding when another
 * attempt worked, and one cause met on two attempts is one finding.
 */
export class StepRecorder {
  readonly steps: ProbeStep[] = [];
  readonly findings: Finding[] = [];
  scope: { port: number; tls: AttemptTls; attempt: number } | undefined;
  readonly #explained = new Map<ProbeStep, Finding[]>();

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
    const found = this.#explain(extra);
    if (found.length > 0) this.#explained.set(step, found);
    const code = extra.code ?? found[0]?.category ?? (extra.failure && entryCategory(extra.failure.entry));
    if (code !== undefined) step.code = code;
    if (found[0]) step.entry = found[0].entry;
    this.steps.push(step);
    try {
      this.onStep?.(step);
    } catch {
      // A progress printer that throws must not break the probe.
    }
    return step;
  }

  #explain(extra: StepExtra): Finding[] {
    if (extra.failure) {
      const finding = findingFromFailure(extra.failure, this.lang);
      return finding ? [finding] : [];
    }
    if (!extra.serverReply) return [];
    let found: Finding[];
    try {
      found = this.explainFn(extra.serverReply.text, { lang: this.lang }).findings;
    } catch {
      return [];
    }
    const expect = extra.serverReply.expect;
    const preferred = expect ? found.filter((f) => f.category === expect) : [];
    return (preferred.length > 0 ? preferred : found).slice(0, 2);
  }

  /** Replaces what explains `step` (a failed APOP, once the normal password was seen to work). */
  refine(step: ProbeStep, extra: StepExtra): void {
    const found = this.#explain(extra);
    if (found.length === 0) return;
    this.#explained.set(step, found);
    step.code = found[0]!.category;
    step.entry = found[0]!.entry;
  }

  /** Turns the failures of the steps that count into findings, one per entry, and points steps at them. */
  finalize(options: FinalizeOptions): void {
    const byEntry = new Map<string, number>();
    for (const step of this.steps) {
      const found = this.#explained.get(step);
      if (!found || !options.counts(step)) continue;
      for (const finding of found) {
        let index = byEntry.get(finding.entry);
        if (index === undefined) {
          index = this.findings.length;
          byEntry.set(finding.entry, index);
          this.findings.push(neutralAdvice(finding, options.software));
        }
        step.finding ??= index;
      }
    }
  }
}
