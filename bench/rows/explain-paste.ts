import { explain } from '../../src/explain/explain.js';
import { generatePaste } from '../corpus/paste.js';
import type { BenchContext, Row } from '../lib/context.js';
import { formatDuration, formatRatio, median, pairRatios, quantile } from '../lib/stats.js';

const MEDIAN_TARGET_MS = 0.1;
const P99_TARGET_MS = 1;

/** The floor: one regex pass over the same text, which any explanation must at least do. */
function scan(text: string): number {
  return text.match(/-ERR/g)?.length ?? 0;
}

export const explainPaste: Row = {
  id: 'explain-paste',
  figure: 'explain one paste (4 KB, 40 lines, 2 errors), warm',
  target: 'median ≤ 100 µs, p99 ≤ 1 ms',
  async run(ctx: BenchContext) {
    const paste = generatePaste(ctx.examples, ctx.seed);
    const kb = ctx.examples.kb;
    const warmup = ctx.quick ? 1_000 : 5_000;
    const pairs = ctx.quick ? 3_000 : 30_000;
    let sink = 0;
    for (let i = 0; i < warmup; i++) {
      sink += explain(paste.text, { lang: 'en' }, kb).findings.length + scan(paste.text);
    }
    const ours: number[] = new Array(pairs);
    const ref: number[] = new Array(pairs);
    for (let i = 0; i < pairs; i++) {
      if (i % 1000 === 0) ctx.progress.update(`explain-paste: ${i}/${pairs}`);
      // Alternating which side goes first keeps cache and GC effects from favouring one of them.
      const explainFirst = i % 2 === 0;
      let t = process.hrtime.bigint();
      if (!explainFirst) {
        sink += scan(paste.text);
        const t1 = process.hrtime.bigint();
        ref[i] = Number(t1 - t) / 1e6;
        t = t1;
      }
      sink += explain(paste.text, { lang: 'en' }, kb).findings.length;
      const t2 = process.hrtime.bigint();
      ours[i] = Number(t2 - t) / 1e6;
      if (explainFirst) {
        sink += scan(paste.text);
        ref[i] = Number(process.hrtime.bigint() - t2) / 1e6;
      }
    }
    if (sink === 0) throw new Error('nothing was explained');
    const med = median(ours);
    const p99 = quantile(ours, 0.99);
    const ratio = median(pairRatios(ours, ref));
    const pass = med <= MEDIAN_TARGET_MS && p99 <= P99_TARGET_MS;
    return {
      id: this.id,
      figure: this.figure,
      ours: `median ${formatDuration(med)}, p99 ${formatDuration(p99)}`,
      reference: `median ${formatDuration(median(ref))}, p99 ${formatDuration(quantile(ref, 0.99))}`,
      ratio: formatRatio(ratio),
      target: this.target,
      status: pass ? 'pass' : 'fail',
      metrics: {
        pasteBytes: Buffer.byteLength(paste.text),
        pasteLines: paste.text.split('\n').length,
        errors: paste.errors.map((e) => e.entry),
        iterations: pairs,
        medianMs: med,
        p99Ms: p99,
        maxMs: ours.reduce((a, b) => Math.max(a, b), 0),
        referenceMedianMs: median(ref),
        referenceP99Ms: quantile(ref, 0.99),
        medianPairRatio: ratio,
      },
    };
  },
};
