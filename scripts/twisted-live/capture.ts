import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/knowledge/paths.js';
import { renderRawSession, runRawSession } from '../capture/raw-session.js';
import { CLIENT_TOOLS } from '../clients-live/tools.js';
import type { CaptureData, RunRecord } from '../libraries-live/capture.js';
import { cmdline, deb, LOCALES, type Locale, runTool, type Target, TOOLS } from '../libraries-live/tools.js';
import { TWISTED_SCENARIOS } from './scenarios.js';

/**
 * Runs the scenarios of scenarios.ts against Twisted's POP3 server (server.py, a fresh one per scenario on a
 * loopback port): each program of the scenario (clients-live's and libraries-live's runners, in the C locale,
 * with its trace where it has one, in French and Vietnamese where it speaks them) and a telnet session typed
 * by hand. Writes scripts/twisted-live/data/capture.json in libraries-live's record format.
 *
 *   node dist/twisted-live/scripts/twisted-live/capture.js
 */

const PASSWORD = 'correct horse';
const PORT = 10110;
const here = join(projectRoot(), 'scripts', 'twisted-live');
const tools = [...CLIENT_TOOLS, ...TOOLS];
/** Mailutils (its catalogue) speaks French and Vietnamese; the others print English only. */
const TRANSLATED = new Set(['frm', 'from', 'mail', 'readmsg', 'movemail']);

async function waitGreeting(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(PORT, '127.0.0.1');
      s.once('data', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Twisted POP3 server did not start');
}

async function startServer(): Promise<{ child: ChildProcess; root: string }> {
  const root = mkdtempSync(join(tmpdir(), 'twisted-live-'));
  const child = spawn('/usr/bin/python3', [join(here, 'server.py'), String(PORT), root], { stdio: 'ignore' });
  await waitGreeting();
  return { child, root };
}

const py = (code: string) => execFileSync('/usr/bin/python3', ['-c', code], { encoding: 'utf8' }).trim();
const versions: Record<string, string> = {
  'twisted-server': `Twisted ${py('import twisted; print(twisted.__version__)')} twisted.mail.pop3 server (python3-twisted ${deb('python3-twisted')}), scripts/twisted-live/server.py`,
  session: 'a POP session typed by hand (telnet 127.0.0.1 10110), recorded by scripts/capture/raw-session.ts',
};
const runs: RunRecord[] = [];
for (const s of TWISTED_SCENARIOS) {
  const { child, root } = await startServer();
  const record = await runRawSession({ host: '127.0.0.1', port: PORT, steps: s.raw, timeoutS: 10 });
  runs.push({
    scenario: s.id,
    expected: s.expected,
    server: 'twisted-server',
    tool: versions.session!,
    toolName: 'session',
    lang: 'en',
    debug: true,
    cmdline: `telnet 127.0.0.1 ${PORT}, then typed: ${s.raw.map((r) => r.send).join(' / ')}`,
    output: renderRawSession(record, 'terminal'),
    exitCode: 0,
    timedOut: false,
  });
  const target: Target = {
    host: '127.0.0.1',
    port: PORT,
    security: s.security,
    user: s.user,
    password: s.password === 'wrong' ? 'guess123' : PASSWORD,
    op: s.op,
  };
  for (const name of s.tools) {
    const tool = tools.find((t) => t.name === name)!;
    versions[name] ??= tool.version();
    const variants: { lang: Locale; debug: boolean }[] = [{ lang: 'en', debug: false }];
    if (tool.debug) variants.push({ lang: 'en', debug: true });
    if (TRANSLATED.has(name)) variants.push({ lang: 'fr', debug: false }, { lang: 'vi', debug: false });
    for (const v of variants) {
      const r = await runTool(tool, target, v.lang, v.debug, 30);
      runs.push({
        scenario: s.id,
        expected: s.expected,
        server: 'twisted-server',
        tool: versions[name]!,
        toolName: name,
        lang: v.lang,
        debug: v.debug,
        cmdline: `LANG=${LOCALES[v.lang]} ${cmdline(tool, target, v.debug)}`,
        ...r,
      });
      process.stderr.write(`${s.id} ${name} ${v.lang}${v.debug ? ' debug' : ''}: exit ${r.exitCode}\n`);
    }
  }
  child.kill();
  await new Promise((r) => child.once('exit', r));
  rmSync(root, { recursive: true, force: true });
}
const data: CaptureData = {
  date: new Date().toISOString(),
  versions,
  servers: {
    'twisted-server':
      'Twisted twisted.mail.pop3.POP3 on 127.0.0.1 (scripts/twisted-live/server.py): a cred Portal, an in-memory checker (plain and APOP), a realm of twisted.mail.maildir.MaildirMailbox; users alice and deleter (3 messages), broken (no home directory); no TLS',
  },
  runs,
};
const file = join(here, 'data', 'capture.json');
writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
process.stderr.write(`${runs.length} runs → ${file}\n`);
