// Records the first sight of the server-log round: `popbot kb eval --source logs` with the code and knowledge
// as they stand (run it BEFORE any change made for these cases), written to docs/first-sight/logs.json in the
// format of the other rounds (kb eval prints it under "first sight of logs"). Holdout misses are counted by
// "expected -> got" only; their texts are never read. Needs `npm run build` first.
//
//   node scripts/logs/first-sight.mjs

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { evaluateSource, headCommit } from '../first-sight/record.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const eval_ = evaluateSource('logs');
const commit = headCommit();
const config = parse(readFileSync(join(root, 'scripts/logs/cases.yaml'), 'utf8'));
const pct = (t) => ({ percent: t.total ? Math.round((1000 * t.correct) / t.total) / 10 : 0, ...t });
const kinds = (r) => Object.fromEntries(Object.entries(r.perKind).filter(([, t]) => t.total > 0));
const set = (r) => ({
  total: r.total,
  correct: r.correct,
  perLang: r.perLang,
  perKind: kinds(r),
  perLangKind: Object.fromEntries(
    Object.entries(r.perLangKind).map(([l, k]) => [
      l,
      Object.fromEntries(Object.entries(k).filter(([, t]) => t.total > 0)),
    ]),
  ),
});
const now = new Date();
const record = {
  source: 'logs',
  date: `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  commit,
  knowledge:
    'unchanged: src/ and knowledge/ are main 121d011; the commits after it add only scripts/logs and the fixtures',
  sets: { tuning: set(eval_.sets.tuning), holdout: set(eval_.sets.holdout) },
  split: {
    by: `source and scenario: a seeded hash of "logs/<source>/<scenario>" (seed ${config.holdout.seed}, share ${config.holdout.share}; scripts/logs/extract.mjs); every line, excerpt and chat of one scenario of one source file on one side`,
    cases: { tuning: eval_.sets.tuning.total, holdout: eval_.sets.holdout.total },
  },
  firstSight: {
    note: 'the code and knowledge of main 121d011, before any change made for these cases',
    measured: now.toISOString(),
    commit,
    tuning: {
      all: pct(eval_.sets.tuning),
      perLang: Object.fromEntries(Object.entries(eval_.sets.tuning.perLang).map(([l, t]) => [l, pct(t)])),
    },
    holdout: {
      all: pct(eval_.sets.holdout),
      perLang: Object.fromEntries(Object.entries(eval_.sets.holdout.perLang).map(([l, t]) => [l, pct(t)])),
      missesByCategory: eval_.sets.holdout.missesByCategory,
    },
  },
};
// A batch added later (labelled before scoring, with the code still unchanged) re-records the whole first sight;
// the earlier records are kept beside it, never overwritten.
const file = join(root, 'docs/first-sight/logs.json');
if (existsSync(file)) {
  const earlier = JSON.parse(readFileSync(file, 'utf8'));
  const { earlierRecords = [], ...previous } = earlier;
  record.earlierRecords = [
    ...earlierRecords,
    { date: previous.date, commit: previous.commit, sets: previous.sets },
  ];
}
writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
console.error(
  `tuning ${record.firstSight.tuning.all.percent}% (${eval_.sets.tuning.correct}/${eval_.sets.tuning.total}), holdout ${record.firstSight.holdout.all.percent}% (${eval_.sets.holdout.correct}/${eval_.sets.holdout.total})`,
);
