import { join } from 'node:path';
import type { BenchContext, Row } from '../lib/context.js';
import { timedRun } from '../lib/proc.js';
import { formatDuration, formatRatio, median } from '../lib/stats.js';

const MAX_RATIO = 2;

export const coldStart: Row = {
  id: 'cold-start',
  figure: 'CLI cold start: popbot explain "-ERR …"',
  target: '≤ 2× node -e 0',
  async run(ctx: BenchContext) {
    const pairs = ctx.quick ? 5 : 30;
    const line = ctx.examples.server[0]?.line ?? '-ERR [AUTH] Authentication failed.';
    const popbot = [join(ctx.root, 'bin', 'popbot.js'), 'explain', line];
    const env = { ...process.env, NO_COLOR: '1' };
    const ours: number[] = [];
    const ref: number[] = [];
    // One of each first, untimed: the OS file cache, not popbot, would otherwise decide the first pair.
    await timedRun(process.execPath, popbot, { env });
    await timedRun(process.execPath, ['-e', '0'], { env });
    for (let i = 0; i < pairs; i++) {
      ctx.progress.update(`cold-start: pair ${i + 1}/${pairs}`);
      const a = async () => {
        const run = await timedRun(process.execPath, popbot, { env });
        if (run.code !== 0) throw new Error(`popbot exited with ${run.code}: ${run.stderr.trim()}`);
        ours.push(run.ms);
      };
      const b = async () => {
        ref.push((await timedRun(process.execPath, ['-e', '0'], { env })).ms);
      };
      if (i % 2 === 0) {
        await a();
        await b();
      } else {
        await b();
        await a();
      }
    }
    const ratio = median(ours.map((ms, i) => ms / (ref[i] as number)));
    return {
      id: this.id,
      figure: this.figure,
      ours: `median ${formatDuration(median(ours))}`,
      reference: `node -e 0: ${formatDuration(median(ref))}`,
      ratio: formatRatio(ratio),
      target: this.target,
      status: ratio <= MAX_RATIO ? 'pass' : 'fail',
      metrics: { pairs, line, popbotMs: ours, nodeMs: ref, medianPairRatio: ratio },
    };
  },
};
