import type { Writable } from 'node:stream';

/** A one-line progress bar on a terminal, redrawn at most ten times a second. */
export class ProgressBar {
  private lastDraw = 0;

  constructor(
    private readonly out: Writable,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {}

  update(done: number): void {
    const t = this.now();
    if (t - this.lastDraw < 100) return;
    this.lastDraw = t;
    const ratio = Math.min(1, done / this.total);
    const width = 30;
    const filled = Math.round(ratio * width);
    this.out.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%`,
    );
  }

  clear(): void {
    this.out.write('\r\u001b[K');
  }
}
