// Records the first sight of a captured set: `popbot kb eval --source SOURCE` with the code and knowledge as
// they stand (run it BEFORE any change made for these cases), written to docs/first-sight/SOURCE.json in the
// format of the other rounds (kb eval prints it under "first sight of SOURCE"). Holdout misses are counted by
// "expected -> got" only; their texts are never read. Needs `npm run build` first. A set's own script names
// the set and how it was split (scripts/proxies/first-sight.mjs, scripts/libraries-live/first-sight.mjs).
//
// A later batch (`--batch "<what this batch adds>"`: labelled and committed before scoring, the code still
// unchanged) re-records the first sight of the whole set; the earlier records are kept beside it.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });

/** `popbot kb eval --json` of one captured source, tuning and holdout (holdout misses are counted, never shown). */
export function evaluateSource(source) {
  return JSON.parse(
    run('node', [
      'bin/popbot.js',
      'kb',
      'eval',
      '--source',
      source,
      '--set',
      'tuning',
      '--set',
      'holdout',
      '--json',
    ]),
  );
}

/** The short commit of HEAD, the record's `commit`. */
export const headCommit = () => run('git', ['rev-parse', '--short', 'HEAD']).trim();

/** `source`: the set's folder name; `splitBy`: how its holdout was chosen, said in the record. */
export function recordFirstSight(source, splitBy) {
  const evaluated = evaluateSource(source);
  const commit = headCommit();
  const codeBase = run('git', ['log', '-1', '--format=%h', '--', 'src', 'knowledge']).trim();
  const pct = (t) => ({ percent: t.total ? Math.round((1000 * t.correct) / t.total) / 10 : 0, ...t });
  const nonEmpty = (o) => Object.fromEntries(Object.entries(o).filter(([, t]) => t.total > 0));
  const set = (r) => ({
    total: r.total,
    correct: r.correct,
    perLang: r.perLang,
    perKind: nonEmpty(r.perKind),
    perLangKind: Object.fromEntries(Object.entries(r.perLangKind).map(([l, k]) => [l, nonEmpty(k)])),
  });
  const figures = (r) => ({
    all: pct(r),
    perLang: Object.fromEntries(Object.entries(r.perLang).map(([l, t]) => [l, pct(t)])),
    perKind: Object.fromEntries(Object.entries(nonEmpty(r.perKind)).map(([k, t]) => [k, pct(t)])),
  });
  const batch = process.argv.includes('--batch')
    ? process.argv[process.argv.indexOf('--batch') + 1]
    : undefined;
  const now = new Date();
  const tuning = evaluated.sets.tuning;
  const holdout = evaluated.sets.holdout;
  const record = {
    source,
    date: `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    commit,
    knowledge: `unchanged: src/ and knowledge/ as of ${codeBase} (main); the commits after it add only scripts/${source}, the fixtures and this record`,
    ...(batch ? { batch } : {}),
    sets: { tuning: set(tuning), holdout: set(holdout) },
    split: {
      by: splitBy,
      cases: { tuning: tuning.total, holdout: holdout.total },
    },
    firstSight: {
      note: `the code and knowledge of main ${codeBase}, before any change made for these cases`,
      measured: now.toISOString(),
      commit,
      tuning: { ...figures(tuning), missesByCategory: countMisses(tuning.misses) },
      holdout: { ...figures(holdout), missesByCategory: holdout.missesByCategory },
    },
  };
  function countMisses(misses) {
    const out = {};
    for (const m of misses) out[`${m.expected} -> ${m.got}`] = (out[`${m.expected} -> ${m.got}`] ?? 0) + 1;
    return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
  }
  const file = join(root, `docs/first-sight/${source}.json`);
  if (existsSync(file)) {
    const { earlierRecords = [], ...previous } = JSON.parse(readFileSync(file, 'utf8'));
    record.earlierRecords = [
      ...earlierRecords,
      { date: previous.date, commit: previous.commit, batch: previous.batch, sets: previous.sets },
    ];
  }
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  const line = (name, r) =>
    `${name} ${pct(r).percent}% (${r.correct}/${r.total}; ${Object.entries(r.perLang)
      .map(([l, t]) => `${l} ${pct(t).percent}% ${t.correct}/${t.total}`)
      .join(', ')})`;
  console.error(`${line('tuning', tuning)}\n${line('holdout', holdout)}`);
}
