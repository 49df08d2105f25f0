import { MASK, MIN_ECHO_CHARS } from './spans.js';

/**
 * A secret seen once in a paste, found again wherever it is echoed: a server that repeats the password in its
 * reply ("-ERR bad password hunter2"), upper-cased, reversed or base64-encoded. The text is already
 * normalised (zero-width and control characters gone), so an echo split by invisible characters is found
 * too. Plain substring searches, at most a few dozen, whatever the size of the paste.
 */

const MAX_SECRETS = 32;

const ASCII = /^[\x00-\x7f]*$/;

/** The base64 of the secret's UTF-8 bytes; `btoa` encodes the same bytes for ASCII, without a Buffer. */
function base64Of(secret: string): string {
  return ASCII.test(secret) ? btoa(secret) : Buffer.from(secret, 'utf8').toString('base64');
}

/** The secret's code points in reverse order. */
function reversed(secret: string): string {
  let out = '';
  for (const codePoint of secret) out = codePoint + out;
  return out;
}

function variants(secret: string): { lower: string[]; exact: string[] } {
  const b64 = base64Of(secret);
  return {
    // Compared with the lower-cased text: covers upper-cased and mixed-case echoes.
    lower: [secret.toLowerCase(), reversed(secret).toLowerCase()],
    // Base64 is case-sensitive; without its padding it also matches inside a longer encoded string.
    exact: [b64, b64.replace(/=+$/, '')].filter((v) => v.length >= MIN_ECHO_CHARS),
  };
}

/** The secrets whose echoes are searched for: the longest, the first seen first among equals. */
export function echoedSecrets(secrets: Iterable<string>): string[] {
  return [...new Set(secrets)]
    .filter((s) => s.length >= MIN_ECHO_CHARS && !s.includes(MASK))
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_SECRETS);
}

/** `text` with every echo of `secrets` masked; `found` when there was one. */
export function maskEchoes(text: string, secrets: Iterable<string>): { text: string; found: boolean } {
  return new EchoMasker(secrets).mask(text);
}

/** The echo search for a fixed set of secrets, prepared once for many texts (a log read line by line). */
export class EchoMasker {
  private readonly forms: { secret: string; lower: string[]; exact: string[] }[];

  constructor(secrets: Iterable<string>) {
    this.forms = echoedSecrets(secrets).map((secret) => ({ secret, ...variants(secret) }));
  }

  mask(text: string): { text: string; found: boolean } {
    if (this.forms.length === 0) return { text, found: false };
    const lowered = text.toLowerCase();
    // Lower-casing may change a string's length (a few Unicode letters); then only exact forms are compared.
    const ranges = this.ranges(text, lowered.length === text.length ? lowered : undefined);
    return ranges.length === 0 ? { text, found: false } : { text: masked(text, ranges), found: true };
  }

  /** Every echo in `text`, as [start, end) pairs in the order found; `lowered`: `text` lower-cased, same length. */
  private ranges(text: string, lowered: string | undefined): [number, number][] {
    const ranges: [number, number][] = [];
    const collect = (haystack: string, needle: string) => {
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
        ranges.push([at, at + needle.length]);
      }
    };
    for (const { secret, lower, exact } of this.forms) {
      if (lowered !== undefined) for (const v of lower) collect(lowered, v);
      else collect(text, secret);
      for (const v of exact) collect(text, v);
    }
    return ranges;
  }

  /**
   * The lines of a text (cut at `\n`) masked as `mask` masks their text, cut at `\n` again. Searched in the
   * joined text (one lower-casing); the lines given come back as they are unless an echo was masked.
   * `joined`: `lines.join('\n')`, when the caller holds it already.
   */
  maskLines(lines: string[], joined?: string): { lines: string[]; found: boolean } {
    if (this.forms.length === 0) return { lines, found: false };
    const masked = this.mask(joined ?? lines.join('\n'));
    return masked.found ? { lines: masked.text.split('\n'), found: true } : { lines, found: false };
  }

  /**
   * `maskLines(lines)` for the secrets pass over a text of printable ASCII (`isPlainText`), without joining the
   * lines again nor lower-casing them a second time. `text` is the text the lines were cut from and `lowered`
   * its lower-cased copy (the key-word screen's); `changed[i]` is 1 where the pass masked line i. No form of a
   * secret holds a `\n` (else the joined search runs), so every echo lies inside one line, and a search of the
   * whole text finds in each line the echoes a search of that line finds: the unchanged lines are searched in
   * `text` and `lowered` as they stand, each changed line on its own. In ASCII, lower-casing keeps every length,
   * as `mask` requires for the lower-cased forms.
   */
  maskPlainLines(
    lines: string[],
    text: string,
    lowered: string,
    changed: Uint8Array,
  ): { lines: string[]; found: boolean } {
    if (this.forms.length === 0) return { lines, found: false };
    if (this.forms.some((f) => f.secret.includes('\n') || f.exact.some((v) => v.includes('\n'))))
      return this.maskLines(lines);
    // Where each line starts in `text`: the lines as cut, before the pass masked any.
    const starts: number[] = [];
    let start = 0;
    for (let i = 0; i < lines.length; i++) {
      starts.push(start);
      const next = text.indexOf('\n', start);
      start = next < 0 ? text.length + 1 : next + 1;
    }
    const byLine = new Map<number, [number, number][]>();
    const add = (line: number, range: [number, number]) => {
      const list = byLine.get(line);
      if (list) list.push(range);
      else byLine.set(line, [range]);
    };
    for (const [from, to] of this.ranges(text, lowered)) {
      const line = lineAt(starts, from);
      if (changed[line] !== 1) add(line, [from - starts[line]!, to - starts[line]!]);
    }
    for (let i = 0; i < lines.length; i++) {
      if (changed[i] !== 1) continue;
      const line = lines[i]!;
      for (const range of this.ranges(line, line.toLowerCase())) add(i, range);
    }
    if (byLine.size === 0) return { lines, found: false };
    const out = lines.slice();
    for (const [i, ranges] of byLine) out[i] = masked(out[i]!, ranges);
    return { lines: out, found: true };
  }
}

/** The line (index into `starts`, ascending) that holds the character at `at`. */
function lineAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** `text` with every range masked, overlapping ranges under one mask. */
function masked(text: string, ranges: [number, number][]): string {
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    if (start >= at) out += text.slice(at, start) + MASK;
    at = Math.max(at, end);
  }
  return out + text.slice(at);
}
