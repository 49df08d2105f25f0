import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { explain } from '../explain/explain.js';
import { LANGS, type Lang } from '../i18n/lang.js';
import { KnowledgeError } from './errors.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { projectRoot } from './paths.js';

export const EvalCaseSchema = z.strictObject({
  text: z.string().min(1),
  category: z.string().min(1),
  lang: z.enum(LANGS),
  command: z.string().optional(),
  source: z.string().min(1),
});
const EvalFileSchema = z.strictObject({ cases: z.array(EvalCaseSchema) });
export type EvalCase = z.infer<typeof EvalCaseSchema> & { file: string };

export function defaultEvalDir(): string {
  return join(projectRoot(), 'test', 'fixtures', 'eval');
}

export function loadEvalCases(dir: string = defaultEvalDir()): EvalCase[] {
  const cases: EvalCase[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const parsed = EvalFileSchema.safeParse(parseYaml(readFileSync(join(dir, name), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new KnowledgeError(`${name}: ${issue?.path.join('.')}: ${issue?.message}`, join(dir, name));
    }
    for (const c of parsed.data.cases) cases.push({ ...c, file: name });
  }
  return cases;
}

/** The text the explainer sees for a case: a case that names its command is a reply to that command. */
export function caseInput(c: { text: string; command?: string | undefined }): string {
  if (!c.command) return c.text;
  // GREETING is no command: the reply is the first line after connecting.
  if (c.command.toUpperCase() === 'GREETING') return `Connected to pop.example.com.\nS: ${c.text.trim()}`;
  return `C: ${c.command}\nS: ${c.text.trim()}`;
}

export interface EvalReport {
  total: number;
  correct: number;
  perLang: Record<Lang, { total: number; correct: number }>;
  misses: { file: string; text: string; expected: string; got: string; lang: Lang }[];
}

/** Top-category accuracy of the explainer over the evaluation cases, per language. */
export function evaluate(kb: KnowledgeBase, cases: readonly EvalCase[]): EvalReport {
  const perLang = Object.fromEntries(
    LANGS.map((l) => [l, { total: 0, correct: 0 }]),
  ) as EvalReport['perLang'];
  const misses: EvalReport['misses'] = [];
  let correct = 0;
  for (const c of cases) {
    const result = explain(caseInput(c), { lang: 'en' }, kb);
    const got = result.findings[0]?.category ?? `(${result.outcome})`;
    perLang[c.lang].total++;
    if (got === c.category) {
      correct++;
      perLang[c.lang].correct++;
    } else {
      misses.push({ file: c.file, text: c.text, expected: c.category, got, lang: c.lang });
    }
  }
  return { total: cases.length, correct, perLang, misses };
}
