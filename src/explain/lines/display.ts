/**
 * How a pasted line is bounded and shown: a POP line is at most 512 octets (RFC 2449), so only a bounded
 * prefix of any line is read (no pattern ever runs on a megabyte), and what is shown to the user carries no
 * control characters, terminal escapes or bidi overrides that would rewrite or hide what the reader sees.
 */

export const MAX_LINE_CHARS = 4096;
const MAX_SHOWN = 300;
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]/g;
const CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function displayLine(line: string): string {
  const clean = line.replace(ANSI, '').replace(CONTROL, '').trim();
  return clean.length > MAX_SHOWN ? `${clean.slice(0, MAX_SHOWN - 1)}…` : clean;
}

/** The part of an over-long line worth reading: its start, or the window around a -ERR found further on. */
export function boundedLine(line: string): string {
  if (line.length <= MAX_LINE_CHARS) return line;
  const at = line.indexOf('-ERR');
  const start = at > MAX_LINE_CHARS - 512 ? at - 256 : 0;
  return line.slice(start, start + MAX_LINE_CHARS);
}
