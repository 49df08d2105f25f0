// Records the first sight of one later batch of the libraries-live set (fixtures `*.batch-<n>.yaml`): its
// cases scored by the code of each checkout named (the branch point's and the current one's, each built),
// written to docs/first-sight/libraries-live-<name>.json. Holdout misses are counted, never printed.
//
//   node scripts/libraries-live/first-sight-batch.mjs --batch 2 --name neomutt \
//     --code base=/tmp/base-checkout --code round=.
//
// A checkout's own knowledge base and explainer score the cases read from this checkout's fixtures.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name) => process.argv[process.argv.indexOf(`--${name}`) + 1];
const batch = arg('batch');
const name = arg('name');
const codes = process.argv
  .flatMap((a, i) => (a === '--code' ? [process.argv[i + 1]] : []))
  .map((c) => c.split('='));
const run = (cwd, cmd, args) => execFileSync(cmd, args, { cwd, encoding: 'utf8' }).trim();

const record = {
  source: 'libraries-live',
  batch: `batch ${batch} (${name}): fixtures *.batch-${batch}.yaml, labelled and committed before scoring`,
  date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  commit: run(root, 'git', ['rev-parse', '--short', 'HEAD']),
  byCode: {},
};
for (const [label, dir] of codes) {
  const at = resolve(root, dir);
  const load = (p) => import(pathToFileURL(join(at, 'dist', 'src', p)).href);
  const { loadEvalSet, evaluate } = await load('knowledge/evaluate.js');
  const { defaultKnowledgeBase } = await load('knowledge/load.js');
  const kb = defaultKnowledgeBase();
  const sets = {};
  for (const set of ['tuning', 'holdout']) {
    const cases = loadEvalSet(set, root).filter((c) => c.file.endsWith(`.batch-${batch}.yaml`));
    const r = evaluate(kb, cases);
    const missesByCategory = {};
    for (const m of r.misses) {
      const key = `${m.expected} -> ${m.got}`;
      missesByCategory[key] = (missesByCategory[key] ?? 0) + 1;
    }
    sets[set] = { total: r.total, correct: r.correct, perLang: r.perLang, missesByCategory };
  }
  record.byCode[label] = { code: run(at, 'git', ['rev-parse', '--short', 'HEAD']), sets };
  if (label === codes.at(-1)[0]) record.sets = sets;
}
writeFileSync(
  join(root, 'docs', 'first-sight', `libraries-live-${name}.json`),
  `${JSON.stringify(record, null, 2)}\n`,
);
for (const [label, { code, sets }] of Object.entries(record.byCode))
  for (const [set, r] of Object.entries(sets))
    console.error(`${label} (${code}) ${set}: ${r.correct}/${r.total} ${JSON.stringify(r.perLang)}`);
