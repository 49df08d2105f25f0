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
  /** The entry is a program's summary line (fetchmail's "Query status=…"): the lines beside it say more. */
  summary?: boolean;
  /** A refusal the client works around (CAPA): explained after the errors that stopped it, if any. */
  context?: boolean;
  /** For a server reply: its text, lower-cased, to meet the same reply quoted elsewhere in the paste. */
  reply?: string;
}

/** A client message this close to a server reply of the same category repeats it. */
export const ECHO_DISTANCE = 8;
const WRAP_DISTANCE = 2;

const lineOf = (f: Found) => f.finding.evidence.lineNumber;

/** The key under which a rule's findings are one: the same rule on the same facts (message 2, DELE line 7). */
export function ruleKey(f: Found): string | undefined {
  const rule = f.finding.evidence.rule;
  return rule ? `${rule.id} ${JSON.stringify(rule.facts)}` : undefined;
}

/** Findings by line number, so that "is there one within N lines" looks at 2N+1 lines, not at every finding. */
class ByLine {
  readonly #map = new Map<number, Found[]>();

  add(f: Found): void {
    const list = this.#map.get(lineOf(f));
    if (list) list.push(f);
    else this.#map.set(lineOf(f), [f]);
  }

  /** Whether a finding within `distance` lines of `f` passes `test`. */
  some(f: Found, distance: number, test: (other: Found) => boolean): boolean {
    for (let line = lineOf(f) - distance; line <= lineOf(f) + distance; line++) {
      if (this.#map.get(line)?.some(test)) return true;
    }
    return false;
  }
}

/** A rule's finding names at most this many further lines (the count of the rest is in the answer's cap). */
export const MAX_ALSO_LINES = 50;

// Linear in the number of findings: a paste of N "-ERR x" then N "Login denied" lines (each a candidate
// echo of the others) took minutes at 400 KB when every finding was compared with every other.
export function dropEchoes(found: readonly Found[]): FindingData[] {
  const kept: Found[] = [];
  const keptByLine = new ByLine();
  const byRule = new Map<string, { found: Found; also: number[] }>();
  const server = new ByLine();
  // A reply that is neither +OK nor -ERR ("OK Logged in." that NeoMutt quotes after its "SASL authentication
  // failed.") is the server's answer all the same: the program's message beside it wraps it.
  for (const f of found) if (f.kind === 'server' || f.kind === 'reply') server.add(f);
  const sameCategory = (a: Found, b: Found) => a.finding.category === b.finding.category;
  for (const f of found) {
    const key = ruleKey(f);
    const same = key === undefined ? undefined : byRule.get(key);
    if (same) {
      if (same.also.length < MAX_ALSO_LINES) same.also.push(lineOf(f));
      continue;
    }
    // A program's message right beside the -ERR it received wraps that reply (Outlook's 0x800CCC90 around
    // "The server responded: -ERR ..."): the reply says more.
    if (
      f.kind === 'client' &&
      (server.some(f, ECHO_DISTANCE, (s) => sameCategory(s, f)) || server.some(f, WRAP_DISTANCE, () => true))
    )
      continue;
    if (f.quoted && keptByLine.some(f, ECHO_DISTANCE, (k) => k.finding.entry === f.finding.entry)) continue;
    // The same message again a few lines on (a retry, the code on its own line under its dialog) adds nothing.
    if (
      f.kind === 'client' &&
      (keptByLine.some(f, ECHO_DISTANCE, (k) => k.kind === 'client' && k.finding.entry === f.finding.entry) ||
        keptByLine.some(f, WRAP_DISTANCE, (k) => k.kind === 'client' && sameCategory(k, f)))
    )
      continue;
    const copy = { ...f };
    if (key !== undefined) byRule.set(key, { found: copy, also: [] });
    kept.push(copy);
    keptByLine.add(copy);
  }
  for (const { found: f, also } of byRule.values()) {
    if (also.length === 0) continue;
    const evidence = f.finding.evidence;
    f.finding = {
      ...f.finding,
      evidence: { ...evidence, alsoLines: [...(evidence.alsoLines ?? []), ...also].slice(0, MAX_ALSO_LINES) },
    };
  }
  // A summary line beside a finding that says what actually failed adds nothing but a vaguer category.
  const specific = kept.filter((k) => !k.summary);
  const near = (a: Found, b: Found) => Math.abs(lineOf(a) - lineOf(b)) <= ECHO_DISTANCE;
  const shown = kept.filter(
    (k) => !k.summary || !specific.some((o) => o.finding.category !== k.finding.category && near(o, k)),
  );
  // Explained after the rest: a refused CAPA, and a summary line whose cause another line of the paste shows
  // (mpop's "invalid reply" above the SMTP greeting its transcript prints further down).
  // And a reply a program quotes (mpop's "POP3 server message: -ERR Incorrect state") that its transcript shows
  // again where the session explains it.
  const reasoned = new Set(
    shown.filter((o) => !o.quoted && o.reply && o.finding.evidence.basis === 'rule').map((o) => o.reply),
  );
  const late = (k: Found) =>
    k.context === true ||
    (k.quoted && k.reply !== undefined && reasoned.has(k.reply) && k.finding.evidence.basis !== 'rule') ||
    (k.summary === true && specific.some((o) => o.finding.category !== k.finding.category));
  return [...shown.filter((k) => !late(k)), ...shown.filter(late)].map((k) => k.finding);
}
