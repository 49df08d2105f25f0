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
