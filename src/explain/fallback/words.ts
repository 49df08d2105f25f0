import { foldAccents } from '../normalize.js';

/**
 * How the fallback reads a text into words: identifiers split into the words they join, host names skipped,
 * each word with its clause and sentence (a term's words never cross a clause's end; a person's words count
 * only in their own sentence), what a conditional clause says left out, a guess marked, and the base form of
 * a plural or a participle's feminine kept beside the word.
 */

/** A word of the text as the fallback reads it. */
export interface Word {
  folded: string;
  /** Its accents, in order of code (where a tone mark sits varies: "khóa", "khoá"). */
  marks: string;
  /** Written with a letter only Vietnamese has: it never meets a word of another language ("mã", "ma"). */
  vietnamese: boolean;
  start: number;
  end: number;
  /** Which clause and sentence of the text it stands in: a term's words never cross a clause's end. */
  clause: number;
  sentence: number;
  /** Its clause says what may be so ("the password may be wrong"), not what is. */
  hedged: boolean;
  /** The word without a plural's or a feminine's ending ("connexions sécurisées" → connexion, sécurisé). */
  bases: readonly string[];
}

const WORD = /[\p{L}\p{N}]+/gu;
/** How much of a text is read: an error message says what it says early. */
export const MAX_TEXT = 600;

// Where an identifier joins words: "SocketTimeoutException", "SSLHandshakeException", "certPathBuilder".
// Not before a plural's s: "UIDLs" is one word.
const IDENTIFIER_JOIN = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll}{2})/u;

// A lowercase dotted name ending in a common or a country's top-level domain; a class path
// ("java.net.ConnectException") has capitals, code ("self.host") no such ending.
const HOST_NAME =
  /^(?:[a-z0-9-]+\.)+(?:[a-z]{2}|com|net|org|edu|gov|mil|int|info|biz|local|localdomain|lan|example|test|invalid|arpa)$/;
const NAME_CHAR = /[\w.-]/;

function insideHostName(text: string, start: number, length: number): boolean {
  let from = start;
  let to = start + length;
  while (from > 0 && NAME_CHAR.test(text[from - 1]!)) from--;
  while (to < text.length && NAME_CHAR.test(text[to]!)) to++;
  const run = text.slice(from, to).replace(/^[.-]+|[.-]+$/g, '');
  return run.includes('.') && HOST_NAME.test(run);
}

