import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { makeTestCerts } from '../../test/support/certs.js';
import { projectRoot } from '../../src/knowledge/paths.js';
import {
  CaseSet,
  type CapturedCase,
  chatCase,
  chatLang,
  inHoldout,
  ownLogLines,
  translatedOnly,
} from './cases.js';
import {
  CLIENTS,
  type ClientName,
  type LocaleLang,
  clientVersion,
  runClient,
  type Target,
} from './clients.js';
import { renderRawSession, runRawSession } from './raw-session.js';
import {
  CLIENT_SCENARIOS,
  type ClientScenario,
  type LogRule,
  PASSWORD,
  RAW_SCENARIOS,
  type RawScenario,
  type Setup,
  USER,
} from './scenarios.js';
import { startSyslog } from './syslog.js';
import { dovecotVersion, holdSession, pickPorts, type Running, startSetup } from './servers.js';

/**
 * Captures real POP texts for the evaluation: every scenario against its server, every client in every
 * locale it speaks, the raw sessions, the server's log; then writes them as fixtures with provenance,
 * split between the tuning part (test/fixtures/captured/) and the holdout (test/fixtures/eval/holdout/).
 *
 *   npm run capture [-- --only=dovecot,mailutils,popa3d,solid-pop3d,courier,no-server] [--verbose]
 *   (as root: the clients run as the ordinary user `popcap`, created with `useradd -r popcap` if missing)
 *
 * Progress goes to a terminal; piped, it prints one JSON summary line.
 */

const LOCALIZED: readonly ClientName[] = ['fetchmail', 'mpop'];
const CONCURRENCY = 6;
const tty = process.stderr.isTTY;
/** `--verbose`: one progress line per step even when stderr is not a terminal (a log file). */
const verbose = process.argv.includes('--verbose');
const progress = (text: string) => {
  if (tty) process.stderr.write(`\r\x1b[2K${text}`);
  else if (verbose) process.stderr.write(`${text}\n`);
};

interface Group {
  source: string;
  scenario: string;
  server: string;
  config: string;
  tools: Record<string, string>;
  cases: CapturedCase[];
}

async function pool<T>(jobs: (() => Promise<T>)[], size: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]!();
      }
    }),
  );
  return results;
}

function serverName(run: Running): string {
  return run.server === 'dovecot' ? dovecotVersion() : run.server;
}

/** Log lines that record the failure: at most a few distinct ones per rule (parallel runs repeat them). */
function logCases(
  group: Group,
  rules: readonly LogRule[] | undefined,
  log: string,
  category: string,
  user: string,
): void {
  if (!rules) return;
  const lines = ownLogLines(log, user);
  const picked: string[] = [];
  const pickedCategories = new Set<string>();
  for (const rule of rules) {
    const seen = new Set<string>();
    for (const line of lines) {
      if (!rule.match.test(line) || picked.includes(line)) continue;
      // Same line but for the time, the session id and the port: one is enough.
      const shape = line.replace(/^\S+ \S+ /, '').replace(/[0-9a-zA-Z+/]{10,}|\d+/g, '#');
      if (seen.has(shape) || seen.size >= 2) continue;
      seen.add(shape);
      picked.push(line);
      pickedCategories.add(rule.category);
      group.cases.push({
        id: `${group.source}/${group.scenario}/log/${picked.length}`,
        text: line,
        category: rule.category,
        lang: 'en',
        kind: 'server-log',
        scenario: group.scenario,
        tool: `${group.server} log_path`,
      });
    }
  }
  if (picked.length > 1) {
    // Lines that all say the same (two wrong passwords) show that; mixed lines show the scenario's.
    const shown = pickedCategories.size === 1 ? [...pickedCategories][0]! : category;
    const excerpt: CapturedCase = {
      id: `${group.source}/${group.scenario}/log/excerpt`,
      text: picked.join('\n'),
      category: shown,
      lang: 'en',
      kind: 'server-log',
      scenario: group.scenario,
      tool: `${group.server} log_path`,
    };
    group.cases.push(excerpt, chatCase(excerpt, chatLang(excerpt)));
  }
}

/**
 * The scenario's category, unless the text cannot show the cause: a client's quiet output that drops the
 * server's words (`quietSays`), or a plain connection to a TLS port that just times out where nothing in
 * the text names port 995 (a random port, or a client that does not print it): then it is a timeout.
 */
function categoryOf(
  sc: ClientScenario,
  target: Target,
  output: string,
  verbose: boolean,
  tool: ClientName,
): string {
  // getmail and poplib never show the dialogue, whatever the verbosity.
  const quiet = !verbose || tool === 'getmail' || tool === 'poplib';
  const says = quiet ? (sc.quietSays?.[tool] ?? sc.quietSays?.any) : undefined;
  if (says) return says;
  const plainToTls = sc.category === 'tls.mismatch' && sc.port === 'tls' && sc.security !== 'implicit';
  if (plainToTls && !(target.port === 995 && /\b995\b/.test(output))) return 'connect.timeout';
  return sc.category;
}

