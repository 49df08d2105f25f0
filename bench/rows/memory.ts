import { BOT_ENV, BOT_NODE_FLAGS } from '../../src/runtime-flags.js';
import { join } from 'node:path';
import { generatePaste } from '../corpus/paste.js';
import type { BenchContext, Row } from '../lib/context.js';
import { timedRun } from '../lib/proc.js';

const MAX_IDLE_MB = 80;
const MAX_GROWTH_MB = 10;

interface MemoryReport {
  count: number;
  idleRssMB: number;
  idleHeapUsedMB: number;
  idleHeapTotalMB: number;
  warmRssMB: number;
  warmHeapUsedMB: number;
  halfRssMB: number;
  halfHeapUsedMB: number;
  afterRssMB: number;
  afterHeapUsedMB: number;
  afterHeapTotalMB: number;
}

const BARE =
  'globalThis.gc(); globalThis.gc(); process.stdout.write(String(process.memoryUsage().rss / 1048576))';

export const memory: Row = {
  id: 'memory',
  figure: 'memory: RSS after start, growth after N explains',
  target: '≤ 80 MB idle; growth ≤ 10 MB',
  async run(ctx: BenchContext) {
    const count = ctx.quick ? 10_000 : 100_000;
    const pastes = Array.from({ length: 16 }, (_, i) => generatePaste(ctx.examples, ctx.seed + i).text);
    ctx.progress.update(`memory: ${count} explains in a child process`);
    const run = await timedRun(
      process.execPath,
      [
        '--expose-gc',
        ...BOT_NODE_FLAGS,
        join(ctx.root, 'dist', 'bench', 'children', 'memory.js'),
        String(count),
      ],
      { input: JSON.stringify(pastes), timeoutMs: 600_000, env: { ...process.env, ...BOT_ENV } },
    );
    if (run.code !== 0) throw new Error(`memory child exited with ${run.code}: ${run.stderr.trim()}`);
    const report = JSON.parse(run.stdout) as MemoryReport;
    const bare = await timedRun(process.execPath, ['--expose-gc', '-e', BARE]);
    const bareMB = Number(bare.stdout);
    const growth = report.afterRssMB - report.idleRssMB;
    // RSS moves by many MB with the pages V8 keeps between readings; the heap in use says what is held.
    const heapGrowth = report.afterHeapUsedMB - report.idleHeapUsedMB;
    const heapSecondHalf = report.afterHeapUsedMB - report.halfHeapUsedMB;
    // What RSS gains past the first tenth, once the optimising compilers are done; and V8's committed heap.
    const warmGrowth = report.afterRssMB - report.warmRssMB;
    const committed = report.afterHeapTotalMB - report.idleHeapTotalMB;
    const signed = (mb: number) => `${mb >= 0 ? '+' : ''}${mb.toFixed(1)} MB`;
    const pass = report.idleRssMB <= MAX_IDLE_MB && growth <= MAX_GROWTH_MB;
    return {
      id: this.id,
      figure: `memory: RSS after start, growth after ${count.toLocaleString('en')} explains`,
      ours: `idle ${report.idleRssMB.toFixed(1)} MB, growth ${signed(growth)} (heap in use ${signed(heapGrowth)}, of which ${signed(heapSecondHalf)} in the second half; heap committed ${signed(committed)}; RSS after the first tenth ${signed(warmGrowth)})`,
      reference: `bare node: ${bareMB.toFixed(1)} MB`,
      ratio: '—',
      target: this.target,
      status: pass ? 'pass' : 'fail',
      metrics: {
        ...report,
        growthMB: growth,
        heapGrowthMB: heapGrowth,
        heapSecondHalfGrowthMB: heapSecondHalf,
        heapCommittedGrowthMB: committed,
        growthAfterWarmMB: warmGrowth,
        bareNodeRssMB: bareMB,
        childSeconds: run.ms / 1000,
      },
    };
  },
};
