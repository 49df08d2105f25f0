import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-io.js';

describe('popbot explain', () => {
  it('--json reports mailbox.locked for the IN-USE line, even though the text starts with a dash', async () => {
    const run = await runCli(['explain', '--json', '-ERR [IN-USE] Unable to lock maildrop']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.lang).toBe('en');
    expect(json.findings[0].category).toBe('mailbox.locked');
    expect(json.findings[0].responseCode).toBe('IN-USE');
    expect(json.warnings).toEqual([]);
  });

  it('reads stdin and answers in French when asked', async () => {
    const run = await runCli(['explain', '--lang', 'fr'], { stdin: '-SE TROMPER mot de passe invalide\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/mot de passe/i);
    expect(run.stdout).toMatch(/auth\.bad-password/);
  });

  it('follows LANG when nothing else decides', async () => {
    const run = await runCli(['explain', '--json', '-ERR no such message'], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(JSON.parse(run.stdout).lang).toBe('vi');
  });

  it('says so when there is no error', async () => {
    const run = await runCli(['explain', '+OK Dovecot ready.']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/No POP error found/);
  });

  it('a bad flag is one line of error and a usage hint, exit 2', async () => {
    const run = await runCli(['explain', '--colour']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(/^popbot: unknown option '--colour'$/);
    expect(run.stderr).not.toMatch(/at .*\.js/);
  });

  it("usage errors speak the user's language", async () => {
    const fr = await runCli(['explain', '--colour'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(fr.stderr).toMatch(/option inconnue «\s--colour\s»/);
    const vi = await runCli(['kb', 'list', '--nope'], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(vi.code).toBe(2);
    expect(vi.stderr).toMatch(/không có tùy chọn "--nope"/);
  });

  it('a bad --lang is refused, exit 2', async () => {
    const run = await runCli(['explain', '--lang', 'de', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/en, fr or vi/);
  });

  it('--summary counts errors per category over a log file, with an example line each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'popbot-summary-'));
    const file = join(dir, 'fetchmail.log');
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      lines.push(`Nov 22 10:${String(i % 60).padStart(2, '0')}:00 mx fetchmail[1]: POP3> PASS *`);
      lines.push(
        `Nov 22 10:00:00 mx fetchmail[1]: POP3< ${i % 3 === 0 ? '-ERR [IN-USE] Unable to lock maildrop' : '+OK Logged in.'}`,
      );
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = await runCli(['explain', '--summary', '--json', file]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.lines).toBe(6000);
    expect(json.categories).toEqual([
      expect.objectContaining({
        category: 'mailbox.locked',
        count: 1000,
        example: expect.objectContaining({ lineNumber: 2 }),
      }),
    ]);
  });

  it('--summary - reads the log from stdin and counts what it counts from a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'popbot-summary-'));
    const file = join(dir, 'mixed.log');
    const log = [
      'Nov 22 10:00:00 mx fetchmail[1]: POP3< +OK ready',
      'Nov 22 10:00:01 mx fetchmail[1]: POP3> RETR 1',
      'Nov 22 10:00:01 mx fetchmail[1]: POP3< -ERR [IN-USE] Unable to lock maildrop',
      'Mar  3 11:00:00 mx dovecot: pop3(bob)<4711><Qx9zT1>: Error: Timeout (180s) while waiting for lock for transaction log file /var/mail/bob/dovecot.index.log (WRITE lock held by pid 4700)',
    ]
      .map((line) => `${line}\r\n`)
      .join('')
      .repeat(50);
    writeFileSync(file, log);
    const fromFile = JSON.parse((await runCli(['explain', '--summary', '--json', file])).stdout);
    const run = await runCli(['explain', '--summary', '--json', '-'], { stdin: log });
    expect(run.code).toBe(0);
    const fromStdin = JSON.parse(run.stdout);
    expect(fromStdin.lines).toBe(200);
    expect(fromStdin.errors).toBeGreaterThan(0);
    expect(fromStdin).toEqual(fromFile);
  });

  it('--summary on a missing file is a clear error, not a trace', async () => {
    const run = await runCli(['explain', '--summary', '/nonexistent/popbot.log']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/cannot read \/nonexistent\/popbot\.log: ENOENT/);
  });
});

describe('popbot kb', () => {
  it('list shows entries with their categories', async () => {
    const run = await runCli(['kb', 'list', '--category', 'mailbox.locked']);
    expect(run.stdout).toMatch(/unable-to-lock-maildrop/);
  });
  it('show ID renders the entry in the asked language', async () => {
    const run = await runCli(['kb', 'show', 'unable-to-lock-maildrop', '--lang', 'vi']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Hộp thư/);
  });
  it('show of an unknown id is a clear error', async () => {
    const run = await runCli(['kb', 'show', 'no-such-entry']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/no entry or category "no-such-entry"/);
  });
  it('stats counts entries per category and names thin ones', async () => {
    const run = await runCli(['kb', 'stats', '--json']);
    const rows = JSON.parse(run.stdout) as { category: string; entries: number }[];
    expect(rows.find((r) => r.category === 'mailbox.locked')?.entries).toBeGreaterThan(0);
  });
});

describe('popbot itself', () => {
  it('an unknown command is exit 2', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command "frobnicate"/);
  });
  it('--help prints the usage', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toMatch(/popbot explain/);
  });
});

describe('popbot shell, reading a pipe', () => {
  it('answers what it reads and ends at end of input', async () => {
    const run = await runCli(['shell'], { stdin: '-ERR [IN-USE] Unable to lock maildrop\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/mailbox\.locked/);
  });
  it('takes a multi-line paste as one message, and /lang between messages', async () => {
    const run = await runCli(['shell'], { stdin: 'C: RETR 9\nS: -ERR\n/lang fr\nC: QUIT\nS: -ERR\n' });
    const [first, second] = run.stdout.split('Je répondrai en français.');
    expect(first).toMatch(/answer to: RETR 9/);
    expect(second).toMatch(/réponse à\u00a0: QUIT/);
  });
});
