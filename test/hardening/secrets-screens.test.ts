import { describe, expect, it } from 'vitest';
import { Prng } from '../../bench/lib/prng.js';
import { caseInput, EVAL_SETS, loadEvalSet } from '../../src/knowledge/evaluate.js';
import { EchoMasker, isFlattened, LineMasker, maskSecretLines } from '../../src/secrets/index.js';
import { keyWords, linesWithKeyWords } from '../../src/secrets/key-words.js';
import { isPlainText, normaliseUntrusted } from '../../src/text/untrusted.js';
import { SECRET_FORMS } from '../support/secret-forms.js';
import { allMatches } from '../../src/secrets/matches.js';
import { isTokenStop } from '../../src/secrets/token-stop.js';

/**
 * The secrets pass reads a line once for the key words of all its recognisers, and the characters around an
 * `@` by code: both must say what the searches they replaced said, or a secret goes unmasked.
 */

// The searches each recogniser ran on its own before (its words, as it wrote them).
const SEARCHES = {
  commands: /pass|apop|auth|xoauth2|oauthbearer/i,
  keys: /pass|pwd|secret|token|key|khau|khẩu|contraseña/i,
  authorization: /auth|bearer/i,
};
const ANY = /pass|apop|auth|pwd|secret|token|key|khau|khẩu|contraseña|bearer/i;

/** Lines of the words glued to each other and to other letters, in every case: overlaps such as "apopass". */
function gluedWords(prng: Prng, n: number): string[] {
  const words = [
    'pass',
    'apop',
    'auth',
    'pwd',
    'secret',
    'token',
    'key',
    'khau',
    'khẩu',
    'contraseña',
    'bearer',
  ];
  const glue = ['', ' ', 'x', 's', 'p', 'a', '=', 'ss', 'ẩu', 'ña', '_'];
  return Array.from({ length: n }, () => {
    let line = prng.pick(glue);
    for (let i = prng.int(0, 5); i > 0; i--) {
      const word = prng.pick(words);
      const cut = prng.chance(0.3) ? word.slice(prng.int(1, word.length - 1)) : word;
      line += (prng.chance(0.5) ? cut.toUpperCase() : cut) + prng.pick(glue);
    }
    return line;
  });
}

