import { maskEchoes } from '../secrets/index.js';
import { normaliseUntrusted } from '../text/untrusted.js';

/**
 * The secrets one probe handles (the password and what is derived from it: the AUTH PLAIN payload, the
 * APOP digest). Everything the server sends and every error passes through `mask`, so a server that
 * echoes the password back ("-ERR bad password hunter2") cannot put it in a report.
 */
export class Secrets {
  readonly #values: string[] = [];

  add(value: string | undefined): void {
    if (value && value.length > 0 && !this.#values.includes(value)) {
      this.#values.push(value);
      // Longest first, so a secret that contains another is masked whole.
      this.#values.sort((a, b) => b.length - a.length);
    }
  }

  /** `text` normalised first (so an echo split by invisible characters is whole again), then masked. */
  mask(text: string): string {
    let out = normaliseUntrusted(text).text;
    for (const v of this.#values) if (out.includes(v)) out = out.split(v).join('****');
    return maskEchoes(out, this.#values).text;
  }
}

// C0/C1 controls (ANSI escapes start with ESC or CSI) and bidi/zero-width characters: a server's text is
// shown in terminals and chat, where these would rewrite what the user sees.
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** A server line made safe to show: controls replaced, length capped. */
export function cleanServerText(text: string, maxChars: number): string {
  const clean = text.replace(UNSAFE, '?');
  return clean.length > maxChars ? `${clean.slice(0, maxChars)}…` : clean;
}
