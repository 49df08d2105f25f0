#!/usr/bin/env node
// Scores one round's catalogue cases alone (test/fixtures/captured/<folder>, test/fixtures/eval/holdout/<folder>;
// `catalogues` by default, or a later round's folder, cases.yaml `rounds`) with the built explainer and
// knowledge: per language, the tuning part with its misses, the holdout by totals only (its texts are never
// printed: reading them is tuning on them).
//
//   npm run build && node scripts/catalogues/score.mjs [--folder NAME] [--quiet] [--only TOOL]
//     [--json FILE --label NAME]
//
// --json adds the figures under NAME to FILE (docs/first-sight/<folder>.json: first sight, then after).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { evaluate, loadCapturedCases } from '../../dist/src/knowledge/evaluate.js';
import { defaultKnowledgeBase } from '../../dist/src/knowledge/load.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    json: { type: 'string' },
    label: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    only: { type: 'string' },
    folder: { type: 'string', default: 'catalogues' },
  },
});

const kb = defaultKnowledgeBase();
const sets = {
  tuning: join(root, 'test', 'fixtures', 'captured', args.folder),
  holdout: join(root, 'test', 'fixtures', 'eval', 'holdout', args.folder),
};
const pct = (t) => (t.total === 0 ? null : Math.round((1000 * t.correct) / t.total) / 10);
const figures = {};
for (const [set, dir] of Object.entries(sets)) {
  const cases = loadCapturedCases(dir).filter(
    (c) => !args.only || c.source.startsWith(`catalogues/${args.only}/`),
  );
  const report = evaluate(kb, cases);
  figures[set] = {
    all: { percent: pct(report), correct: report.correct, total: report.total },
    perLang: Object.fromEntries(
      Object.entries(report.perLang).map(([lang, t]) => [
        lang,
        { percent: pct(t), correct: t.correct, total: t.total },
      ]),
    ),
  };
  const langs = Object.entries(figures[set].perLang)
    .map(([lang, t]) => `${lang} ${t.percent}% (${t.correct}/${t.total})`)
    .join(', ');
  process.stdout.write(
    `${set}: ${figures[set].all.percent}% (${report.correct}/${report.total}); ${langs}\n`,
  );
  if (set === 'tuning' && !args.quiet) {
    for (const m of report.misses)
      process.stdout.write(
        `  [${m.lang}] expected ${m.expected}, got ${m.got}: ${JSON.stringify(m.text.slice(-150))}\n`,
      );
  }
}

if (args.json) {
  const file = join(root, args.json);
  const doc = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], {
    encoding: 'utf8',
  }).trim();
  doc[args.label ?? 'figures'] = { measured: new Date().toISOString(), commit, ...figures };
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
}
