import { expect, it } from 'vitest';
import { classifyByWords, type FallbackKind } from '../../src/explain/fallback/classify.js';

/** One test per sentence: the fallback reads it, as a program's own line (or a server's reply), as the category given. */
export const readsAs = (rows: readonly (readonly [string, string])[], kind: FallbackKind = 'client'): void =>
  it.each(rows)('%s → %s', (text, category) => {
    expect(classifyByWords(text, kind).category).toBe(category);
  });
