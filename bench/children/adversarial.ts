import { explain } from '../../src/explain/explain.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { ADVERSARIAL, plainText } from '../corpus/adversarial.js';

/**
 * One adversarial case in its own process, so that a case which backtracks for minutes can be killed.
 * argv: CASE SIZE PAIRS. Prints one JSON line per measurement as soon as it has it (the parent keeps
 * what it got before a timeout): first a pair at a quarter of the size (for the growth exponent), then
 * PAIRS full-size pairs, plain text and the case alternately.
 */
const [name = '', sizeArg = '', pairsArg = ''] = process.argv.slice(2);
const spec = ADVERSARIAL[name];
if (!spec) throw new Error(`unknown case ${name}`);
const size = Number(sizeArg);
const pairs = Number(pairsArg);
const kb = loadKnowledgeBase();

function time(text: string): number {
  const start = process.hrtime.bigint();
  explain(text, { lang: 'en' }, kb);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function emit(record: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

// Warm the explainer on both shapes before any timing.
for (let i = 0; i < 3; i++) {
  time(plainText(kb, 16 * 1024));
  time(spec.make(4 * 1024));
}
const quarter = Math.floor(size / 4);
const plainQ = plainText(kb, quarter);
const caseQ = spec.make(quarter);
const plainQMs = time(plainQ);
emit({ phase: 'quarter', size: quarter, plainMs: plainQMs, caseMs: time(caseQ) });
const plain = plainText(kb, size);
const input = spec.make(size);
for (let i = 0; i < pairs; i++) {
  if (i % 2 === 0) {
    const plainMs = time(plain);
    emit({ phase: 'full', size, plainMs, caseMs: time(input) });
  } else {
    const caseMs = time(input);
    emit({ phase: 'full', size, plainMs: time(plain), caseMs });
  }
}
