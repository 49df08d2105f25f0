import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';

const categories = (text: string) => explain(text, { lang: 'en' }).findings.map((f) => f.category);

describe('server log lines in the explainer', () => {
  it.each([
    [
      'Feb 20 17:23:32 domain cyrus/pop3[18635]: badlogin: localhost [198.51.100.23] plaintext administrator SASL(-13): authentication failure: checkpass failed',
      'auth.bad-password',
    ],
    [
      'Nov 15 00:34:53 host solid-pop3d[3822]: authentication failed: no such user: adrian - 123.33.44.45',
      'auth.unknown-user',
    ],
    [
      'Feb  4 09:13:00 mx dovecot: master: Warning: service(pop3-login): process_limit (100) reached, client connections are being dropped',
      'server.temporary',
    ],
    [
      'Jan 29 09:38:46 pop3-login: Info: Disconnected (no auth attempts in 10 secs): user=<>, rip=176.61.137.100, TLS handshaking: SSL_accept() failed: error:140760FC:SSL routines:SSL23_GET_CLIENT_HELLO:unknown protocol',
      'tls.mismatch',
    ],
    [
      '2024-02-04T09:12:33.120542+01:00 mx dovecot[812]: pop3(alice@example.org)<5120><pQ2zT1>: Disconnected: Storage error during logout. top=0/0, retr=1/2048, del=1/3, size=8812',
      'update.delete-failed',
    ],
  ])('%s', (line, category) => {
    expect(categories(line)).toEqual([category]);
  });

  it('a successful login or a logout is no error', () => {
    const log = [
      'Mar  3 10:00:02 mx dovecot: pop3-login: Login: user=<bob>, method=PLAIN, rip=198.51.100.7, lip=192.0.2.1, mpid=4242, TLS, session=<abce>',
      'Mar  3 10:00:09 mx dovecot: pop3(bob): Disconnected: Logged out top=0/0, retr=1/2048, del=1/1, size=2048',
    ].join('\n');
    expect(explain(log).findings).toEqual([]);
  });

  it('a Dovecot error line no entry knows is read by its words', () => {
    expect(
      categories(
        'Feb  4 09:13:01 mx dovecot: pop3(erin): Error: Mailbox INBOX: Timeout while waiting for lock',
      ),
    ).toEqual(['mailbox.locked']);
  });
});
