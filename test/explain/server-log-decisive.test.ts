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
