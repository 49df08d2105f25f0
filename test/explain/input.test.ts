import { describe, expect, it } from 'vitest';
import { explain, MAX_INPUT_CHARS } from '../../src/explain/explain.js';

describe('inputs with no error, and bad inputs', () => {
  it('empty input gets a clear answer', () => {
    for (const text of ['', '   ', '\n\n\r\n']) {
      const result = explain(text);
      expect(result.outcome).toBe('empty');
      expect(result.message).toMatch(/empty/);
    }
  });

  it('a session with only +OK lines says no POP error was found', () => {
    const result = explain(
      'S: +OK ready\nC: USER joe\nS: +OK\nC: PASS *\nS: +OK Logged in.\nC: QUIT\nS: +OK Bye',
    );
    expect(result.outcome).toBe('no-error');
    expect(result.findings).toEqual([]);
    expect(result.message).toMatch(/No POP error found/);
  });

  it('text with nothing of POP in it says so, in the asked language', () => {
    const result = explain('Bonjour, pouvez-vous m’aider avec mon imprimante ?', { lang: 'fr' });
    expect(result.outcome).toBe('not-pop');
    expect(result.message).toMatch(/Aucune erreur POP/);
  });

  it('input over the limit is refused with advice, not read', () => {
    const result = explain('x'.repeat(MAX_INPUT_CHARS + 1));
    expect(result.outcome).toBe('too-large');
    expect(result.message).toMatch(/--summary/);
  });

  it('binary junk with NUL bytes does not throw and is flagged', () => {
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 32)).join('');
    const result = explain(junk);
    expect(['not-pop', 'no-error', 'errors']).toContain(result.outcome);
    expect(result.warnings.map((w) => w.code)).toContain('input.binary');
  });

  it('an error line among binary junk is still found', () => {
    const result = explain(`\u0000\u0001\u0002garbage\n-ERR [IN-USE] Unable to lock maildrop\n\u0000\u0000`);
    expect(result.findings[0]?.category).toBe('mailbox.locked');
  });

  it('ANSI escapes and zero-width characters do not reach the echoed line', () => {
    const result = explain('\u001b[31m-ERR [IN-USE] Unable\u200b to lock maildrop\u001b[0m');
    expect(result.findings[0]?.category).toBe('mailbox.locked');
    expect(result.findings[0]?.line).not.toMatch(/\u001b/);
  });

  it('CR-only and mixed newlines split lines the same way', () => {
    const lf = explain('C: RETR 9\nS: -ERR no such message').findings[0];
    const cr = explain('C: RETR 9\rS: -ERR no such message').findings[0];
    const crlf = explain('C: RETR 9\r\nS: -ERR no such message').findings[0];
    expect(cr?.command).toBe(lf?.command);
    expect(crlf?.command).toBe(lf?.command);
  });

  it('a very long single line is handled and echoed shortened', () => {
    const result = explain(`-ERR ${'a'.repeat(1024 * 1024)}`);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.line.length).toBeLessThanOrEqual(300);
  });

  it('100 000 lines with errors spread through them are all found', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) =>
      i % 10_000 === 0 ? '-ERR [IN-USE] Unable to lock maildrop' : `noise line ${i}`,
    );
    const result = explain(lines.join('\n'));
    // One explanation, standing on every one of the ten lines.
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.lines).toEqual(Array.from({ length: 10 }, (_, i) => i * 10_000 + 1));
    // A behaviour test, not a speed one (speed is `npm run bench`): ~9 s of CPU, more on a loaded runner.
  }, 90_000);

  it('prose quoting a web or API error is not taken for a POP error', () => {
    for (const text of [
      'Our build says "Internal server error" from the REST API',
      'the login page shows "user not found"',
    ]) {
      expect(explain(text).outcome).toBe('not-pop');
    }
  });

  it('prose quoting a POP server wording is explained, with less confidence', () => {
    const f = explain('I get "Unable to lock mailbox" every time I check mail').findings[0];
    expect(f?.category).toBe('mailbox.locked');
    expect(f?.confidence).toBeLessThanOrEqual(0.75);
  });

  it('a server wording pasted alone, without its -ERR, is explained with less confidence', () => {
    const f = explain('basic authentication is disabled').findings[0];
    expect(f?.category).toBe('auth.app-password');
    expect(f?.confidence).toBeLessThanOrEqual(0.6);
  });

  it('a sentence that merely contains a few words of a wording is not taken for it', () => {
    expect(explain('I think my invalid password is the issue here today').outcome).toBe('not-pop');
  });

  it('findings come in input order', () => {
    const result = explain(
      'C: RETR 2\nS: -ERR no such message\nC: QUIT\nS: -ERR some deleted messages not removed',
    );
    expect(result.findings.map((f) => f.lineNumber)).toEqual([2, 4]);
  });
});
