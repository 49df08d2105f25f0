import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { toldTlsMismatch } from '../../src/explain/prose/told-connection.js';

const top = (text: string, lang: 'en' | 'fr' | 'vi' = 'en') => {
  const result = explain(text, { lang });
  return result.findings[0]?.category ?? `(${result.outcome})`;
};

// The Windows socket error MailKit rethrows when nothing answered (posts tuning: jstedfast/MailKit#972).
const NO_ANSWER =
  "System.IO.IOException: 'A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond'";

describe('a port and an encryption mode that do not go together, told in code or in words', () => {
  it('reads MailKit’s StartTls on port 995 in the call a person quotes (posts tuning: MailKit#972)', () => {
    const quoted = [
      '* client.Connect("outlook.office365.com", 995, MailKit.Security.SecureSocketOptions.StartTls);',
      '**Error**',
      NO_ANSWER,
    ].join('\n');
    expect(top(quoted)).toBe('tls.mismatch');
    const told = toldTlsMismatch(quoted.split('\n'));
    expect(told).toMatchObject({ rule: 'plain-to-tls-port', port: 995, tls: 'starttls', lineNumber: 1 });
    expect(told?.symptom).toBe('did not properly respond after a period of time');
    // The timeout stays beside it: the finding that leads says why it timed out.
    expect(explain(quoted, { lang: 'en' }).findings.map((f) => f.category)).toContain('connect.timeout');
  });

  it('reads it in a French and a Vietnamese question around the same error', () => {
    expect(
      top(
        `J'essaie de relever une boîte outlook.com en POP3 avec MailKit : Connect("outlook.office365.com", 995, SecureSocketOptions.StartTls). Au bout de deux minutes j'obtiens : ${NO_ANSWER}. Avec SecureSocketOptions.None, ça passe sur d'autres serveurs. Où est l'erreur ?`,
        'fr',
      ),
    ).toBe('tls.mismatch');
    expect(
      top(
        `Em dùng MailKit kết nối outlook.office365.com cổng 995 với SecureSocketOptions.StartTls để lấy thư POP3, khoảng 2 phút sau thì lỗi: ${NO_ANSWER}. Em sai chỗ nào ạ?`,
        'vi',
      ),
    ).toBe('tls.mismatch');
  });

  it('reads TLS at once on the plain port, and a setting told in words', () => {
    expect(
      toldTlsMismatch(['pop.Connect(host, 110, SecureSocketOptions.SslOnConnect);', 'handshake failed']),
    ).toMatchObject({ rule: 'tls-to-plain-port', port: 110 });
    expect(toldTlsMismatch(['Thunderbird sur le port 995 sans SSL : délai d’attente dépassé'])).toMatchObject(
      { rule: 'plain-to-tls-port', tls: 'plain' },
    );
  });

  it('reads nothing where port and mode agree, where the server answered, or where nothing failed', () => {
    // 995 with TLS at once, 110 with STARTTLS: both right.
    expect(
      toldTlsMismatch(['client.Connect(host, 995, SecureSocketOptions.SslOnConnect);', NO_ANSWER]),
    ).toBeUndefined();
    expect(
      toldTlsMismatch(['client.Connect(host, 110, SecureSocketOptions.StartTls);', NO_ANSWER]),
    ).toBeUndefined();
    // A greeting or a refused login: the port spoke POP.
    expect(
      toldTlsMismatch([
        'client.Connect(host, 995, SecureSocketOptions.StartTls);',
        'S: +OK ready',
        'timed out',
      ]),
    ).toBeUndefined();
    // A setting and no failure (posts: "My Uri is actually this: {pop://server:995/}" says no symptom).
    expect(toldTlsMismatch(['My Uri is actually this: {pop://server:995/}'])).toBeUndefined();
    // Two modes beside one port name neither.
    expect(
      toldTlsMismatch(['I tried port 995 with SSL and port 995 with STARTTLS, both timed out']),
    ).toBeUndefined();
  });
});
