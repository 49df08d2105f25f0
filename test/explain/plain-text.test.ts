import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/explain/language.js';
import { cleanPaste } from '../../src/explain/paste-cleanup.js';
import { maskSecretLines } from '../../src/secrets/mask.js';
import { isPlainText, normaliseUntrusted } from '../../src/text/untrusted.js';
import { wordsOf } from '../../src/text/words.js';

// The whole-paste steps skip their own searches when `analyse` found the paste plain: that must change nothing.
describe('plain text, searched once for three steps', () => {
  it('reads a plain paste the same whether or not each step searches it again, for every UTF-16 code unit', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const text = `S: -ERR a${String.fromCharCode(code)}b &lt;x&gt;\nmot de passe`;
      if (!isPlainText(text)) {
        expect(code < 0x20 || code > 0x7e, `code ${code}`).toBe(true);
        continue;
      }
      expect(normaliseUntrusted(text)).toEqual({ text, removed: 0 });
      expect(cleanPaste(text, true)).toEqual(cleanPaste(text));
      expect(detectLanguage(text, true)).toBe(detectLanguage(text));
      expect(maskSecretLines(text, true)).toEqual(maskSecretLines(text));
    }
  });

  it('keeps tabs and line ends plain', () => {
    expect(isPlainText('a\tb\r\nc')).toBe(true);
    expect(isPlainText('a\u00a0b')).toBe(false);
    expect(isPlainText('a\u007fb')).toBe(false);
  });
});

describe('wordsOf', () => {
  it('gives the words a split at blanks gives, for every UTF-16 code unit as a separator', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      for (const text of [`${c}USER${c}${c}alice${c}`, `PASS a${c}b`, c, `${c}${c}`]) {
        expect(wordsOf(text), `code ${code}`).toEqual(text.trim().split(/\s+/).filter(Boolean));
      }
    }
  });
});
