import { describe, expect, it } from 'vitest';
import { formatSize } from '../../src/i18n/format-size.js';

describe('sizes as each language writes them', () => {
  it.each([
    [512, 'en', '512 bytes'],
    [2.5 * 1024, 'en', '2.5 KiB'],
    [3 * 1024 * 1024, 'en', '3.0 MiB'],
    [512, 'fr', '512\u00a0octets'],
    [2.5 * 1024, 'fr', '2,5\u00a0Kio'],
    [11 * 1024 * 1024, 'fr', '11,0\u00a0Mio'],
    [2 * 1024 * 1024, 'vi', '2,0 MiB'],
    [1536, 'vi', '1,5 KiB'],
  ] as const)('%d bytes in %s: %s', (bytes, lang, text) => {
    expect(formatSize(bytes, lang)).toBe(text);
  });
});
