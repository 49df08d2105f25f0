import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS } from '../../../src/i18n/lang.js';
import {
  CAPTURE_KINDS,
  type EvalReport,
  evaluate,
  evalSetDir,
  loadCapturedCases,
  percent,
  type Tally,
} from '../../../src/knowledge/evaluate.js';
import { defaultKnowledgeBase } from '../../../src/knowledge/load.js';
import { projectRoot } from '../../../src/knowledge/paths.js';

/**
 * The figures of the Cyrus capture alone: its tuning part and its holdout, per language and per kind.
 * The holdout's misses are never printed (counted by "expected → got" only). `--record-first-sight`
 * writes them to docs/first-sight/cyrus.json: run it once, before any change to the knowledge.
 *
 *   tsc -p scripts/capture/tsconfig.json && node dist/capture/scripts/capture/servers/cyrus-figures.js
 */

const root = projectRoot();
const kb = defaultKnowledgeBase();
const reports = {
  tuning: evaluate(kb, loadCapturedCases(join(evalSetDir('tuning', root), 'cyrus'))),
  holdout: evaluate(kb, loadCapturedCases(join(evalSetDir('holdout', root), 'cyrus'))),
};

const cell = (t: Tally) => (t.total === 0 ? '–' : `${percent(t)} (${t.correct}/${t.total})`);
const strip = (r: EvalReport) => ({
  total: r.total,
  correct: r.correct,
  perLang: r.perLang,
  perKind: r.perKind,
  perLangKind: r.perLangKind,
});

for (const [name, r] of Object.entries(reports)) {
  const lines = [`${name}: ${cell(r)}`, `  ${['kind', ...LANGS, 'all'].join(' | ')}`];
  lines.push(`  (all) | ${LANGS.map((l) => cell(r.perLang[l])).join(' | ')} | ${cell(r)}`);
  for (const k of CAPTURE_KINDS)
    if (r.perKind[k].total > 0)
      lines.push(
        `  ${k} | ${LANGS.map((l) => cell(r.perLangKind[l][k])).join(' | ')} | ${cell(r.perKind[k])}`,
      );
  const byPair = new Map<string, number>();
  for (const m of r.misses)
    byPair.set(`${m.expected} → ${m.got}`, (byPair.get(`${m.expected} → ${m.got}`) ?? 0) + 1);
  lines.push(`  misses: ${[...byPair].map(([p, n]) => `${p} ×${n}`).join(', ') || 'none'}`);
  if (name === 'tuning' && process.argv.includes('--misses'))
    for (const m of r.misses)
      lines.push(
        `  --- ${m.file} [${m.lang} ${m.kind}] ${m.expected} → ${m.got}\n${m.text.replace(/^/gm, '    ')}`,
      );
  process.stdout.write(`${lines.join('\n')}\n`);
}

const firstSightFile = join(root, 'docs', 'first-sight', 'cyrus.json');
const head = () =>
  execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const now = () => `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;

if (process.argv.includes('--record-first-sight')) {
  const doc = {
    what: 'First-sight figures of the Cyrus pop3d capture (test/fixtures/captured/cyrus, test/fixtures/eval/holdout/cyrus), before any change to the knowledge',
    date: now(),
    commit: head(),
    sets: { tuning: strip(reports.tuning), holdout: strip(reports.holdout) },
  };
  mkdirSync(join(root, 'docs', 'first-sight'), { recursive: true });
  writeFileSync(firstSightFile, `${JSON.stringify(doc, null, 2)}\n`);
}

/**
 * `--record=relabelled`: the same knowledge, the capture re-run after scenario labels were corrected to
 * what the texts show (scripts/capture/servers/cyrus-scenarios.ts: quiet curl/fetchmail, log excerpts).
 * `--record=after`: after the knowledge edits made on the tuning part.
 */
const RECORDED: Record<string, string> = {
  relabelled: 'Knowledge unchanged; labels corrected to what the text shows, capture re-run (same split)',
  after:
    'After the knowledge edits made on the tuning part; capture re-run with two more scenarios (same split)',
};
const record = process.argv.find((a) => a.startsWith('--record='))?.slice(9);
if (record && RECORDED[record]) {
  const doc = JSON.parse(readFileSync(firstSightFile, 'utf8')) as Record<string, unknown>;
  doc[record] = {
    what: RECORDED[record],
    date: now(),
    commit: head(),
    sets: { tuning: strip(reports.tuning), holdout: strip(reports.holdout) },
  };
  writeFileSync(firstSightFile, `${JSON.stringify(doc, null, 2)}\n`);
}
