import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { trackChild } from '../lib/cleanup.js';
import type { BenchContext, Row } from '../lib/context.js';
import { findDovecot, startDovecot } from '../lib/dovecot.js';
import { timedRun } from '../lib/proc.js';
import { skipped } from '../lib/report.js';
import { formatRatio, median } from '../lib/stats.js';
import type { ChildAnswer } from './check-dovecot-child.js';

/** Issue 18, target 5: the engine for curl's work at most as long as curl; the full check at most 1.5×. */
const MAX_ENGINE_RATIO = 1;
const MAX_FULL_RATIO = 1.5;

function findCurl(): string | undefined {
  return ['/usr/bin/curl', '/usr/local/bin/curl'].find((p) => existsSync(p));
}

/** The engine in a long-lived child: one request, one answer, in order. */
function startEngine(script: string): {
  run(req: object): Promise<ChildAnswer>;
  stop(): Promise<void>;
} {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [script], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const untrack = trackChild(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    if (stderr.length < 8192) stderr += d;
  });
  const waiting: { resolve(a: ChildAnswer): void; reject(e: Error): void }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) =>
    waiting.shift()?.resolve(JSON.parse(line) as ChildAnswer),
  );
  child.once('exit', (code) => {
    const cause = /^\w*Error\b.*$/m.exec(stderr)?.[0] ?? stderr.trim().split('\n')[0] ?? '';
    for (const w of waiting.splice(0)) w.reject(new Error(`engine child exited with ${code}: ${cause}`));
  });
  return {
    run: (req) =>
      new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        child.stdin.write(`${JSON.stringify(req)}\n`);
      }),
    async stop() {
      child.stdin.end();
      await untrack();
    },
  };
}

/** `curl -w` for POP3 sets connect, appconnect and total (starttransfer stays 0: it has no transfer start). */
const CURL_TIMES = '%{time_connect} %{time_appconnect} %{time_starttransfer} %{time_total}';

interface Phases {
  tcp: number;
  tls: number;
  /** Greeting to the STAT (ours) or LIST (curl) answer: CAPA, login, the mailbox command. */
  pop: number;
  /** Ours only: curl's time_total ends before its QUIT. */
  quit: number;
  /** tcp + tls + pop: what curl's time_total covers. */
  total: number;
}

/** Our phases from the probe's own step reports (when each step ended). */
function ourPhases(a: ChildAnswer): Phases {
  const end = (name: string) => a.stepEnds.find(([n]) => n === name)?.[1] ?? Number.NaN;
  const dns = end('dns');
  const tcp = end('connect') - dns;
  const tls = end('tls') - end('connect');
  const pop = end('stat') - end('tls');
  return { tcp, tls, pop, quit: end('quit') - end('stat'), total: end('stat') - dns };
}

function curlPhases(stdout: string): Phases {
  const [connect = NaN, app = NaN, , total = NaN] = stdout
    .trim()
    .split(/\s+/)
    .map((s) => Number(s) * 1000);
  return { tcp: connect, tls: app - connect, pop: total - app, quit: Number.NaN, total };
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : 'n/a');
const phaseMedians = (list: Phases[]): Phases => ({
  tcp: median(list.map((p) => p.tcp)),
  tls: median(list.map((p) => p.tls)),
  pop: median(list.map((p) => p.pop)),
  quit: median(list.map((p) => p.quit)),
  total: median(list.map((p) => p.total)),
});
const showPhases = (p: Phases) =>
  `TCP ${ms(p.tcp)} · TLS ${ms(p.tls)} · POP ${ms(p.pop)}${Number.isFinite(p.quit) ? ` · QUIT ${ms(p.quit)}` : ''}`;