// Where a clause ends: a sentence's end, a colon or semicolon, a comma, a new line (not the dot of a host name
// or a version, nor the colon of a port: those have no space after them).
const CLAUSE_END = /[.!?;:,](?=\s|$)|[.!?;:,]["'»”)\]]|\n|\s[–—]\s/g;
// A sentence ends at . ! ? or a new line: a person's words in one sentence do not make another a person's.
const SENTENCE_END = /[.!?](?=\s|$)|\n/;
// What follows these words in their clause says what may happen, not what did ("If it used to work and now
// suddenly fails, …", « Si vous poursuivez … », "Nếu bạn tiếp tục …"): no evidence of a failure.
const CONDITIONAL = new Set(['if', 'unless', 'whether', 'si', 'nếu']);

/** Where a clause or a sentence ends in the text, in order. */
function boundaries(head: string): { at: number; sentence: boolean }[] {
  const out: { at: number; sentence: boolean }[] = [];
  for (const m of head.matchAll(CLAUSE_END)) out.push({ at: m.index, sentence: SENTENCE_END.test(m[0]) });
  return out;
}

/** The words of a text, each with its clause and sentence; what a conditional clause says is left out. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const head = text.slice(0, MAX_TEXT);
  const ends = boundaries(head);
  let next = 0;
  let clause = 0;
  let sentence = 0;
  let hypothetical = -1;
  const push = (word: string, start: number) =>
    out.push({
      folded: foldAccents(word),
      marks: marksOf(word),
      vietnamese: VIETNAMESE_LETTER.test(word),
      start,
      end: start + word.length,
      clause,
      sentence,
      hedged: false,
      bases: basesOf(word),
    });
  for (const m of head.matchAll(WORD)) {
    while (next < ends.length && ends[next]!.at < m.index) {
      clause++;
      if (ends[next]!.sentence) sentence++;
      next++;
    }
    if (hypothetical === clause) continue;
    if (CONDITIONAL.has(m[0].toLowerCase())) {
      hypothetical = clause;
      continue;
    }
    // The labels of a host name are no words: "pop.example.net" names no POP and no network.
    if (insideHostName(head, m.index, m[0].length)) continue;
    // A program's class or constant name says its failure in joined words: each is read as a word.
    const parts = m[0].split(IDENTIFIER_JOIN);
    // "OAuth" is one word, not "O" and "Auth".
    if (parts.length > 1 && parts[0]!.length === 1) parts.splice(0, 2, parts[0]! + parts[1]!);
    let at = m.index;
    for (const part of parts) {
      push(part, at);
      at += part.length;
    }
  }
  markHedges(out, head);
  return out;
}

// Words that make a clause a guess: "The password may be wrong", « pourrait être erroné », "có thể sai".
const HEDGE = new Set([
  'may',
  'might',
  'possibly',
  'perhaps',
  'probably',
  'likely',
  'seem',
  'seems',
  'pourrait',
  'pourraient',
  'semble',
  'semblent',
  'probablement',
  'éventuellement',
]);
const HEDGE_PAIRS = new Set(['could be', 'peut être', 'có thể', 'dường như', 'có lẽ', 'hình như', 'có vẻ']);

function markHedges(tokens: Word[], text: string): void {
  const raw = (i: number) => text.slice(tokens[i]!.start, tokens[i]!.end).toLowerCase();
  const hedged = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const word = raw(i);
    const pair = i + 1 < tokens.length ? `${word} ${raw(i + 1)}` : '';
    // Not "không thể" (cannot) nor « ne peut être » (cannot be): those say what failed.
    const negated = i > 0 && ['không', 'ne', 'n'].includes(raw(i - 1));
    if (HEDGE.has(word) || (HEDGE_PAIRS.has(pair) && !negated)) hedged.add(tokens[i]!.clause);
  }
  if (hedged.size > 0) for (const t of tokens) t.hedged = hedged.has(t.clause);
}

// Letters only Vietnamese writes (French writes à â é è ê ë î ï ô ù û ü ÿ ç). Folding them away makes distinct
// words meet ("đóng" closed, "động" move; "hủy" cancel, "hụy"): a Vietnamese word of the lexicon meets a word of
// the text with its accents when the text has accents, and only a text typed without them meets it folded.
export const VIETNAMESE_LETTER = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịĩìíọỏốồổỗộớờởỡợụủũúứừửữựỳỵỷỹýãõòóá]/iu;

export function marksOf(word: string): string {
  if (/^[\x00-\x7f]*$/.test(word)) return '';
  return [...(word.normalize('NFD').match(/\p{M}/gu) ?? [])].sort().join('');
}

// The endings English and French add to a word for its plural or a participle's feminine: a term is written
// once, in its base form ("secure connection" meets "secure connections", « non sécurisé » meets « non
// sécurisées »). Only a participle's "-ée" drops its "e": « porte » is no "port".
const MIN_BASE = 4;
function basesOf(word: string): readonly string[] {
  if (word.length <= MIN_BASE || VIETNAMESE_LETTER.test(word)) return [];
  const lower = word.toLowerCase();
  const singular = lower.endsWith('s') ? lower.slice(0, -1) : lower;
  const masculine = singular.endsWith('ée') ? singular.slice(0, -1) : singular;
  return [...new Set([singular, masculine])]
    .filter((b) => b !== lower && b.length >= MIN_BASE)
    .map((b) => foldAccents(b));
}
