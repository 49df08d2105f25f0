import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { trackChild } from './cleanup.js';

export interface ServerChild {
  port: number;
  pid: number;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a node script that prints `{"port": N}` once it listens; fails with its stderr if it dies first. */
export function startServerChild(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  /** Node's flags for this child (popbot's side runs with the bot's, src/runtime-flags.ts). */
  flags: readonly string[] = [],
  timeoutMs = 15_000,
): Promise<ServerChild> {
  return new Promise((resolve, reject) => {
    // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the servers under load.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...flags, ...nodeArgs, script, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const untrack = trackChild(child);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < 8192) stderr += d;
    });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      // Node prints the error's own line first, then the stack: that first line says what went wrong.
      const cause = /^\w*Error\b.*$/m.exec(stderr)?.[0] ?? stderr.trim().split('\n')[0] ?? '';
      reject(new Error(`${script} exited with ${code}: ${cause.slice(0, 300)}`));
    });
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const port = (JSON.parse(line) as { port: number }).port;
      resolve({
        port,
        pid: child.pid ?? 0,
        async stop(graceMs = 3000) {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM');
            const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
            await exited;
            clearTimeout(killer);
          }
          await untrack();
        },
      });
    });
  });
}
