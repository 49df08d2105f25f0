import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { CommandSpec, CompiledEntry } from '../knowledge/load.js';
import { normalizeForMatch } from './normalize.js';
import type { Candidate, CommandInfo } from './candidate.js';

/** Only this much of a line is matched: POP lines are at most 512 octets (RFC 2449), and it bounds regex time. */
export const MAX_MATCH_CHARS = 600;
export const UNKNOWN_ENTRY_ID = 'unknown-pop-error';

export interface Match {
  entry: CompiledEntry;
  confidence: number;
  /** Characters of the normalised text the best pattern matched (0 for code-only and bare entries). */
  length?: number;
  /** What decided: a pattern, a response code alone, or the command alone (a bare entry). */
  basis: 'wording' | 'response-code' | 'command';
  /** The normalised text the best pattern matched. */
  words?: string;
}

interface Ranked {
  entry: CompiledEntry;
  /** Compared left to right; see knowledge/README.md "How matching works". */
  rank: [matchKind: number, context: number, code: number, priority: number, length: number];
  words?: string;
}

function fitsCommand(spec: CommandSpec, command: CommandInfo): boolean {
  if (spec.verb !== command.verb) return false;
  if (spec.args === 'any') return true;
  if (spec.args === 'first') return spec.first === command.firstArg;
  return (spec.args === 'some') === command.hasArgs;
}

/**
 * 2: the reply answered one of the entry's commands; 1: the entry lists none, or the command is unknown
 * (no evidence either way); -1: the reply answered another command, so the entry does not apply.
 */
function contextFit(entry: CompiledEntry, command: CommandInfo | undefined): number {
  if (entry.commands.length === 0 || !command) return 1;
  return entry.commands.some((spec) => fitsCommand(spec, command)) ? 2 : -1;
}

function longestMatch(entry: CompiledEntry, text: string): string | undefined {
  let best: string | undefined;
  for (const re of entry.patterns) {
    const m = re.exec(text);
    if (m && (best === undefined || m[0].length > best.length)) best = m[0];
  }
  return best;
}

function compareRanked(a: Ranked, b: Ranked): number {
  for (let i = 0; i < a.rank.length; i++) {
    const d = (b.rank[i] ?? 0) - (a.rank[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.entry.entry.id < b.entry.entry.id ? -1 : a.entry.entry.id > b.entry.entry.id ? 1 : 0;
}

function confidenceOf(r: Ranked, command: CommandInfo | undefined): number {
  const [kind, context, code] = r.rank;
  if (kind === 2)
    return context === 2 ? 0.95 : command || r.entry.commands.length === 0 ? (code ? 0.92 : 0.9) : 0.85;
  if (kind === 1) return context === 2 ? 0.7 : 0.6;
  return 0.5;
}

export function matchText(text: string): string {
  return normalizeForMatch(
    text.length > MAX_MATCH_CHARS * 4 ? text.slice(0, MAX_MATCH_CHARS * 4) : text,
  ).slice(0, MAX_MATCH_CHARS);
}

/**
 * The best entry for a candidate, or undefined when nothing fits (for server candidates the caller falls
 * back to the unknown entry). Deterministic: the same input always yields the same entry.
 */
export function bestMatch(
  kb: KnowledgeBase,
  candidate: Candidate,
  options: { wordingOnly?: boolean } = {},
): Match | undefined {
  const text = matchText(candidate.text);
  // Pastes repeat themselves (a retry loop, a log of the same refusal): the same question, the same answer.
  const c = candidate.command;
  const key = `${candidate.kind}|${c ? `${c.verb} ${c.hasArgs} ${c.firstArg ?? ''}` : ''}|${candidate.responseCode ?? ''}|${options.wordingOnly === true}|${text}`;
  let memo = MEMO.get(kb);
  if (!memo) MEMO.set(kb, (memo = new Map()));
  if (memo.has(key)) return memo.get(key);
  const match = rankMatch(kb, candidate, text, options);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, match);
  return match;
}

const MEMO = new WeakMap<KnowledgeBase, Map<string, Match | undefined>>();
const MEMO_SIZE = 4096;

function rankMatch(
  kb: KnowledgeBase,
  candidate: Candidate,
  text: string,
  options: { wordingOnly?: boolean },
): Match | undefined {
  // Client candidates are every free-text line of a paste: rule most out with one test.
  // One test of the literal runs the patterns cannot match without rules most texts out (see mayMatch);
  // for client candidates (every free-text line of a paste) nothing else can match then.
  const wordingsMayMatch = kb.mayMatch(candidate.kind, text);
  const freeText = candidate.kind === 'client' || candidate.kind === 'log';
  if (freeText && !(wordingsMayMatch && kb.anyPattern(candidate.kind).test(text))) return undefined;
  const ranked: Ranked[] = [];
  for (const entry of kb.byKind[candidate.kind]) {
    if (options.wordingOnly && (entry.patterns.length === 0 || entry.entry.match.priority < 0)) continue;
    const context = contextFit(entry, candidate.command);
    if (context < 0) continue;
    const m = entry.entry.match;
    const code = candidate.responseCode && m.responseCodes.includes(candidate.responseCode) ? 1 : 0;
    // An entry made for certain commands may not use its priority to win where the command is not shown.
    const priority = !candidate.command && entry.commands.length > 0 ? Math.min(m.priority, 0) : m.priority;
    if (entry.patterns.length > 0) {
      if (!wordingsMayMatch) continue;
      const words = longestMatch(entry, text);
      if (words === undefined) continue;
      ranked.push({ entry, rank: [2, context, code, priority, words.length], words });
    } else if (m.bare) {
      if (context === 2) ranked.push({ entry, rank: [0, context, code, priority, 0] });
    } else if (code) {
      ranked.push({ entry, rank: [1, context, code, priority, 0] });
    }
  }
  if (ranked.length === 0) return undefined;
  ranked.sort(compareRanked);
  const best = ranked[0]!;
  const basis = best.rank[0] === 2 ? 'wording' : best.rank[0] === 1 ? 'response-code' : 'command';
  return {
    entry: best.entry,
    confidence: best.entry.entry.category === 'unknown' ? 0.2 : confidenceOf(best, candidate.command),
    length: best.rank[4],
    basis,
    ...(best.words !== undefined ? { words: best.words } : {}),
  };
}
