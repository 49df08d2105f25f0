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
 * 2: the reply answered one of the entry's commands; 1: the entry lists none; 0: it lists some and the
 * command is not shown (an entry written for AUTH XOAUTH2 reads "Authentication failed" as a refused token,
 * which a reply of unknown command does not show); -1: the reply answered another command, so the entry
 * does not apply.
 */
function contextFit(entry: CompiledEntry, command: CommandInfo | undefined): number {
  if (entry.commands.length === 0) return 1;
  if (!command) return 0;
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
  return a.entry.head.id < b.entry.head.id ? -1 : a.entry.head.id > b.entry.head.id ? 1 : 0;
}

/**
 * A catch-all entry (negative priority: its patterns are shapes of many servers' words, "… first", "usage: …")
 * is told with less certainty than a wording a server was seen to send: the user sees the difference.
 */
const SHAPE_CONFIDENCE = 0.7;

function confidenceOf(r: Ranked, command: CommandInfo | undefined): number {
  const [kind, context, code] = r.rank;
  if (kind === 2 && r.entry.head.match.priority < 0) return context === 2 ? 0.75 : SHAPE_CONFIDENCE;
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
  if (!memo) MEMO.set(kb, (memo = { matches: new Map(), chars: 0 }));
  if (memo.matches.has(key)) return memo.matches.get(key);
  const match = rankMatch(kb, candidate, text, options);
  if (memo.matches.size >= MEMO_SIZE || memo.chars + key.length > MEMO_CHARS) {
    memo.matches.clear();
    memo.chars = 0;
  }
  memo.matches.set(key, match);
  memo.chars += key.length;
  return match;
}

interface Memo {
  matches: Map<string, Match | undefined>;
  /** The keys' length: lines are up to 600 characters, so a count of entries alone does not bound memory. */
  chars: number;
}

const MEMO = new WeakMap<KnowledgeBase, Memo>();
const MEMO_SIZE = 4096;
// About 1 MB of keys (2 MB outside Latin-1): replies of a line or two fill the 4,096 entries first, pastes of
// long lines (up to 600 characters each) this.
const MEMO_CHARS = 512 * 1024;

/** Forgets what was matched with this knowledge base (the bench measures matching, not the memo). */
export function forgetMatches(kb: KnowledgeBase): void {
  MEMO.delete(kb);
}

/**
 * How an entry ranks for this candidate, or undefined when it does not apply. `words`: what its patterns
 * matched (undefined when none did, or it has none).
 */
function rankEntry(
  entry: CompiledEntry,
  candidate: Candidate,
  options: { wordingOnly?: boolean },
  words: string | undefined,
): Ranked | undefined {
  if (options.wordingOnly && (entry.sources.length === 0 || entry.head.match.priority < 0)) return undefined;
  const context = contextFit(entry, candidate.command);
  const m = entry.head.match;
  if (context < 0 || (m.requiresCommand && context !== 2)) return undefined;
  const code = candidate.responseCode && m.responseCodes.includes(candidate.responseCode) ? 1 : 0;
  // An entry made for certain commands may not use its priority to win where the command is not shown.
  const priority = !candidate.command && entry.commands.length > 0 ? Math.min(m.priority, 0) : m.priority;
  if (entry.sources.length > 0) {
    return words === undefined
      ? undefined
      : { entry, rank: [2, context, code, priority, words.length], words };
  }
  if (m.bare) return context === 2 ? { entry, rank: [0, context, code, priority, 0] } : undefined;
  return code ? { entry, rank: [1, context, code, priority, 0] } : undefined;
}

/**
 * Ranks only the entries that can apply (see src/knowledge/match-index.ts): those whose patterns' literals
 * the text holds, the bare entries of the candidate's command, the code-only entries of its response code.
 * Undefined when a free-text candidate matches no pattern: nothing else can explain a line of prose.
 */
function rankIndexed(
  kb: KnowledgeBase,
  candidate: Candidate,
  text: string,
  options: { wordingOnly?: boolean },
): Ranked[] | undefined {
  const index = kb.matchIndex(candidate.kind);
  const ranked: Ranked[] = [];
  let anyWording = false;
  const hits = index.literals.candidates(text);
  for (let k = 0; k < hits.length;) {
    const e = index.entryOf[hits[k]!]!;
    const entry = index.entries[e]!;
    let words: string | undefined;
    for (; k < hits.length && index.entryOf[hits[k]!] === e; k++) {
      const m = entry.pattern(index.patternOf[hits[k]!]!).exec(text);
      if (m && (words === undefined || m[0].length > words.length)) words = m[0];
    }
    if (words === undefined) continue;
    anyWording = true;
    const r = rankEntry(entry, candidate, options, words);
    if (r) ranked.push(r);
  }
  if (!anyWording && (candidate.kind === 'client' || candidate.kind === 'log')) return undefined;
  const bare = candidate.command ? index.bareByVerb.get(candidate.command.verb) : undefined;
  const coded = candidate.responseCode ? index.codeOnlyByCode.get(candidate.responseCode) : undefined;
  for (const entry of [...(bare ?? []), ...(coded ?? [])]) {
    const r = rankEntry(entry, candidate, options, undefined);
    if (r) ranked.push(r);
  }
  return ranked;
}

/** Every entry of the kind, every pattern: what the index must agree with (a knowledge base built unindexed). */
function rankExhaustive(
  kb: KnowledgeBase,
  candidate: Candidate,
  text: string,
  options: { wordingOnly?: boolean },
): Ranked[] | undefined {
  if ((candidate.kind === 'client' || candidate.kind === 'log') && !kb.anyPattern(candidate.kind).test(text))
    return undefined;
  const ranked: Ranked[] = [];
  for (const entry of kb.byKind[candidate.kind]) {
    const r = rankEntry(
      entry,
      candidate,
      options,
      entry.sources.length > 0 ? longestMatch(entry, text) : undefined,
    );
    if (r) ranked.push(r);
  }
  return ranked;
}

function rankMatch(
  kb: KnowledgeBase,
  candidate: Candidate,
  text: string,
  options: { wordingOnly?: boolean },
): Match | undefined {
  const ranked = kb.indexed
    ? rankIndexed(kb, candidate, text, options)
    : rankExhaustive(kb, candidate, text, options);
  if (!ranked || ranked.length === 0) return undefined;
  ranked.sort(compareRanked);
  const best = ranked[0]!;
  const basis = best.rank[0] === 2 ? 'wording' : best.rank[0] === 1 ? 'response-code' : 'command';
  return {
    entry: best.entry,
    confidence: best.entry.head.category === 'unknown' ? 0.2 : confidenceOf(best, candidate.command),
    length: best.rank[4],
    basis,
    ...(best.words !== undefined ? { words: best.words } : {}),
  };
}