/** A French or Vietnamese run that reads as the English one is not a French or Vietnamese case. */
function dropUntranslated(group: Group): void {
  group.cases = translatedOnly(group.cases);
}

async function captureClients(
  run: Running,
  sc: ClientScenario,
  caFile: string,
  ca: string,
  count: { done: number; total: number },
): Promise<Group> {
  const group: Group = {
    source: run.source,
    scenario: sc.id,
    server: serverName(run),
    config: run.config,
    tools: {},
    cases: [],
  };
  const logStart = run.log().length;
  const release = sc.holdSession ? await holdSession(run, ca) : undefined;
  const target: Target = {
    host: run.host,
    port: sc.port === 'plain' ? run.plainPort : run.tlsPort,
    security: sc.security,
    user: sc.user ?? USER,
    password: sc.password ?? PASSWORD,
    caFile,
    timeoutS: sc.timeoutS ?? 15,
    ...(sc.mechanism ? { mechanism: sc.mechanism } : {}),
    ...(sc.storage ? { storage: sc.storage } : {}),
  };
  const jobs: (() => Promise<void>)[] = [];
  for (const tool of sc.clients ?? CLIENTS) {
    for (const verbose of tool === 'poplib' ? [false] : [false, true]) {
      for (const lang of (LOCALIZED.includes(tool) ? ['en', 'fr', 'vi'] : ['en']) as LocaleLang[]) {
        jobs.push(async () => {
          const r = await runClient(tool, target, lang, verbose);
          count.done++;
          progress(
            `[${count.done}/${count.total}] ${run.setup} ${sc.id} ${r.cmdline.slice(0, 40)} (${lang})`,
          );
          group.tools[tool] = r.version;
          // A run that succeeded did not meet the scenario (fetchmail exits 0 when only delivery failed).
          if ((r.exitCode === 0 && !sc.storage) || r.output.trim() === '') return;
          const kind = verbose && tool !== 'getmail' ? 'transcript' : 'client-output';
          group.cases.push({
            id: `${group.source}/${sc.id}/${tool}${verbose ? '-verbose' : ''}/${lang}`,
            text: r.output,
            category: categoryOf(sc, target, r.output, verbose, tool),
            lang,
            kind,
            scenario: sc.id,
            tool: r.version,
            cmdline: r.cmdline,
            ...(r.config ? { config: r.config } : {}),
          });
        });
      }
    }
  }
  await pool(jobs, CONCURRENCY);
  release?.();
  dropUntranslated(group);
  await new Promise((r) => setTimeout(r, 300));
  for (const c of [...group.cases])
    if (c.kind === 'client-output') group.cases.push(chatCase(c, chatLang(c)));
  logCases(group, sc.logRules, run.log().slice(logStart), sc.category, target.user);
  return group;
}

async function captureRaw(run: Running, sc: RawScenario, ca: string): Promise<Group> {
  const group: Group = {
    source: run.source,
    scenario: sc.id,
    server: serverName(run),
    config: run.config,
    tools: {
      raw: 'a scripted terminal session (node:net / node:tls), typed as at telnet or openssl s_client',
    },
    cases: [],
  };
  const logStart = run.log().length;
  const release = sc.holdSession ? await holdSession(run, ca) : undefined;
  const record = await runRawSession({
    host: run.host,
    port: sc.port === 'plain' ? run.plainPort : run.tlsPort,
    ca,
    steps: sc.steps,
    timeoutS: 20,
  }).catch(() => []);
  release?.();
  // The scenario was met only if the server refused the last command.
  if (record.length > 1 && record[record.length - 1]!.text.startsWith('-ERR')) {
    const id = `${group.source}/${sc.id}/raw`;
    const style = inHoldout(`${id}/style`) ? 'marked' : 'terminal';
    group.cases.push({
      id,
      text: renderRawSession(record, style),
      category: sc.category,
      lang: 'en',
      kind: 'transcript',
      scenario: sc.id,
      tool: 'raw session',
    });
    const last = record[record.length - 1]!;
    if (sc.lastLineSays && last.from === 'server')
      group.cases.push({
        id: `${id}/last-line`,
        text: last.text,
        category: sc.category,
        lang: 'en',
        kind: 'line',
        scenario: sc.id,
        tool: 'raw session',
      });
  }
  await new Promise((r) => setTimeout(r, 200));
  logCases(group, sc.logRules, run.log().slice(logStart), sc.category, USER);
  return group;
}

