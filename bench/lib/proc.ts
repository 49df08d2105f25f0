import { spawn } from 'node:child_process';
import { trackChild } from './cleanup.js';
import { nowNs } from './stats.js';

export interface TimedRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  timeoutMs?: number;
  /** Keep at most this much of stdout (grep -c prints a number; popbot a short table). */
  maxOutput?: number;
}

/**
 * Runs a command and measures its wall time from spawn to exit, as a person at a shell would see it.
 * Output is collected (capped), never inherited: the bench's own stdout stays a clean table.
 */
export function timedRun(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<TimedRun> {
  const maxOutput = options.maxOutput ?? 1 << 20;
  return new Promise((resolve, reject) => {
    const start = nowNs();
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const untrack = trackChild(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < maxOutput) stdout += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < maxOutput) stderr += d;
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      void untrack();
      reject(error);
    });
    child.on('close', (code) => {
      const ms = Number(nowNs() - start) / 1e6;
      if (timer) clearTimeout(timer);
      void untrack();
      resolve({ ms, code, stdout, stderr });
    });
  });
}
