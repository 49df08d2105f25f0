/**
 * The key words the secrets pass's recognisers look for, found in one search of a line: each recogniser
 * reads a line only where one of its own words occurs, and used to search for them itself (up to five
 * searches of a line that holds one word, one of a line without any, which most lines of a paste are).
 */
export interface KeyWords {
  /** `pass`, `apop`, `auth` (also inside `xoauth2` and `oauthbearer`): POP and SASL commands. */
  commands: boolean;
  /** A word that names a secret in a key: `pass`, `pwd`, `secret`, `token`, `key`, `khau`, `khẩu`, `contraseña`. */
  keys: boolean;
  /** `auth` or `bearer`: HTTP authorisation headers and bearer tokens. */
  authorization: boolean;
}

type Group = keyof KeyWords;

const GROUPS_OF: Readonly<Record<string, readonly Group[]>> = {
  pass: ['commands', 'keys'],
  apop: ['commands'],
  auth: ['commands', 'authorization'],
  pwd: ['keys'],
  secret: ['keys'],
  token: ['keys'],
  key: ['keys'],
  khau: ['keys'],
  khẩu: ['keys'],
  contraseña: ['keys'],
  bearer: ['authorization'],
};

// No word is the start of another, so at most one matches at any position, and a search that resumes one
// character after each match ("apopass": apop, then pass) finds every occurrence of every word.
const KEY_WORD = new RegExp(Object.keys(GROUPS_OF).join('|'), 'gi');

/** The groups whose words `line` holds; undefined when it holds none. */
export function keyWords(line: string): KeyWords | undefined {
  let found: KeyWords | undefined;
  KEY_WORD.lastIndex = 0;
  for (let m = KEY_WORD.exec(line); m !== null; m = KEY_WORD.exec(line)) {
    found ??= { commands: false, keys: false, authorization: false };
    // A case form the table does not list (none is known) counts for every group: a recogniser that reads a
    // line needlessly finds nothing, one that skips a line would miss a secret.
    for (const group of GROUPS_OF[m[0].toLowerCase()] ?? ALL_GROUPS) found[group] = true;
    if (found.commands && found.keys && found.authorization) break;
    KEY_WORD.lastIndex = m.index + 1;
  }
  KEY_WORD.lastIndex = 0;
  return found;
}

const ALL_GROUPS: readonly Group[] = ['commands', 'keys', 'authorization'];

// The words lower-cased, searched for in the lower-cased text: a pattern that ignores case costs twice as much.
const LOWER_WORD = new RegExp(
  Object.keys(GROUPS_OF)
    .map((word) => word.toLowerCase())
    .join('|'),
  'g',
);

/**
 * Which lines of `text` (cut at `\n` into `lineCount` lines) may hold a key word, one byte per line: one search
 * of the whole text lower-cased, where `keyWords` on every line cost four times as much (most lines hold no
 * word). A line left at 0 gives `keyWords` undefined: `KEY_WORD` ignores case without `u`, so a character
 * matches a word's letter only when both upper-case to the same letter (and never a non-ASCII character an
 * ASCII one), and each such character lower-cases to the word's own letter; lower-casing maps every character
 * on its own (sigma's context never yields a word's letter), so every match is a word of the lower-cased text.
 * Lower-casing may lengthen a line (`İ`) but never moves a `\n`: a hit's line is the count of `\n` before it.
 */
export function linesWithKeyWords(text: string, lineCount: number, lowered = text.toLowerCase()): Uint8Array {
  const marked = new Uint8Array(lineCount);
  let line = 0;
  let end = lowered.indexOf('\n');
  LOWER_WORD.lastIndex = 0;
  for (let m = LOWER_WORD.exec(lowered); m !== null; m = LOWER_WORD.exec(lowered)) {
    while (end >= 0 && end < m.index) {
      line++;
      end = lowered.indexOf('\n', end + 1);
    }
    marked[line] = 1;
    // The rest of the line needs no search: resume on the next one.
    if (end < 0) break;
    LOWER_WORD.lastIndex = end + 1;
  }
  LOWER_WORD.lastIndex = 0;
  return marked;
}
