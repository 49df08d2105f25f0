import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { caseInput, loadEvalCases } from '../../src/knowledge/evaluate.js';

/**
 * The evaluation cases, pasted the ways chat and mail mangle text: the explainer must find the same category
 * through code fences, e-mail quoting, inline code, timestamps, CRLF, indentation and the user's own words.
 */
const mutations: Record<string, (text: string) => string> = {
  'a code fence': (t) => `\`\`\`\n${t}\n\`\`\``,
  'e-mail quoting (> on every line)': (t) => t.replace(/^/gm, '> '),
  'inline code on every line': (t) => t.replace(/^(.*)$/gm, '`$1`'),
  'a timestamp on every line': (t) => t.replace(/^/gm, '2026-11-22 10:00:00 '),
  'CRLF line ends': (t) => t.replace(/\n/g, '\r\n'),
  indentation: (t) => t.replace(/^/gm, '    '),
  'a French question around it': (t) => `Bonjour, j'ai ce message d'erreur :\n${t}\nMerci de votre aide`,
  'a Vietnamese question around it': (t) => `Chào anh, em bị lỗi này:\n${t}\nAnh giúp em với ạ`,
  'a mail signature after it': (t) => `${t}\n\nSent from my iPhone`,
  'HTML entities (a web form or ticket system)': (t) =>
    t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  'non-breaking spaces': (t) => t.replace(/ /g, '\u00a0'),
  'list bullets': (t) => t.replace(/^/gm, '\u2022 '),
};

/** Newlines lost altogether: prose around a quoted reply then runs into the transcript, so some cases go. */
const flattened = (t: string) => t.replace(/\r?\n/g, ' ');

describe('eval cases survive the ways pastes get mangled', () => {
  const cases = loadEvalCases();
  for (const [name, mutate] of Object.entries(mutations)) {
    it(name, () => {
      const misses = cases
        .map((c) => ({ c, got: explain(mutate(caseInput(c)), { lang: 'en' }).findings[0]?.category }))
        .filter(({ c, got }) => got !== c.category)
        .map(({ c, got }) => `${c.category} -> ${got}: ${JSON.stringify(c.text.slice(0, 80))}`);
      // A few misses are tolerated so that a new entry does not fail this test for a corner case; the
      // list is printed to look at.
      expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(Math.ceil(cases.length * 0.01));
    });
  }

  it('a transcript flattened onto one line is split at its markers again', () => {
    const misses = cases.filter(
      (c) => explain(flattened(caseInput(c)), { lang: 'en' }).findings[0]?.category !== c.category,
    );
    expect(misses.length).toBeLessThanOrEqual(Math.ceil(cases.length * 0.05));
    const one = explain('C: USER joe S: +OK C: PASS hunter2 S: -ERR [AUTH] Authentication failed.');
    expect(one.findings[0]).toMatchObject({ category: 'auth.failed', command: 'PASS ****' });
    expect(JSON.stringify(one)).not.toContain('hunter2');
  });
});
