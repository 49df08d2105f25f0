import { expect, it } from 'vitest';
import { classifyByWords } from '../../src/explain/fallback/classify.js';

/** One test per sentence: the fallback reads it, as a program's own line, as the category given. */
export const readsAs = (rows: readonly (readonly [string, string])[]): void =>
  it.each(rows)('%s → %s', (text, category) => {
    expect(classifyByWords(text, 'client').category).toBe(category);
  });
