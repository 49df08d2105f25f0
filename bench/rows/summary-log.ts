import { join } from 'node:path';
import { writeLog } from '../corpus/log.js';
import { tempDir } from '../lib/cleanup.js';
import type { BenchContext, Row } from '../lib/context.js';
import { timedRun } from '../lib/proc.js';
import { formatBytes, formatDuration, formatRatio, median } from '../lib/stats.js';

const MIN_THROUGHPUT_RATIO = 1 / 3;

function mbps(bytes: number, ms: number): string {
  return `${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(ms > 0 ? 1 : 0)} MB/s`;
}

export const summaryLog: Row = {
  id: 'summary-log',
  figure: 'explain --summary over a generated log',
  target: 'throughput ≥ 1/3 of grep',
  async run(ctx: BenchContext) {
    const size = (ctx.quick ? 10 : 100) * 1024 * 1024;
    const pairs = ctx.quick ? 1 : 3;
    const tmp = tempDir('log');
    try {
      const file = join(tmp.dir, 'mail.log');
      ctx.progress.update(`summary-log: writing ${formatBytes(size)} of log`);
      const stats = writeLog(file, size, ctx.examples, ctx.seed);
      const popbot = [join(ctx.root, 'bin', 'popbot.js'), 'explain', '--summary', '--lang', 'en', file];
      // A first grep reads the file into the page cache, so neither side pays for the disk.
      const warm = await timedRun('grep', ['-c', '--', '-ERR', file]);
      if (warm.code !== 0 && warm.code !== 1) throw new Error(`grep failed: ${warm.stderr.trim()}`);
      const grepCount = Number(warm.stdout.trim());
      const floorScript = join(ctx.root, 'dist', 'bench', 'children', 'readline-floor.js');
      const ours: number[] = [];
      const ref: number[] = [];
      const floor: number[] = [];
      let summary = '';
      for (let i = 0; i < pairs; i++) {
        const order = i % 2 === 0 ? ['popbot', 'grep'] : ['grep', 'popbot'];
        for (const side of order) {
          ctx.progress.update(`summary-log: pair ${i + 1}/${pairs}, ${side}`);
          if (side === 'popbot') {
            const run = await timedRun(process.execPath, popbot, { env: { ...process.env, NO_COLOR: '1' } });
            if (run.code !== 0) throw new Error(`popbot exited with ${run.code}: ${run.stderr.trim()}`);
            summary = run.stdout;
            ours.push(run.ms);
          } else {
            const run = await timedRun('grep', ['-c', '--', '-ERR', file]);
            ref.push(run.ms);
          }
        }
        // Outside the pair: how fast Node's line reader alone goes, the ceiling for any per-line design.
        ctx.progress.update(`summary-log: pair ${i + 1}/${pairs}, node readline floor`);
        floor.push((await timedRun(process.execPath, [floorScript, file])).ms);
      }
      // Throughput ratio per pair: (bytes / ours) / (bytes / grep) = grep / ours.
      const ratio = median(ours.map((ms, i) => (ref[i] as number) / ms));
      const header = /^(\d+) error lines in (\d+) lines/m.exec(summary);
      return {
        id: this.id,
        figure: `${this.figure} (${formatBytes(stats.bytes)})`,
        ours: `${mbps(stats.bytes, median(ours))} (${formatDuration(median(ours))})`,
        reference: `grep -c: ${mbps(stats.bytes, median(ref))} (${formatDuration(median(ref))})`,
        ratio: `${ratio < 0.01 ? ratio.toFixed(4) : ratio.toFixed(3)} (1/${formatRatio(1 / ratio).replace('×', '')})`,
        target: this.target,
        status: ratio >= MIN_THROUGHPUT_RATIO ? 'pass' : 'fail',
        metrics: {
          bytes: stats.bytes,
          lines: stats.lines,
          errLinesGenerated: stats.errLines,
          grepCount,
          errorsInjected: stats.injectedErrors,
          popbotErrorsCounted: header ? Number(header[1]) : undefined,
          popbotLinesRead: header ? Number(header[2]) : undefined,
          popbotMs: ours,
          grepMs: ref,
          nodeReadlineFloorMs: floor,
          nodeReadlineFloorMBps: stats.bytes / 1024 / 1024 / (median(floor) / 1000),
          medianThroughputRatio: ratio,
        },
      };
    } finally {
      await tmp.remove();
    }
  },
};
