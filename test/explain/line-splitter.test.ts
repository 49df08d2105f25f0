import { describe, expect, it } from 'vitest';
import { Prng } from '../../bench/lib/prng.js';
import { LineSplitter } from '../../src/explain/log-scan/line-splitter.js';

/** The lines of `bytes` fed to a splitter in the given chunk sizes. */
function split(bytes: Buffer, sizes: (at: number) => number, prepare?: (text: string) => string): string[] {
  const splitter = new LineSplitter(prepare);
  const lines: string[] = [];
  const onLine = (line: string) => lines.push(line);
  for (let at = 0; at < bytes.length;) {
    const size = sizes(at);
    splitter.push(bytes.subarray(at, at + size), onLine);
    at += size;
  }
  splitter.end(onLine);
  return lines;
}

/** What `explain` makes of a text's lines (a last line end opens no further line, as in a file). */
function explainLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (/[\r\n]$/.test(text)) lines.pop();
  return lines;
}

describe('LineSplitter', () => {
  it('ends lines at \\n, \\r\\n and a lone \\r, keeps a last line without an end, and gives none for nothing', () => {
    const whole = (text: string) => split(Buffer.from(text), () => 1 << 20);
    expect(whole('a\nb\r\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
    expect(whole('a\n\nb\n')).toEqual(['a', '', 'b']);
    expect(whole('\r\n')).toEqual(['']);
    expect(whole('')).toEqual([]);
  });

  it('a \\r\\n cut between two chunks is one line end; a UTF-8 character cut between them stays whole', () => {
    const bytes = Buffer.from('un\r\nmật khẩu 🙂\r\nfin');
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(split(bytes, (at) => (at === 0 ? cut : bytes.length))).toEqual(['un', 'mật khẩu 🙂', 'fin']);
    }
  });

  it('gives the lines explain reads, however the bytes arrive (random texts, random chunk sizes)', () => {
    const prng = new Prng(7);
    const alphabet = ['a', 'b', ' ', 'é', 'ẩ', '🙂', '\r', '\n', '\r\n', '-ERR x'];
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: prng.int(0, 60) }, () => prng.pick(alphabet)).join('');
      const lines = split(Buffer.from(text), () => prng.int(1, 9));
      expect(lines).toEqual(explainLines(text));
    }
  });

  it('prepares each decoded run of whole lines before cutting it (the cleaning of a paste)', () => {
    const bytes = Buffer.from('a\u00a0b\nc\u00a0d\n');
    expect(
      split(
        bytes,
        () => 3,
        (text) => text.replace(/\u00a0/g, ' '),
      ),
    ).toEqual(['a b', 'c d']);
  });
});
