import type { ExplainResult, Finding } from '../explain/types.js';
import { answerMessages } from '../i18n/answer-messages.js';
import type { Lang } from '../i18n/lang.js';
import { serverLog } from '../i18n/server-log-messages.js';

/** Line numbers shown for a repeated error; the rest is counted. */
const SHOWN_LINES = 12;
/** A header is said when errors repeat, or when there are this many kinds; it names this many of them. */
const HEADER_FROM_KINDS = 4;
const HEADER_ITEMS = 5;

/** "×28 — lines 4, 9, 14 …" for an error that stands on several lines; undefined for a single one. */
export function repeatsLine(finding: Finding, lang: Lang): string | undefined {
  const lines = finding.lines;
  if (!lines || lines.length < 2) return undefined;
  const shown = lines.slice(0, SHOWN_LINES).join(', ');
  const more = lines.length - SHOWN_LINES;
  const list = more > 0 ? `${shown} ${answerMessages.t(lang, 'lines.more', { count: more })}` : shown;
  return answerMessages.t(lang, 'repeats', { count: lines.length, lines: list });
}

/**
 * "96 errors of 3 kinds: 60 × Login refused, 27 × Wrong password, 9 × Unknown user." — said first when a
 * paste holds more errors than kinds, so the reader sees the picture before the explanations.
 */
export function headerLine(result: ExplainResult): string | undefined {
  const counts = result.findings.map((f) => f.lines?.length ?? 1);
  const errors = counts.reduce((a, b) => a + b, 0);
  const kinds = result.findings.length;
  if (errors === kinds && kinds < HEADER_FROM_KINDS) return undefined;
  const items = result.findings
    .slice(0, HEADER_ITEMS)
    .map((f, i) => answerMessages.t(result.lang, 'header.item', { count: counts[i] ?? 1, title: f.title }));
  if (kinds > HEADER_ITEMS)
    items.push(answerMessages.t(result.lang, 'header.others', { count: kinds - HEADER_ITEMS }));
  return answerMessages.t(result.lang, kinds === 1 ? 'header.one' : 'header', {
    errors,
    kinds,
    list: items.join(', '),
  });
}

/**
 * What a server log's failed logins add up to, under its heading ("Failed logins, over the whole log:"): said
 * before the explanations, since it answers the admin's first question (is this an attack?).
 */
export function verdictLines(result: ExplainResult): string[] {
  if (!result.verdicts || result.verdicts.length === 0) return [];
  return [serverLog.t(result.lang, 'verdict.header'), ...result.verdicts.map((v) => `- ${v}`)];
}
