import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { makeTestCerts } from '../../test/support/certs.js';
import { projectRoot } from '../../src/knowledge/paths.js';
import {
  CLIENTS,
  type ClientName,
  clientVersion,
  type LocaleLang,
  runClient,
  type Target,
} from '../capture/clients.js';
import { runSnail, snailVersion } from './snail.js';
import { renderRawSession, runRawSession } from '../capture/raw-session.js';
import { type ProxyScenario, SCENARIOS } from './scenarios.js';
import { HOST, PASSWORD, type Proxies, type ProxyName, USER, startProxies } from './servers.js';

/**
 * Captures what POP3 proxies (nginx's mail proxy, perdition) put between clients and servers: every scenario
 * of scenarios.ts, every client in the locales it speaks, typed sessions, and the proxies' own log lines.
 * Writes the raw record to scripts/proxies/data/capture.json; build.ts labels it and writes the fixtures.
 *
 *   node dist/proxies/scripts/proxies/capture.js [--batch=2] [--only=<id prefix>]   (as root; see README.md)
 */

const LOCALIZED: readonly ClientName[] = ['fetchmail', 'mpop'];
const WRONG = 'guess123';
const CONCURRENCY = 6;

export interface RunRecord {
  scenario: string;
  proxy: ProxyName;
  tool: string;
  client: ClientName | 'snail' | 'raw';
  lang: LocaleLang;
  verbose: boolean;
  cmdline?: string;
  config?: string;
  output: string;
  exitCode: number | null;
}

export interface CaptureData {
  date: string;
  versions: Record<string, string>;
  proxies: Record<string, string>;
  runs: RunRecord[];
  /** The proxy's log lines written while each scenario ran. */
  logs: Record<string, string[]>;
}

const progress = (t: string) => process.stderr.isTTY && process.stderr.write(`\r\x1b[2K${t.slice(0, 110)}`);

async function pool(jobs: (() => Promise<void>)[], size: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
}

function logOf(p: Proxies, proxy: ProxyName): string {
  return proxy.startsWith('nginx') ? p.nginxLog() : p.perditionLog(proxy);
}

/** A typed session that types nothing: the greeting, then whatever the proxy says or does when it gives up. */
function idleSession(port: number, idleS: number): Promise<string> {
  return new Promise((resolve) => {
    const s = netConnect({ host: HOST, port });
    let text = '';
    s.setEncoding('utf8');
    s.on('data', (d: string) => (text += d));
    s.on('error', () => undefined);
    const timer = setTimeout(() => {
      s.destroy();
      resolve(text.replace(/\r/g, '').trimEnd());
    }, idleS * 1000);
    s.on('close', () => {
      clearTimeout(timer);
      resolve(`${text.replace(/\r/g, '').trimEnd()}\nConnection closed by foreign host.`);
    });
  });
}