function writeGroups(groups: readonly Group[]): { tuning: number; holdout: number } {
  const root = projectRoot();
  const dirs = {
    tuning: join(root, 'test', 'fixtures', 'captured'),
    holdout: join(root, 'test', 'fixtures', 'eval', 'holdout'),
  };
  // Only the sources captured this time are replaced: `--only` re-runs some servers and keeps the rest.
  for (const source of new Set(groups.map((g) => g.source)))
    for (const d of Object.values(dirs)) rmSync(join(d, source), { recursive: true, force: true });
  const seen = new CaseSet();
  const counts = { tuning: 0, holdout: 0 };
  const date = new Date().toISOString();
  for (const g of groups) {
    const sides: Record<'tuning' | 'holdout', CapturedCase[]> = { tuning: [], holdout: [] };
    for (const c of g.cases) if (seen.add(c)) sides[inHoldout(c.id) ? 'holdout' : 'tuning'].push(c);
    for (const side of ['tuning', 'holdout'] as const) {
      if (sides[side].length === 0) continue;
      const dir = join(dirs[side], g.source);
      mkdirSync(dir, { recursive: true });
      const doc = {
        provenance: {
          captured_by: 'scripts/capture/main.ts (npm run capture)',
          date,
          server: g.server,
          server_config: g.config,
          clients: g.tools,
        },
        cases: sides[side].sort((a, b) => a.id.localeCompare(b.id)),
      };
      const header =
        side === 'holdout'
          ? '# HOLDOUT: kept out of all tuning. Do not open, grep or copy from it to change popbot.\n'
          : '# Captured real texts (tuning part). Regenerate with `npm run capture`; do not edit by hand.\n';
      writeFileSync(join(dir, `${g.scenario}.yaml`), header + stringify(doc, { lineWidth: 0 }));
      counts[side] += sides[side].length;
    }
  }
  return counts;
}

/** `--only dovecot,mailutils,…,no-server`: capture these sources only. */
const only = (process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? '').split(',').filter(Boolean);
const isServer = (s: Setup) => /^(dovecot|mailutils|popa3d|solid-pop3d|cyrus|courier)/.test(s);

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('run as root: the clients run as the user popcap');
  try {
    execFileSync('id', ['popcap'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['-r', '-M', '-d', '/nonexistent', '-s', '/usr/sbin/nologin', 'popcap']);
  }
  // startDovecot waits on an unref'd child (the daemon's parent): keep the event loop alive meanwhile.
  const keepAlive = setInterval(() => undefined, 60_000);
  const certs = makeTestCerts();
  const caFile = join(certs.dir, 'ca.pem');
  const ports = await pickPorts();
  const setups = [...new Set<Setup>([...CLIENT_SCENARIOS, ...RAW_SCENARIOS].map((s) => s.setup))].filter(
    (s) => only.length === 0 || only.some((o) => s.startsWith(o) || (o === 'no-server' && !isServer(s))),
  );
  const count = { done: 0, total: 0 };
  for (const sc of CLIENT_SCENARIOS.filter((c) => setups.includes(c.setup)))
    for (const tool of sc.clients ?? CLIENTS)
      count.total += (tool === 'poplib' ? 1 : 2) * (LOCALIZED.includes(tool) ? 3 : 1);
  const groups: Group[] = [];
  const syslog = setups.some((s) => /^(popa3d|solid)/.test(s)) ? await startSyslog() : undefined;
  for (const setup of setups) {
    const run = await startSetup(setup, certs, ports, syslog);
    try {
      for (const sc of CLIENT_SCENARIOS.filter((s) => s.setup === setup))
        groups.push(await captureClients(run, sc, caFile, certs.ca, count));
      for (const sc of RAW_SCENARIOS.filter((s) => s.setup === setup)) {
        progress(`raw ${setup} ${sc.id}`);
        groups.push(await captureRaw(run, sc, certs.ca));
      }
    } finally {
      await run.stop();
    }
  }
  syslog?.stop();
  certs.cleanup();
  clearInterval(keepAlive);
  const counts = writeGroups(groups);
  if (tty) process.stderr.write('\r\x1b[2K');
  const summary = {
    runs: count.done,
    scenarios: groups.length,
    tuning: counts.tuning,
    holdout: counts.holdout,
    clients: Object.fromEntries(CLIENTS.map((c) => [c, clientVersion(c)])),
  };
  if (tty)
    process.stderr.write(
      `captured ${summary.tuning + summary.holdout} cases from ${summary.runs} client runs and ${RAW_SCENARIOS.length} raw sessions: ${summary.tuning} tuning, ${summary.holdout} holdout\n`,
    );
  else process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`capture: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
