import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS } from '../../../src/i18n/lang.js';
import {
  CAPTURE_KINDS,
  type EvalReport,
  evalSetDir,
  evaluate,
  loadCapturedCases,
  percent,
  type Tally,
} from '../../../src/knowledge/evaluate.js';
import { defaultKnowledgeBase } from '../../../src/knowledge/load.js';
import { projectRoot } from '../../../src/knowledge/paths.js';

/**
 * The figures of one captured source (the Courier capture by default), tuning part and holdout apart, per
 * language and per kind — never a holdout text. `--record-first-sight` stores them as that source's
 * first-sight baseline (docs/first-sight/<source>.json): run it once, before any change to the knowledge.
 *
 *   node dist/capture/scripts/capture/servers/courier-figures.js [--source=courier] [--record-first-sight]
 */

const source = process.argv.find((a) => a.startsWith('--source='))?.slice(9) ?? 'courier';
const cell = (t: Tally) => (t.total === 0 ? '–' : `${percent(t)} (${t.correct}/${t.total})`);

function table(name: string, r: EvalReport, kinds: boolean): string {
  const rows = [
    `**${name}**: ${cell(r)}`,
    '',
    `| kind | ${LANGS.join(' | ')} | all |`,
    `|---|${LANGS.map(() => '---').join('|')}|---|`,
    `| (all) | ${LANGS.map((l) => cell(r.perLang[l])).join(' | ')} | ${cell(r)} |`,
  ];
  if (kinds)
    for (const k of CAPTURE_KINDS)
      if (r.perKind[k].total > 0)
        rows.push(
          `| ${k} | ${LANGS.map((l) => cell(r.perLangKind[l][k])).join(' | ')} | ${cell(r.perKind[k])} |`,
        );
  return rows.join('\n');
}

function main(): void {
  const root = projectRoot();
  const kb = defaultKnowledgeBase();
  const sets = {
    tuning: evaluate(kb, loadCapturedCases(join(evalSetDir('tuning', root), source))),
    holdout: evaluate(kb, loadCapturedCases(join(evalSetDir('holdout', root), source))),
  };
  const head = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  process.stdout.write(
    [
      `${source}, measured ${date} at commit ${head}.`,
      '',
      table(`${source} tuning`, sets.tuning, true),
      '',
      // Per kind the holdout's cells are small enough to say which texts missed: totals per language only.
      table(`${source} holdout`, sets.holdout, process.argv.includes('--first-sight-kinds')),
      '',
    ].join('\n'),
  );
  if (process.argv.includes('--record-first-sight')) {
    const figures = Object.fromEntries(
      Object.entries(sets).map(([name, r]) => {
        const { misses: _misses, ...tallies } = r;
        return [name, tallies];
      }),
    );
    const dir = join(root, 'docs', 'first-sight');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${source}.json`),
      `${JSON.stringify({ source, date, commit: head, knowledge: 'unchanged from the commit named', sets: figures }, null, 2)}\n`,
    );
    process.stderr.write(`first-sight figures recorded in docs/first-sight/${source}.json\n`);
  }
  if (process.argv.includes('--tuning-misses'))
    for (const m of sets.tuning.misses)
      process.stdout.write(
        `--- ${m.source} [${m.kind}/${m.lang}] expected ${m.expected}, got ${m.got}\n${m.text}\n`,
      );
}

main();
