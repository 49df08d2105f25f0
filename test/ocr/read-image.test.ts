import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../src/ocr/ocr-engine.js';
import { fixMisreadings, joinWrapped } from '../../src/ocr/read-image.js';

const line = (text: string, paragraph: number): OcrLine => ({
  text,
  paragraph,
  confidence: 90,
  bbox: { x0: 0, y0: 0, x1: 1, y1: 1 },
});

describe('the text read from a picture', () => {
  it('joins a dialog sentence wrapped over lines of one paragraph', () => {
    const text = joinWrapped([
      line('Xác thực không thành công với', 1),
      line('ketoan@congtyabc.vn. Hãy cập nhật lại thiết', 1),
      line('đặt cho máy chủ thư.', 1),
      line('OK', 2),
    ]);
    expect(text).toBe(
      'Xác thực không thành công với ketoan@congtyabc.vn. Hãy cập nhật lại thiết đặt cho máy chủ thư.\nOK',
    );
  });

  it('keeps transcript and program lines on their own, even inside one paragraph', () => {
    const text = joinWrapped([
      line('fetchmail: 6.4.37 querying pop.example.org', 1),
      line('fetchmail: POP3< -ERR [AUTH] Authentication failed.', 1),
      line('C: USER joe', 2),
      line('S: -ERR no such user', 2),
      line('-ERR [IN-USE] Unable to lock maildrop', 2),
    ]);
    expect(text.split('\n')).toHaveLength(5);
  });

  it('joins a sentence whose first line tesseract put in a paragraph of its own (the icon beside it)', () => {
    // Thunderbird 153's alert as read from its screenshot: the warning icon widens the first line's box.
    const at = (text: string, paragraph: number, bbox: OcrLine['bbox']): OcrLine => ({
      text,
      paragraph,
      confidence: 90,
      bbox,
    });
    const wrapped = [
      at('/N\\  Sending of username did not succeed. Mail server 127.0.0.2 responded: [AUTH] Plaintext', 1, {
        x0: 47,
        y0: 47,
        x1: 1865,
        y1: 158,
      }),
      at('authentication disallowed on non-secure (SSL/TLS) connections.', 2, {
        x0: 210,
        y0: 120,
        x1: 1396,
        y1: 156,
      }),
      at('OK', 3, { x0: 1700, y0: 230, x1: 1760, y1: 262 }),
    ];
    expect(joinWrapped(wrapped).split('\n')).toEqual([
      '/N\\  Sending of username did not succeed. Mail server 127.0.0.2 responded: [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.',
      'OK',
    ]);
    // A finished sentence, or a line far below, starts a line of its own.
    const finished = [{ ...wrapped[0]!, text: 'Sending of username did not succeed.' }, wrapped[1]!];
    expect(joinWrapped(finished).split('\n')).toHaveLength(2);
    const far = [wrapped[0]!, { ...wrapped[1]!, bbox: { x0: 210, y0: 400, x1: 1396, y1: 436 } }];
    expect(joinWrapped(far).split('\n')).toHaveLength(2);
  });

  it('mends Outlook codes read with letters for zeros, and accents read as quotes', () => {
    expect(fixMisreadings("reported error (Ox800CCCOE): 'Cannot connect'")).toBe(
      "reported error (0x800CCC0E): 'Cannot connect'",
    );
    expect(fixMisreadings('Không hô“trợ tùy chọn « --flush »')).toBe('Không hô trợ tùy chọn « --flush »');
    // An O outside a code, and quotes around words, stay.
    expect(fixMisreadings('POP3 said “OK” to joe’s login')).toBe('POP3 said “OK” to joe’s login');
  });
});
