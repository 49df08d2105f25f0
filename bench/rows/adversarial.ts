import { join } from 'node:path';
import { ADVERSARIAL } from '../corpus/adversarial.js';
import type { BenchContext, Row } from '../lib/context.js';
import { timedRun } from '../lib/proc.js';
import { formatBytes, formatDuration, formatRatio, median } from '../lib/stats.js';

const MAX_RATIO = 3;

interface Measure {
  phase: 'quarter' | 'full';
  size: number;
  plainMs: number;
  caseMs: number;
}

interface CaseResult {
  case: string;
  about: string;
  /** Median over pairs of case time / plain time, at the full size. */
  ratio?: number;
  caseMs?: number;
  plainMs?: number;
  /** log4 of the time growth from a quarter of the size to the full size: 1 is linear, 2 quadratic. */
  growthExponent?: number;
  /** Case time / plain time at a quarter of the size (the only figure left when the full size times out). */
  quarterRatio?: number;
  timedOut: boolean;
  pairs: number;
}

function parse(stdout: string): Measure[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Measure);
}

export const adversarial: Row = {
  id: 'adversarial',
  figure: 'adversarial inputs vs plain text of the same size',
  target: '≤ 3× plain (linear)',
  async run(ctx: BenchContext) {
    const size = ctx.quick ? 256 * 1024 : 1024 * 1024;
    const pairs = ctx.quick ? 2 : 5;
    const timeoutMs = ctx.quick ? 5_000 : 60_000;
    const child = join(ctx.root, 'dist', 'bench', 'children', 'adversarial.js');
    const results: CaseResult[] = [];
    const names = Object.keys(ADVERSARIAL);
    for (const [i, name] of names.entries()) {
      ctx.progress.update(`adversarial: ${name} (${i + 1}/${names.length})`);
      const run = await timedRun(process.execPath, [child, name, String(size), String(pairs)], { timeoutMs });
      const measures = parse(run.stdout);
      const full = measures.filter((m) => m.phase === 'full');
      const quarter = measures.find((m) => m.phase === 'quarter');
      const timedOut = run.code !== 0 && run.ms >= timeoutMs;
      if (run.code !== 0 && !timedOut) throw new Error(`${name}: ${run.stderr.trim().split('\n').pop()}`);
      const result: CaseResult = {
        case: name,
        about: ADVERSARIAL[name]?.about ?? '',
        timedOut,
        pairs: full.length,
      };
      if (quarter) result.quarterRatio = quarter.caseMs / quarter.plainMs;
      if (full.length > 0 && !timedOut) {
        result.ratio = median(full.map((m) => m.caseMs / m.plainMs));
        result.caseMs = median(full.map((m) => m.caseMs));
        result.plainMs = median(full.map((m) => m.plainMs));
        if (quarter) result.growthExponent = Math.log(result.caseMs / quarter.caseMs) / Math.log(4);
      } else if (quarter) {
        // Only the quarter-size pair finished: the full size took longer than the timeout.
        result.plainMs = quarter.plainMs * 4;
      }
      results.push(result);
    }
    const plain = median(results.flatMap((r) => (r.plainMs !== undefined && !r.timedOut ? [r.plainMs] : [])));
    const worst = [...results].sort(
      (a, b) => Number(b.timedOut) - Number(a.timedOut) || (b.ratio ?? 0) - (a.ratio ?? 0),
    )[0];
    const failed = results.filter((r) => r.timedOut || (r.ratio ?? 0) > MAX_RATIO);
    const ourText = !worst
      ? 'no case ran'
      : worst.timedOut
        ? `worst: ${worst.case} > ${formatDuration(timeoutMs)} (killed)`
        : `worst: ${worst.case} ${formatDuration(worst.caseMs ?? Number.NaN)}`;
    const worstRatio = worst?.timedOut
      ? `> ${formatRatio(timeoutMs / plain)}`
      : formatRatio(worst?.ratio ?? Number.NaN);
    return {
      id: this.id,
      figure: `${this.figure} (${formatBytes(size)}, ${results.length} cases)`,
      ours: `${ourText}; ${failed.length} of ${results.length} over 3×`,
      reference: `plain text: ${formatDuration(plain)}`,
      ratio: worstRatio,
      target: this.target,
      status: failed.length === 0 ? 'pass' : 'fail',
      metrics: { size, pairsPerCase: pairs, timeoutMs, plainMedianMs: plain, cases: results },
    };
  },
};
