import { explain } from '../../src/explain/explain.js';
import { forgetMatches } from '../../src/explain/match.js';
import { loadExamples } from '../corpus/examples.js';
import { generatePaste } from '../corpus/paste.js';

/**
 * N explains of the bench paste (seed 8, memo cleared before each), nothing else: the program
 * `explain-instructions` runs under callgrind twice, with two values of N, so that start-up cancels out.
 *
 *   node --single-threaded dist/bench/compare/paste-loop.js N
 */
const n = Number(process.argv[2] ?? '0');
if (!Number.isInteger(n) || n < 0) {
  process.stderr.write('usage: node dist/bench/compare/paste-loop.js N\n');
  process.exit(2);
}
const examples = loadExamples();
const { text } = generatePaste(examples, 8);
let findings = 0;
for (let i = 0; i < n; i++) {
  forgetMatches(examples.kb);
  findings += explain(text, { lang: 'en' }, examples.kb).findings.length;
}
if (n > 0 && findings !== 2 * n) throw new Error(`the bench paste gave ${findings / n} findings, not 2`);
