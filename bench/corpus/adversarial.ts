import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';

/**
 * Inputs built to make regular expressions backtrack: long runs of one character where a pattern expects
 * something else after it. Each is compared with plain text of the same size; a linear explainer takes
 * about the same time per character whatever the text.
 */
function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function lines(unit: string, width: number, size: number): string {
  return fill(`${fill(unit, width - 1)}\n`, size);
}

export const ADVERSARIAL: Readonly<Record<string, { about: string; make: (size: number) => string }>> = {
  'err-spaces': {
    about: '"-ERR a", a run of spaces, "b" (one reply line)',
    make: (n) => `-ERR a${' '.repeat(Math.max(0, n - 7))}b`,
  },
  'pass-spaces': {
    about: '"C: PASS a", a run of spaces, "b" (password masking)',
    make: (n) => `C: PASS a${' '.repeat(Math.max(0, n - 11))}b`,
  },
  'prose-spaces': {
    about: '"x", a run of spaces, "x" (one prose line)',
    make: (n) => `x${' '.repeat(Math.max(0, n - 2))}x`,
  },
  'space-lines': {
    about: 'lines of 200 spaces then a word',
    make: (n) => fill(`${' '.repeat(200)}word\n`, n),
  },
  brackets: { about: '"[" repeated (one line)', make: (n) => fill('[', n) },
  'err-brackets': { about: '"-ERR [" then "[" repeated', make: (n) => `-ERR ${fill('[', n - 5)}` },
  'log-prefixes': { about: '"[x] " repeated (log prefixes)', make: (n) => fill('[x] ', n) },
  'err-run': { about: '"-ERR " repeated (one line)', make: (n) => fill('-ERR ', n) },
  'err-lines': { about: '"-ERR " repeated, 80-column lines', make: (n) => lines('-ERR ', 80, n) },
  quotes: { about: '"\\" " repeated (quoted wording)', make: (n) => fill('" ', n) },
  angles: { about: '"<" repeated (transcript markers)', make: (n) => fill('<', n) },
  'poll-words': { about: '"poll " repeated (fetchmailrc masking)', make: (n) => fill('poll ', n) },
};

/** Plain text of the same size: the knowledge base's own English explanations, wrapped at 76 columns. */
export function plainText(kb: KnowledgeBase, size: number): string {
  const words = kb.entries.flatMap((e) =>
    `${e.entry.en.meaning} ${e.entry.en.causes.join(' ')}`.split(/\s+/),
  );
  const out: string[] = [];
  let line = '';
  let total = 0;
  for (let i = 0; total < size; i++) {
    const w = words[i % words.length] ?? '';
    if (line.length + w.length + 1 > 76) {
      out.push(line);
      total += line.length + 1;
      line = '';
    }
    line = line ? `${line} ${w}` : w;
  }
  return out.join('\n').slice(0, size);
}
