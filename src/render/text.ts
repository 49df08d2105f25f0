import type { ExplainResult, Finding } from '../explain/types.js';
import { core } from '../i18n/core-messages.js';
import { headerLine, repeatsLine, verdictLines } from './summary-line.js';
import type { Lang } from '../i18n/lang.js';
import { rules } from '../i18n/rule-messages.js';

/** Plain-text rendering of findings, for the terminal and the shell bot. Colour only when asked. */

export interface TextStyle {
  color: boolean;
}

const ANSI = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  reset: '\u001b[0m',
};

function paint(style: TextStyle, code: keyof typeof ANSI, text: string): string {
  return style.color ? `${ANSI[code]}${text}${ANSI.reset}` : text;
}

function bullets(items: readonly string[], numbered = false): string {
  return items.map((item, i) => `  ${numbered ? `${i + 1}.` : '-'} ${item}`).join('\n');
}

/** French typography puts a space before a colon. */
export function colon(lang: Lang): string {
  return lang === 'fr' ? '\u00a0: ' : ': ';
}

export function renderFindingText(finding: Finding, lang: Lang, style: TextStyle, index?: number): string {
  const t = (key: Parameters<typeof core.t>[1]) => core.t(lang, key);
  const c = colon(lang);
  const head = `${index === undefined ? '' : `${index}. `}${finding.title}`;
  const context = [
    `${t('label.line')} ${finding.lineNumber}${c}${finding.line}`,
    repeatsLine(finding, lang),
    finding.command ? `${t('label.command')}${c}${finding.command}` : undefined,
    finding.state ? `${t('label.state')}${c}${finding.state}` : undefined,
  ].filter(Boolean);
  const parts = [
    paint(style, 'bold', head),
    paint(style, 'dim', context.join('  ·  ')),
    '',
    `${t('label.meaning')}${c}${finding.meaning}`,
    ...(finding.because ? [`${rules.t(lang, 'label.because')}${c}${finding.because}`] : []),
    '',
    `${t('label.causes')}${c.trimEnd()}`,
    bullets(finding.causes),
    '',
    `${t('label.userSteps')}${c.trimEnd()}`,
    bullets(finding.userSteps, true),
    '',
    `${t('label.adminSteps')}${c.trimEnd()}`,
    bullets(finding.adminSteps, true),
    '',
    `${t('label.retry')}${c}${t(finding.retry ? 'retry.yes' : 'retry.no')}`,
  ];
  if (finding.references.length > 0) {
    parts.push(
      `${t('label.references')}${c}${finding.references.map((r) => `${r.label} <${r.url}>`).join(', ')}`,
    );
  }
  parts.push(
    paint(
      style,
      'dim',
      `${t('label.category')}${c}${finding.category}  ·  ${t('label.entry')}${c}${finding.entry}${
        finding.responseCode ? `  ·  [${finding.responseCode}]` : ''
      }  ·  ${t('label.confidence')}${c}${Math.round(finding.confidence * 100)}%`,
    ),
  );
  return parts.join('\n');
}

export function renderResultText(
  result: ExplainResult,
  style: TextStyle,
  maxFindings = Number.POSITIVE_INFINITY,
): string {
  const out: string[] = [];
  for (const w of result.warnings)
    out.push(paint(style, w.code === 'secret.exposed' ? 'red' : 'yellow', `! ${w.message}`));
  if (result.findings.length === 0) {
    out.push(result.message ?? '');
    return out.join('\n\n');
  }
  const header = headerLine(result);
  if (header) out.push(paint(style, 'bold', header));
  const verdicts = verdictLines(result);
  if (verdicts.length > 0)
    out.push(verdicts.map((v, i) => (i === 0 ? paint(style, 'bold', v) : v)).join('\n'));
  const shown = result.findings.slice(0, maxFindings);
  shown.forEach((f, i) => {
    out.push(renderFindingText(f, result.lang, style, result.findings.length > 1 ? i + 1 : undefined));
  });
  const more = result.findings.length - shown.length;
  if (more > 0) out.push(core.t(result.lang, 'more.findings', { count: more }));
  return out.join('\n\n');
}
