/**
 * Text normalisation shared by the matcher and the knowledge loader, so that a pattern written once
 * matches every spelling people paste: case, accents, quotes and runs of white space do not count.
 */

// Quote marks of every script people paste from, removed rather than unified: "isn't" and "isnt" must meet.
const QUOTES = /["'`\u00AB\u00BB\u2018-\u201F\u2032\u2033\u2039\u203A\uFF02\uFF07]/g;
const MARKS = /\p{M}+/gu;
// Characters that do not decompose under NFKD but that people type without their stroke.
const STROKED: Record<string, string> = {
  đ: 'd',
  Đ: 'd',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};
const STROKED_RE = /[đĐøØłŁßæœ]/g;
// Zero-width and bidi controls hide inside pasted text and would split words.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;
const SPACES = /[\s\u00A0]+/g;
// A page's typography turns the "x" of a hex code into a multiplication sign ("0×800CCC94" in a table of
// Outlook's codes): the code people copy from it is the one the program showed.
const HEX_TIMES = /\b0\u00D7(?=[0-9a-f])/gi;
const ASCII = /^[\u0000-\u007f]*$/;

/** Lowercase and accent-free, quotes and spacing kept: for markers that look at the quotes themselves. */
export function foldAccents(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(STROKED_RE, (c) => STROKED[c] ?? c)
    .toLowerCase();
}

/** Lowercase, accent-free, quote-free, single-spaced: the form every pattern is matched against. */
export function normalizeForMatch(text: string): string {
  // Most log lines are ASCII: decomposing them finds nothing to fold.
  if (ASCII.test(text)) return text.replace(QUOTES, '').replace(SPACES, ' ').trim().toLowerCase();
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(STROKED_RE, (c) => STROKED[c] ?? c)
    .replace(INVISIBLE, '')
    .replace(HEX_TIMES, '0x')
    .replace(QUOTES, '')
    .replace(SPACES, ' ')
    .trim()
    .toLowerCase();
}

/** Whether a pattern holds a quote mark: text is matched with its quotes removed, so such a pattern is wrong. */
export function holdsQuote(source: string): boolean {
  return new RegExp(QUOTES.source).test(source);
}

/**
 * Applies the same folding to a pattern's source. Only accents are touched (the pattern is compiled
 * case-insensitively), so regex escapes such as `\S` keep their meaning. Quote marks are refused at load
 * (stripping them would change the pattern: `said "[^"]+"` would become `said [^]+`, which matches anything).
 */
export function normalizePatternSource(source: string): string {
  return source
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(STROKED_RE, (c) => STROKED[c] ?? c);
}
