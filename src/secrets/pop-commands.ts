import { allMatches } from './matches.js';
import type { LineSpans } from './spans.js';

/**
 * Secrets in POP and SASL exchanges, as a small state machine over the lines of a paste: `PASS` (its whole
 * argument: RFC 1939 lets a password hold spaces), `APOP user digest`, `AUTH mechanism initial-response`,
 * and the client lines that answer a server's `+` challenge (AUTH PLAIN/LOGIN/XOAUTH2/OAUTHBEARER
 * continuations). The same words inside prose ("I sent PASS x and got -ERR") or after an -ERR on one line
 * are found too.
 */

// Who wrote the line: curl -v, fetchmail, mpop, poplib, Thunderbird, C:/S:, Client:/Server: markers.
const MARKER =
  /(?:^|\s)([CS]\s?:|POP3?[<>]|-->|<--|\*(?:cmd|put|resp|get)\*|(?:SendData|RECV|Send|Recv):|Client:|Server:|>{1,3}|<{1,3})\s?/;
const SERVER_MARKER = /^(?:S|POP3?<|<--|\*(?:resp|get)\*|RECV:|Recv:|Server:|<)/;
const STATUS = /^(?:\+OK|-ERR)\b/i;
const REPR_OPEN = /^b?['"]/;
// A repr'd line end and closing quote after an argument (Python poplib: `*cmd* 'PASS x\r\n'`).
const ARG_TAIL = /(?:\\r\\n|\\r|\\n)?['"]?$/;
// Where a flattened transcript (a whole session pasted on one line) starts its next line.
const FLATTENED_NEXT = [' S: ', ' C: ', ' < ', ' > ', ' -ERR', ' +OK', ' S:', ' C:'];
const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;
const MECHANISM = /^[A-Z0-9_-]{1,20}$/i;
// Words that follow "PASS" in prose without being a password ("the PASS command failed").
const PROSE_WORDS =
  /^(?:command|commands|cmd|failed|fails|was|is|not|and|or|with|to|the|step|stage|phase|rejected|error|errors|line|ok|\+ok|-err|succeeded|worked)$/i;

// Patterns are module constants throughout: a literal in a function body is a new object on every call.
const TRANSCRIPT_START = /^(?:\+OK|-ERR|USER |PASS )/i;
const SECRET_COMMAND = /^(pass|apop|auth)\s+/i;
const SASL_CHALLENGE = /^\+(?:\s|$)/;
const FIRST_WORD = /^\S+/;
const WORD = /^\S*/;
const APOP_DIGEST = /^[0-9a-f]{32}$/i;
// A colon too: "PASS failed: -ERR …" (a library naming the command that failed) holds no password.
const TRAILING_PUNCTUATION = /[.,;:)"'`]+$/;
const PASS_IN_PROSE = /(?:^|[\s("'`:])PASS\s+(\S+)/g;
const APOP_IN_PROSE = /\bAPOP\s+\S{1,320}\s+([0-9a-f]{32})\b/gi;
const AUTH_IN_PROSE =
  /\b(?:AUTH\s+[A-Z0-9_-]{1,20}|XOAUTH2|OAUTHBEARER)\s+([A-Za-z0-9+/]{4,}={0,2})(?![\w+/=])/g;

export interface LineContent {
  role: 'client' | 'server' | 'unknown';
  /** Where the content starts in the line (after the marker and any repr quote). */
  start: number;
}

/** Where a transcript line's content starts and who wrote it; looks only at the line's first characters. */
export function lineContent(line: string): LineContent {
  const lead = line.length - line.trimStart().length;
  if (STATUS.test(line.slice(lead, lead + 4))) return { role: 'server', start: lead };
  const m = MARKER.exec(line.slice(0, 160));
  if (!m) return { role: 'unknown', start: lead };
  let start = m.index + m[0].length;
  const repr = REPR_OPEN.exec(line.slice(start, start + 2));
  if (repr) start += repr[0].length;
  return { role: SERVER_MARKER.test(m[1] ?? '') ? 'server' : 'client', start };
}

/** True when the paste has at most one transcript line: a whole session flattened onto one line. */
export function isFlattened(lines: readonly string[]): boolean {
  let transcriptLines = 0;
  for (const line of lines.slice(0, 5000)) {
    const content = lineContent(line);
    const text = line.slice(content.start, content.start + 8);
    if (content.role !== 'unknown' || TRANSCRIPT_START.test(text)) transcriptLines++;
    if (transcriptLines > 1) return false;
  }
  return true;
}

function decodeBase64(text: string): string | undefined {
  if (!BASE64_LINE.test(text) || text.length % 4 === 1) return undefined;
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  return /^[\u0000-\u007e\u00a0-\uffff]*$/.test(decoded) && !decoded.includes('\ufffd') ? decoded : undefined;
}

/** The password inside a SASL payload (PLAIN's third field, an OAuth bearer token), kept for echoes. */
function rememberDecoded(spans: LineSpans, payload: string): void {
  const decoded = decodeBase64(payload);
  if (!decoded) return;
  const bearer = /auth=Bearer ([^\u0001]+)/.exec(decoded);
  if (bearer) spans.remember(bearer[1] ?? '');
  else spans.remember(decoded.split('\0').at(-1) ?? '');
}

export class PopSecretReader {
  #awaitingSasl = false;
  #role: LineContent['role'] = 'unknown';

  constructor(private readonly flattened: boolean) {}

  /** Whether the next client line may be a SASL answer (read whatever its words). */
  get awaitingSasl(): boolean {
    return this.#awaitingSasl;
  }

  /**
   * Finds the POP/SASL secrets of one line into `spans`. `commands`: whether the line holds `pass`, `apop` or
   * `auth` in any case (`keyWords`); every command and prose form read here needs one.
   */
  read(spans: LineSpans, commands: boolean): void {
    const line = spans.line;
    // Most lines of a log name no command that carries a secret: no marker parse for them.
    if (!this.#awaitingSasl && !commands) return;
    const content = lineContent(line);
    const text = line.slice(content.start);
    if (this.#awaitingSasl && this.#continuation(spans, content, text)) return;
    const command = SECRET_COMMAND.exec(text);
    if (command && content.role !== 'server' && isCommandCase(command[1] ?? '')) {
      this.#role = content.role;
      this.#command(spans, content.start, (command[1] ?? '').toUpperCase(), command[0].length);
    }
    if (commands) this.#inProse(spans);
  }

  // The client lines after a `+` challenge carry the credentials, whatever they look like.
  #continuation(spans: LineSpans, content: LineContent, text: string): boolean {
    const trimmed = text.replace(ARG_TAIL, '');
    if (STATUS.test(trimmed)) {
      this.#awaitingSasl = false;
      return false;
    }
    if (SASL_CHALLENGE.test(trimmed)) return true;
    if (content.role === 'server') return false;
    if (content.role === 'client' || BASE64_LINE.test(trimmed)) {
      if (trimmed !== '*' && trimmed !== '=' && spans.add(content.start, content.start + trimmed.length))
        rememberDecoded(spans, trimmed);
      return true;
    }
    this.#awaitingSasl = false;
    return false;
  }

  #command(spans: LineSpans, start: number, verb: string, verbLength: number): void {
    const line = spans.line;
    const argsStart = start + verbLength;
    // trimEnd first: a `\s*$` run from every position of a long run of spaces is quadratic.
    const args = line.slice(argsStart).trimEnd();
    const tail = ARG_TAIL.exec(args.slice(-8))?.[0].length ?? 0;
    let argsEnd = argsStart + args.length - tail;
    if (this.flattened) argsEnd = Math.min(argsEnd, flattenedEnd(line, argsStart));
    if (verb === 'PASS') {
      spans.add(argsStart, argsEnd);
      return;
    }
    // APOP user digest, AUTH mechanism [initial-response]: the secret follows the first word.
    const first = FIRST_WORD.exec(line.slice(argsStart, argsEnd))?.[0] ?? '';
    const rest = argsStart + first.length;
    const secretStart =
      rest + (line.slice(rest, argsEnd).length - line.slice(rest, argsEnd).trimStart().length);
    // Both are one word (a digest, a base64 payload): an -ERR pasted after it on the same line stays.
    const secretEnd = secretStart + (WORD.exec(line.slice(secretStart, argsEnd))?.[0].length ?? 0);
    if (verb === 'AUTH') {
      if (!MECHANISM.test(first)) return;
      if (secretStart >= argsEnd) {
        this.#awaitingSasl = true;
        return;
      }
      const payload = line.slice(secretStart, secretEnd);
      if (payload === '=') return;
      if (spans.add(secretStart, secretEnd)) rememberDecoded(spans, payload);
      return;
    }
    // Unmarked, "APOP authentication failed." is a program's message: a real APOP carries an MD5 digest.
    if (this.#role === 'client' || APOP_DIGEST.test(line.slice(secretStart, secretEnd)))
      spans.add(secretStart, secretEnd);
  }

  // "I sent PASS hunter2 and got -ERR", "-ERR failed after AUTH PLAIN AGpv…", "APOP joe <digest>" anywhere.
  #inProse(spans: LineSpans): void {
    const line = spans.line;
    for (const m of allMatches(PASS_IN_PROSE, line)) {
      const value = (m[1] ?? '').replace(TRAILING_PUNCTUATION, '');
      const at = (m.index ?? 0) + m[0].length - (m[1] ?? '').length;
      if (!spans.covers(at) && !PROSE_WORDS.test(value)) spans.add(at, at + value.length);
    }
    for (const m of allMatches(APOP_IN_PROSE, line)) {
      const at = (m.index ?? 0) + m[0].length - 32;
      if (!spans.covers(at)) spans.add(at, at + 32);
    }
    for (const m of allMatches(AUTH_IN_PROSE, line)) {
      const payload = m[1] ?? '';
      const at = (m.index ?? 0) + m[0].length - payload.length;
      if (!spans.covers(at) && spans.add(at, at + payload.length)) rememberDecoded(spans, payload);
    }
  }
}

/** A command verb as a person or a program types it: all upper or all lower case ("Pass the salt" is prose). */
function isCommandCase(verb: string): boolean {
  return verb === verb.toUpperCase() || verb === verb.toLowerCase();
}

function flattenedEnd(line: string, from: number): number {
  let end = line.length;
  for (const marker of FLATTENED_NEXT) {
    const at = line.indexOf(marker, from);
    if (at >= 0 && at < end) end = at;
  }
  return end;
}
