import { allMatches } from './matches.js';
import type { LineSpans } from './spans.js';

/**
 * Secrets written as a key and a value, in every syntax people paste configuration in: JSON and Python
 * dicts (`"password": "x"`, `{"access_token": …}`), YAML (`password: x`), INI and rc files (getmail's
 * `password = x`), environment assignments (`POP_PASSWORD=x`), query strings (`?password=x&`), `.netrc`
 * and fetchmailrc (`machine h login joe password x`, `poll h user joe password x`). The key is found first
 * (a plain word search), then the value is read by hand from there: no pattern ever rescans a long line.
 */

// Words that name a secret. Longer words first, so "password" is not read as "pass" + "word".
const KEYWORD =
  /mot de passe|mat khau|mật khẩu|passphrase|password|passwd|passwort|contraseña|secret|token|api[_-]?key|pass|pwd/gi;
// A whole key that names a secret: the word at its end (`pop_password`, `accessToken`, `client_secret`),
// or `pass`/`pwd` as a word of its own (`bypass` and `compass` are not keys).
const SECRET_KEY =
  /(?:mot de passe|mat khau|mật khẩu|passphrase|password|passwd|passwort|contraseña|secret|token|api[_-]?key|private[_-]?key)$|(?:^|[^a-z])(?:pass|pwd|pw)$|[a-z]Pass$/i;
/** `[\w.-]`, by character code: this runs for every character around every keyword. */
function isKeyChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f ||
    code === 0x2e ||
    code === 0x2d
  );
}
// rc files write `password x` without a separator; only there is a bare word after the key a value.
// .netrc (`machine h login joe password x`), fetchmailrc (`poll h … user joe password x`, or a `user …`
// line inside a poll block). Separate tests: one pattern with `.*` between the words would be quadratic.
const NETRC_MACHINE = /\b(?:machine|default)\b/i;
const NETRC_LOGIN = /\blogin\b/i;
const RC_POLL = /\b(?:poll|skip)\b/i;
// An indented `user joe password x` inside a poll block ("Username or password incorrect." is prose).
const RC_POLL_BLOCK_LINE = /^\s+(?:user|username|login|machine)\s/;
function isRcLine(line: string): boolean {
  return (
    (NETRC_MACHINE.test(line) && NETRC_LOGIN.test(line)) ||
    RC_POLL.test(line) ||
    RC_POLL_BLOCK_LINE.test(line)
  );
}
const RC_KEY = /^(?:password|passwd|pass)$/i;
const MAX_KEY_EXTENT = 40;
const MAX_VALUE = 8192;

/**
 * A value a person would not write in a sentence: mixed letters and digits or symbols. Used only where a
 * key/value pair may be prose ("wrong password: please retry").
 */
