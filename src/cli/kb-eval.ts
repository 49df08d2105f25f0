import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../i18n/cli-messages.js';
import type { Lang } from '../i18n/lang.js';
import {
  EVAL_SETS,
  type EvalReport,
  type EvalSet,
  evaluate,
  loadEvalSet,
  renderEvalReport,
} from '../knowledge/evaluate.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { projectRoot } from '../knowledge/paths.js';
import { UsageError } from './io.js';

/**
 * `popbot kb eval`: the explainer's accuracy on the project's own cases, on the captured real texts it may
 * be tuned on, and on the captured holdout it must never be tuned on — with the first-sight figures
 * recorded before any tuning beside them. The holdout's misses are counted, not printed, unless asked
 * (`--holdout-misses`): reading them is tuning on them.
 */

const TITLES: Record<EvalSet, string> = {
  project: 'project eval set (test/fixtures/eval)',
  tuning: 'captured, tuning part (test/fixtures/captured)',
  holdout: 'captured, holdout (test/fixtures/eval/holdout)',
};

/** Figures recorded once, on first sight of the captured data, by the commit named inside. */
export function firstSightFile(root: string = projectRoot()): string {
  return join(root, 'docs', 'evaluation-first-sight.json');
}

/** Later captures (one source folder each) recorded their own first sight, by the code before them. */
function laterFirstSights(root: string): [string, unknown][] {
  const dir = join(root, 'docs', 'first-sight');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown]);
}

interface Options {
  json: boolean;
  sets: string[] | undefined;
  /** Captured sets only from these source folders (dovecot, courier, catalogues…). */
  sources?: string[];
  holdoutMisses: boolean;
  lang: Lang;
  /** Where the sets are (the project root; another one in tests). */
  root?: string;
}

function chosenSets(sets: string[] | undefined, lang: Lang): EvalSet[] {
  if (!sets || sets.length === 0) return [...EVAL_SETS];
  for (const s of sets)
    if (!(EVAL_SETS as readonly string[]).includes(s))
      throw new UsageError(cli.t(lang, 'error.badEvalSet', { value: s }));
  return EVAL_SETS.filter((s) => sets.includes(s));
}

/** The holdout's misses (and false findings) without their texts: what was expected and what came out, counted. */
function hideTexts(r: EvalReport): EvalReport & { missesByCategory?: Record<string, number> } {
  const missesByCategory: Record<string, number> = {};
  for (const m of [...r.misses, ...r.falseFindings.cases]) {
    const key = `${m.expected} -> ${m.got}`;
    missesByCategory[key] = (missesByCategory[key] ?? 0) + 1;
  }
  return { ...r, misses: [], falseFindings: { ...r.falseFindings, cases: [] }, missesByCategory };
}

export function runEval(kb: KnowledgeBase, options: Options): string {
  const root = options.root ?? projectRoot();
  const reports = Object.fromEntries(
    chosenSets(options.sets, options.lang).map((set) => {
      const all = loadEvalSet(set, root);
      const sources = options.sources;
      const cases =
        set === 'project' || !sources
          ? all
          : all.filter((c) => sources.some((s) => c.file.startsWith(`${s}/`)));
      const report = evaluate(kb, cases);
      return [set, set === 'holdout' && !options.holdoutMisses ? hideTexts(report) : report];
    }),
  ) as Partial<Record<EvalSet, ReturnType<typeof hideTexts>>>;
  const firstSight = existsSync(firstSightFile(root))
    ? (JSON.parse(readFileSync(firstSightFile(root), 'utf8')) as unknown)
    : undefined;
  const later = laterFirstSights(root);
  if (options.json)
    return JSON.stringify(
      { sets: reports, firstSight, laterFirstSights: Object.fromEntries(later) },
      null,
      2,
    );
  const blocks: string[] = [];
  for (const set of EVAL_SETS) {
    const r = reports[set];
    if (!r) continue;
    const block = [renderEvalReport(TITLES[set], r, { misses: set !== 'holdout' || options.holdoutMisses })];
    if (r.missesByCategory && r.misses.length === 0 && Object.keys(r.missesByCategory).length > 0) {
      block.push(`  misses by category (texts hidden; --holdout-misses shows them):`);
      for (const [k, n] of Object.entries(r.missesByCategory).sort((a, b) => b[1] - a[1]))
        block.push(`    ${String(n).padStart(4)}  ${k}`);
    }
    blocks.push(block.join('\n'));
  }
  if (firstSight) blocks.push(`first sight, before any tuning:\n${renderFirstSight(firstSight)}`);
  for (const [source, record] of later)
    blocks.push(`first sight of ${source}, before tuning on it:\n${renderFirstSight(record)}`);
  return blocks.join('\n\n');
}

function renderFirstSight(data: unknown): string {
  const fs = data as { date?: string; commit?: string; sets?: Record<string, EvalReport> };
  const lines = [`  recorded ${fs.date ?? '?'} at commit ${fs.commit ?? '?'}`];
  for (const [set, r] of Object.entries(fs.sets ?? {})) {
    const pct = (c: number, t: number) => (t === 0 ? '-' : `${((100 * c) / t).toFixed(1)}%`);
    const langs = Object.entries(r.perLang)
      .map(([l, t]) => `${l} ${pct(t.correct, t.total)}`)
      .join(', ');
    lines.push(`  ${set}: ${r.correct}/${r.total} ${pct(r.correct, r.total)} (${langs})`);
    const ff = r.falseFindings;
    if (ff && ff.total > 0) {
      const perLang = Object.entries(ff.perLang)
        .filter(([, t]) => t.total > 0)
        .map(([l, t]) => `${l} ${t.found}/${t.total}`)
        .join(', ');
      lines.push(`  ${set}, false findings: ${ff.found}/${ff.total} ${pct(ff.found, ff.total)} (${perLang})`);
    }
  }
  return lines.join('\n');
}