export const checkDovecot: Row = {
  id: 'check-dovecot',
  figure: 'probe engine vs curl, local Dovecot (pop3s: TLS, CAPA, login, STAT/LIST, QUIT)',
  target: 'engine ≤ 1.0× curl; full check ≤ 1.5×',
  async run(ctx: BenchContext) {
    const dovecot = findDovecot();
    const curl = findCurl();
    const childScript = join(ctx.root, 'dist', 'bench', 'rows', 'check-dovecot-child.js');
    if (!existsSync(join(ctx.root, 'dist', 'src', 'cli', 'check.js')) || !existsSync(childScript)) {
      return skipped(this.id, this.figure, this.target, 'popbot check is not built (npm run build)');
    }
    if (!dovecot) return skipped(this.id, this.figure, this.target, 'dovecot not installed (dovecot-pop3d)');
    if (!curl) return skipped(this.id, this.figure, this.target, 'curl not installed');
    const pairs = ctx.quick ? 5 : 40;
    ctx.progress.update('check-dovecot: starting Dovecot');
    const server = await startDovecot(dovecot);
    const engine = startEngine(childScript);
    try {
      const port = server.tlsPort;
      const env = { ...process.env, NO_COLOR: '1' };
      // The CLI as a person runs it: a whole process, Node's start-up and module loading included.
      const cliArgs = [
        join(ctx.root, 'bin', 'popbot.js'),
        'check',
        '127.0.0.1',
        '--port',
        String(port),
        '--tls',
        'implicit',
        '--user',
        server.user,
        '--password-stdin',
        '--insecure',
        '--allow-private',
        '--lang',
        'en',
      ];
      // curl with no path on a pop3s URL logs in, sends LIST and QUIT; it skips verification the same way.
      const curlArgs = [
        '-s',
        '-o',
        '/dev/null',
        '-w',
        CURL_TIMES,
        '--insecure',
        '-u',
        `${server.user}:${server.password}`,
        `pop3s://127.0.0.1:${port}/`,
      ];
      const request = (steps: 'essential' | 'full') => ({
        steps,
        port,
        user: server.user,
        password: server.password,
      });
      const runEngine = async (steps: 'essential' | 'full') => {
        const answer = await engine.run(request(steps));
        // 0 OK or 1 WARNING (the self-signed certificate); anything else means the check did not get through.
        if (answer.exitCode > 1) throw new Error(`the probe engine ended with ${answer.exitCode}`);
        return answer;
      };
      const runCli = async () => {
        const run = await timedRun(process.execPath, cliArgs, {
          env,
          input: `${server.password}\n`,
          timeoutMs: 30_000,
        });
        if (run.code !== 0 && run.code !== 1)
          throw new Error(
            `popbot check exited with ${run.code}: ${run.stdout.split('\n').slice(-3).join(' ')}`,
          );
        return run;
      };
      const runCurl = async () => {
        const run = await timedRun(curl, curlArgs, { env, timeoutMs: 30_000 });
        if (run.code !== 0) throw new Error(`curl exited with ${run.code}`);
        return run;
      };
      // Warm-up: the child's modules and JIT, Dovecot's processes, the page cache for curl and the CLI.
      for (let i = 0; i < 3; i++) await runEngine('essential');
      await runEngine('full');
      await runCurl();
      await runCli();

      const engineMs: number[] = [];
      const fullMs: number[] = [];
      const cliMs: number[] = [];
      const curlMs: number[] = [];
      const enginePhases: Phases[] = [];
      const fullPhases: Phases[] = [];
      const curlOwn: Phases[] = [];
      const engineCpuMs: number[] = [];
      const fullCpuMs: number[] = [];
      for (let i = 0; i < pairs; i++) {
        ctx.progress.update(`check-dovecot: round ${i + 1}/${pairs}`);
        // Each round runs the four once; the order reverses every round, so drift hits both sides.
        const steps = [
          async () => {
            const run = await runCurl();
            curlMs.push(run.ms);
            curlOwn.push(curlPhases(run.stdout));
          },
          async () => {
            const a = await runEngine('essential');
            engineMs.push(a.ms);
            engineCpuMs.push(a.cpuMs);
            enginePhases.push(ourPhases(a));
          },
          async () => {
            const a = await runEngine('full');
            fullMs.push(a.ms);
            fullCpuMs.push(a.cpuMs);
            fullPhases.push(ourPhases(a));
          },
          async () => {
            cliMs.push((await runCli()).ms);
          },
        ];
        for (const step of i % 2 === 0 ? steps : steps.reverse()) await step();
      }
      const ratioTo = (ours: number[]) => median(ours.map((v, i) => v / (curlMs[i] as number)));
      const engineRatio = ratioTo(engineMs);
      const fullRatio = ratioTo(fullMs);
      const cliRatio = ratioTo(cliMs);
      // Like for like without either process: connect to the mailbox answer, against curl's own time_total.
      const ownRatio = median(enginePhases.map((p, i) => p.total / (curlOwn[i] as Phases).total));
      const ours = phaseMedians(enginePhases);
      const theirs = phaseMedians(curlOwn);
      return {
        id: this.id,
        figure: this.figure,
        ours: `engine ${ms(median(engineMs))} ms (${showPhases(ours)}); full ${ms(median(fullMs))} ms; CLI ${ms(median(cliMs))} ms`,
        reference: `curl ${ms(median(curlMs))} ms (-w: ${showPhases(theirs)})`,
        ratio: `${formatRatio(engineRatio)}; full ${formatRatio(fullRatio)}; CLI ${formatRatio(cliRatio)}; to -w total ${formatRatio(ownRatio)}`,
        target: this.target,
        status: engineRatio <= MAX_ENGINE_RATIO && fullRatio <= MAX_FULL_RATIO ? 'pass' : 'fail',
        metrics: {
          pairs,
          engineMs,
          fullMs,
          cliMs,
          curlMs,
          engineCpuMedianMs: median(engineCpuMs),
          fullCpuMedianMs: median(fullCpuMs),
          medianPairRatio: engineRatio,
          fullMedianPairRatio: fullRatio,
          cliMedianPairRatio: cliRatio,
          engineToCurlOwnTotalRatio: ownRatio,
          phases: { engine: ours, full: phaseMedians(fullPhases), curl: theirs },
        },
      };
    } finally {
      ctx.progress.update('check-dovecot: stopping Dovecot');
      await engine.stop();
      await server.stop();
    }
  },
};
