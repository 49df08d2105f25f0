// Records the first sight of the negatives set: how many of its texts (none of them a POP error) popbot gives
// a finding, with the code and knowledge unchanged, per language and kind, tuning and holdout; written to
// docs/first-sight/negatives.json (`kb eval` prints it under "first sight of negatives"). The holdout's false
// findings are counted by "none -> got" only; their texts are never read. Needs `npm run build` first.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateSource, headCommit } from '../first-sight/record.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
const evaluated = evaluateSource('negatives');
const nonEmpty = (o) => Object.fromEntries(Object.entries(o).filter(([, t]) => t.total > 0));
const figures = (ff) => ({
  total: ff.total,
  found: ff.found,
  perLang: nonEmpty(ff.perLang),
  perKind: nonEmpty(ff.perKind),
  perLangKind: Object.fromEntries(Object.entries(ff.perLangKind).map(([l, k]) => [l, nonEmpty(k)])),
});
const counted = (list) => {
  const out = {};
  for (const m of list) out[`${m.expected} -> ${m.got}`] = (out[`${m.expected} -> ${m.got}`] ?? 0) + 1;
  return out;
};
const set = (r, withIds) => ({
  total: r.total,
  correct: r.correct,
  perLang: r.perLang,
  falseFindings: {
    ...figures(r.falseFindings),
    byGot: withIds ? counted(r.falseFindings.cases) : r.missesByCategory,
    ...(withIds ? { ids: r.falseFindings.cases.map((m) => m.source) } : {}),
  },
});
const commit = headCommit();
const codeBase = run('git', ['log', '-1', '--format=%h', '--', 'src/explain', 'knowledge']).trim();
const record = {
  source: 'negatives',
  date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  commit,
  knowledge: `unchanged: src/explain and knowledge/ as of ${codeBase} (main); the commits after it add the negatives data, scripts/negatives and the evaluation's "expected: no finding"`,
  note: 'every case expects no finding: the figure is the false-finding rate (found/total), lower is better; accuracy totals are 0/0 by construction',
  sets: {
    tuning: set(evaluated.sets.tuning, true),
    holdout: set(evaluated.sets.holdout, false),
  },
  split: {
    by: 'unit (a program, a reply wording, a thread, a fail2ban log file), seed popbot-negatives-holdout-2026-12, 40 %',
    cases: {
      tuning: evaluated.sets.tuning.falseFindings.total,
      holdout: evaluated.sets.holdout.falseFindings.total,
    },
  },
};
writeFileSync(join(root, 'docs/first-sight/negatives.json'), `${JSON.stringify(record, null, 2)}\n`);
const line = (name, ff) =>
  `${name}: ${ff.found}/${ff.total} false findings (${Object.entries(ff.perLang)
    .map(([l, t]) => `${l} ${t.found}/${t.total}`)
    .join(', ')})`;
console.log(line('tuning', record.sets.tuning.falseFindings));
console.log(line('holdout', record.sets.holdout.falseFindings));
