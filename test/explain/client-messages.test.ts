import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';

/** Errors with no -ERR: mail programs' dialogs, command-line clients, libraries and server logs. */
const cases: { shape: string; text: string; category: string; lang?: 'fr' | 'vi' }[] = [
  {
    shape: 'an Outlook send/receive error with its hex code',
    text: "Receiving reported error (0x800CCC0F) : 'The connection to the server was interrupted. If this problem continues, contact your server administrator or Internet service provider (ISP).'",
    category: 'connect.reset',
  },
  {
    shape: 'the French Outlook task error',
    text: "La tâche 'pop.orange.fr - Réception' a signalé une erreur (0x800CCC0E) : 'Impossible de se connecter au serveur.'",
    category: 'connect.refused',
    lang: 'fr',
  },
  {
    shape: 'a Vietnamese Outlook task error, known by its code',
    text: "Tác vụ 'pop.gmail.com - Đang nhận' đã báo cáo lỗi (0x800CCC92) : 'Máy chủ email của bạn đã từ chối đăng nhập của bạn.'",
    category: 'auth.failed',
    lang: 'vi',
  },
  {
    shape: "Thunderbird's password dialog quoting the server",
    text: 'Sending of password for user joe@example.com did not succeed. Mail server pop.example.com responded: Authentication failed.',
    category: 'auth.failed',
  },
  {
    shape: "Thunderbird's French password dialog",
    text: "L'envoi du mot de passe pour l'utilisateur joe a échoué. Le serveur de courrier pop.free.fr a répondu : Authentication failed.",
    category: 'auth.failed',
    lang: 'fr',
  },
  {
    shape: "Thunderbird's UIDL warning",
    text: 'The POP3 mail server (pop.example.com) does not support UIDL or XTND XLST, which are required to implement the "Leave on Server", "Maximum Message Size" or "Fetch Headers Only" options.',
    category: 'command.unknown',
  },
  {
    shape: 'Apple Mail quoting the server',
    text: 'The server returned the error: -ERR [AUTH] Authentication failed.',
    category: 'auth.failed',
  },
  {
    shape: 'fetchmail',
    text: 'fetchmail: Authorization failure on joe@pop.example.com',
    category: 'auth.failed',
  },
  {
    shape: 'curl',
    text: 'curl: (60) SSL certificate problem: self-signed certificate',
    category: 'tls.certificate',
  },
  {
    shape: 'curl, TLS to a plain port',
    text: 'curl: (35) error:0A00010B:SSL routines::wrong version number',
    category: 'tls.mismatch',
  },
  {
    shape: 'mpop',
    text: 'mpop: cannot connect to pop.example.com, port 995: Connection refused',
    category: 'connect.refused',
  },
  {
    shape: 'Node.js DNS failure',
    text: 'Error: getaddrinfo ENOTFOUND pop.example.con',
    category: 'connect.dns',
  },
  { shape: 'Node.js timeout', text: 'Error: connect ETIMEDOUT 203.0.113.9:995', category: 'connect.timeout' },
  {
    shape: "Python's ssl module",
    text: 'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)',
    category: 'tls.certificate',
  },
  {
    shape: 'iOS Mail',
    text: 'Cannot Get Mail. The user name or password for "pop.gmail.com" is incorrect.',
    category: 'auth.failed',
  },
];

describe('client-side errors without -ERR', () => {
  for (const c of cases) {
    it(`${c.shape} is ${c.category}`, () => {
      const result = explain(c.text);
      expect(result.findings[0]?.category).toBe(c.category);
      if (c.lang) expect(result.lang).toBe(c.lang);
    });
  }

  it('Dovecot server logs: a failed login and a permission problem, and no finding for successful lines', () => {
    const text = readFileSync(
      join(import.meta.dirname, '..', 'fixtures', 'transcripts', 'dovecot-server-log.txt'),
      'utf8',
    );
    const result = explain(text);
    expect(result.findings.map((f) => [f.lineNumber, f.category])).toEqual([
      [3, 'auth.failed'],
      [4, 'mailbox.unavailable'],
    ]);
  });

  it('Courier server logs: a failed login and an idle timeout', () => {
    const text = [
      'Nov 22 10:02:44 mail pop3d: Connection, ip=[::ffff:203.0.113.9]',
      'Nov 22 10:02:45 mail pop3d: LOGIN FAILED, user=bob@example.com, ip=[::ffff:203.0.113.9]',
      'Nov 22 10:12:45 mail pop3d-ssl: TIMEOUT, user=eve@example.com, ip=[::ffff:198.51.100.4], port=[51234], top=0, retr=0, rcvd=24, sent=512, time=600',
    ].join('\n');
    expect(explain(text).findings.map((f) => [f.lineNumber, f.category])).toEqual([
      [2, 'auth.failed'],
      [3, 'session.timeout'],
    ]);
  });

  it('a dialog copied wrapped over several lines is still recognised, as one finding', () => {
    const text = [
      'The POP3 mail server (pop.example.com) does not support UIDL or',
      'XTND XLST, which are required to implement the "Leave on Server",',
      '"Maximum Message Size" or "Fetch Headers Only" options.',
    ].join('\n');
    const findings = explain(text).findings;
    expect(findings.map((f) => [f.lineNumber, f.category])).toEqual([[1, 'command.unknown']]);
  });

  it('the same client message repeated (retries, a code under its dialog) is one finding', () => {
    const retries = Array.from(
      { length: 3 },
      () => 'mpop: cannot connect to pop.example.com, port 995: Connection refused',
    );
    expect(explain(retries.join('\n')).findings).toHaveLength(1);
    const dialog =
      'Your server has unexpectedly terminated the connection. Possible causes\ninclude server problems.\n0x800CCC0F';
    expect(explain(dialog).findings.map((f) => f.category)).toEqual(['connect.reset']);
  });

  it('an Outlook dialog that quotes the -ERR gives one finding, not one per line', () => {
    const text = [
      "Receiving reported error (0x800CCC90) : 'Your POP3 server has reported an error.",
      'The server responded: -ERR [IN-USE] Unable to lock maildrop',
      "Error Number: 0x800CCC90'",
    ].join('\n');
    const categories = explain(text).findings.map((f) => f.category);
    expect(categories[0]).toBe('mailbox.locked');
  });
});
