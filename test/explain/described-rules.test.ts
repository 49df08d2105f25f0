import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { toldLoginDelay } from '../../src/explain/prose/described-rules.js';

const top = (text: string) => {
  const result = explain(text, { lang: 'en' });
  return result.findings[0]?.category ?? `(${result.outcome})`;
};

describe("a provider's minimum time between checks, told in words", () => {
  it('reads the rule in a bug report (reports tuning: jens-maus/yam#305)', () => {
    const report =
      "For example with Web.de and pop3 access you're only allowed to fetch mails every 720 seconds. not earlier. you simply get an error if you try this. i configured yam to look for new mails every 5 minutes.";
    expect(top(report)).toBe('auth.login-delay');
    expect(toldLoginDelay(report)).toBe('only allowed to fetch mails every 720 seconds');
  });

  it('reads it in French and Vietnamese', () => {
    expect(
      toldLoginDelay("Chez mon FAI on ne peut relever le courrier qu'une fois toutes les 15 minutes"),
    ).toBeDefined();
    expect(toldLoginDelay('Nhà mạng chỉ cho phép lấy thư 15 phút một lần')).toBeDefined();
    expect(toldLoginDelay('Mỗi 10 phút chỉ được đăng nhập một lần')).toBeDefined();
  });

  it('reads no rule into a check interval someone chose', () => {
    expect(toldLoginDelay('I set Outlook to check every 5 minutes and it works')).toBeUndefined();
    expect(toldLoginDelay('Thunderbird relève le courrier toutes les 10 minutes')).toBeUndefined();
    expect(toldLoginDelay('Outlook tự nhận thư mỗi 5 phút')).toBeUndefined();
  });
});
