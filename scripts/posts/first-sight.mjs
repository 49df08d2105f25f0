#!/usr/bin/env node
// Records the first sight of the posts set with the code and knowledge as they stand (run it BEFORE any change
// made for these cases; needs `npm run build`). Holdout misses are counted by "expected -> got" only.
//
//   node scripts/posts/first-sight.mjs --batch 2 --name "<what the batch adds>"
//
// Writes docs/first-sight/posts.json for the whole set (scripts/first-sight/record.mjs; the earlier records kept
// beside it) and docs/first-sight/posts-batch-N.json for the batch alone (its cases are the posts.batch-N.yaml
// fixtures): per language, kind and language × kind, tuning and holdout.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { recordFirstSight } from '../first-sight/record.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: { batch: { type: 'string' }, name: { type: 'string' } },
  strict: false,
});
if (!args.batch || !args.name) {
  process.stderr.write(
    'usage: node scripts/posts/first-sight.mjs --batch N --name "<what the batch adds>"\n',
  );
  process.exit(2);
}
const SPLIT =
  'page: per batch and per language of a page, pages in the order of a seeded hash of their URL (seed popbot-posts-2026-12-07) go to the holdout while they fit under 40 % of the cases (scripts/posts/build.mjs); every case of one page on one side';

// The whole set, as the other rounds record it; the recorder reads the batch's description after `--batch`.
const described = `batch ${args.batch} (${args.name}): fixtures posts.batch-${args.batch}.yaml, labelled and committed before scoring`;
process.argv[process.argv.indexOf('--batch') + 1] = described;
recordFirstSight('posts', SPLIT);

const load = (p) => import(pathToFileURL(join(root, 'dist', 'src', p)).href);
const { loadEvalSet, evaluate } = await load('knowledge/evaluate.js');
const { defaultKnowledgeBase } = await load('knowledge/load.js');
const kb = defaultKnowledgeBase();
const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
const pct = (t) => ({ ...t, percent: t.total ? Math.round((1000 * t.correct) / t.total) / 10 : 0 });
const nonEmpty = (o) =>
  Object.fromEntries(
    Object.entries(o)
      .filter(([, t]) => t.total > 0)
      .map(([k, t]) => [k, pct(t)]),
  );

const sets = {};
for (const set of ['tuning', 'holdout']) {
  const cases = loadEvalSet(set, root).filter((c) => c.file === `posts/posts.batch-${args.batch}.yaml`);
  const r = evaluate(kb, cases);
  const missesByCategory = {};
  for (const m of r.misses) {
    const key = `${m.expected} -> ${m.got}`;
    missesByCategory[key] = (missesByCategory[key] ?? 0) + 1;
  }
  sets[set] = {
    ...pct({ total: r.total, correct: r.correct }),
    perLang: nonEmpty(r.perLang),
    perKind: nonEmpty(r.perKind),
    perLangKind: Object.fromEntries(Object.entries(r.perLangKind).map(([l, k]) => [l, nonEmpty(k)])),
    missesByCategory,
  };
  process.stderr.write(`batch ${args.batch} ${set}: ${r.correct}/${r.total} ${JSON.stringify(r.perLang)}\n`);
}
const record = {
  source: 'posts',
  batch: described,
  date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  commit: git('rev-parse', '--short', 'HEAD'),
  knowledge: `unchanged: src/ and knowledge/ as of ${git('log', '-1', '--format=%h', '--', 'src', 'knowledge')}`,
  split: SPLIT,
  sets,
};
writeFileSync(
  join(root, 'docs', 'first-sight', `posts-batch-${args.batch}.json`),
  `${JSON.stringify(record, null, 2)}\n`,
);
