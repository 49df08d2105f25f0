#!/usr/bin/env node
// Scores the bug-report cases with the built explainer and knowledge: the tuning part with its misses, the
// holdout by totals only (its texts are never printed: reading them is tuning on them).
//
//   npm run build && node scripts/reports/score.mjs [--quiet] [--batch N] [--first-sight [--note TEXT]]
//
// --batch N scores batch N alone (its fixtures reports.batch-N.yaml; batch 1 is reports.yaml).
// --first-sight records the figures in docs/first-sight/reports.json, or reports-batch-N.json with --batch (the
// format kb eval reads beside the other captures' first sights). Run it only with code and knowledge nobody
// tuned on these cases.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluate, loadCapturedCases } from '../../dist/src/knowledge/evaluate.js';
import { defaultKnowledgeBase } from '../../dist/src/knowledge/load.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    quiet: { type: 'boolean', default: false },
    'first-sight': { type: 'boolean', default: false },
    note: { type: 'string' },
    batch: { type: 'string' },
  },
});
const batchFile =
  args.batch && args.batch !== '1'
    ? `reports.batch-${args.batch}.yaml`
    : args.batch
      ? 'reports.yaml'
      : undefined;

const kb = defaultKnowledgeBase();
const dirs = {
  tuning: join(root, 'test', 'fixtures', 'captured', 'reports'),
  holdout: join(root, 'test', 'fixtures', 'eval', 'holdout', 'reports'),
};
const pct = (t) => (t.total === 0 ? '-' : `${((100 * t.correct) / t.total).toFixed(1)}%`);
const sets = {};
const counts = {};
for (const [set, dir] of Object.entries(dirs)) {
  const cases = loadCapturedCases(dir).filter((c) => !batchFile || c.file === batchFile);
  const report = evaluate(kb, cases);
  const { total, correct, perLang, perKind, perLangKind } = report;
  const missesByCategory = {};
  for (const m of report.misses)
    missesByCategory[`${m.expected} -> ${m.got}`] = (missesByCategory[`${m.expected} -> ${m.got}`] ?? 0) + 1;
  sets[set] = { total, correct, perLang, perKind, perLangKind, missesByCategory };
  counts[set] = cases.length;
  const kinds = Object.entries(perKind)
    .filter(([, t]) => t.total > 0)
    .map(([k, t]) => `${k} ${t.correct}/${t.total}`)
    .join(', ');
  process.stdout.write(`${set}: ${correct}/${total} ${pct(report)} (${kinds})\n`);
  if (set === 'tuning' && !args.quiet)
    for (const m of report.misses)
      process.stdout.write(`  ${m.source}: expected ${m.expected}, got ${m.got}\n`);
}

if (args['first-sight']) {
  const git = (...a) => execFileSync('git', a, { cwd: root }).toString().trim();
  const commit = git('rev-parse', '--short', 'HEAD');
  const codeBase = git('log', '-1', '--format=%h', '--', 'src', 'knowledge');
  const now = new Date().toISOString();
  const record = {
    source: 'reports',
    date: `${now.slice(0, 10)} ${now.slice(11, 16)} UTC`,
    commit,
    knowledge: `unchanged from the commit named (src/ and knowledge/ of main ${codeBase})`,
    ...(batchFile
      ? { batch: `batch ${args.batch}: fixtures ${batchFile}, labelled and committed before scoring` }
      : {}),
    sets,
    split: {
      by: 'thread: a seeded hash of owner/repo#number (scripts/reports/split.mjs); every text of one thread on one side',
      cases: counts,
    },
    note:
      args.note ??
      'texts pasted in public GitHub issue threads, each labelled (category and reason) in scripts/reports/cases.yaml before popbot ran on any of them',
  };
  const name = batchFile && args.batch !== '1' ? `reports-batch-${args.batch}.json` : 'reports.json';
  writeFileSync(join(root, 'docs', 'first-sight', name), `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(`recorded docs/first-sight/${name} at ${commit}\n`);
}
