import type { Lang } from '../i18n/lang.js';
import { attemptLabelOf, buildReportView, type StepView, stepViewOf } from './report-view.js';
import type { ProbeReport, ProbeStep, StepStatus } from './types.js';

export interface RenderOptions {
  color: boolean;
  /** False when the steps were already printed live (`renderStepLine` from `onStep`). Default true. */
  includeSteps?: boolean;
}

const MARK: Record<StepStatus, string> = { ok: '✓', warn: '!', fail: '✗', skipped: '-' };
const COLOR: Record<StepStatus, string> = { ok: '32', warn: '33', fail: '31', skipped: '2' };

function paint(text: string, code: string, color: boolean): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** One step as a table row: mark, name, time, detail. */
export function renderStepLine(step: ProbeStep, lang: Lang, options: RenderOptions): string {
  return renderStepView(stepViewOf(step, lang), lang, options);
}

/** The header that opens a new attempt (`--tls auto` makes up to two) in a live or final table. */
export function renderAttemptHeader(step: ProbeStep, options: RenderOptions, lang: Lang = 'en'): string {
  return paint(`  — ${attemptLabelOf(step, lang) ?? ''} —`, '1', options.color);
}

/**
 * An `onStep` callback that prints each step as it ends, with a header when a new attempt starts: the live
 * table of `popbot check` and the shell's /popcheck on a terminal.
 */
export function liveStepPrinter(
  write: (line: string) => void,
  lang: Lang,
  options: RenderOptions,
): (step: ProbeStep) => void {
  let lastAttempt: number | undefined;
  return (step) => {
    if (step.attempt !== undefined && step.attempt !== lastAttempt) {
      write(renderAttemptHeader(step, options, lang));
      lastAttempt = step.attempt;
    }
    write(renderStepLine(step, lang, options));
  };
}

/** The readable report used by `popbot check` and the shell adapter, from the neutral report view. */
export function renderProbeText(report: ProbeReport, lang: Lang, options: RenderOptions): string {
  const view = buildReportView(report, lang);
  const bold = (text: string) => paint(text, '1', options.color);
  const out: string[] = [];
  if (options.includeSteps !== false) {
    out.push(bold(view.header.title));
    const width = Math.max(18, ...view.attempts.flatMap((g) => g.steps.map((st) => st.label.length + 1)));
    for (const group of view.attempts) {
      if (group.label) out.push(bold(`  — ${group.label} —`));
      for (const step of group.steps) out.push(renderStepView(step, lang, options, width));
    }
  }

  for (const list of view.capabilities) {
    if (!list.items || list.items.length === 0) continue;
    out.push('', bold(list.title));
    for (const c of list.items) out.push(`  ${c.text}${c.gloss ? ` — ${c.gloss}` : ''}`);
  }

  if (view.notes.length > 0) out.push('', ...view.notes.map((n) => paint(n, '33', options.color)));

  if (view.findings.length > 0) {
    out.push('', bold(view.labels.findings));
    for (const f of view.findings) {
      const c = colon(lang);
      out.push(`  ${bold(f.title)}  (${view.labels.category}${c} ${f.category})`);
      out.push(`    ${f.line}`);
      out.push(`    ${f.meaning}`);
      if (f.causes.length > 0)
        out.push(`    ${view.labels.causes}${c}`, ...f.causes.map((x) => `      - ${x}`));
      if (f.userSteps.length > 0) {
        out.push(`    ${view.labels.userSteps}${c}`, ...f.userSteps.map((x) => `      - ${x}`));
      }
      if (f.adminSteps.length > 0) {
        out.push(`    ${view.labels.adminSteps}${c}`, ...f.adminSteps.map((x) => `      - ${x}`));
      }
    }
  }

  if (view.settings) {
    out.push('', bold(view.settings.title));
    for (const row of view.settings.rows) out.push(`  ${row.label}${colon(lang)} ${row.value}`);
  }

  if (view.transcript) {
    out.push('', bold(view.transcript.title));
    for (const line of view.transcript.lines) out.push(`  ${line}`);
  }

  const verdictColor = ['32', '33', '31', '35'][view.header.verdict.exitCode]!;
  out.push('', paint(view.header.verdict.text, verdictColor, options.color));
  return `${out.join('\n')}\n`;
}

/** A colon as the language writes it: French puts a no-break space before it. */
function colon(lang: Lang): string {
  return lang === 'fr' ? '\u00a0:' : ':';
}

function renderStepView(step: StepView, lang: Lang, options: RenderOptions, width = 18): string {
  const ms = step.ms === undefined ? ''.padStart(8) : `${step.ms} ms`.padStart(8);
  const mark = paint(MARK[step.status], COLOR[step.status], options.color);
  const code = step.code ? ` [${step.code}]` : '';
  return `  ${mark} ${step.label.padEnd(width)}${ms}  ${step.statusLabel}${colon(lang)} ${step.detail}${code}`;
}
