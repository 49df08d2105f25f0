import { POP_VERB_ALTERNATION } from './pop-commands.js';

/**
 * Recognises who wrote a pasted line, whatever tool printed the transcript: `C:`/`S:`, `>`/`<` (curl -v),
 * `Client:`/`Server:`, fetchmail's `POP3>`/`POP3<`, mpop's `-->`/`<--`, nmh's `=>`/`<=`, Mail::POP3Client's `POP3 <-`/`POP3 ->`, Python poplib's `*cmd*`/`*resp*`,
 * Thunderbird's `SendData:`/`RECV:`, or nothing at all (telnet, openssl s_client).
 */

export type Role = 'client' | 'server' | 'unknown';

export interface LineShape {
  role: Role;
  /** The line without its transcript prefix, log prefix or repr quoting. */
  content: string;
  /** True when a prefix said who wrote the line (as opposed to guessing from the content). */
  explicit: boolean;
}

// Patterns are module constants throughout: a literal in a function body is a new object on every call, and
// these run on every line of every paste.
const REPR = /^b?(['"])(.*)\1$/;
const REPR_LINE_END = /(?:\\r)?\\n$|\\r$/;
const ESCAPED_QUOTE = /\\'/g;

// Python's repr of bytes or str: b'+OK ready\r\n' -> +OK ready
function unrepr(text: string): string {
  const m = REPR.exec(text.trim());
  if (!m) return text;
  return (m[2] ?? '').replace(REPR_LINE_END, '').replace(ESCAPED_QUOTE, "'");
}

interface PrefixRule {
  re: RegExp;
  role: (marker: string) => Role;
  repr?: boolean;
  /** Generic markers (`Server:`, `>`) also start prose lines; they count only before POP-looking content. */
  generic?: boolean;
  /** For a marker searched anywhere in the line: words one of which it holds (a line without any is passed over). */
  needs?: readonly string[];
  /**
   * `re` without its final `(.*)$`, for a line that holds no line terminator: there `(.*)$` holds after any
   * head, so the first head found is the one `re` finds, and the rest of the line is its second group. On a
   * retrieved message's long lines, it spares the engine a walk to the line's end.
   */
  head?: RegExp;
}

function holdsAny(line: string, words: readonly string[]): boolean {
  for (const word of words) if (line.includes(word)) return true;
  return false;
}

const POP_LIKE = new RegExp(
  `^(?:[+-]\\s*ok\\b|-err\\b|-se tromper\\b|\\+\\s|\\+$|\\.$|(?:${POP_VERB_ALTERNATION})\\b)`,
  'i',
);

// Order matters: the specific tool markers first, the one-character markers last.
const RULES: readonly PrefixRule[] = [
  { re: /\bPOP3?([<>])\s?(.*)$/, role: (m) => (m === '<' ? 'server' : 'client'), needs: ['POP'] },
  // Perl Mail::POP3Client's DEBUG trace: `POP3 <- +OK ready`, `POP3 -> USER alice`.
  { re: /\bPOP3 (<-|->) (.*)$/, role: (m) => (m === '<-' ? 'server' : 'client'), needs: ['POP3 '] },
  {
    re: /(?:^|\s)(<--|-->)\s?(.*)$/,
    role: (m) => (m === '<--' ? 'server' : 'client'),
    needs: ['--'],
  },
  // nmh's -snoop (inc, msgchk, post): `=> USER alice`, `<= +OK`.
  { re: /^(<=|=>) ?(.*)$/, role: (m) => (m === '<=' ? 'server' : 'client'), needs: ['<=', '=>'] },
  {
    re: /\*(cmd|put|resp|get)\*\s*(.*)$/,
    role: (m) => (m === 'cmd' || m === 'put' ? 'client' : 'server'),
    repr: true,
    needs: ['*'],
  },
  {
    re: /\b(SendData|RECV|Send|Recv):\s?(.*)$/,
    role: (m) => (m.toLowerCase().startsWith('s') ? 'client' : 'server'),
    needs: ['Send', 'RECV', 'Recv'],
  },
  {
    re: /^(?:\S+\s+){0,6}?(C|S|c|s)\s?:\s?(.*)$/,
    role: (m) => (m.toLowerCase() === 'c' ? 'client' : 'server'),
    head: /^(?:\S+\s+){0,6}?(C|S|c|s)\s?:\s?/,
  },
  {
    re: /^\W{0,3}(client|server|cli|srv)\s*:\s?(.*)$/i,
    role: (m) => (m.toLowerCase().startsWith('c') ? 'client' : 'server'),
    generic: true,
  },
  { re: /^(>{1,3}|<{1,3})\s?(.*)$/, role: (m) => (m.startsWith('<') ? 'server' : 'client'), generic: true },
];

// Every word the rules searched anywhere need, in one pattern: most lines hold none, and one search of a line
// (a retrieved message's long lines above all) costs less than the six substring searches it saves.
const NEEDED_WORDS = RULES.flatMap((rule) => rule.needs ?? [])
  .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
const ANY_NEEDED = new RegExp(NEEDED_WORDS);
// The same search, which also stops at a line terminator (what `.` does not match): a line where it finds
// nothing holds neither, and a rule's `head` may stand for its whole pattern (`PrefixRule.head`).
const ANY_NEEDED_OR_BREAK = new RegExp(`${NEEDED_WORDS}|[\n\r\u2028\u2029]`);

// A leading timestamp or syslog header, so that `12:00:01 C: USER x` and `Nov 22 10:00:00 host prog[1]: ...` parse.
const LOG_PREFIX =
  /^(?:\[[^\]]{1,40}\]\s*|\d{4}-\d\d-\d\d[T ][\d:.,]+(?:Z|[+-]\d\d:?\d\d)?\s*|\d\d:\d\d:\d\d(?:[.,]\d+)?\s*|[A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d:\d\d(?:\.\d+)?\s+\S+\s+\S+?:\s*)+/;

// curl's progress meter (`  0     0    0     0    0     0      0      0 --:--:--  0:00:01 --:--:--     0`) has no
// line end of its own: the next line of a verbose transcript (`< +OK`, `* Trying`) is glued to it.
const SIZE = '[\\d.]{1,6}[kMGTP]?';
const TIME = '(?:--:--:--|\\d{1,2}:\\d\\d:\\d\\d)';
// Several meter updates may run together before the line (`… 0:00:02 --:--:--     0< 220 …`).
const CURL_PROGRESS = new RegExp(
  `^(?:\\s{0,4}\\d{1,3}\\s+${SIZE}\\s+\\d{1,3}\\s+${SIZE}\\s+\\d{1,3}\\s+${SIZE}\\s+${SIZE}\\s+${SIZE}\\s+${TIME}\\s+${TIME}\\s+${TIME}\\s+${SIZE}){1,50}`,
);

const BULLET = /^[\u2022\u00b7\u25e6\u2023\u2013\u2014]\s+/;
const BACKTICKS = /^`+|`+$/g;
const STARTS_WITH_STATUS = /^(?:\+OK|-ERR|-SE TROMPER)\b/i;
// Before a `C:`/`S:` marker: three words of prose, unless they name a transcript (Thunderbird's mailnews log).
const THREE_WORDS = /[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}/;
const TRANSCRIPT_WORDS = /mailnews|pop3|debug|\d/;
const STAR_MARKER = /^\*\s/;
const WIRE_REPR = /^b?(['"]).*\\r\\n\1$/;

// Each pattern is tried only on a line whose first character could start it: a pattern that fails at once still
// costs a call into the engine, and these run on every line of every paste.
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isLower = (code: number) => code >= 0x61 && code <= 0x7a;
/** `[`, a digit, or a capital before a small letter (`Nov 22`): how `LOG_PREFIX`'s branches start. */
const mayOpenLogPrefix = (line: string) => {
  const code = line.charCodeAt(0);
  return code === 0x5b || isDigit(code) || (code >= 0x41 && code <= 0x5a && isLower(line.charCodeAt(1)));
};
/** A digit or a space (`\s` holds ASCII controls and spaces, and non-ASCII ones): `CURL_PROGRESS`'s first. */
const mayOpenProgress = (code: number) => isDigit(code) || code <= 0x20 || code > 0x7f;

export function stripLogPrefix(line: string): string {
  const unprefixed = mayOpenLogPrefix(line) ? line.replace(LOG_PREFIX, '') : line;
  return mayOpenProgress(unprefixed.charCodeAt(0)) ? unprefixed.replace(CURL_PROGRESS, '') : unprefixed;
}

export function lineShape(rawLine: string, depth = 0): LineShape {
  // Chat formatting around a pasted line (`inline code`, list bullets from a ticket) is no part of it.
  const whole = rawLine.trim();
  // Every bullet is a character past ASCII.
  const trimmed = whole.charCodeAt(0) > 0x7f ? whole.replace(BULLET, '') : whole;
  const unticked = trimmed.startsWith('`') ? trimmed.replace(BACKTICKS, '').trim() : trimmed;
  const line = stripLogPrefix(unticked);
  // A line that starts with a status is a reply, whatever markers its text holds further on.
  const first = line.charCodeAt(0);
  if ((first === 0x2b || first === 0x2d) && STARTS_WITH_STATUS.test(line))
    return { role: 'server', content: line, explicit: false };
  // Most lines hold neither a marker word nor a line terminator: one search says so.
  const plainLine = !ANY_NEEDED_OR_BREAK.test(line);
  const mayHoldMarker = !plainLine && ANY_NEEDED.test(line);
  for (const rule of RULES) {
    if (rule.needs && !(mayHoldMarker && holdsAny(line, rule.needs))) continue;
    const head = plainLine ? rule.head : undefined;
    const m = (head ?? rule.re).exec(line);
    if (!m) continue;
    const marker = m[1] ?? '';
    const rest = head ? line.slice(m[0].length) : (m[2] ?? '');
    // `S:` / `C:` rules must not fire on ordinary prose like "Status: S: ..." far into a sentence.
    if (marker === 'C' || marker === 'S' || marker === 'c' || marker === 's') {
      // Lowercase markers only open a line: openssl prints a certificate chain as " 0 s:CN = ...".
      if ((marker === 'c' || marker === 's') && !line.startsWith(marker)) continue;
      // Three words of three letters and two spaces take at least 11 characters.
      const beforeLength = line.length - rest.length;
      const before = beforeLength >= 11 ? line.slice(0, beforeLength).toLowerCase() : '';
      if (before !== '' && THREE_WORDS.test(before) && !TRANSCRIPT_WORDS.test(before)) continue;
    }
    const content = (rule.repr ? unrepr(rest) : rest).trim();
    // A generic marker before a quoted wire line (`Server: 'OK Logged in.\r\n'`, a debug trace that prints
    // each line's repr with its CRLF) says who wrote it, whatever the line is.
    if (rule.generic && WIRE_REPR.test(content)) {
      return { role: rule.role(marker), content: unrepr(content).trim(), explicit: true };
    }
    if (rule.generic && !POP_LIKE.test(content)) {
      // "> " that is no curl marker is an e-mail quote: what it quotes may be a transcript line itself.
      if (marker.startsWith('>') && depth < 3 && content !== '') return lineShape(content, depth + 1);
      return { role: 'unknown', content: line, explicit: false };
    }
    return { role: rule.role(marker), content, explicit: true };
  }
  if (STAR_MARKER.test(line)) return { role: 'unknown', content: line.slice(2).trim(), explicit: false };
  return { role: 'unknown', content: line, explicit: false };
}
