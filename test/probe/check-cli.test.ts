import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCheckCommand } from '../../src/cli/check.js';
import type { ProbeDeps, ProbeReport } from '../../src/probe/types.js';
import { makeTestCerts, type TestCerts } from '../support/certs.js';
import { type CliRun, runWithIO } from '../support/cli-io.js';
import { type FakePopServer, startFakePopServer } from '../support/fake-pop-server.js';

function check(
  args: string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv; tty?: boolean; deps?: ProbeDeps } = {},
): Promise<CliRun> {
  return runWithIO((io) => runCheckCommand(args, io, options.deps), {
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
    env: { NO_COLOR: '1', ...options.env },
    ...(options.tty ? { tty: 'stdout' as const } : {}),
  });
}

let certs: TestCerts;
let server: FakePopServer;
const PASSWORD = 'correct horse';

beforeAll(async () => {
  certs = makeTestCerts();
});
afterAll(() => certs?.cleanup());
afterEach(async () => server?.close());

const fast = ['--timeout', '5'];

describe('popbot check: usage', () => {
  it.each([
    [['--bogus', 'x.example']],
    [['--tls', 'maybe', 'x.example']],
    [['--port', '99999', 'x.example']],
    [[]],
    [['a.example', 'b.example']],
    [['--lang', 'de', 'x.example']],
  ])('%j is a one-line error, the usage, and exit 2', async (args) => {
    const run = await check(args);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(/^popbot check: /);
    expect(run.stderr).toContain('Usage: popbot check TARGET');
    expect(run.stdout).toBe('');
  });

  it.each([['--password', 'hunter2'], ['--password=hunter2'], ['-p', 'hunter2']])(
    'refuses a password given as an option (%s), without echoing it',
    async (...flag) => {
      const run = await check([...flag, '--user', 'u', 'x.example']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--password-stdin');
      expect(run.stderr + run.stdout).not.toContain('hunter2');
    },
  );

  it('with a user and no way to get the password (no terminal), says how to give it', async () => {
    const run = await check(['--user', 'alice', 'x.example']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('POPBOT_PASSWORD');
  });

  it('speaks the language of --lang', async () => {
    const run = await check(['--lang', 'fr', '--tls', 'nope', 'x.example']);
    expect(run.stderr).toContain('valeur incorrecte pour --tls');
  });
});

describe('popbot check: a run', () => {
  it('--json gives the report, exit code 0 for a healthy server', async () => {
    server = await startFakePopServer({ mode: 'implicit', tls: certs.valid });
    const run = await check(
      ['--json', '--tls', 'implicit', `localhost:${server.port}`, '--allow-private', ...fast],
      {
        deps: { ca: certs.ca },
      },
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ProbeReport;
    expect(report.target.host).toBe('localhost');
    expect(report.steps.every((s) => ['ok', 'skipped'].includes(s.status))).toBe(true);
    expect(report.settings?.encryption).toBe('ssl/tls');
  });

  it('refuses a private address unless --allow-private (exit 3, UNKNOWN)', async () => {
    server = await startFakePopServer({});
    const run = await check(['--tls', 'none', `127.0.0.1:${server.port}`, ...fast]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('private or internal address');
    expect(server.connections).toBe(0);
  });

  it('prints the steps live on a terminal, then the settings', async () => {
    server = await startFakePopServer({ tls: certs.valid });
    const run = await check(['--tls', 'stls', '--allow-private', `localhost:${server.port}`, ...fast], {
      tty: true,
      deps: { ca: certs.ca },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ Greeting +\d+ ms {2}ok: \+OK fake POP3 ready/);
    expect(run.stdout).toContain('Use these settings in your mail program:');
    expect(run.stdout).toContain('Encryption: STARTTLS');
    expect(run.stdout.match(/Greeting/g)).toHaveLength(1);
  });

  it('reads the password from --password-stdin and shows a masked --transcript', async () => {
    server = await startFakePopServer({ tls: certs.valid, capabilities: ['USER', 'UIDL'] });
    const run = await check(
      [
        '--tls',
        'stls',
        '--user',
        'alice',
        '--password-stdin',
        '--transcript',
        '--allow-private',
        `localhost:${server.port}`,
      ],
      { stdin: `${PASSWORD}\n`, deps: { ca: certs.ca } },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('C: PASS ****');
    expect(run.stdout).not.toContain(PASSWORD);
  });

  it('reads the password from POPBOT_PASSWORD', async () => {
    server = await startFakePopServer({ tls: certs.valid });
    const run = await check(
      ['--tls', 'stls', '--user', 'alice', '--allow-private', `localhost:${server.port}`],
      {
        env: { POPBOT_PASSWORD: PASSWORD },
        deps: { ca: certs.ca },
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Logged in as alice');
  });
});
