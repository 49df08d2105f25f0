import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { explain } from '../../src/explain/explain.js';
import { forgetMatches } from '../../src/explain/match.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { loadExamples } from '../corpus/examples.js';
import { generatePaste } from '../corpus/paste.js';
import { median, pairRatios } from '../lib/stats.js';

/**
 * This build's explain against another checkout's (`ROOT/dist`, e.g. the branch point's) in one process:
 * the two are called in turn on the bench paste, the first changing every pair, and the result is the median
 * of the per-pair time ratios (this build / the other), which the machine's load moves much less than either
 * time. Each build uses its own knowledge loader and memo.
 *
 *   node --expose-gc dist/bench/compare/explain-ab.js ROOT [PAIRS=20000]
 */
type Explain = typeof explain;

const [root, pairsArg = '20000'] = process.argv.slice(2);
if (!root) {
  process.stderr.write('usage: node dist/bench/compare/explain-ab.js ROOT [PAIRS]\n');
  process.exit(2);
}
const pairs = Number(pairsArg);
const theirs = (path: string) => import(pathToFileURL(join(root, 'dist', 'src', path)).href);
const other = {
  explain: ((await theirs('explain/explain.js')) as { explain: Explain }).explain,
  forget: ((await theirs('explain/match.js')) as { forgetMatches: (kb: KnowledgeBase) => void })
    .forgetMatches,
  kb: ((await theirs('knowledge/load.js')) as { loadKnowledgeBase: () => KnowledgeBase }).loadKnowledgeBase(),
};
const ours = { explain, forget: forgetMatches, kb: loadKnowledgeBase() };
const { text } = generatePaste(loadExamples(), 8);

function once(side: typeof ours): number {
  const start = process.hrtime.bigint();
  side.forget(side.kb);
  const found = side.explain(text, { lang: 'en' }, side.kb).findings.length;
  if (found !== 2) throw new Error(`the bench paste gave ${found} findings, not 2`);
  return Number(process.hrtime.bigint() - start);
}

for (let i = 0; i < 3000; i++) {
  once(ours);
  once(other);
}
const a: number[] = [];
const b: number[] = [];
for (let i = 0; i < pairs; i++) {
  if (i % 2 === 0) {
    a.push(once(ours));
    b.push(once(other));
  } else {
    b.push(once(other));
    a.push(once(ours));
  }
}
const ratio = median(pairRatios(a, b));
process.stdout.write(
  `this build / ${root}: median pair ratio ${ratio.toFixed(3)} over ${pairs} pairs ` +
    `(medians ${(median(a) / 1e3).toFixed(1)} µs / ${(median(b) / 1e3).toFixed(1)} µs, load ${(await import('node:os')).loadavg()[0]?.toFixed(1)})\n`,
);
