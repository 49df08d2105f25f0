import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { firstSightFile } from '../../src/cli/kb-eval.js';
import { LANGS } from '../../src/i18n/lang.js';
import {
  CAPTURE_KINDS,
  EVAL_SETS,
  type EvalReport,
  evaluate,
  loadEvalSet,
  percent,
  type Tally,
} from '../../src/knowledge/evaluate.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';
import { projectRoot } from '../../src/knowledge/paths.js';

/**
 * The evaluation figures as Markdown tables for docs/evaluation.md, dated and tied to the commit they were
 * measured on. `--record-first-sight` also stores them (figures only, no texts) as the first-sight
 * baseline that `popbot kb eval` shows beside the current figures: run it once, before any tuning.
 *
 *   npm run capture:figures [-- --record-first-sight]
 */

function commit(): string {
  const root = projectRoot();
  const head = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['-C', root, 'status', '--porcelain', '--', 'src', 'knowledge'], {
    encoding: 'utf8',
  }).trim();
  return dirty ? `${head} (with uncommitted changes in src/ or knowledge/)` : head;
}

const cell = (t: Tally) => (t.total === 0 ? '–' : `${percent(t)} (${t.correct}/${t.total})`);

function table(name: string, r: EvalReport): string {
  const rows = [
    `**${name}**: ${cell(r)}`,
    '',
    `| kind | ${LANGS.join(' | ')} | all |`,
    `|---|${LANGS.map(() => '---').join('|')}|---|`,
    `| (all) | ${LANGS.map((l) => cell(r.perLang[l])).join(' | ')} | ${cell(r)} |`,
  ];
  for (const k of CAPTURE_KINDS)
    if (r.perKind[k].total > 0)
      rows.push(
        `| ${k} | ${LANGS.map((l) => cell(r.perLangKind[l][k])).join(' | ')} | ${cell(r.perKind[k])} |`,
      );
  return rows.join('\n');
}

function main(): void {
  const kb = defaultKnowledgeBase();
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const at = commit();
  const reports = Object.fromEntries(EVAL_SETS.map((s) => [s, evaluate(kb, loadEvalSet(s))])) as Record<
    (typeof EVAL_SETS)[number],
    EvalReport
  >;
  const out = [`Measured ${date} at commit ${at}.`, ''];
  for (const s of EVAL_SETS) out.push(table(s, reports[s]), '');
  process.stdout.write(out.join('\n'));
  if (process.argv.includes('--record-first-sight')) {
    const figures = Object.fromEntries(
      EVAL_SETS.map((s) => {
        const { misses: _misses, ...tallies } = reports[s];
        return [s, tallies];
      }),
    );
    writeFileSync(firstSightFile(), `${JSON.stringify({ date, commit: at, sets: figures }, null, 2)}\n`);
    process.stderr.write(`first-sight figures recorded in ${firstSightFile()}\n`);
  }
}

main();
