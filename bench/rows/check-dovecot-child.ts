import { createInterface } from 'node:readline';
import { ProbeGuard } from '../../src/probe/guard.js';
import { renderProbeText } from '../../src/probe/render.js';
import { runProbe } from '../../src/probe/run-probe.js';
import type { ProbeSteps } from '../../src/probe/types.js';

/**
 * The check-dovecot row's long-lived child: runs the probe engine in-process, one run per request, so a
 * figure is the engine's work (sockets, TLS, the POP dialogue, its bookkeeping and report) and not Node's
 * start-up. Every run opens a new connection and a new TLS session (the engine never resumes one).
 * Requests are JSON lines on stdin; each answer is one JSON line on stdout.
 */
interface Request {
  /** `essential`: curl's work (login, STAT, QUIT); `full`: every step, and the text report rendered. */
  steps: ProbeSteps;
  port: number;
  user: string;
  password: string;
}

export interface ChildAnswer {
  ms: number;
  /** CPU time of this process during the run (user + system). */
  cpuMs: number;
  exitCode: number;
  /** When each step ended, in ms from the start of the run (the order the probe reported them). */
  stepEnds: [string, number][];
}

// The CLI's guard for `--allow-private`: the check still goes through it, as `popbot check` does.
const guard = new ProbeGuard({ ports: 'any', allowPrivate: true });

async function run(req: Request): Promise<ChildAnswer> {
  const stepEnds: [string, number][] = [];
  const cpu = process.cpuUsage();
  const start = performance.now();
  const report = await runProbe(
    {
      target: '127.0.0.1',
      port: req.port,
      tls: 'implicit',
      user: req.user,
      password: req.password,
      // The throwaway certificate is self-signed; curl is given --insecure the same way.
      insecure: true,
      lang: 'en',
      caller: 'cli',
      steps: req.steps,
      onStep: (step) => stepEnds.push([step.name, performance.now() - start]),
    },
    { guard },
  );
  if (req.steps === 'full') renderProbeText(report, 'en', { color: false, includeSteps: true });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, exitCode: report.exitCode, stepEnds };
}

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() === '') continue;
  const answer = await run(JSON.parse(line) as Request);
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
