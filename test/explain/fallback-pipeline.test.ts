import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';

const first = (text: string) => explain(text, { lang: 'en' }).findings[0];

describe('the fallback in the explainer', () => {
  it.each([
    ['-ERR [SYS/PERM] pop not allowed for user', 'auth.pop-disabled'],
    ['-ERR [AUTH] Plaintext authentication disabled', 'tls.required'],
    ['-ERR [AUTH] Web login required', 'auth.app-password'],
    ['-ERR [SYS/TEMP] POP3 access disabled for this domain', 'auth.pop-disabled'],
  ])('a specific wording beats a generic response code: %s → %s', (line, category) => {
    expect(first(line)?.category).toBe(category);
  });

  it('a -ERR no entry knows gets the category its words say, with those words and a low confidence', () => {
    const f = first('-ERR Hộp thư đang bị khóa bởi một phiên khác');
    expect(f?.category).toBe('mailbox.locked');
    expect(f?.confidence).toBeLessThanOrEqual(0.55);
    // The user sees the words that decided it.
    expect(f?.because).toContain('khóa');
  });

  it('a -ERR whose words say nothing stays unknown', () => {
    expect(first('-ERR purple monkey dishwasher')?.category).toBe('unknown');
  });

  it('a response code alone still explains a reply whose words say nothing more', () => {
    expect(first('-ERR [SYS/PERM] zzz')?.category).toBe('server.permanent');
  });
});
