import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';

/**
 * Real output of curl, fetchmail, mpop, Node.js and openssl s_client, recorded against a fake server on
 * loopback (test/fixtures/recorded/client/README.md says how). The expected category of each is what that
 * client's own words support: curl's "(67) Access denied" says no more than a refused login, however the
 * server refused it.
 */
const expected: Record<string, string> = {
  'curl-authfail-v': 'auth.failed',
  'curl-authfail': 'auth.failed',
  'curl-close': 'connect.reset',
  'curl-connect-timeout': 'connect.timeout',
  'curl-expired-trusted': 'tls.certificate',
  'curl-expired': 'tls.certificate',
  'curl-hostname': 'tls.certificate',
  'curl-locked': 'auth.failed',
  'curl-plain-on-tls': 'connect.timeout',
  'curl-pop3s-on-plain': 'tls.mismatch',
  'curl-refused-v': 'connect.refused',
  'curl-refused': 'connect.refused',
  'curl-reset': 'connect.reset',
  'curl-retr-missing': 'server.protocol-error',
  'curl-selfsigned': 'tls.certificate',
  'curl-silent': 'connect.timeout',
  // curl printed nothing at all before the time limit killed it: there is nothing to explain.
  'curl-smtp': '(not-pop)',
  'curl-stls-missing': 'tls.unavailable',
  'curl-tls10': 'tls.unavailable',
  'fetchmail-authfail': 'auth.failed',
  'fetchmail-close': 'connect.reset',
  'fetchmail-expired': 'tls.certificate',
  'fetchmail-folder': 'client.config',
  'fetchmail-greet-reset': 'connect.reset',
  'fetchmail-locked': 'mailbox.locked',
  'fetchmail-nouidl': 'command.unknown',
  'fetchmail-refused': 'connect.refused',
  'fetchmail-reset': 'connect.reset',
  'fetchmail-selfsigned': 'tls.certificate',
  'fetchmail-silent': 'connect.timeout',
  'fetchmail-smtp': 'connect.wrong-service',
  'fetchmail-ssl-on-plain': 'tls.mismatch',
  'fetchmail-sslproto': 'tls.unavailable',
  // The server's CAPA (line 6) lists no STLS and it calls STLS an unknown command: encryption is unavailable.
  'fetchmail-stls-missing': 'tls.unavailable',
  'mpop-authfail': 'auth.failed',
  'mpop-close': 'connect.reset',
  'mpop-expired': 'tls.certificate',
  'mpop-greet-reset': 'connect.reset',
  'mpop-hostname': 'tls.certificate',
  'mpop-locked': 'mailbox.locked',
  'mpop-nouidl': 'command.unknown',
  'mpop-plain-auth-refused': 'auth.mechanism',
  'mpop-refused': 'connect.refused',
  'mpop-reset': 'connect.reset',
  'mpop-selfsigned': 'tls.certificate',
  'mpop-silent': 'connect.timeout',
  'mpop-smtp': 'server.protocol-error',
  'mpop-stls-missing': 'tls.unavailable',
  'mpop-tls-on-plain': 'tls.mismatch',
  'node-altname': 'tls.certificate',
  'node-expired-trusted': 'tls.certificate',
  'node-expired': 'tls.certificate',
  'node-refused': 'connect.refused',
  'node-reset': 'connect.reset',
  'node-selfsigned': 'tls.certificate',
  'node-tls-close': 'connect.reset',
  'node-tls-on-http': 'tls.mismatch',
  'node-tls-on-plain': 'tls.mismatch',
  'node-tls-on-smtp': 'tls.mismatch',
  'node-tls10': 'tls.unavailable',
  'openssl-expired': 'tls.certificate',
  'openssl-hostname': 'tls.certificate',
  'openssl-on-plain': 'tls.mismatch',
  'openssl-refused': 'connect.refused',
  'openssl-selfsigned-full': 'tls.certificate',
  'openssl-selfsigned': 'tls.certificate',
  'openssl-starttls-nostls': 'tls.mismatch',
  'openssl-tls10': 'tls.unavailable',
};

const dir = join(import.meta.dirname, '..', 'fixtures', 'recorded', 'client');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('recorded output of real clients', () => {
  it('every recording has an expectation (a new recording needs one here)', () => {
    expect(files.map((f) => f.replace(/\.txt$/, '')).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const file of files) {
    const name = file.replace(/\.txt$/, '');
    it(`${name} is explained as ${expected[name]}`, () => {
      const result = explain(readFileSync(join(dir, file), 'utf8'), { lang: 'en' });
      expect(result.findings[0]?.category ?? `(${result.outcome})`).toBe(expected[name]);
      // The session's chatter (certificate chains, progress lines) raises nothing of another kind.
      expect(result.findings.map((f) => f.category)).not.toContain('unknown');
    });
  }
});

/** Sessions with a real Dovecot 2.3.19 (test/fixtures/recorded/server/README.md), every error in order. */
const dovecotSessions: Record<string, [line: number, category: string][]> = {
  'dovecot-2.3.19-before-login': [
    [4, 'command.state'],
    [6, 'command.state'],
    [8, 'command.state'],
    [9, 'command.unknown'],
  ],
  'dovecot-2.3.19-expunged': [
    [8, 'message.expunged'],
    [12, 'message.expunged'],
  ],
  'dovecot-2.3.19-in-use': [
    [6, 'mailbox.too-many-sessions'],
    [14, 'mailbox.locked'],
  ],
  'dovecot-2.3.19-storage-error': [[7, 'server.temporary']],
};

describe('recorded sessions with a real Dovecot', () => {
  const serverDir = join(import.meta.dirname, '..', 'fixtures', 'recorded', 'server');
  for (const [name, findings] of Object.entries(dovecotSessions)) {
    it(`${name}: every error, in order`, () => {
      const result = explain(readFileSync(join(serverDir, `${name}.txt`), 'utf8'), { lang: 'en' });
      expect(result.findings.map((f) => [f.lineNumber, f.category])).toEqual(findings);
    });
  }

  it('dovecot-2.3.19-transaction-errors: each reply is paired with its command', () => {
    const result = explain(readFileSync(join(serverDir, 'dovecot-2.3.19-transaction-errors.txt'), 'utf8'));
    const byCommand = Object.fromEntries(result.findings.map((f) => [f.command, f.category]));
    expect(byCommand).toMatchObject({
      'RETR 7': 'message.not-found',
      'RETR abc': 'command.syntax',
      'LIST 1 x': 'command.syntax',
    });
    expect(result.findings.every((f) => f.state === 'TRANSACTION')).toBe(true);
  });
});
