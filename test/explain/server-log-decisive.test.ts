import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/explain/analyse.js';

const categories = (paste: string) => analyse(paste).findings.map((f) => [f.category, f.evidence.lineNumber]);

describe("which line of a log excerpt decides: each connection's most telling line first", () => {
  it('Courier pasted newest first: the TLS failure leads, the shutdown it caused follows (captured, courier 1.0.16)', () => {
    const paste = [
      'Dec  7 00:54:29 vm pop3d-ssl: ip=[::ffff:127.0.0.1], Unexpected SSL connection shutdown.',
      'Dec  7 00:54:27 vm pop3d-ssl: ip=[::ffff:127.0.0.1], Decryption has failed.',
    ].join('\n');
    expect(categories(paste)).toEqual([
      ['tls.certificate', 2],
      ['connect.reset', 1],
    ]);
  });

  it("Dovecot: the auth process's reason leads its login process's summary of the same session", () => {
    const paste = [
      'Dec 06 21:51:17 pop3-login: Info: Disconnected: Aborted login by logging out (auth failed, 1 attempts in 2 secs): user=<alice>, method=PLAIN, rip=127.0.0.1, lip=127.0.0.2, session=<Mfq5G/5hTKN/AAAB>',
      'Dec 06 21:51:15 auth: Info: passwd-file(alice,127.0.0.1,<Mfq5G/5hTKN/AAAB>): Password mismatch',
    ].join('\n');
    expect(categories(paste)[0]).toEqual(['auth.bad-password', 2]);
  });

  it('lines of different connections keep their order', () => {
    const paste = [
      'Dec 06 21:51:17 pop3-login: Info: Disconnected: Aborted login by logging out (auth failed, 1 attempts in 2 secs): user=<alice>, method=PLAIN, rip=127.0.0.1, lip=127.0.0.2, session=<AAAAAAAAAAAAAAAA>',
      'Dec 06 21:51:15 auth: Info: passwd-file(bob,127.0.0.1,<BBBBBBBBBBBBBBBB>): Password mismatch',
    ].join('\n');
    expect(categories(paste)).toEqual([
      ['auth.failed', 1],
      ['auth.bad-password', 2],
    ]);
  });
});

describe("Dovecot's refusals on purpose and its server-side failures (captured live, Dovecot 2.3.19.1)", () => {
  it.each([
    [
      'Dec 07 02:48:37 pop3-login: Info: Disconnected: Aborted login by logging out (user disabled): user=<alice>, method=PLAIN, rip=127.0.0.17, lip=127.0.0.2, session=<xLwaQwJis5t/AAAR>',
      'auth.account-disabled',
    ],
    [
      'Dec 07 02:48:13 auth: Info: passwd-file(alice,127.0.0.19,<QFzKQQJi4Zh/AAAT>): allow_nets check failed: IP 127.0.0.19 not in allowed networks',
      'auth.account-disabled',
    ],
    [
      'Dec 07 02:48:42 pop3-login: Info: Disconnected: Aborted login by logging out (internal failure, 1 successful auths): user=<alice>, method=PLAIN, rip=127.0.0.18, lip=127.0.0.2, session=<RgeDQwJi359/AAAS>',
      'server.temporary',
    ],
    ['Dec 07 02:48:20 auth: Info: missing passwd file: /tmp/popbot-logs-dgEea2/passwd', 'server.permanent'],
    [
      'Dec 07 02:49:27 master: Warning: service(pop3): client_limit/service_count (1) reached, client connections are being dropped',
      'server.temporary',
    ],
    [
      'Jun 13 21:48:06 platypus dovecot: pop3-login: Disconnected: Inactivity (no auth attempts): rip=180.200.180.81, lip=113.212.99.194, TLS',
      'session.timeout',
    ],
  ])('%s → %s', (line, category) => {
    expect(analyse(line).findings[0]?.category).toBe(category);
  });

  it('an auth debug excerpt: the passdb reason leads the lines of its session that hide it', () => {
    const paste = [
      'Dec 07 02:47:31 auth: Debug: passwd-file(alice,127.0.0.11,<jeJJPwJipZp/AAAL>): lookup: user=alice file=/tmp/x/passwd',
      'Dec 07 02:47:31 auth: Info: passwd-file(alice,127.0.0.11,<jeJJPwJipZp/AAAL>): Password mismatch',
      'Dec 07 02:47:33 pop3-login: Info: Disconnected: Aborted login by logging out (auth failed, 1 attempts in 2 secs): user=<alice>, method=PLAIN, rip=127.0.0.11, lip=127.0.0.2, session=<jeJJPwJipZp/AAAL>',
    ].join('\n');
    expect(analyse(paste).findings[0]?.category).toBe('auth.bad-password');
  });
});

describe('a log line pasted after a question on the same line', () => {
  it.each(['What does this line in my Dovecot log mean?', 'Dòng này trong nhật ký Dovecot nghĩa là gì?'])(
    '%s + the line → its event',
    (question) => {
      const paste = `${question} Dec 07 03:02:45 pop3-login: Info: Authenticate CRAM-MD5 failed: Unsupported authentication mechanism.: user=<>, method=CRAM-MD5, rip=127.0.0.34, lip=127.0.0.2, session=<hkjLdQJiN7V/AAAi>`;
      expect(analyse(paste).findings[0]).toMatchObject({
        category: 'auth.mechanism',
        entry: 'log-sasl-error',
      });
    },
  );

  it('a date and time in ordinary prose is no log line', () => {
    expect(analyse('I changed the password on Dec 07 03:02:45 and nothing else.').findings).toEqual([]);
  });
});

describe('a log line that holds a reply or a path is read by the log parser first', () => {
  it("Dovecot's missing passwd-file, even where the secrets pass masks its open(…) as a password", () => {
    const line =
      'Dec 07 02:48:20 auth: Error: passwd-file /tmp/x/passwd:open(/tmp/x/passwd) failed: No such file or directory';
    expect(analyse(line).findings[0]).toMatchObject({
      category: 'server.permanent',
      entry: 'log-auth-config-error',
    });
  });

  it("Exchange's POP3 protocol log record of a refused login is a refused login (CrowdSec's test log)", () => {
    const line =
      '2022-07-20T21:23:48.514Z,0000000000000005,1,192.168.9.241:110,192.168.9.212:55576,testuser,193,21,69,auth, PLAIN,"R=""-ERR Authentication failure: unknown user name or bad password."";Msg=""AuthFailed:LogonDenied,User: testuser"";ErrMsg=AuthFailed:LogonDenied",';
    expect(analyse(line).findings[0]?.category).toBe('auth.failed');
  });
});
