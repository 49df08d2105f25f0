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
    const sameLength = lowered.length === text.length;
    const ranges: [number, number][] = [];
    const collect = (haystack: string, needle: string) => {
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
        ranges.push([at, at + needle.length]);
      }
    };
    for (const { secret, lower, exact } of this.forms) {
      if (sameLength) for (const v of lower) collect(lowered, v);
      else collect(text, secret);
      for (const v of exact) collect(text, v);
    }
    if (ranges.length === 0) return { text, found: false };
    ranges.sort((a, b) => a[0] - b[0]);
    let out = '';
    let at = 0;
    for (const [start, end] of ranges) {
      if (end <= at) continue;
      if (start >= at) out += text.slice(at, start) + MASK;
      at = Math.max(at, end);
    }
    return { text: out + text.slice(at), found: true };
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
}
