import { describe, expect, it } from 'vitest';
import { Prng } from '../../bench/lib/prng.js';
import { detectLanguage, detectLanguageOfLines, WORD_LISTS } from '../../src/explain/language.js';
import { isPlainText } from '../../src/text/untrusted.js';
import { caseInput, EVAL_SETS, loadEvalSet } from '../../src/knowledge/evaluate.js';

/**
 * Language detection counts words with an ASCII pattern on lines of ASCII only (the Unicode one is tens of
 * times slower): on such text both must count the same, for every word list.
 */

const count = (re: RegExp, text: string) => text.match(re)?.length ?? 0;
const ascii = (s: string) => /^[\x00-\x7f]*$/.test(s);

/** ASCII lines made of the lists' words, glued to letters, digits, quotes and spaces in every way. */
function asciiLines(prng: Prng, n: number): string[] {
  const words = Object.values(WORD_LISTS)
    .flatMap((list) => list.words)
    .filter(ascii);
  const glue = [' ', '', 'a', 'Z', '0', '_', "'", '-', '  ', '.', '\t'];
  return Array.from({ length: n }, () => {
    let line = '';
    for (let i = prng.int(1, 12); i > 0; i--) {
      const word = prng.pick(words);
      line += (prng.chance(0.5) ? word.toUpperCase() : word) + prng.pick(glue);
    }
    return line;
  });
}

describe('language detection', () => {
  it('counts words on ASCII lines with the ASCII pattern as the Unicode pattern does', () => {
    const texts = EVAL_SETS.flatMap((set) => loadEvalSet(set).map((c) => caseInput(c)));
    const lines = [...texts.flatMap((t) => t.split(/\r\n|\r|\n/)), ...asciiLines(new Prng(18), 5000)].filter(
      ascii,
    );
    expect(lines.length).toBeGreaterThan(5000);
    let matched = 0;
    for (const list of Object.values(WORD_LISTS)) {
      const differ = lines.filter((line) => {
        const unicode = count(list.unicode, line);
        matched += unicode;
        return count(list.ascii, line) !== unicode;
      });
      expect(differ).toEqual([]);
    }
    // Worth something only if the words occur.
    expect(matched).toBeGreaterThan(5000);
  });

  it('counts each word where no letter stands before it, as a lookbehind would, on any line', () => {
    const texts = EVAL_SETS.flatMap((set) => loadEvalSet(set).map((c) => caseInput(c)));
    const lines = [...texts.flatMap((t) => t.split(/\r\n|\r|\n/)), ...asciiLines(new Prng(19), 2000)];
    let matched = 0;
    for (const list of Object.values(WORD_LISTS)) {
      // The definition, with the lookbehind the engine would try at every position.
      const reference = new RegExp(`(?<![\\p{L}\\p{M}])(?:${list.words.join('|')})(?![\\p{L}\\p{M}])`, 'giu');
      const differ = lines.filter((line) => {
        const expected = count(reference, line);
        matched += expected;
        return count(list.unicode, line) !== expected;
      });
      expect(differ).toEqual([]);
    }
    expect(matched).toBeGreaterThan(5000);
  });

  it('reads French and Vietnamese beside ASCII prose, and English as no signal', () => {
    expect(
      detectLanguage('Bonjour, le serveur me dit que mon mot de passe est refusé\n-ERR [AUTH] failed'),
    ).toBe('fr');
    expect(detectLanguage('Plain ASCII line\nMáy chủ báo lỗi mật khẩu khi tôi đăng nhập')).toBe('vi');
    expect(detectLanguage('le serveur dit que la boite est pleine')).toBe('fr');
    expect(detectLanguage('The server says my password is wrong\n-ERR [AUTH] failed')).toBeUndefined();
  });

  it('reads a paste cut into lines as it reads the paste whole, its first 20,000 characters included', () => {
    const texts = EVAL_SETS.filter((set) => set !== 'holdout').flatMap((set) =>
      loadEvalSet(set).map((c) => caseInput(c)),
    );
    // Long pastes: the sample's end falls inside a line, on a line's end, and just after it.
    const french = texts.find((t) => detectLanguage(t) === 'fr') ?? '';
    const long = [19_999, 20_000, 20_001].map((n) => `${'x'.repeat(n - 1)}\n${french}`);
    const differ = [...texts, ...long].filter((t) => {
      const lines = t.split(/\r\n|\r|\n/);
      return detectLanguageOfLines(lines, isPlainText(t)) !== detectLanguage(t);
    });
    expect(texts.filter((t) => detectLanguage(t) !== undefined).length).toBeGreaterThan(500);
    expect(differ).toEqual([]);
  });
});
