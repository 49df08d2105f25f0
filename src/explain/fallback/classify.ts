import { foldAccents } from '../normalize.js';
import { type Cue, LEXICON } from './lexicon.js';

/**
 * The explainable fallback: a `-ERR` (or a program's error message) that no knowledge-base entry knows still
 * gets a category when its words say one, with the words that decided it, so the user sees why. Confidence
 * stays below any entry's (0.5 for a bare response code): this is a reading of the words, not a known error.
 */
export interface FallbackResult {
  /** A taxonomy category, or `unknown` when the words say nothing. */
  category: string;
  confidence: number;
  /** The words of the text that decided it, as they were written (accents and case kept). */
  decidedBy: string[];
}

export type FallbackKind = 'server' | 'client';

interface Word {
  folded: string;
  start: number;
  end: number;
}
interface CompiledTerm {
  words: readonly { stem: string; prefix: boolean }[];
}
interface CompiledCue {
  cue: Cue;
  /** Each slot holds alternatives; one alternative of every slot must appear. */
  slots: readonly (readonly CompiledTerm[])[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_TEXT = 600;

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.slice(0, MAX_TEXT).matchAll(WORD))
    out.push({ folded: foldAccents(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}

function compileTerm(term: string): CompiledTerm {
  return {
    words: (term.match(/[\p{L}\p{N}]+\*?|\*/gu) ?? [])
      .filter((w) => w !== '*')
      .map((w) => ({ stem: foldAccents(w.replace(/\*$/, '')), prefix: w.endsWith('*') })),
  };
}

let compiled: readonly CompiledCue[] | undefined;
function lexicon(): readonly CompiledCue[] {
  compiled ??= LEXICON.map((cue) => ({ cue, slots: cue.all.map((slot) => slot.map(compileTerm)) }));
  return compiled;
}

/** Where the term's words appear in a row in the text, or -1. */
function find(text: readonly Word[], term: CompiledTerm): number {
  const n = term.words.length;
  if (n === 0) return -1;
  outer: for (let i = 0; i + n <= text.length; i++) {
    for (let j = 0; j < n; j++) {
      const w = text[i + j]!.folded;
      const t = term.words[j]!;
      if (t.prefix ? !w.startsWith(t.stem) : w !== t.stem) continue outer;
    }
    return i;
  }
  return -1;
}

const UNKNOWN: FallbackResult = { category: 'unknown', confidence: 0.2, decidedBy: [] };

/**
 * A program's line is any line of a paste, most of them no error: its words decide only when they add up to
 * more (two terms, or one strong phrase) and the line says something failed.
 */
const CLIENT_MIN_SCORE = 4;
// Phrases separated by "|". Not "timeout" alone: configuration dumps and tracebacks name the setting.
const FAILURE_SIGNAL: readonly CompiledTerm[] = (
  'error|err|fail*|cannot|unable|refused|rejected|denied|invalid|unknown|timed out|closed|reset|dropped|' +
  "not responding|unreachable|could not|can't|couldn't|erreur|échec|échou*|impossible|refusé*|invalide|" +
  'inconnu*|délai|fermé*|interrompu*|ne répond pas|lỗi|không thể|thất bại|từ chối|không hợp lệ|' +
  'hết thời gian|bị ngắt|không phản hồi|bị đóng|không thành công'
)
  .split('|')
  .map(compileTerm);
// A person's sentence about a problem ("I think my password is invalid"), or a web page's error, is no
// program's error message: the words of a mail program's own line do not speak in the first person.
const NOT_A_PROGRAM: readonly CompiledTerm[] =
  'web page|login page|website|browser|api|http|page web|navigateur|trang web'.split('|').map(compileTerm);
// The pronouns are compared with their accents: folded, the French "ma" and "me" would also be the Vietnamese
// "mà" (but) and "mẹ", and fetchmail's Vietnamese "… mà trình phục vụ đã từ chối …" would read as a person's.
const FIRST_PERSON = new Set('i|my|me|we|our|us|je|j|mon|ma|mes|nous|notre|tôi|mình'.split('|'));
const speaksInFirstPerson = (tokens: readonly Word[], text: string) =>
  tokens.some((t) => FIRST_PERSON.has(text.slice(t.start, t.end).toLowerCase()));
// "key = value": a program's configuration dump, or code ("timeout=10"), not its error message.
const SETTING = /^\s*[\w .()-]{1,40}=|\w=\w/;

function saysFailure(tokens: readonly Word[], text: string): boolean {
  if (SETTING.test(text)) return false;
  return (
    FAILURE_SIGNAL.some((t) => find(tokens, t) >= 0) &&
    !NOT_A_PROGRAM.some((t) => find(tokens, t) >= 0) &&
    !speaksInFirstPerson(tokens, text)
  );
}

/** Reads the words of an error text that no entry explains. Pure and deterministic. */
export function classifyByWords(text: string, kind: FallbackKind): FallbackResult {
  const tokens = words(text);
  // The deciding words are shown as written, apostrophes and hyphens included ("n'existe pas").
  const shownAt = (at: number, n: number) => text.slice(tokens[at]!.start, tokens[at + n - 1]!.end);
  if (tokens.length === 0) return UNKNOWN;
  const scores = new Map<string, { score: number; terms: number; words: Set<string> }>();
  for (const { cue, slots } of lexicon()) {
    if (cue.for && cue.for !== kind) continue;
    const hits: string[] = [];
    for (const slot of slots) {
      let hit: string | undefined;
      for (const term of slot) {
        const at = find(tokens, term);
        // The longest alternative that matches says the most ("not allowed" rather than "not").
        if (at >= 0) {
          const shown = shownAt(at, term.words.length);
          if (!hit || shown.length > hit.length) hit = shown;
        }
      }
      if (!hit) break;
      hits.push(hit);
    }
    if (hits.length !== slots.length) continue;
    const entry = scores.get(cue.category) ?? { score: 0, terms: 0, words: new Set<string>() };
    entry.score += cue.weight;
    entry.terms = Math.max(entry.terms, slots.length);
    for (const h of hits) entry.words.add(h);
    scores.set(cue.category, entry);
  }
  let best: [string, { score: number; terms: number; words: Set<string> }] | undefined;
  for (const candidate of scores) {
    const [, s] = candidate;
    if (!best || s.score > best[1].score || (s.score === best[1].score && s.terms > best[1].terms))
      best = candidate;
  }
  if (!best) return UNKNOWN;
  const [category, s] = best;
  if (kind === 'client' && (s.score < CLIENT_MIN_SCORE || !saysFailure(tokens, text))) return UNKNOWN;
  return { category, confidence: s.score >= 5 ? 0.5 : s.score >= 3 ? 0.45 : 0.35, decidedBy: [...s.words] };
}
