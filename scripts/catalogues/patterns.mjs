// The pattern and the example text apply.mjs derives from a catalogue message; the holdout test derives the
// same to prove no holdout message gave one. The normalizer is a parameter: apply.mjs passes the built one,
// the tests the source's.

import { PLACEHOLDER } from './catalogue-formats.mjs';

const HOLE = '\u0001';
const WILDCARD = '.{1,80}';
const MAX_PATTERN = 110;

/** What a user sees: the placeholders filled with plausible values. */
const SAMPLE_TEXTS = ['pop.example.net', 'mail.example.org', 'user@example.net'];

export function render(text) {
  let strings = 0;
  return text
    .replace(PLACEHOLDER, (p) =>
      /[diuxX]$/.test(p) ? '2' : /f$/.test(p) ? '1.50' : SAMPLE_TEXTS[strings++ % SAMPLE_TEXTS.length],
    )
    .replace(/\s+/g, ' ')
    .trim();
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern from a catalogue text: its words, placeholders as bounded wildcards, French spacing optional. */
export function patternFor(text, normalizeForMatch) {
  const folded = normalizeForMatch(text.replace(PLACEHOLDER, HOLE));
  const parts = folded
    .split(HOLE)
    .map((p) => p.trim())
    .filter((p, i, all) => p !== '' || (i > 0 && i < all.length - 1));
  let pattern = '';
  for (const [i, part] of parts.entries()) {
    let piece = escape(part).replace(/ ([:;!?])/g, ' ?$1');
    if (i > 0) pattern += ` ?${WILDCARD} ?`;
    if (pattern.length + piece.length > MAX_PATTERN) {
      const room = Math.max(MAX_PATTERN - pattern.length, 24);
      const cut = piece.lastIndexOf(' ', room);
      piece = piece.slice(0, cut > 12 ? cut : room).replace(/\\$/, '');
      pattern += piece;
      break;
    }
    pattern += piece;
  }
  // A pattern ends on words: no trailing wildcard, punctuation or optional space.
  let previous;
  while (previous !== pattern) {
    previous = pattern;
    pattern = pattern
      .replace(/ \?\.\{1,80\}( \?)?$/, '')
      .replace(/( \?)?(\\\.|\\\?|[:;,!])$/, '')
      .trim();
  }
  return pattern;
}
