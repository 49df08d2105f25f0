import type { FindingData } from './types.js';

/**
 * One finding per distinct error: the same entry reached the same way on many lines (28 "mailbox locked"
 * in a log, a retry loop's 31 refused logins) becomes one finding whose evidence lists every other line, so
 * an answer explains it once with "×28 — lines 4, 9, 14 …" and counts what a summary counts. Nothing is
 * dropped: every line stays in `alsoLines`.
 */
export function groupRepeats(findings: readonly FindingData[]): FindingData[] {
  const groups = new Map<string, FindingData>();
  const order: FindingData[] = [];
  for (const f of findings) {
    const rule = f.evidence.rule;
    // The command a reply answered is part of what the error is: RETR 7 and LIST 1 x refused alike are two
    // findings; the same PASS refused 31 times in a retry loop is one.
    const key = [
      f.entry,
      f.category,
      f.evidence.basis,
      f.evidence.command ?? '',
      rule ? `${rule.id} ${JSON.stringify(rule.facts)}` : '',
    ].join('\u0000');
    const first = groups.get(key);
    if (!first) {
      const copy = { ...f, evidence: { ...f.evidence } };
      groups.set(key, copy);
      order.push(copy);
      continue;
    }
    first.evidence = {
      ...first.evidence,
      alsoLines: [
        ...(first.evidence.alsoLines ?? []),
        f.evidence.lineNumber,
        ...(f.evidence.alsoLines ?? []),
      ],
    };
  }
  return order;
}

/** How many lines a finding stands for: its own and the repeats it absorbed. */
export function lineCount(f: { evidence: { alsoLines?: readonly number[] } }): number {
  return 1 + (f.evidence.alsoLines?.length ?? 0);
}
