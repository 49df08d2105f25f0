import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { explain } from '../explain/explain.js';
import { LANGS, type Lang } from '../i18n/lang.js';
import { KnowledgeError } from './errors.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { projectRoot } from './paths.js';

/** The shapes a pasted text comes in; the evaluation reports each separately. */
export const CAPTURE_KINDS = ['line', 'transcript', 'client-output', 'chat', 'server-log'] as const;
export type CaptureKind = (typeof CAPTURE_KINDS)[number];

export const EvalCaseSchema = z.strictObject({
  text: z.string().min(1),
  category: z.string().min(1),
  lang: z.enum(LANGS),
  command: z.string().optional(),
  source: z.string().min(1),
});
const EvalFileSchema = z.strictObject({ cases: z.array(EvalCaseSchema) });

/** A text captured from a real server or client (scripts/capture), its category set by the scenario. */
export const CapturedCaseSchema = z.strictObject({
  id: z.string().min(1),
  text: z.string().min(1),
  category: z.string().min(1),
  lang: z.enum(LANGS),
  kind: z.enum(CAPTURE_KINDS),
  scenario: z.string().min(1),
  tool: z.string().min(1),
  cmdline: z.string().optional(),
  config: z.string().optional(),
  framing: z.string().optional(),
});
const CapturedFileSchema = z.strictObject({
  provenance: z.strictObject({
    captured_by: z.string().min(1),
    date: z.string().min(1),
    server: z.string().min(1),
    server_config: z.string().min(1),
    clients: z.record(z.string(), z.string()),
  }),
  cases: z.array(CapturedCaseSchema),
});

export type EvalCase = z.infer<typeof EvalCaseSchema> & { file: string; kind: CaptureKind };

/**
 * The category of a text that is not a POP error (an SMTP reply, an IMAP reply, a web page, another program's
 * error, a successful session, a chat with no error): popbot should find nothing in it. Such cases are counted
 * as false findings, apart: they never enter the accuracy totals, so figures before them stay comparable.
 */
export const NO_FINDING = 'none';

/** The three sets `kb eval` reports: the project's own, the captured tuning part, the captured holdout. */
export const EVAL_SETS = ['project', 'tuning', 'holdout'] as const;
export type EvalSet = (typeof EVAL_SETS)[number];

export function defaultEvalDir(): string {
  return join(projectRoot(), 'test', 'fixtures', 'eval');
}

export function evalSetDir(set: EvalSet, root: string = projectRoot()): string {
  if (set === 'project') return join(root, 'test', 'fixtures', 'eval');
  if (set === 'tuning') return join(root, 'test', 'fixtures', 'captured');
  return join(root, 'test', 'fixtures', 'eval', 'holdout');
}

function parseFile<T>(schema: z.ZodType<T>, path: string, name: string): T {
  const parsed = schema.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KnowledgeError(`${name}: ${issue?.path.join('.')}: ${issue?.message}`, path);
  }
  return parsed.data;
}

/**
 * The project's own cases (the top-level files only: the holdout below is another set). They carry no
 * kind; it is read from the text's shape.
 */
export function loadEvalCases(dir: string = defaultEvalDir()): EvalCase[] {
  const cases: EvalCase[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const file = parseFile(EvalFileSchema, join(dir, name), name);
    for (const c of file.cases) cases.push({ ...c, file: name, kind: shapeOf(c) });
  }
  return cases;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return name.endsWith('.yaml') ? [path] : [];
    });
}

/** Captured cases under `dir`, every folder down; a missing folder is an empty set. */
export function loadCapturedCases(dir: string): EvalCase[] {
  return yamlFiles(dir).flatMap((path) => {
    const name = relative(dir, path);
    return parseFile(CapturedFileSchema, path, name).cases.map((c) => ({
      text: c.text,
      category: c.category,
      lang: c.lang,
      source: c.id,
      file: name,
      kind: c.kind,
    }));
  });
}

export function loadEvalSet(set: EvalSet, root: string = projectRoot()): EvalCase[] {
  return set === 'project'
    ? loadEvalCases(evalSetDir(set, root))
    : loadCapturedCases(evalSetDir(set, root));
}

