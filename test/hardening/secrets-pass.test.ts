import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { maskSecrets } from '../../src/secrets/index.js';

/**
 * The secrets pass itself (src/secrets): what it masks is in test/support/secret-forms.ts, run through every
 * surface by secrets.test.ts; here, what it must leave alone, and the order it runs in.
 */

describe('the secrets pass', () => {
  it.each([
    'Cannot Get Mail. The user name or password for "pop.gmail.com" is incorrect.',
    'The PASS command failed. Wrong password: please retry.',
    'APOP authentication failed.',
    'Pass the salt please',
    'Username or password incorrect.',
    '-ERR [IN-USE] Unable to lock maildrop: passed too many times',
    'see https://host:8080/path/joe@example.org for help',
    'WWW-Authenticate: Bearer realm="mail"',
    'fetchmail: POP3> PASS *',
    'password: ****',
    'the bearer token was rejected',
    // A file named like a key is a path, and `name:open(…)` is how Dovecot reports a file it could not open.
    'auth: Error: passwd-file /etc/dovecot/passwd:open(/etc/dovecot/passwd) failed: No such file or directory',
  ])('leaves prose and placeholders alone: %s', (text) => {
    expect(maskSecrets(text)).toEqual({ text, found: false, removed: 0 });
  });

  it('masks the whole paste before the explainer cuts an over-long line to a window', () => {
    const secret = 'Window-S3cret';
    const line = `password = ${'x'.repeat(5000)}${secret} -ERR [AUTH] Authentication failed.`;
    const result = explain(line);
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(result.warnings[0]?.code).toBe('secret.exposed');
  });

  it('reads a whole session flattened onto one line as separate lines, so the -ERR is still explained', () => {
    const result = explain('C: USER joe S: +OK C: PASS Flat-S3cret S: -ERR [AUTH] Authentication failed.');
    expect(result.findings[0]).toMatchObject({ category: 'auth.failed', command: 'PASS ****' });
    expect(JSON.stringify(result)).not.toContain('Flat-S3cret');
  });

  it('takes the whole argument of PASS in a transcript of several lines, markers and all', () => {
    const { text } = maskSecrets('C: PASS ab S: -ERR Xpart\nS: -ERR [AUTH] Authentication failed.');
    expect(text).toBe('C: PASS ****\nS: -ERR [AUTH] Authentication failed.');
  });

  it('finds the password inside an AUTH PLAIN payload when the server echoes it', () => {
    const payload = Buffer.from('\0joe\0Pl4in-Echo').toString('base64');
    const { text } = maskSecrets(`C: AUTH PLAIN ${payload}\nS: -ERR no such user joe / Pl4in-Echo`);
    expect(text).toBe('C: AUTH PLAIN ****\nS: -ERR no such user joe / ****');
  });

  it('keeps a -ERR line whole when a U+2028 is pasted inside it', () => {
    const result = explain('-ERR [AUTH] Authentication\u2028failed.');
    expect(result.outcome).toBe('errors');
    expect(result.findings[0]?.category).toBe('auth.failed');
  });

  it('stays linear on a megabyte of key/value and command shapes', () => {
    const unit = 'password="x\' PASS a -u b:c pop3://d:e@f.g "token": Bearer ';
    const input = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const started = performance.now();
    maskSecrets(input);
    maskSecrets(input.replace(/ /g, '\n'));
    // Not a speed target (that is `npm run bench`): a quadratic pass takes minutes here, not a second.
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
