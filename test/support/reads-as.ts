import { expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { classifyByWords, type FallbackKind } from '../../src/explain/fallback/classify.js';

/** One test per sentence: the fallback reads it, as a program's own line (or a server's reply), as the category given. */
export const readsAs = (rows: readonly (readonly [string, string])[], kind: FallbackKind = 'client'): void =>
  it.each(rows)('%s → %s', (text, category) => {
    expect(classifyByWords(text, kind).category).toBe(category);
  });

/** The category popbot answers with, and the words it shows the user as what decided it. */
export const reading = (text: string): { category: string | undefined; words: string[] } => {
  const finding = explain(text, { lang: 'en' }).findings[0];
  return { category: finding?.category, words: classifyByWords(text, 'client').decidedBy };
};
