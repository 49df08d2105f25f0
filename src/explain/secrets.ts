/**
 * Finds and masks secrets in pasted text: the password of PASS, the payload of AUTH (inline or in the
 * continuation lines of the exchange), APOP digests, OAuth tokens, credentials in URLs and in command
 * lines. Masking happens before any line is echoed, logged or returned.
 */

export const MASK = '****';

// Patterns are module constants: a literal in a function body is a new object on every call.
const ALREADY_MASKED = /^(?:\*+|<[^>]*>|x{3,}|\[(?:hidden|redacted|masked)\]|\.{3,}|…)$/i;
const SECRET_COMMAND = /^(\s*)(pass|apop|auth)(\s+)(.*)$/i;
const FIRST_WORD_AND_REST = /^(\S+)(\s+)(\S.*)$/;

/** A password that a client already masked (`PASS *`, `PASS <password>`) is no secret. */
function isAlreadyMasked(value: string): boolean {
  return ALREADY_MASKED.test(value.trim());
}

export interface MaskResult {
  text: string;
  /** True when something that looked like a real secret was masked. */
  found: boolean;
  /** The secret itself, so the caller can remove it from the raw line that surrounds the content. */
  secret?: string;
}

// The end of a secret argument: before a closing quote or a repr'd line end (`\r\n'` in Python debug output).
const ARG_TAIL = /(?:\\r\\n|\\r|\\n)?['"]?$/;

/**
 * Masks the argument(s) of a POP command line given as its content (the text after any transcript
 * prefix). Returns undefined when the command carries no secret.
 */
export function maskCommandContent(content: string): MaskResult | undefined {
  const m = SECRET_COMMAND.exec(content);
  if (!m) return undefined;
  const [, lead = '', verbRaw = '', space = '', untrimmed = ''] = m;
  // trimEnd first: ARG_TAIL with a `\s*` would rescan a run of spaces from every position (quadratic).
  const rest = untrimmed.trimEnd();
  const tail = ARG_TAIL.exec(rest)?.[0] ?? '';
  const args = rest.slice(0, rest.length - tail.length);
  const verb = verbRaw.toUpperCase();
  if (verb === 'PASS') {
    if (args === '' || isAlreadyMasked(args)) return { text: content, found: false };
    return { text: `${lead}${verbRaw}${space}${MASK}${tail}`, found: true, secret: args };
  }
  if (verb === 'APOP') {
    const parts = FIRST_WORD_AND_REST.exec(args);
    if (!parts) return { text: content, found: false };
    if (isAlreadyMasked(parts[3] ?? '')) return { text: content, found: false };
    return {
      text: `${lead}${verbRaw}${space}${parts[1]}${parts[2]}${MASK}${tail}`,
      found: true,
      secret: parts[3] ?? '',
    };
  }
  // AUTH MECHANISM [initial-response]: the initial response carries the credentials (PLAIN, LOGIN, XOAUTH2...).
  const parts = FIRST_WORD_AND_REST.exec(args);
  if (!parts) return { text: content, found: false };
  const payload = parts[3] ?? '';
  if (payload === '=' || isAlreadyMasked(payload)) return { text: content, found: false };
  return {
    text: `${lead}${verbRaw}${space}${parts[1]}${parts[2]}${MASK}${tail}`,
    found: true,
    secret: payload,
  };
}

// Bounded scheme and user lengths: an unbounded run would be rescanned from every letter of a long word.
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]{0,20}:\/\/)([^:/\s@]{0,256}):([^@\s/]{1,256})@/gi;
const CURL_USER = /(\s(?:-u|--user)(?:\s+|=))(['"]?)([^:\s'"]*):([^\s'"]+)\2/g;
const QUOTED_PASSWORD =
  /\b(password|passwd|pass|pwd|mot de passe|mat khau|mật khẩu)(\s*[:=]?\s*)("[^"]*"|'[^']*')/gi;
const RC_PASSWORD = /\b(password|pass)(\s+)(?!["'])(\S+)/gi;
const BEARER = /\b(bearer|xoauth2|oauthbearer)(\s+)([A-Za-z0-9\-._~+/]{16,}=*)/gi;
const RC_POLL = /\b(?:poll|skip)\b/i;
const RC_USER = /\b(?:user(?:name)?|protocol|proto)\b/i;

/** Masks secrets that can stand anywhere in a line of free text: URLs, curl and fetchmail options, tokens. */
// Every masking pattern needs one of these; most log lines have none, and skip the five replacements.
const MAY_HOLD_SECRET = /:\/\/|\s-u|--user|pass|pwd|mot de passe|mat khau|m\u1eadt kh\u1ea9u|bearer|oauth/i;

export function maskFreeText(line: string): MaskResult {
  if (!MAY_HOLD_SECRET.test(line)) return { text: line, found: false };
  let found = false;
  let text = line.replace(URL_CREDENTIALS, (whole, scheme: string, user: string, pass: string) => {
    if (isAlreadyMasked(pass)) return whole;
    found = true;
    return `${scheme}${user}:${MASK}@`;
  });
  text = text.replace(CURL_USER, (whole, flag: string, quote: string, user: string, pass: string) => {
    if (isAlreadyMasked(pass)) return whole;
    found = true;
    return `${flag}${quote}${user}:${MASK}${quote}`;
  });
  text = text.replace(QUOTED_PASSWORD, (whole, word: string, sep: string, value: string) => {
    if (value.length <= 2 || isAlreadyMasked(value.slice(1, -1))) return whole;
    found = true;
    return `${word}${sep}${value[0]}${MASK}${value[0]}`;
  });
  // fetchmailrc lines (`poll ... user joe password s3cret`) write the password unquoted.
  // Two tests, not one `poll.*user`: that would rescan the line from every "poll" (quadratic).
  if (RC_POLL.test(text) && RC_USER.test(text)) {
    text = text.replace(RC_PASSWORD, (whole, word: string, sep: string, value: string) => {
      if (isAlreadyMasked(value)) return whole;
      found = true;
      return `${word}${sep}${MASK}`;
    });
  }
  text = text.replace(BEARER, (_whole, word: string, sep: string) => {
    found = true;
    return `${word}${sep}${MASK}`;
  });
  return { text, found };
}