/** The shape of a case the project wrote without a kind: a reply to a command, a transcript, a line… */
export function shapeOf(c: { text: string; command?: string | undefined }): CaptureKind {
  if (c.command) return 'line';
  const lines = c.text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length > 1 && lines.some((l) => /^\s*(?:[CS]:\s*)?[+-](?:OK|ERR)\b/.test(l))) return 'transcript';
  if (lines.length === 1 && /^\s*[+-](?:OK|ERR)\b/.test(lines[0]!)) return 'line';
  return 'client-output';
}

/** The text the explainer sees for a case: a case that names its command is a reply to that command. */
export function caseInput(c: { text: string; command?: string | undefined }): string {
  if (!c.command) return c.text;
  // GREETING is no command: the reply is the first line after connecting.
  if (c.command.toUpperCase() === 'GREETING') return `Connected to pop.example.com.\nS: ${c.text.trim()}`;
  return `C: ${c.command}\nS: ${c.text.trim()}`;
}

export interface Tally {
  total: number;
  correct: number;
}

export interface EvalMiss {
  file: string;
  source: string;
  text: string;
  expected: string;
  got: string;
  lang: Lang;
  kind: CaptureKind;
}

/** Texts expected to give no finding, and how many gave one anyway. */
export interface FalseFindingTally {
  total: number;
  found: number;
}

export interface FalseFindings extends FalseFindingTally {
  perLang: Record<Lang, FalseFindingTally>;
  perKind: Record<CaptureKind, FalseFindingTally>;
  perLangKind: Record<Lang, Record<CaptureKind, FalseFindingTally>>;
  /** The texts that gave a finding (`expected` is `none`, `got` the finding's category). */
  cases: EvalMiss[];
}

export interface EvalReport extends Tally {
  perLang: Record<Lang, Tally>;
  perKind: Record<CaptureKind, Tally>;
  /** Language × kind, for the cells a per-language figure hides. */
  perLangKind: Record<Lang, Record<CaptureKind, Tally>>;
  /** Captured sets: per source folder (the server or catalogue captured: dovecot, courier, catalogues…). */
  perSource: Record<string, Record<Lang | 'all', Tally>>;
  misses: EvalMiss[];
  /** The cases expected to give no finding (category `none`), outside every figure above. */
  falseFindings: FalseFindings;
}

/** The folder a captured case comes from, the first part of its file's path; none for the project set. */
function sourceOf(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  return parts.length > 1 ? parts[0] : undefined;
}

const tallies = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, { total: 0, correct: 0 }])) as Record<K, Tally>;
const negativeTallies = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, { total: 0, found: 0 }])) as Record<K, FalseFindingTally>;

function emptyFalseFindings(): FalseFindings {
  return {
    total: 0,
    found: 0,
    perLang: negativeTallies(LANGS),
    perKind: negativeTallies(CAPTURE_KINDS),
    perLangKind: Object.fromEntries(
      LANGS.map((l) => [l, negativeTallies(CAPTURE_KINDS)]),
    ) as FalseFindings['perLangKind'],
    cases: [],
  };
}

/** What a case is scored on: the first finding's category, or the outcome when there is none. */
export function topCategory(text: string, kb: KnowledgeBase): string {
  const result = explain(text, { lang: 'en' }, kb);
  return result.findings[0]?.category ?? `(${result.outcome})`;
}

/** Top-category accuracy of the explainer over the cases, per language, per kind and per both. */
export function evaluate(kb: KnowledgeBase, cases: readonly EvalCase[]): EvalReport {
  const report: EvalReport = {
    total: 0,
    correct: 0,
    perLang: tallies(LANGS),
    perKind: tallies(CAPTURE_KINDS),
    perLangKind: Object.fromEntries(LANGS.map((l) => [l, tallies(CAPTURE_KINDS)])) as EvalReport['perLangKind'],
    perSource: {},
    misses: [],
    falseFindings: emptyFalseFindings(),
  };
  for (const c of cases) {
    const got = topCategory(caseInput(c), kb);
    if (c.category === NO_FINDING) {
      countFalseFinding(report.falseFindings, c, got);
      continue;
    }
    const ok = got === c.category;
    const source = sourceOf(c.file);
    const bySource = source ? (report.perSource[source] ??= tallies([...LANGS, 'all'] as const)) : undefined;
    const counted = [report, report.perLang[c.lang], report.perKind[c.kind], report.perLangKind[c.lang][c.kind]];
    if (bySource) counted.push(bySource[c.lang], bySource.all);
    for (const t of counted) {
      t.total++;
      if (ok) t.correct++;
    }
    if (!ok)
      report.misses.push({
        file: c.file,
        source: c.source,
        text: c.text,
        expected: c.category,
        got,
        lang: c.lang,
        kind: c.kind,
      });
  }
  return report;
}

