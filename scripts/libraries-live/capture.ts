import { writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../src/knowledge/paths.js';
import { makeTestCerts } from '../../test/support/certs.js';
import { type Dovecot, startDovecot } from '../../test/support/dovecot.js';
import { type FakePopServer, startFakePopServer } from '../../test/support/fake-pop-server.js';
import { MAILBOX_HANDLERS, SCENARIOS, type Scenario } from './scenarios.js';
import { cmdline, LOCALES, type Locale, runTool, type Target, TOOLS, type Tool } from './tools.js';

/**
 * Runs every POP library of tools.ts into every scenario of scenarios.ts, in the C, French and Vietnamese
 * locales, plus once with the library's own protocol trace where it has one, and writes the raw record to
 * scripts/libraries-live/data/capture.json (README.md: how to re-run).
 *
 *   node dist/libraries-live/scripts/libraries-live/capture.js [--only=<scenario prefix>]   (as root)
 */

const PASSWORD = 'correct horse';
const CONCURRENCY = 6;

export interface RunRecord {
  scenario: string;
  expected: string;
  server: string;
  tool: string;
  toolName: string;
  lang: Locale;
  debug: boolean;
  cmdline: string;
  output: string;
  exitCode: number | null;
  timedOut: boolean;
}

export interface CaptureData {
  date: string;
  versions: Record<string, string>;
  servers: Record<string, string>;
  runs: RunRecord[];
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Logs in and stays: the session that holds the maildrop lock while a library tries. */
function holdLock(port: number): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    const steps = ['USER alice', `PASS ${PASSWORD}`];
    let buffer = '';
    s.on('data', (d: Buffer) => {
      buffer += d.toString();
      while (buffer.includes('\r\n')) {
        const line = buffer.slice(0, buffer.indexOf('\r\n'));
        buffer = buffer.slice(line.length + 2);
        if (!line.startsWith('+OK')) return reject(new Error(`lock holder: ${line}`));
        const next = steps.shift();
        if (next) s.write(`${next}\r\n`);
        else resolve(() => s.destroy());
      }
    });
    s.on('error', reject);
  });
}

async function pool(jobs: (() => Promise<void>)[], size: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
}

function toolFits(tool: Tool, s: Scenario): boolean {
  if (s.tools && !s.tools.includes(tool.name) && !tool.scenarios?.includes(s.id)) return false;
  if (tool.security && !tool.security.includes(s.security)) return false;
  return tool.ops.includes(s.op.split(':')[0]!);
}

/** What one capture runs and where it writes: libraries-live's tools here, another set's from its own script. */
export interface CaptureOptions {
  /** The set's folder under scripts/ (the record goes to scripts/<set>/data/). */
  set: string;
  tools: readonly Tool[];
  /** Whether a tool is also run in French and Vietnamese in a scenario (besides the C locale). */
  translated(tool: Tool, scenario: Scenario): boolean;
  /** What the fake server's scenarios are, said in the record. */
  fakeNote: string;
}

const LIBRARIES_LIVE: CaptureOptions = {
  set: 'libraries-live',
  tools: TOOLS,
  // Only movemail (gettext + glibc) speaks French and Vietnamese; the others are tried where the system's
  // errno text could show through (a connection refused).
  translated: (tool, s) =>
    tool.name === 'movemail' || tool.name === 'neomutt' || s.id === 'closed/connection-refused',
  fakeNote:
    'test/support/fake-pop-server.ts (plain) with the scenario handlers of scripts/libraries-live/scenarios.ts',
};

