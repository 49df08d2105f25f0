import type { CandidateKind } from './candidate.js';
import type { FindingData } from './types.js';

/**
 * Drops findings that repeat one already made: a client message next to a server reply of the same category
 * (Outlook's dialog around the -ERR it quotes, curl's "Login denied" after the -ERR), a reply quoted again
 * without its command (a Python traceback repeating the -ERR it raised), and the same refusal the session
 * explains once (RETR 2, LIST 2, TOP 2 0 after DELE 2: one finding naming every line).
 */

/** A finding with what the pipeline knows about its line. */
export interface Found {
  finding: FindingData;
  kind: CandidateKind;
  quoted: boolean;
}

/** A client message this close to a server reply of the same category repeats it. */
const ECHO_DISTANCE = 8;
const WRAP_DISTANCE = 2;

const lineOf = (f: Found) => f.finding.evidence.lineNumber;

/** The key under which a rule's findings are one: the same rule on the same facts (message 2, DELE line 7). */
function ruleKey(f: Found): string | undefined {
  const rule = f.finding.evidence.rule;
  return rule ? `${rule.id} ${JSON.stringify(rule.facts)}` : undefined;
}

export function dropEchoes(found: readonly Found[]): FindingData[] {
  const kept: Found[] = [];
  const byRule = new Map<string, Found>();
  const near = (a: Found, b: Found) => Math.abs(lineOf(a) - lineOf(b)) <= ECHO_DISTANCE;
  const server = found.filter((f) => f.kind === 'server');
  for (const f of found) {
    const key = ruleKey(f);
    const same = key === undefined ? undefined : byRule.get(key);
    if (same) {
      same.finding = {
        ...same.finding,
        evidence: {
          ...same.finding.evidence,
          alsoLines: [...(same.finding.evidence.alsoLines ?? []), lineOf(f)],
        },
      };
      continue;
    }
    // A program's message right beside the -ERR it received wraps that reply (Outlook's 0x800CCC90 around
    // "The server responded: -ERR ..."): the reply says more.
    const wraps = (s: Found) => Math.abs(lineOf(s) - lineOf(f)) <= WRAP_DISTANCE;
    const sameCategory = (a: Found, b: Found) => a.finding.category === b.finding.category;
    if (f.kind === 'client' && server.some((s) => (sameCategory(s, f) && near(s, f)) || wraps(s))) continue;
    if (f.quoted && kept.some((k) => k.finding.entry === f.finding.entry && near(k, f))) continue;
    // The same message again a few lines on (a retry, the code on its own line under its dialog) adds nothing.
    const repeats = (k: Found) =>
      k.kind === 'client' &&
      ((k.finding.entry === f.finding.entry && near(k, f)) || (sameCategory(k, f) && wraps(k)));
    if (f.kind === 'client' && kept.some(repeats)) continue;
    const copy = { ...f };
    if (key !== undefined) byRule.set(key, copy);
    kept.push(copy);
  }
  return kept.map((k) => k.finding);
}