async function captureScenario(
  p: Proxies,
  sc: ProxyScenario,
  ca: string,
  caFile: string,
): Promise<RunRecord[]> {
  const runs: RunRecord[] = [];
  const release =
    sc.hold === 'lock'
      ? await p.holdLock()
      : sc.hold === 'connection'
        ? await p.holdConnection(sc.proxy)
        : undefined;
  const port = p.port[sc.proxy];
  const base = { scenario: sc.id, proxy: sc.proxy, lang: 'en' as const, verbose: true };
  try {
    if (sc.idleS) {
      const output = await idleSession(port, sc.idleS);
      runs.push({ ...base, tool: 'raw session', client: 'raw', output, exitCode: null });
    } else if (sc.raw) {
      const steps = sc.raw.map((s) => ({ ...s, send: s.send.replace('RIGHT', PASSWORD) }));
      const record = await runRawSession({
        host: HOST,
        port,
        ca,
        steps,
        timeoutS: 25,
        ...(sc.implicitTls ? { implicitTls: true } : {}),
      }).catch((e: Error) => [{ from: 'server' as const, text: `(${e.message})` }]);
      const output = renderRawSession(record, 'terminal').split(PASSWORD).join('********');
      runs.push({ ...base, tool: 'raw session', client: 'raw', output, exitCode: null });
    } else {
      const target: Target = {
        host: HOST,
        port,
        security: sc.security ?? 'plain',
        user: sc.user ?? USER,
        password: sc.password === 'wrong' ? WRONG : PASSWORD,
        caFile,
        timeoutS: sc.timeoutS ?? 15,
      };
      const clients = sc.clients ?? (sc.mechanism ? (Object.keys(sc.mechanism) as ClientName[]) : CLIENTS);
      const jobs: (() => Promise<void>)[] = [];
      for (const client of clients)
        for (const verbose of client === 'poplib' ? [false] : [false, true])
          for (const lang of (LOCALIZED.includes(client) ? ['en', 'fr', 'vi'] : ['en']) as LocaleLang[])
            jobs.push(async () => {
              progress(`${sc.id} ${client} ${verbose ? '-v' : ''} ${lang}`);
              const mechanism = sc.mechanism?.[client];
              const r = await runClient(
                client,
                { ...target, ...(mechanism ? { mechanism } : {}) },
                lang,
                verbose,
              );
              runs.push({
                ...base,
                tool: r.version,
                client,
                lang,
                verbose,
                cmdline: r.cmdline,
                ...(r.config ? { config: r.config } : {}),
                output: r.output,
                exitCode: r.exitCode,
              });
            });
      // The second batch also runs s-nail (no catalogues: English only), in every client scenario.
      if (sc.batch === 2)
        for (const verbose of [false, true])
          jobs.push(async () => {
            const r = await runSnail(target, verbose);
            runs.push({
              ...base,
              tool: r.version,
              client: 'snail',
              lang: 'en',
              verbose,
              cmdline: r.cmdline,
              output: r.output,
              exitCode: r.exitCode,
            });
          });
      await pool(jobs, CONCURRENCY);
    }
  } finally {
    release?.();
  }
  return runs;
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('run as root: the clients run as the user popcap');
  try {
    execFileSync('id', ['popcap'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['-r', '-M', '-d', '/nonexistent', '-s', '/usr/sbin/nologin', 'popcap']);
  }
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const batch = process.argv.includes('--batch=2') ? 2 : undefined;
  const keepAlive = setInterval(() => undefined, 60_000);
  const certs = makeTestCerts();
  const caFile = join(certs.dir, 'ca.pem');
  const p = await startProxies(certs);
  const data: CaptureData = {
    date: new Date().toISOString(),
    versions: {
      ...p.versions,
      ...Object.fromEntries(CLIENTS.map((c) => [c, clientVersion(c)])),
      snail: snailVersion(),
    },
    proxies: p.config,
    runs: [],
    logs: {},
  };
  try {
    for (const sc of SCENARIOS.filter((s) => (!only || s.id.startsWith(only)) && s.batch === batch)) {
      const logStart = logOf(p, sc.proxy).length;
      data.runs.push(...(await captureScenario(p, sc, certs.ca, caFile)));
      await new Promise((r) => setTimeout(r, 400));
      data.logs[sc.id] = logOf(p, sc.proxy)
        .slice(logStart)
        .split('\n')
        .filter((l) => l.trim() !== '');
    }
  } finally {
    await p.stop();
    certs.cleanup();
    // The servers' temporary directories go on timers a few seconds after their stop: let them run.
    await new Promise((r) => setTimeout(r, 6000));
    clearInterval(keepAlive);
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
  const dir = join(projectRoot(), 'scripts', 'proxies', 'data');
  mkdirSync(dir, { recursive: true });
  const name = only ? `-${only.replace(/\W+/g, '-')}` : batch ? `-${batch}` : '';
  const file = join(dir, `capture${name}.json`);
  // The test CA's temporary directory and the client's home are not part of what a user sees.
  const text = JSON.stringify(data, null, 1).replace(/\/tmp\/popbot-certs-\w+\//g, '/etc/ssl/proxy-test/');
  writeFileSync(file, `${text}\n`);
  process.stdout.write(
    `${JSON.stringify({ runs: data.runs.length, scenarios: Object.keys(data.logs).length, file })}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`capture: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
