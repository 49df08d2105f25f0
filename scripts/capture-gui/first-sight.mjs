// Records the first sight of a desktop set's texts in docs/first-sight/NAME.json (NAME gui, the first set,
// or gui-more, the second): the texts scored by `kb eval` (its evaluate() over test/fixtures/captured/NAME
// and test/fixtures/eval/holdout/NAME, per language, kind and client), with the code and knowledge of the
// branch point, never tuned. Each capture batch adds
// its own record (the cases new in that batch) to `batches`; `sets` is the whole capture so far.
// The screenshots' figures come from score-images.mjs (--images=FILE, its JSON output).
//
//   npm run build && node scripts/capture-gui/first-sight.mjs [--name=gui-more] --batch="what was added"
//     [--images=FILE] [--knowledge="unchanged: …"]
//
// Prints counts only: no holdout text, no holdout answer.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { evaluate, loadCapturedCases, evalSetDir } = await import(
  join(root, 'dist/src/knowledge/evaluate.js')
);
const { defaultKnowledgeBase } = await import(join(root, 'dist/src/knowledge/load.js'));
const arg = (n) => process.argv.find((a) => a.startsWith(`--${n}=`))?.slice(n.length + 3);
const name = arg('name') ?? 'gui';
const out = join(root, `docs/first-sight/${name}.json`);
const previous = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
const kb = defaultKnowledgeBase();
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
// Counts only: a report's misses (texts and answers) never reach the record or the terminal.
const pct = ({ total, correct }) => ({
  total,
  correct,
  percent: total ? Math.round((1000 * correct) / total) / 10 : null,
});
const strip = ({ total, correct, perLang, perKind, perLangKind }) => ({
  total,
  correct,
  perLang,
  perKind,
  perLangKind,
});

const known = new Set(previous?.batches?.flatMap((b) => b.caseIds ?? []) ?? []);
const sets = {};
const batch = {
  name: arg('batch') ?? 'capture',
  measured: new Date().toISOString(),
  commit,
  sets: {},
  caseIds: [],
};
for (const set of ['tuning', 'holdout']) {
  const cases = loadCapturedCases(evalSetDir(set, root)).filter((c) => c.file.startsWith(`${name}/`));
  const report = evaluate(kb, cases);
  sets[set] = strip(report);
  sets[set].perClient = Object.fromEntries(
    [...new Set(cases.map((c) => c.file))].map((f) => {
      const r = evaluate(
        kb,
        cases.filter((c) => c.file === f),
      );
      return [
        f.slice(name.length + 1).replace(/\.yaml$/, ''),
        { ...pct(r), perLang: Object.fromEntries(Object.entries(r.perLang).map(([l, t]) => [l, pct(t)])) },
      ];
    }),
  );
  const fresh = cases.filter((c) => !known.has(c.source));
  batch.caseIds.push(...fresh.map((c) => c.source));
  const r = evaluate(kb, fresh);
  batch.sets[set] = {
    all: pct(r),
    perLang: Object.fromEntries(Object.entries(r.perLang).map(([l, t]) => [l, pct(t)])),
  };
}
if (arg('images')) batch.images = JSON.parse(readFileSync(arg('images'), 'utf8'));
const record = {
  source: name,
  date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  commit,
  knowledge:
    arg('knowledge') ??
    previous?.knowledge ??
    'unchanged: src/ and knowledge/ are main e5073d9 (this branch changes only scripts/capture-gui, the gui fixtures and docs)',
  sets,
  split: {
    by: `scenario: a seeded sha256 of the scenario id (scripts/capture-gui/build.ts, seed popbot-${name}-holdout-2026-12-07, share 0.4); every client and language of one scenario on one side`,
  },
  batches: [...(previous?.batches ?? []), batch],
};
writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
const show = (s) =>
  `${s.correct}/${s.total} (${['en', 'fr', 'vi'].map((l) => `${l} ${s.perLang[l].correct}/${s.perLang[l].total}`).join(', ')})`;
process.stdout.write(
  `tuning ${show(sets.tuning)}\nholdout ${show(sets.holdout)}\nbatch: ${batch.caseIds.length} new cases\n`,
);