describe('the secrets pass screens', () => {
  it('finds the key words of each recogniser where its own search did, on every evaluation line', () => {
    const texts = EVAL_SETS.flatMap((set) => loadEvalSet(set).map((c) => caseInput(c)));
    const lines = [...texts.flatMap((t) => t.split(/\r\n|\r|\n/)), ...gluedWords(new Prng(5), 20_000)];
    let held = 0;
    const differ = lines.filter((line) => {
      const words = keyWords(line);
      if (words) held++;
      if ((words !== undefined) !== ANY.test(line)) return true;
      return Object.entries(SEARCHES).some(
        ([group, search]) => (words?.[group as keyof typeof SEARCHES] ?? false) !== search.test(line),
      );
    });
    expect(differ).toEqual([]);
    // Worth something only if the words occur, and not on every line.
    expect(held).toBeGreaterThan(5000);
    expect(held).toBeLessThan(lines.length);
  });

  it('marks every line that holds a key word when it screens a whole text, and masks as the unscreened pass', () => {
    const texts = [
      ...(['project', 'tuning'] as const).flatMap((set) => loadEvalSet(set).map((c) => caseInput(c))),
      ...SECRET_FORMS.map((form) => form.text),
      gluedWords(new Prng(7), 5_000).join('\n'),
      // Characters whose case mapping changes a length or folds into ASCII (İ, ß, ſ, the Kelvin sign).
      'İİ PASS x\nſecret=a ß KEY=b\n\u212Aey=c\nİ\nmot de passe: y\nKHẨU=z\nCONTRASEÑA=w',
    ];
    let marked = 0;
    const missed: string[] = [];
    const differ: string[] = [];
    for (const text of texts) {
      const lines = normaliseUntrusted(text).text.split('\n');
      const screened = linesWithKeyWords(lines.join('\n'), lines.length);
      lines.forEach((line, i) => {
        if (screened[i] === 1) marked++;
        else if (keyWords(line) !== undefined) missed.push(line);
      });
      // The pass as it ran before the screen: every line searched for the key words.
      const masker = new LineMasker(isFlattened(lines));
      const perLine = lines.map((line) => masker.mask(line));
      const unscreened = new EchoMasker(masker.values).maskLines(perLine);
      const actual = maskSecretLines(text);
      if (
        actual.lines.join('\n') !== unscreened.lines.join('\n') ||
        actual.found !== (masker.found || unscreened.found)
      )
        differ.push(text);
    }
    expect(missed).toEqual([]);
    expect(differ).toEqual([]);
    expect(marked).toBeGreaterThan(5000);
  });

  it('masks echoes in a plain paste line by line exactly as the search of the joined text does', () => {
    // Echoes of a secret on other lines (upper-cased, reversed, base64 with and without padding), on the
    // masked line itself, overlapping each other, and a SASL payload whose decoded password holds a line end.
    const echoes = [
      'C: PASS hunter2secret\nS: -ERR bad password HUNTER2SECRET\nS: -ERR terceS2retnuh\nS: aHVudGVyMnNlY3JldA==',
      'C: PASS hunter2secret hunter2secret\nS: -ERR hunter2secrethunter2secret aHVudGVyMnNlY3JldA',
      'C: PASS abcdabcd\nS: -ERR abcdabcdabcd dcbadcba ABCDabcd\n\nC: QUIT abcdabcd',
      'C: AUTH PLAIN AGFsaWNlAHNlYwpyZXQ=\nS: -ERR sec\nret secret\nS: -ERR AGFsaWNlAHNlYwpyZXQ=',
    ];
    const texts = [
      ...(['project', 'tuning'] as const).flatMap((set) => loadEvalSet(set).map((c) => caseInput(c))),
      ...SECRET_FORMS.map((form) => form.text),
      ...echoes,
    ].filter(isPlainText);
    let masked = 0;
    const differ = texts.filter((text) => {
      const joined = maskSecretLines(text);
      const plain = maskSecretLines(text, true);
      if (plain.found) masked++;
      return plain.lines.join('\n') !== joined.lines.join('\n') || plain.found !== joined.found;
    });
    expect(differ).toEqual([]);
    // The echoes above are plain and all masked, and so are many evaluation texts.
    expect(texts.length).toBeGreaterThan(1000);
    expect(masked).toBeGreaterThan(100);
    expect(maskSecretLines(echoes[0]!, true).lines.join('\n')).not.toMatch(/hunter2secret|aHVudGVy/i);
  });

  it('lists the matches matchAll lists, empty ones and surrogate pairs included', () => {
    const texts = EVAL_SETS.flatMap((set) => loadEvalSet(set).map((c) => caseInput(c)));
    const samples = [...texts.slice(0, 300), 'a😀b', '😀😀', '', 'aaa bbb', 'PASS x pass y Pass z'];
    const patterns = [/(?:^|\s)pass\s+(\S+)/gi, /\S+/g, /a*/g, /(?:)/gu, /(?:)/g, /\b(\w)(\w*)/g];
    let listed = 0;
    for (const pattern of patterns) {
      for (const text of samples) {
        const expected = [...text.matchAll(pattern)].map((m) => [m.index, ...m]);
        const actual = allMatches(pattern, text).map((m) => [m.index, ...m]);
        listed += actual.length;
        expect(actual).toEqual(expected);
        expect(pattern.lastIndex).toBe(0);
      }
    }
    expect(listed).toBeGreaterThan(1000);
  });

  it('ends a token at the characters the pattern did, for every UTF-16 code unit', () => {
    const stop = /[\s"'<>`]/;
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isTokenStop(code) !== stop.test(String.fromCharCode(code))) differ.push(code);
    }
    expect(differ).toEqual([]);
  });
});
