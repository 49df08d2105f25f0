import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { normalizeForMatch } from '../../src/explain/normalize.js';

describe('a code copied from a page whose typography changed it', () => {
  it('reads Outlook’s 0×800CCC94 as 0x800CCC94 (posts tuning: pc-error-free.com’s table of POP3 codes)', () => {
    const row = '0×800CCC94 | POP3_NEED_STAT | STAT Command required';
    expect(explain(row, { lang: 'en' }).findings[0]?.category).toBe('command.state');
    expect(normalizeForMatch(row)).toContain('0x800ccc94');
  });

  it('leaves a multiplication between numbers alone', () => {
    expect(normalizeForMatch('2 × 3 messages, 10×20')).toBe('2 × 3 messages, 10×20');
  });
});
