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

  it('decodes bytes that are no UTF-8 and lines longer than any chunk as a whole-file read does', () => {
    const prng = new Prng(11);
    // Stray and cut sequences (a lone lead byte, a sequence cut by a line end, bytes UTF-8 never uses).
    const pieces = [[0xff], [0xc3], [0xe2, 0x82], [0xc3, 0xa9], [0x80], [0x0a], [0x0d], [0x0d, 0x0a], [0x41]];
    for (let round = 0; round < 200; round++) {
      const bytes = Buffer.from(Array.from({ length: prng.int(0, 80) }, () => prng.pick(pieces)).flat());
      expect(split(bytes, () => prng.int(1, 7))).toEqual(explainLines(bytes.toString('utf8')));
    }
    const long = Buffer.from(`${'é-ERR '.repeat(50_000)}\n${'x'.repeat(70_000)}\r\nend`);
    expect(split(long, () => 4096)).toEqual(explainLines(long.toString('utf8')));
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
