import { explain } from '../../src/explain/explain.js';
import { forgetMatches } from '../../src/explain/match.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { generatePaste } from '../corpus/paste.js';
import { syntheticKnowledgeBase } from '../corpus/synthetic-kb.js';
import type { BenchContext, Row } from '../lib/context.js';
import { formatDuration, formatRatio, median, pairRatios, quantile } from '../lib/stats.js';

const MEDIAN_TARGET_MS = 0.1;
const P99_TARGET_MS = 1;
const GROWTH_FACTOR = 4;
const MAX_GROWTH_RATIO = 1.3;

/** The floor: one regex pass over the same text, which any explanation must at least do. */
function scan(text: string): number {
  return text.match(/-ERR/g)?.length ?? 0;
}

/**
 * Times the sides in turn, the first side changing every round so that cache and GC effects favour none.
 * Each side returns a number that must not be 0 in total (so the work cannot be optimised away).
 */
function alternate(
  sides: readonly (() => number)[],
  rounds: number,
  onRound: (i: number) => void,
): number[][] {
  const times = sides.map(() => new Array<number>(rounds));
  let sink = 0;
  for (let i = 0; i < rounds; i++) {
    if (i % 1000 === 0) onRound(i);
    for (let k = 0; k < sides.length; k++) {
      const side = (i + k) % sides.length;
      const t = process.hrtime.bigint();
      sink += sides[side]!();
      times[side]![i] = Number(process.hrtime.bigint() - t) / 1e6;
    }
  }
  if (sink === 0) throw new Error('nothing was explained');
  return times;
}

/** One explain with the memo of earlier matches forgotten: every line is matched, as in a new paste. */
function explainCold(text: string, kb: KnowledgeBase): number {
  forgetMatches(kb);
  return explain(text, { lang: 'en' }, kb).findings.length;
}

const rounds = (ctx: BenchContext) => ({
  warmup: ctx.quick ? 1_000 : 5_000,
  pairs: ctx.quick ? 3_000 : 30_000,
});

export const explainPaste: Row = {
  id: 'explain-paste',
  figure: 'explain one paste (4 KB, 40 lines, 2 errors), warm, memo cleared',
  target: 'median ≤ 100 µs, p99 ≤ 1 ms',
  async run(ctx: BenchContext) {
    const paste = generatePaste(ctx.examples, ctx.seed);
    const kb = ctx.examples.kb;
    const { warmup, pairs } = rounds(ctx);
    const sides = [() => explainCold(paste.text, kb), () => scan(paste.text)];
    alternate(sides, warmup, () => {});
    const [ours = [], ref = []] = alternate(sides, pairs, (i) =>
      ctx.progress.update(`explain-paste: ${i}/${pairs}`),
    );
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
        entries: kb.entries.length,
        patterns: kb.entries.reduce((n, e) => n + e.sources.length, 0),
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

export const explainGrowth: Row = {
  id: 'explain-growth',
  figure: `explain one paste, synthetic knowledge base ${GROWTH_FACTOR}× larger`,
  target: `≤ ${MAX_GROWTH_RATIO}× the real one`,
  async run(ctx: BenchContext) {
    const paste = generatePaste(ctx.examples, ctx.seed);
    const kb = ctx.examples.kb;
    const big = syntheticKnowledgeBase(kb, { factor: GROWTH_FACTOR, seed: ctx.seed });
    const findings = (k: KnowledgeBase) =>
      explain(paste.text, { lang: 'en' }, k).findings.map((f) => f.entry);
    const { warmup, pairs } = rounds(ctx);
    const sides = [() => explainCold(paste.text, big), () => explainCold(paste.text, kb)];
    alternate(sides, warmup, () => {});
    const [large = [], real = []] = alternate(sides, pairs, (i) =>
      ctx.progress.update(`explain-growth: ${i}/${pairs}`),
    );
    const ratio = median(pairRatios(large, real));
    const patterns = (k: KnowledgeBase) => k.entries.reduce((n, e) => n + e.sources.length, 0);
    return {
      id: this.id,
      figure: this.figure,
      ours: `${big.entries.length} entries: median ${formatDuration(median(large))}, p99 ${formatDuration(quantile(large, 0.99))}`,
      reference: `${kb.entries.length} entries: median ${formatDuration(median(real))}, p99 ${formatDuration(quantile(real, 0.99))}`,
      ratio: formatRatio(ratio),
      target: this.target,
      status: ratio <= MAX_GROWTH_RATIO ? 'pass' : 'fail',
      metrics: {
        entries: big.entries.length,
        patterns: patterns(big),
        realEntries: kb.entries.length,
        realPatterns: patterns(kb),
        // The synthetic entries may explain the paste too; the figure is about time, this shows what it found.
        findings: findings(big),
        realFindings: findings(kb),
        iterations: pairs,
        medianMs: median(large),
        p99Ms: quantile(large, 0.99),
        realMedianMs: median(real),
        realP99Ms: quantile(real, 0.99),
        medianPairRatio: ratio,
      },
    };
  },
};
