import type { Lang } from '../i18n/lang.js';
import { POP_VERB_ALTERNATION } from './pop-commands.js';

/**
 * Guesses whether the person wrote in French or Vietnamese, from the words around the error. Protocol lines
 * are English whatever the user's language, so they do not count; only a clear signal changes the answer.
 */

/** `explain` guesses the language from this much of the start: it shows in the first lines people write. */
const LANGUAGE_SAMPLE = 20_000;

// Letters that exist in Vietnamese and not in French: ă ơ ư đ and the dot-below / hook-above vowels.
const VIETNAMESE_LETTERS = /[ăĂơƠưƯđĐ\u1EA0-\u1EF9]/g;
const FRENCH_LETTERS = /[éèêàçùûôîœ]/gi;
const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_WORD = /^[\x00-\x7f]*$/;
const LINE_BREAK = /\r\n|\r|\n/;
const WORD_RUN = /\S+/g;

/**
 * A list of words, each counted only as a whole word. `\b` knows only ASCII letters ("là", "bị", "thư" would
 * never match), so words are bounded by any letter: a Unicode pattern. That pattern tests its lookbehind's
 * property classes at every position, tens of times slower than an ASCII one; on text of ASCII only, where
 * `[\p{L}\p{M}]` is `[A-Za-z]` and a word with another letter cannot occur, the ASCII pattern made of the
 * list's ASCII words counts the same.
 */
export interface WordList {
  words: readonly string[];
  unicode: RegExp;
  ascii: RegExp;
}

/**
 * `words` where no letter (`letter`, a class) stands before or after them. Words whose first letters are few
 * are found by a lookbehind (the engine skips to those letters); words that start with many letters, by the
 * line's start or one character that is no letter, as the lookbehind is tried at nearly every position. Both
 * count the same: every word begins and ends with a letter, so the character before a word is never the end
 * of the word counted before it.
 */
function bounded(words: readonly string[], letter: string, flags: string): RegExp {
  const starts = new Set(words.map((w) => w[0]?.toLowerCase()));
  const before = starts.size > 8 ? `(?:^|[^${letter}])` : `(?<![${letter}])`;
  return new RegExp(`${before}(?:${words.join('|')})(?![${letter}])`, flags);
}

function words(list: string): WordList {
  const all = list.split('|');
  return {
    words: all,
    unicode: bounded(all, '\\p{L}\\p{M}', 'giu'),
    ascii: bounded(
      all.filter((w) => ASCII_WORD.test(w)),
      'A-Za-z',
      'gi',
    ),
  };
}

const VIETNAMESE_WORDS = words(
  'không|được|của|và|là|tôi|bị|lỗi|máy chủ|mật khẩu|tài khoản|thư|gửi|nhận|kết nối|đăng nhập|cho|này|với|khi|em|anh|chị|ạ',
);
const FRENCH_WORDS = words(
  "le|la|les|des|du|une|est|sont|je|j'ai|mon|ma|mes|ne|pas|avec|pour|dans|sur|qui|que|quand|mais|bonjour|merci|erreur|serveur|courrier|boîte|boite|mot de passe|connexion|supprimés|verrouiller|inconnu|relève|réception|compte|aide|svp|s'il vous plaît",
);
/** The word lists, for the test that the ASCII patterns count what the Unicode ones do. */
export const WORD_LISTS = { vietnamese: VIETNAMESE_WORDS, french: FRENCH_WORDS };
// Commands and +OK lines are English whatever the user speaks; -ERR texts stay in (a French server or the
// seed's French forms say something about the reader).
const PROTOCOL_LINE = new RegExp(
  `^\\s*(?:[CS]:\\s*(?:\\+OK|[A-Z]{3,4}\\b)|[<>]\\s*(?:\\+OK|[A-Z]{3,4}\\b)|\\+OK|\\*(?:cmd|put)\\*|POP3>|-->|(?:${POP_VERB_ALTERNATION})\\b)`,
);

function count(re: RegExp, text: string): number {
  return text.match(re)?.length ?? 0;
}

/**
 * The prose lines of a sample, joined in two parts: lines of ASCII only, and the others. Nothing counted
 * here spans a line end, so a count over the two parts is the count over all the prose.
 */
function proseOf(lines: readonly string[], plain: boolean): { ascii: string; other: string } {
  const ascii: string[] = [];
  const other: string[] = [];
  for (const line of lines) {
    // An empty line has no words (a message's line the caller left out, among others).
    if (line === '' || PROTOCOL_LINE.test(line)) continue;
    (plain || !NON_ASCII.test(line) ? ascii : other).push(line);
  }
  return { ascii: ascii.join('\n'), other: other.join('\n') };
}

function countWords(list: WordList, prose: { ascii: string; other: string }): number {
  return count(list.ascii, prose.ascii) + count(list.unicode, prose.other);
}

function guess(prose: { ascii: string; other: string }): Lang | undefined {
  // Neither language's letters are ASCII: only the other lines can hold them.
  const vi = count(VIETNAMESE_LETTERS, prose.other) + 2 * countWords(VIETNAMESE_WORDS, prose);
  if (vi >= 3) return 'vi';
  const fr = countWords(FRENCH_WORDS, prose) + count(FRENCH_LETTERS, prose.other);
  if (fr < 2) return undefined;
  const words = count(WORD_RUN, prose.ascii) + count(WORD_RUN, prose.other);
  return fr >= words * 0.08 ? 'fr' : undefined;
}

/** `plain`: the caller found `input` to be plain text (`isPlainText`), so ASCII throughout. */
export function detectLanguage(input: string, plain = false): Lang | undefined {
  const sample = input.length > LANGUAGE_SAMPLE ? input.slice(0, LANGUAGE_SAMPLE) : input;
  // Most pastes end lines with `\n` alone: a plain split, the pattern only where a `\r` occurs.
  const lines = sample.includes('\r') ? sample.split(LINE_BREAK) : sample.split('\n');
  // Most pastes are ASCII throughout: one search of the sample instead of one per line.
  return guess(proseOf(lines, plain || !NON_ASCII.test(sample)));
}

/**
 * The language of a paste already cut into lines, from the lines within its first `LANGUAGE_SAMPLE`
 * characters (as `detectLanguage` samples). The caller blanks the lines that are no one's words to the reader:
 * a retrieved message's text is the mail's (a French newsletter says nothing of the user's language).
 */
export function detectLanguageOfLines(lines: readonly string[], plain = false): Lang | undefined {
  const sample: string[] = [];
  let chars = 0;
  for (const line of lines) {
    if (chars + line.length >= LANGUAGE_SAMPLE) {
      sample.push(line.slice(0, LANGUAGE_SAMPLE - chars));
      break;
    }
    sample.push(line);
    chars += line.length + 1;
  }
  return guess(proseOf(sample, plain));
}
