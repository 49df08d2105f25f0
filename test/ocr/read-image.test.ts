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

  it('mends Outlook codes read with letters for zeros, and accents read as quotes', () => {
    expect(fixMisreadings("reported error (Ox800CCCOE): 'Cannot connect'")).toBe(
      "reported error (0x800CCC0E): 'Cannot connect'",
    );
    expect(fixMisreadings('Không hô“trợ tùy chọn « --flush »')).toBe('Không hô trợ tùy chọn « --flush »');
    // An O outside a code, and quotes around words, stay.
    expect(fixMisreadings('POP3 said “OK” to joe’s login')).toBe('POP3 said “OK” to joe’s login');
  });
});
