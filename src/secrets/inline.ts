import { allMatches } from './matches.js';
import type { LineSpans } from './spans.js';
import { isTokenStop } from './token-stop.js';

/**
 * Secrets that stand inside a line of any kind: credentials in a URL's user part (`pop3s://user:pass@host`,
 * also when the user is an e-mail address or the password holds a raw `@` or `/`), the same without a
 * scheme (`joe:pw@pop.example.org`), command-line options (`curl -u joe:pw`, `-ujoe:pw`, `--password pw`)
 * HTTP authorisation headers and bearer tokens of any length, and the password comparison Dovecot logs with
 * `auth_debug_passwords` (`PLAIN(Passw0rd) != '{SHA512-CRYPT}$6$…'`: the password given and the stored hash).
 */

const SCHEME = /[a-z][a-z0-9+.-]{0,20}:\/\//gi;
const MAX_AUTHORITY = 2048;
// What follows the last `@` of credentials: a host name or an IP literal, then a port, a path or the end.
const HOST_AFTER_AT = /^(?:\[[0-9a-f:.]{2,45}\]|[\w-]+(?:\.[\w-]+)*)(?::\d{1,5})?(?:[/?#,;)\]]|$)/i;
const HOST_WITH_DOT = /^(?:\[[0-9a-f:.]{2,45}\]|[\w-]+(?:\.[\w-]+)+|localhost)(?::\d{1,5})?(?:[/?#,;)\]]|$)/i;
const USER_PART = /^[\w.+%~!$&'*=-]{1,64}(?:@[\w.-]{1,253})?$/;
const FLAG =
  /(?:^|\s)(-u|--user(?:=|\s+)|--pass(?:word|wd)?(?:=|\s+)|--auth-token(?:=|\s+))\s*(['"]?)([^\s'"]+)/g;
const AUTH_HEADER =
  /\b(?:proxy-)?authorization\s*[:=]\s*["']?(?:(basic|bearer|digest|token|negotiate|ntlm)\s+)?/gi;
const BEARER = /\bbearer\s+([A-Za-z0-9\-._~+/]+=*)/gi;
const DIGEST_END = /["\r]/;
const TOKEN_END = /[\s"',;]/;
const BASE64_PADDING = /=+$/;
const NOT_A_TOKEN = /^(?:token|tokens|auth|authentication|realm|error|scope|is|was|the|and|or|not|header)$/i;

/** `authorization`: whether the line holds `auth` or `bearer` (`keyWords`), which every header form needs. */
export function readInline(spans: LineSpans, authorization: boolean): void {
  const line = spans.line;
  if (line.includes('@')) {
    if (line.includes('://')) readUrls(spans);
    readBareCredentials(spans);
  }
  // Every option FLAG reads starts with `-u` or `--`.
  if (line.includes('-u') || line.includes('--')) readFlags(spans);
  if (authorization) readAuthHeaders(spans);
  if (line.includes(COMPARISON)) readPasswordComparison(spans);
}

/** What Dovecot writes between the password given and the stored one; the screen for the reader below. */
export const COMPARISON = ") != '";
// `SCHEME(` before the password: PLAIN, CRAM-MD5, SHA512-CRYPT, SSHA256, PBKDF2, ARGON2ID…
const SCHEME_OPEN = /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*\(/g;

/**
 * `SCHEME(given) != 'stored'`: both the password typed and the stored hash are secrets. The password may
 * hold `(`, `)` or spaces, so it runs to the last comparison on the line; the hash to the closing quote.
 */
function readPasswordComparison(spans: LineSpans): void {
  const line = spans.line;
  const comparison = line.lastIndexOf(COMPARISON);
  SCHEME_OPEN.lastIndex = 0;
  const open = SCHEME_OPEN.exec(line.slice(0, comparison));
  SCHEME_OPEN.lastIndex = 0;
  if (!open) return;
  spans.add((open.index ?? 0) + open[0].length, comparison);
  const hashStart = comparison + COMPARISON.length;
  const hashEnd = line.lastIndexOf("'");
  if (hashEnd > hashStart) spans.add(hashStart, hashEnd);
}

/** Masks the password of `userinfo@host` in `text[from, to)`; true when it found credentials. */
function maskUserinfo(spans: LineSpans, from: number, to: number, hostPattern: RegExp): boolean {
  const line = spans.line;
  // The last `@` before a host: the user may be an e-mail address and the password may hold an `@`.
  for (let at = line.lastIndexOf('@', to - 1); at > from; at = line.lastIndexOf('@', at - 1)) {
    if (!hostPattern.test(line.slice(at + 1, to))) continue;
    const offset = line.slice(from, at).indexOf(':');
    if (offset < 0) return false;
    const colon = from + offset;
    const user = line.slice(from, colon);
    const password = line.slice(colon + 1, at);
    // `host:8080/path/x@y` is a port and a path, not credentials.
    if (!USER_PART.test(user) || /^\d{1,5}(?:\/|$)/.test(password)) return false;
    spans.add(colon + 1, at);
    return true;
  }
  return false;
}

function readUrls(spans: LineSpans): void {
  const line = spans.line;
  for (const m of allMatches(SCHEME, line)) {
    const from = (m.index ?? 0) + m[0].length;
    let to = from;
    const limit = Math.min(line.length, from + MAX_AUTHORITY);
    while (to < limit && !isTokenStop(line.charCodeAt(to))) to++;
    maskUserinfo(spans, from, to, HOST_AFTER_AT);
  }
}

const MAX_TOKEN = 1024;

/**
 * The tokens a scan of the line for `[^\s"'<>`]{3,1024}` finds, left to right, but only those holding an
 * `@`, as [start, end) pairs: a run of token characters is cut every 1024 characters from its start, and a
 * piece shorter than 3 is none. Found from each `@` rather than by listing every word of every line.
 */
export function tokensWithAt(line: string): [number, number][] {
  const tokens: [number, number][] = [];
  let runStart = -1;
  let runEnd = -1;
  for (let at = line.indexOf('@'); at >= 0;) {
    if (at >= runEnd) {
      runStart = at;
      while (runStart > 0 && !isTokenStop(line.charCodeAt(runStart - 1))) runStart--;
      runEnd = at + 1;
      while (runEnd < line.length && !isTokenStop(line.charCodeAt(runEnd))) runEnd++;
    }
    const start = runStart + Math.floor((at - runStart) / MAX_TOKEN) * MAX_TOKEN;
    const end = Math.min(start + MAX_TOKEN, runEnd);
    if (end - start >= 3) tokens.push([start, end]);
    at = line.indexOf('@', end);
  }
  return tokens;
}

/** `joe:pw@pop.example.org` typed without a scheme (a target, a config line). */
function readBareCredentials(spans: LineSpans): void {
  const line = spans.line;
  for (const [from, to] of tokensWithAt(line)) {
    const token = line.slice(from, to);
    if (!token.includes(':') || token.includes('://')) continue;
    if (!spans.covers(from)) maskUserinfo(spans, from, to, HOST_WITH_DOT);
  }
}

function readFlags(spans: LineSpans): void {
  const line = spans.line;
  for (const m of allMatches(FLAG, line)) {
    const flag = m[1] ?? '';
    const value = m[3] ?? '';
    const at = (m.index ?? 0) + m[0].length - value.length;
    if (spans.covers(at)) continue;
    if (flag === '-u' || flag.startsWith('--user')) {
      // curl -u user:password; without a colon curl asks for the password.
      const colon = value.indexOf(':');
      if (colon >= 0) spans.add(at + colon + 1, at + value.length);
    } else {
      spans.add(at, at + value.length);
    }
  }
}

function readAuthHeaders(spans: LineSpans): void {
  const line = spans.line;
  for (const m of allMatches(AUTH_HEADER, line)) {
    const at = (m.index ?? 0) + m[0].length;
    let end = at;
    const limit = Math.min(line.length, at + 8192);
    // Digest and NTLM credentials run to the end of the header; a token to the next blank or quote.
    const scheme = (m[1] ?? '').toLowerCase();
    const stop = scheme === 'digest' ? DIGEST_END : TOKEN_END;
    while (end < limit && !stop.test(line[end] ?? '')) end++;
    if (!spans.covers(at)) spans.add(at, end);
  }
  for (const m of allMatches(BEARER, line)) {
    const token = m[1] ?? '';
    const at = (m.index ?? 0) + m[0].length - token.length;
    // `WWW-Authenticate: Bearer realm="mail"` names a parameter, not a token.
    if (line[at + token.length] === '"' || NOT_A_TOKEN.test(token.replace(BASE64_PADDING, ''))) continue;
    if (!spans.covers(at)) spans.add(at, at + token.length);
  }
}
