import type { Lang } from '../i18n/lang.js';
import { probeMessages } from '../i18n/probe-messages.js';
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

function attemptLabel(step: ProbeStep): string {
  const enc = step.tls === 'implicit' ? 'SSL/TLS' : step.tls === 'stls' ? 'STARTTLS' : 'plain';
  return `${step.port} ${enc}`;
}

/** One step as a table row: mark, name, time, detail. */
export function renderStepLine(step: ProbeStep, lang: Lang, options: RenderOptions): string {
  const name = probeMessages.t(lang, `step.${step.name}`).padEnd(18);
  const ms = step.status === 'skipped' ? ''.padStart(8) : `${step.ms} ms`.padStart(8);
  const mark = paint(MARK[step.status], COLOR[step.status], options.color);
  const status = probeMessages.t(lang, `status.${step.status}`);
  const code = step.code ? ` [${step.code}]` : '';
  return `  ${mark} ${name}${ms}  ${status}: ${step.detail}${code}`;
}

/** The header that opens a new attempt (`--tls auto` makes up to two) in a live or final table. */
export function renderAttemptHeader(step: ProbeStep, options: RenderOptions): string {
  return paint(`  — ${attemptLabel(step)} —`, '1', options.color);
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
      write(renderAttemptHeader(step, options));
      lastAttempt = step.attempt;
    }
    write(renderStepLine(step, lang, options));
  };
}

/** The readable report used by `popbot check` and the shell adapter. */
export function renderProbeText(report: ProbeReport, lang: Lang, options: RenderOptions): string {
  const t = (key: Parameters<typeof probeMessages.t>[1], params?: Record<string, string | number>) =>
    probeMessages.t(lang, key, params);
  const out: string[] = [];
  if (options.includeSteps !== false) {
    out.push(paint(t('render.title', { target: report.target.input }), '1', options.color));
    let lastAttempt: number | undefined;
    for (const step of report.steps) {
      if (step.attempt !== undefined && step.attempt !== lastAttempt) {
        out.push(renderAttemptHeader(step, options));
        lastAttempt = step.attempt;
      }
      out.push(renderStepLine(step, lang, options));
    }
  }

  const caps = report.capabilities.afterLogin ?? report.capabilities.afterStls ?? report.capabilities.before;
  if (caps && caps.length > 0) {
    out.push('', paint(t('render.capabilities'), '1', options.color));
    for (const c of caps) {
      const name = [c.name, ...c.args].join(' ');
      out.push(`  ${name}${c.gloss ? ` — ${c.gloss}` : ''}`);
    }
  }

  if (report.findings.length > 0) {
    out.push('', paint(t('render.findings'), '1', options.color));
    for (const f of report.findings) {
      out.push(`  ${paint(f.title, '1', options.color)}  (${t('render.category')}: ${f.category})`);
      out.push(`    ${f.line}`);
      out.push(`    ${f.meaning}`);
      if (f.causes.length > 0) out.push(`    ${t('render.causes')}:`, ...f.causes.map((c) => `      - ${c}`));
      if (f.userSteps.length > 0) {
        out.push(`    ${t('render.user-steps')}:`, ...f.userSteps.map((s) => `      - ${s}`));
      }
      if (f.adminSteps.length > 0) {
        out.push(`    ${t('render.admin-steps')}:`, ...f.adminSteps.map((s) => `      - ${s}`));
      }
    }
  }

  const s = report.settings;
  if (s) {
    out.push('', paint(t('render.settings'), '1', options.color));
    out.push(`  ${t('settings.server')}: ${s.server}`);
    out.push(`  ${t('settings.port')}: ${s.port}`);
    out.push(`  ${t('settings.encryption')}: ${t(`enc.${s.encryption}`)}`);
    out.push(`  ${t('settings.authentication')}: ${t(`auth.${s.authentication}`)}`);
    if (s.username) out.push(`  ${t('settings.username')}: ${s.username}`);
  }

  if (report.transcript) {
    out.push('', paint(t('render.transcript'), '1', options.color));
    for (const line of report.transcript) out.push(`  ${line.dir}: ${line.text}`);
  }

  const verdictColor = ['32', '33', '31', '35'][report.exitCode]!;
  out.push('', paint(t(`render.verdict.${report.exitCode}`), verdictColor, options.color));
  return `${out.join('\n')}\n`;
}
