// Records the first sight of the server-log round three ("logs-more"): `popbot kb eval --source logs-more` with
// the code and knowledge as they stood before it (run it BEFORE any change made for these cases), written to
// docs/first-sight/logs-more.json in the format of the other rounds, with figures per server and per log format.
// Holdout misses are counted by "expected -> got" only; their texts are never read.
//
//   node scripts/logs/first-sight-more.mjs [code-root]
//
// code-root: a checkout of the commit to score (built with `npm run build`) holding this round's fixtures; by
// default this worktree. The record names that checkout's commit.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const codeRoot = resolve(process.argv[2] ?? root);
const run = (cwd, cmd, args) => execFileSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
const popbot = (args) => run(codeRoot, 'node', ['bin/popbot.js', ...args]);
const evaluate = (set) =>
  JSON.parse(popbot(['kb', 'eval', '--source', 'logs-more', '--set', set, '--json'])).sets[set];
const tuning = evaluate('tuning');
const holdout = evaluate('holdout');
const commit = run(codeRoot, 'git', ['rev-parse', '--short', 'HEAD']).trim();
const config = parse(readFileSync(join(root, 'scripts/logs/cases-more.yaml'), 'utf8'));

const pct = (t) => ({ percent: t.total ? Math.round((1000 * t.correct) / t.total) / 10 : 0, ...t });
const nonEmpty = (o) => Object.fromEntries(Object.entries(o).filter(([, t]) => t.total > 0));
const set = (r) => ({
  total: r.total,
  correct: r.correct,
  perLang: r.perLang,
  perKind: nonEmpty(r.perKind),
  perLangKind: Object.fromEntries(Object.entries(r.perLangKind).map(([l, k]) => [l, nonEmpty(k)])),
});

/**
 * Per server and per format: from the case ids ("logs-more/<server>/<event…>/<format>[/chat-xx]") of the
 * fixtures and the misses' ids. On the holdout, misses carry no id: only totals there.
 */
function breakdown(side, report) {
  const dir = join(
    codeRoot,
    side === 'tuning' ? 'test/fixtures/captured/logs-more' : 'test/fixtures/eval/holdout/logs-more',
  );
  const cases = Object.keys(config.servers).flatMap((s) =>
    existsSync(join(dir, `${s}.yaml`)) ? parse(readFileSync(join(dir, `${s}.yaml`), 'utf8')).cases : [],
  );
  const missed = new Set((report.misses ?? []).map((m) => m.source ?? m.id));
  const format = (id) =>
    id
      .split('/')
      .filter((p) => !p.startsWith('chat-'))
      .at(-1);
  const tally = (key) => {
    const t = {};
    for (const c of cases) {
      const k = key(c);
      t[k] ??= { total: 0, ...(side === 'tuning' ? { correct: 0 } : {}) };
      t[k].total++;
      if (side === 'tuning' && !missed.has(c.id)) t[k].correct++;
    }
    return t;
  };
  return { perServer: tally((c) => c.scenario.split('/')[0]), perFormat: tally((c) => format(c.id)) };
}

const now = new Date();
const record = {
  source: 'logs-more',
  date: `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  commit,
  knowledge: `unchanged: src/ and knowledge/ are main ${commit}, scored with this round's fixtures copied into a checkout of it`,
  sets: { tuning: set(tuning), holdout: set(holdout) },
  split: {
    by: `server and scenario: each server's scenarios ranked by a seeded hash of "more/<server>/<scenario>" (seed ${config.holdout.seed}), the first ${config.holdout.share * 100} % held out (scripts/logs/extract-more.mjs); every event, format and chat of one scenario on one side`,
    cases: { tuning: tuning.total, holdout: holdout.total },
  },
  firstSight: {
    note: `the code and knowledge of main ${commit}, before any change made for these cases`,
    measured: now.toISOString(),
    commit,
    tuning: {
      all: pct(tuning),
      perLang: Object.fromEntries(Object.entries(tuning.perLang).map(([l, t]) => [l, pct(t)])),
      ...breakdown('tuning', tuning),
    },
    holdout: {
      all: pct(holdout),
      perLang: Object.fromEntries(Object.entries(holdout.perLang).map(([l, t]) => [l, pct(t)])),
      missesByCategory: holdout.missesByCategory,
      ...breakdown('holdout', holdout),
    },
  },
};
// A batch added later re-records the whole first sight; the earlier records are kept beside it.
const file = join(root, 'docs/first-sight/logs-more.json');
if (existsSync(file)) {
  const { earlierRecords = [], ...previous } = JSON.parse(readFileSync(file, 'utf8'));
  record.earlierRecords = [
    ...earlierRecords,
    { date: previous.date, commit: previous.commit, sets: previous.sets },
  ];
}
writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
const line = (name, r) =>
  `${name} ${pct(r).percent}% (${r.correct}/${r.total}: ${Object.entries(r.perLang)
    .map(([l, t]) => `${l} ${t.correct}/${t.total}`)
    .join(', ')})`;
console.error(`${line('tuning', tuning)}; ${line('holdout', holdout)}`);