/** Reads `--only=<scenario prefix>`, `--tools=a,b` and `--batch=N` and runs the capture. */
export async function capture(options: CaptureOptions): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  // A later batch runs only the tools it adds (`--tools=neomutt --batch=2`), into capture-<batch>.json.
  const onlyTools = process.argv
    .find((a) => a.startsWith('--tools='))
    ?.slice(8)
    .split(',');
  const batch = process.argv.find((a) => a.startsWith('--batch='))?.slice(8);
  // startDovecot waits for a detached, unref'd child to exit: something must keep the event loop alive.
  const keepAlive = setInterval(() => {}, 1000);
  const certs = makeTestCerts();
  const users = { alice: PASSWORD, deleter: PASSWORD };
  const dovecot: Dovecot = await startDovecot({ certs, users, messages: 20 });
  const locked: Dovecot = await startDovecot({
    certs,
    users,
    messages: 20,
    extraConfig: ['pop3_lock_session = yes'],
  });
  const closed = await closedPort();
  const versions: Record<string, string> = {
    dovecot: `Dovecot ${(await import('node:child_process')).execFileSync('dovecot', ['--version'], { encoding: 'utf8' }).trim()}`,
  };
  for (const t of options.tools) if (!onlyTools || onlyTools.includes(t.name)) versions[t.name] = t.version();
  const servers = {
    dovecot:
      'Dovecot 2.3 (test/support/dovecot.ts): listen 127.0.0.1, 127.0.0.2; ssl = yes with a certificate of a test CA the clients do not trust; disable_plaintext_auth = yes (127.0.0.1 counts as secure, 127.0.0.2 does not); auth_mechanisms = plain login; users alice, deleter',
    'dovecot-locked': 'the same Dovecot with pop3_lock_session = yes, alice logged in by another session',
    closed: 'a loopback port with nothing listening',
    fake: options.fakeNote,
  };
  const runs: RunRecord[] = [];
  for (const s of SCENARIOS) {
    if (only && !s.id.startsWith(only)) continue;
    let fake: FakePopServer | undefined;
    let release: (() => void) | undefined;
    if (s.server === 'fake')
      fake = await startFakePopServer({ ...s.fake, handlers: { ...MAILBOX_HANDLERS, ...s.fake?.handlers } });
    if (s.server === 'dovecot-locked') release = await holdLock(locked.plainPort);
    const server = s.server === 'dovecot-locked' ? locked : dovecot;
    const target: Target = {
      host: s.host ?? '127.0.0.1',
      port: fake
        ? fake.port
        : s.server === 'closed'
          ? closed
          : s.port === 'tls'
            ? server.tlsPort
            : server.plainPort,
      security: s.security,
      user: s.user === 'nobody' ? 'nobody' : (s.user ?? 'alice'),
      password: s.password === 'wrong' ? 'guess123' : PASSWORD,
      op: s.op,
    };
    const jobs: (() => Promise<void>)[] = [];
    for (const tool of options.tools) {
      if (!toolFits(tool, s) || (onlyTools && !onlyTools.includes(tool.name))) continue;
      const variants: { lang: Locale; debug: boolean }[] = [{ lang: 'en', debug: false }];
      if (tool.debug) variants.push({ lang: 'en', debug: true });
      if (options.translated(tool, s))
        for (const lang of ['fr', 'vi'] as const) variants.push({ lang, debug: false });
      for (const v of variants)
        jobs.push(async () => {
          const r = await runTool(tool, target, v.lang, v.debug, s.slow ? 40 : 30);
          runs.push({
            scenario: s.id,
            expected: s.expected,
            server: s.server,
            tool: versions[tool.name]!,
            toolName: tool.name,
            lang: v.lang,
            debug: v.debug,
            cmdline: `LANG=${LOCALES[v.lang]} ${cmdline(tool, target, v.debug)}`,
            ...r,
          });
          process.stderr.write(
            `${s.id} ${tool.name} ${v.lang}${v.debug ? ' debug' : ''}: exit ${r.exitCode}${r.timedOut ? ' (killed)' : ''}\n`,
          );
        });
    }
    await pool(jobs, CONCURRENCY);
    release?.();
    await fake?.close();
  }
  dovecot.stop();
  locked.stop();
  certs.cleanup();
  const data: CaptureData = { date: new Date().toISOString(), versions, servers, runs };
  const file = join(
    projectRoot(),
    'scripts',
    options.set,
    'data',
    batch ? `capture-${batch}.json` : only ? `capture-${only.replace(/\W+/g, '-')}.json` : 'capture.json',
  );
  writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
  clearInterval(keepAlive);
  process.stderr.write(`${runs.length} runs → ${file}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await capture(LIBRARIES_LIVE);
