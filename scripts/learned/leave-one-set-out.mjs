#!/usr/bin/env node
// How the learned fallback does on a whole capture it was not trained on: for each folder of
// test/fixtures/captured (a live capture, a batch of posts, a round of catalogues), the model is retrained
// without that folder's texts (and without any other sample of the same words) and the folder's texts are
// scored through the whole explainer, beside the same texts with no learned fallback at all. The knowledge
// base stays whole: what it learned from the folder's tuning part reads those texts either way, so the
// difference is the learned fallback's alone. The holdout is never read.
//
//   npm run build && node scripts/learned/leave-one-set-out.mjs [--changes] [--json]

import { parseArgs } from 'node:util';
import { readLearned } from '../../dist/src/explain/fallback/learned-classify.js';
import { MIN_MARGIN } from '../../dist/src/explain/fallback/learned-finding.js';
import { aboutMail, errorLines } from '../../dist/src/explain/fallback/learned-gate.js';
import { trainModel } from '../../dist/src/explain/fallback/learned-model.js';
import { normalizeForMatch } from '../../dist/src/explain/normalize.js';
import { evaluate } from '../../dist/src/knowledge/evaluate.js';
import { useLearnedModel } from '../../dist/src/knowledge/learned-file.js';
import { defaultKnowledgeBase } from '../../dist/src/knowledge/load.js';
import { capturedCases, trainingSamples } from './samples.mjs';

const { values: args } = parseArgs({
  options: { changes: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
});
const LANGS = ['en', 'fr', 'vi'];
const kb = defaultKnowledgeBase();
const samples = trainingSamples(kb);
const cases = capturedCases().map((c) => ({ ...c, source: c.id, file: c.folder }));
const sets = [...new Set(cases.map((c) => c.folder))].sort();

const tally = () => ({ correct: 0, total: 0 });
const totals = { without: { all: tally() }, with: { all: tally() }, alone: {}, perSet: {} };
/**
 * The model alone on every text about mail that reads like an error, whatever the rest of popbot finds:
 * how often its reading is clear enough to answer (`answered` of `total`) and right (`correct`).
 */
function readAlone(model, c) {
  const lines = c.text.split(/\r\n|\r|\n/);
  const cued = errorLines(lines);
  if (cued.length === 0 || !aboutMail(lines)) return;
  const t = (totals.alone[c.lang] ??= { total: 0, answered: 0, correct: 0 });
  t.total += 1;
  const reading = readLearned(model, cued.map((l) => l.text).join('\n'));
  if (!reading || reading.category === 'unknown' || reading.margin < MIN_MARGIN) return;
  t.answered += 1;
  if (reading.category === c.category) t.correct += 1;
}
const changes = [];
for (const set of sets) {
  const group = cases.filter((c) => c.folder === set);
  const texts = new Set(group.map((c) => normalizeForMatch(c.text)));
  const model = trainModel(samples.filter((s) => s.set !== set && !texts.has(normalizeForMatch(s.text))));
  for (const c of group) readAlone(model, c);
  const missed = {};
  for (const [name, m] of [
    ['without', undefined],
    ['with', model],
  ]) {
    useLearnedModel(m);
    const report = evaluate(kb, group);
    missed[name] = new Map(report.misses.map((x) => [x.source ?? x.text, x.got]));
    const bySet = ((totals.perSet[set] ??= {})[name] = tally());
    for (const c of group) {
      const ok = !missed[name].has(c.source ?? c.text);
      for (const t of [bySet, totals[name].all, (totals[name][c.lang] ??= tally())]) {
        t.total += 1;
        if (ok) t.correct += 1;
      }
    }
  }
  for (const c of group) {
    const before = missed.without.get(c.source ?? c.text);
    const after = missed.with.get(c.source ?? c.text);
    if (before !== after)
      changes.push({
        set,
        lang: c.lang,
        expected: c.category,
        before: before ?? 'ok',
        after: after ?? 'ok',
        text: c.text,
      });
  }
}

const pct = (t) => `${((100 * t.correct) / t.total).toFixed(1)}% (${t.correct}/${t.total})`;
if (args.json) process.stdout.write(`${JSON.stringify(totals)}\n`);
else {
  for (const name of ['without', 'with'])
    process.stdout.write(
      `${name === 'with' ? 'with the learned fallback, left out' : 'without the learned fallback        '}: ${pct(totals[name].all)}; ${LANGS.map((l) => `${l} ${pct(totals[name][l])}`).join(', ')}\n`,
    );
  for (const lang of LANGS) {
    const t = totals.alone[lang];
    if (t)
      process.stdout.write(
        `  the model alone, ${lang}: answers ${t.answered}/${t.total} texts about mail that read like an error, right ${t.correct}/${t.answered} (${((100 * t.correct) / t.answered).toFixed(1)}%)\n`,
      );
  }
  for (const [set, t] of Object.entries(totals.perSet))
    if (t.with.correct !== t.without.correct)
      process.stdout.write(`  ${set.padEnd(20)} ${pct(t.without)} → ${pct(t.with)}\n`);
  if (args.changes)
    for (const c of changes)
      process.stdout.write(
        `  [${c.set} ${c.lang}] expected ${c.expected}: ${c.before} → ${c.after}: ${JSON.stringify(c.text.slice(-160))}\n`,
      );
}
