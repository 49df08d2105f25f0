/**
 * The ranges of one line that hold a secret, found by several recognisers, then masked at once: each
 * recogniser only says where a secret is, so one that runs later cannot be fooled by another's mask.
 */

export const MASK = '****';

const PLACEHOLDER =
  /^(?:\*+|<[^>]{0,40}>|x{3,}|\[(?:hidden|redacted|masked|removed)\]|\.{3,}|…|\$\{?\w+\}?|%\w+%|null|none|""|'')$/i;

/** A value a client or a person already hid (`PASS *`, `<password>`, `[redacted]`): no secret. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/** Shorter secrets are masked where they stand, not searched for elsewhere: "ab" would mask half a paste. */
export const MIN_ECHO_CHARS = 4;

export interface Span {
  start: number;
  end: number;
}

/** The secret ranges of one line, and the secret values seen (for echoes elsewhere in the paste). */
export class LineSpans {
  readonly spans: Span[] = [];
  // One byte per character, set inside a secret: `covers` stays O(1) on a megabyte line with 50,000 secrets.
  #covered: Uint8Array | undefined;

  constructor(
    readonly line: string,
    private readonly values: Set<string>,
  ) {}

  /** Marks `line[start, end)` as secret unless it is empty or a placeholder; returns whether it did. */
  add(start: number, end: number): boolean {
    if (end <= start) return false;
    const value = this.line.slice(start, end);
    if (value.trim() === '' || isPlaceholder(value)) return false;
    this.spans.push({ start, end });
    this.#covered ??= new Uint8Array(this.line.length);
    this.#covered.fill(1, start, end);
    this.values.add(value);
    return true;
  }

  /** A secret derived from a masked one (the password inside an AUTH PLAIN payload), for echoes only. */
  remember(value: string): void {
    if (value.length >= MIN_ECHO_CHARS && !isPlaceholder(value)) this.values.add(value);
  }

  /** True when `index` is already inside a secret (a later recogniser skips it). */
  covers(index: number): boolean {
    return this.#covered?.[index] === 1;
  }

  /** The line with every range replaced by the mask (overlapping ranges merged). */
  masked(): string {
    if (this.spans.length === 0) return this.line;
    const sorted = [...this.spans].sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const s of sorted) {
      if (s.end <= at) continue;
      if (s.start >= at) {
        out += this.line.slice(at, s.start) + MASK;
      }
      at = Math.max(at, s.end);
    }
    return out + this.line.slice(at);
  }
}
