import type { FindingData } from './types.js';

/**
 * One finding per distinct error: the same entry reached the same way on many lines (28 "mailbox locked"
 * in a log, a retry loop's 31 refused logins) becomes one finding whose evidence lists every other line, so
 * an answer explains it once with "×28 — lines 4, 9, 14 …" and counts what a summary counts. Nothing is
 * dropped: every line stays in `alsoLines`. Linear: each group's lines are collected once, then attached.
 */
export function groupRepeats(findings: readonly FindingData[]): FindingData[] {
  const groups = new Map<string, { first: FindingData; also: number[] }>();
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
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { first: f, also: [...(f.evidence.alsoLines ?? [])] });
      continue;
    }
    group.also.push(f.evidence.lineNumber);
    for (const line of f.evidence.alsoLines ?? []) group.also.push(line);
  }
  return [...groups.values()].map(({ first, also }) =>
    also.length === 0 ? first : { ...first, evidence: { ...first.evidence, alsoLines: also } },
  );
}
