import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { MAX_MATCH_CHARS } from '../../src/explain/match.js';
import { caseInput } from '../../src/knowledge/evaluate.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';

const kb = loadKnowledgeBase();

describe('every example of every entry', () => {
  for (const { entry } of kb.entries) {
    it(`${entry.id}: its examples are explained as ${entry.id} first`, () => {
      for (const example of entry.examples) {
        const result = explain(caseInput(example), { lang: 'en' }, kb);
        const first = result.findings[0];
        expect(first?.entry, `${JSON.stringify(example.text)} (${example.source})`).toBe(entry.id);
        expect(first?.category).toBe(entry.category);
      }
    });
  }
});

describe('every pattern against adversarial input', () => {
  const adversarial = [
    ' '.repeat(MAX_MATCH_CHARS),
    '['.repeat(MAX_MATCH_CHARS),
    'a'.repeat(MAX_MATCH_CHARS),
    '-err '.repeat(MAX_MATCH_CHARS / 5),
    'ab '.repeat(MAX_MATCH_CHARS / 3),
    `${'x'.repeat(MAX_MATCH_CHARS - 1)}!`,
    '0x800ccc'.repeat(MAX_MATCH_CHARS / 8),
  ];
  it('each pattern finishes quickly on 600-character worst cases', () => {
    const slow: string[] = [];
    for (const compiled of kb.entries) {
      for (const re of compiled.patterns) {
        const start = performance.now();
        for (const text of adversarial) re.test(text);
        // Generous: a linear pattern takes microseconds; catastrophic backtracking takes seconds.
        if (performance.now() - start > 50) slow.push(`${compiled.entry.id}: ${re.source}`);
      }
    }
    expect(slow).toEqual([]);
  });
});
