import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-io.js';

describe('every command has a --help that says what each option does, its default and an example', () => {
  const commands: [string[], string[]][] = [
    [
      ['explain', '--help'],
      ['--json', '--lang', '--summary'],
    ],
    [
      ['check', '--help'],
      ['--port', '--tls', '--user', '--insecure', '--allow-private', '--timeout'],
    ],
    [
      ['kb', '--help'],
      ['list', 'show', 'stats', 'eval', '--category'],
    ],
    [
      ['shell', '--help'],
      ['--lang', '/popcheck'],
    ],
    [['start', '--help'], ['SIGTERM']],
  ];
  for (const [argv, options] of commands) {
    it(`popbot ${argv.join(' ')}`, async () => {
      const run = await runCli(argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: popbot ${argv[0]}`));
      for (const option of options) expect(run.stdout).toContain(option);
      // Every option line of the help states its default, and the help ends with an example.
      const optionLines = run.stdout.split('\n').filter((l) => /^ {2}--(?!help)/.test(l));
      for (const line of optionLines.filter((l) => !l.includes('--summary') || argv[0] !== 'explain'))
        expect(line, line).toMatch(/\(default/);
      expect(run.stdout).toMatch(/Example:\n {2}\S/);
    });
  }

  it('in French with --lang fr, and in Vietnamese from LANG', async () => {
    const fr = await runCli(['check', '--lang', 'fr', '--help']);
    expect(fr.stdout).toMatch(/^Utilisation\u00a0: popbot check CIBLE/);
    expect(fr.stdout).toMatch(/par défaut\u00a0: 995/);
    const vi = await runCli(['kb', '--help'], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(vi.stdout).toMatch(/^Cách dùng: popbot kb/);
  });

  it('popbot help explain is the same as popbot explain --help', async () => {
    const a = await runCli(['help', 'explain']);
    const b = await runCli(['explain', '--help']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('popbot kb list --category', () => {
  it('an unknown category is a usage error naming the valid codes', async () => {
    const run = await runCli(['kb', 'list', '--category', 'nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no category "nope"/);
    expect(run.stderr).toMatch(/mailbox\.locked/);
    expect(run.stdout).toBe('');
  });

  it('a known category lists only its entries', async () => {
    const run = await runCli(['kb', 'list', '--category', 'mailbox.locked', '--json']);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as { category: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(['mailbox.locked']));
  });
});

describe('input over the size limit', () => {
  // 3 MiB: an error near the start, filler, and an error at the very end that lies past the limit.
  const filler = `${'+OK 1 120 octets, a listing line of a long log\n'.repeat(70_000)}`;
  const big = `-ERR [IN-USE] Unable to lock maildrop\n${filler}-ERR [AUTH] Authentication failed.\n`;

  it('explains the head, and says in the JSON what was read and what was not', async () => {
    expect(big.length).toBeGreaterThan(3 * 1024 * 1024);
    const run = await runCli(['explain', '--json'], { stdin: big });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.findings.map((f: { category: string }) => f.category)).toEqual(['mailbox.locked']);
    const warning = json.warnings.find((w: { code: string }) => w.code === 'input.truncated');
    expect(warning?.message).toMatch(/3\.\d MiB/);
    expect(warning?.message).toMatch(/first 2\.0 MiB/);
    expect(warning?.message).toMatch(/--summary/);
    expect(warning?.message).toMatch(/\(\d{1,3}(,\d{3})+ lines\)/);
  });

  it('counts the lines read in the grammar of the language: one line is singular in French', async () => {
    const oneLine = `-ERR [IN-USE] Unable to lock maildrop ${'x'.repeat(3 * 1024 * 1024)}\n`;
    const run = await runCli(['explain', '--json', '--lang', 'fr'], { stdin: oneLine });
    const warning = JSON.parse(run.stdout).warnings.find(
      (w: { code: string }) => w.code === 'input.truncated',
    );
    expect(warning?.message).toMatch(/\(1\u00a0ligne\)/);
  });

  it('says it in the text answer too, in the language of the answer', async () => {
    const run = await runCli(['explain', '--lang', 'vi'], { stdin: big });
    expect(run.stdout).toMatch(/chỉ 2,0 MiB đầu tiên/);
    expect(run.stdout).toMatch(/--summary/);
  });

  it('input under the limit carries no such warning', async () => {
    const run = await runCli(['explain', '--json'], { stdin: '-ERR [IN-USE] Unable to lock maildrop\n' });
    expect(JSON.parse(run.stdout).warnings).toEqual([]);
  });
});

describe('whether retrying helps reads as a sentence', () => {
  it('in English, French and Vietnamese', async () => {
    const en = await runCli(['explain', '-ERR [SYS/TEMP] Internal error occurred']);
    expect(en.stdout).toMatch(
      /^Retry: Trying again in a few minutes should work, because the problem is temporary\.$/m,
    );
    const fr = await runCli(['explain', '--lang', 'fr', '-ERR [AUTH] Authentication failed.']);
    expect(fr.stdout).toMatch(
      /^Nouvel essai\u00a0: Réessayer ne servira à rien tant que la cause n’est pas corrigée\.$/m,
    );
    const vi = await runCli(['explain', '--lang', 'vi', '-ERR [AUTH] Authentication failed.']);
    expect(vi.stdout).toMatch(/^Thử lại: Thử lại cũng không được cho đến khi nguyên nhân được khắc phục\.$/m);
  });
});