const PROSE_WORD = /^[a-z]+[.,;!?]?$/i;
function looksSecret(value: string): boolean {
  return value.length >= 3 && !PROSE_WORD.test(value);
}
// What may stand before a key that opens its line: YAML, INI, env files, rc files.
const LINE_OPENER = /^\s*(?:export\s+|set\s+|-\s+)?["']?$/;
// Where a value ends: after `key=value` (an assignment or a query parameter), mid-line, in an rc file.
const ASSIGNED_VALUE_END = /[\s&;,"'<>)}\]]/;
const MID_LINE_VALUE_END = /[\s,;"'<>)}\]]/;
const BLANK = /\s/;
const BLANK_OR_CR = /[\s\r]/;

/** For a line that holds a word naming a secret (`keyWords(line).keys`): every keyword above holds one. */
export function readKeyValues(spans: LineSpans): void {
  const line = spans.line;
  // Whether the line is an rc file's is asked for each key word in it, and needs three searches of the line.
  let rcLine: boolean | undefined;
  const isRc = () => (rcLine ??= isRcLine(line));
  for (const m of allMatches(KEYWORD, line)) {
    const hit = m.index ?? 0;
    if (spans.covers(hit)) continue;
    let keyStart = hit;
    while (keyStart > 0 && hit - keyStart < MAX_KEY_EXTENT && isKeyChar(line.charCodeAt(keyStart - 1)))
      keyStart--;
    let keyEnd = hit + m[0].length;
    while (keyEnd < line.length && keyEnd - hit < MAX_KEY_EXTENT && isKeyChar(line.charCodeAt(keyEnd)))
      keyEnd++;
    const key = line.slice(keyStart, keyEnd);
    if (!SECRET_KEY.test(key) || isPathPart(line, keyStart)) continue;
    readValue(spans, keyStart, keyEnd, isRc);
  }
}

/** `/etc/dovecot/passwd:open(…)`, `C:\\mail\\secret`: a file named like a key is no key. */
function isPathPart(line: string, keyStart: number): boolean {
  const before = line[keyStart - 1];
  return before === '/' || before === '\\';
}

function readValue(spans: LineSpans, keyStart: number, keyEnd: number, isRc: () => boolean): void {
  const line = spans.line;
  const key = line.slice(keyStart, keyEnd);
  let i = keyEnd;
  const keyQuote = line[keyStart - 1];
  const quotedKey = (keyQuote === '"' || keyQuote === "'") && line[i] === keyQuote;
  if (quotedKey) i++;
  const gapStart = i;
  while (line[i] === ' ' || line[i] === '\t') i++;
  const sep = line[i];
  // The key opens the line (YAML, INI, env files, rc files): its value is the rest of the line.
  const before = line.slice(0, keyStart);
  const opensLine = before.length <= 16 && LINE_OPENER.test(before);
  if (sep === ':' || sep === '=') {
    i++;
    // `key=value` with nothing around the `=`: an environment assignment or a query parameter.
    const tight = sep === '=' && i - 1 === gapStart && !quotedKey;
    while (line[i] === ' ' || line[i] === '\t') i++;
    const open = line[i];
    if (open === '"' || open === "'") {
      spans.add(i + 1, quotedEnd(line, i + 1, open));
      return;
    }
    if (open === undefined || open === '{' || open === '[' || (sep === ':' && open === '/')) return;
    if (tight) {
      spans.add(i, tokenEnd(line, i, ASSIGNED_VALUE_END));
      return;
    }
    if (opensLine && !quotedKey) {
      spans.add(i, trimmedEnd(line, i));
      return;
    }
    // Mid-line, after a JSON key or in prose: one token, and in prose only one that looks like a secret.
    const end = tokenEnd(line, i, MID_LINE_VALUE_END);
    const value = line.slice(i, end);
    if (quotedKey || looksSecret(value)) spans.add(i, end);
    return;
  }
  if ((sep === ' ' || sep === '\t' || i > keyEnd) && RC_KEY.test(key) && (isRc() || opensLine)) {
    const open = line[i];
    if (open === '"' || open === "'") {
      spans.add(i + 1, quotedEnd(line, i + 1, open));
      return;
    }
    const end = tokenEnd(line, i, BLANK);
    if (isRc() || looksSecret(line.slice(i, end))) spans.add(i, end);
  }
}

/** The end of a quoted value (before its closing quote; backslash escapes skipped), or of the line. */
function quotedEnd(line: string, from: number, quote: string): number {
  const limit = Math.min(line.length, from + MAX_VALUE);
  for (let i = from; i < limit; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === quote) return i;
  }
  return limit;
}

function tokenEnd(line: string, from: number, stop: RegExp): number {
  const limit = Math.min(line.length, from + MAX_VALUE);
  let i = from;
  while (i < limit && !stop.test(line[i] ?? '')) i++;
  return i;
}

function trimmedEnd(line: string, from: number): number {
  let end = Math.min(line.length, from + MAX_VALUE);
  while (end > from && BLANK_OR_CR.test(line[end - 1] ?? '')) end--;
  return end;
}
