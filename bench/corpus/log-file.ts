import { closeSync, openSync, writeSync } from 'node:fs';
import type { LogStats } from './log.js';

const CHUNK_BYTES = 1 << 20;
const MONTH_DAYS = 30;

/** `Nov  3 14:05:09`: a syslog time `second` seconds after the 1st of `month` at midnight. */
export function syslogTime(month: string, second: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = Math.floor(second / 86400);
  return `${month} ${String(1 + (day % MONTH_DAYS)).padStart(2, ' ')} ${two(Math.floor(second / 3600) % 24)}:${two(Math.floor(second / 60) % 60)}:${two(second % 60)}`;
}

/**
 * A generated log written in 1 MiB chunks, with the counts the bench compares against: its lines, and the
 * lines the reference grep counts (`counted`).
 */
export class LogFile {
  readonly stats: LogStats = { bytes: 0, lines: 0, errLines: 0, injectedErrors: 0 };
  readonly #fd: number;
  readonly #counted: (line: string) => boolean;
  #chunk: string[] = [];
  #chunkChars = 0;

  constructor(file: string, counted: (line: string) => boolean) {
    this.#fd = openSync(file, 'w');
    this.#counted = counted;
  }

  /** Bytes written so far, and characters still waiting: what a target size is compared with. */
  get size(): number {
    return this.stats.bytes + this.#chunkChars;
  }

  /** Appends one line (without its line end). */
  line(text: string): void {
    const full = `${text}\n`;
    this.#chunk.push(full);
    this.#chunkChars += full.length;
    this.stats.lines++;
    if (this.#counted(full)) this.stats.errLines++;
    if (this.#chunkChars >= CHUNK_BYTES) this.#flush();
  }

  /** Writes what is left and closes the file, also after a failure. */
  close(): LogStats {
    try {
      this.#flush();
    } finally {
      closeSync(this.#fd);
    }
    return this.stats;
  }

  #flush(): void {
    const text = this.#chunk.join('');
    this.stats.bytes += Buffer.byteLength(text);
    writeSync(this.#fd, text);
    this.#chunk = [];
    this.#chunkChars = 0;
  }
}
