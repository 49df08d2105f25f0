import { LIMITS } from './limits.js';
import type { TranscriptLine } from './types.js';

/** The session as seen on the wire, secrets already masked by whoever adds a line. */
export class Transcript {
  readonly lines: TranscriptLine[] = [];
  #dropped = 0;

  add(dir: TranscriptLine['dir'], text: string): void {
    if (this.lines.length < LIMITS.maxTranscriptLines) this.lines.push({ dir, text });
    else this.#dropped++;
  }

  /** The lines, with a last note when the cap dropped some. */
  snapshot(): TranscriptLine[] {
    return this.#dropped > 0
      ? [...this.lines, { dir: '*', text: `... ${this.#dropped} more lines not kept` }]
      : [...this.lines];
  }
}