/** A case expected to give no finding: counted, and kept when it gave one (its got is a category, not an outcome). */
function countFalseFinding(ff: FalseFindings, c: EvalCase, got: string): void {
  const found = !got.startsWith('(');
  for (const t of [ff, ff.perLang[c.lang], ff.perKind[c.kind], ff.perLangKind[c.lang][c.kind]]) {
    t.total++;
    if (found) t.found++;
  }
  if (found)
    ff.cases.push({ file: c.file, source: c.source, text: c.text, expected: NO_FINDING, got, lang: c.lang, kind: c.kind });
}

export const percent = (t: Tally): string => (t.total === 0 ? '-' : `${((100 * t.correct) / t.total).toFixed(1)}%`);

/** A report as a terminal table: kinds down, languages across; then the misses unless told not to. */
export function renderEvalReport(name: string, r: EvalReport, options: { misses: boolean }): string {
  const cell = (t: Tally) => (t.total === 0 ? '-' : `${t.correct}/${t.total} ${percent(t)}`).padEnd(17);
  const lines = [
    `${name}: ${cell(r).trimEnd()}`,
    `  ${'kind'.padEnd(14)} ${[...LANGS, 'all'].map((l) => l.padEnd(17)).join(' ')}`.trimEnd(),
    `  ${'(all)'.padEnd(14)} ${[...LANGS.map((l) => cell(r.perLang[l])), cell(r)].join(' ')}`.trimEnd(),
  ];
  for (const k of CAPTURE_KINDS) {
    if (r.perKind[k].total === 0) continue;
    const row = [...LANGS.map((l) => cell(r.perLangKind[l][k])), cell(r.perKind[k])];
    lines.push(`  ${k.padEnd(14)} ${row.join(' ')}`.trimEnd());
  }
  const sources = Object.keys(r.perSource ?? {}).sort();
  if (sources.length > 1) {
    lines.push(`  ${'source'.padEnd(14)} ${[...LANGS, 'all'].map((l) => l.padEnd(17)).join(' ')}`.trimEnd());
    for (const source of sources) {
      const t = r.perSource[source]!;
      lines.push(`  ${source.padEnd(14)} ${[...LANGS.map((l) => cell(t[l])), cell(t.all)].join(' ')}`.trimEnd());
    }
  }
  lines.push(...renderFalseFindings(r.falseFindings, options));
  if (options.misses && r.misses.length > 0) {
    lines.push(`  misses (${r.misses.length}):`);
    for (const m of r.misses)
      lines.push(
        `    [${m.source} ${m.lang} ${m.kind}] expected ${m.expected}, got ${m.got}: ${JSON.stringify(m.text.slice(0, 160))}`,
      );
  }
  return lines.join('\n');
}

/** The false-finding rows (texts that are not POP errors, given a finding), per kind and language, apart. */
function renderFalseFindings(ff: FalseFindings | undefined, options: { misses: boolean }): string[] {
  if (!ff || ff.total === 0) return [];
  const cell = (t: FalseFindingTally) =>
    (t.total === 0 ? '-' : `${t.found}/${t.total} ${((100 * t.found) / t.total).toFixed(1)}%`).padEnd(17);
  const lines = [
    `  false findings (texts that are not POP errors given a finding; not in the figures above): ${cell(ff).trimEnd()}`,
    `  ${'(all)'.padEnd(14)} ${[...LANGS.map((l) => cell(ff.perLang[l])), cell(ff)].join(' ')}`.trimEnd(),
  ];
  for (const k of CAPTURE_KINDS) {
    if (ff.perKind[k].total === 0) continue;
    lines.push(`  ${k.padEnd(14)} ${[...LANGS.map((l) => cell(ff.perLangKind[l][k])), cell(ff.perKind[k])].join(' ')}`.trimEnd());
  }
  if (options.misses)
    for (const m of ff.cases)
      lines.push(`    [${m.source} ${m.lang} ${m.kind}] expected no finding, got ${m.got}: ${JSON.stringify(m.text.slice(0, 160))}`);
  return lines;
}
