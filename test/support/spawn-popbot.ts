import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../src/knowledge/paths.js';

/**
 * `node bin/popbot.js ...` as a real process, for what only a process shows: signals, exit codes, and
 * everything it writes to stderr (pino's log lines go to fd 2, out of reach of an in-process run).
 */

const ROOT = projectRoot();
const ENTRY = join(ROOT, 'dist', 'src', 'cli', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    if (s.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (name.endsWith('.ts')) newest = Math.max(newest, s.mtimeMs);
  }
  return newest;
}

/**
 * bin/popbot.js runs the compiled dist/. CI builds before testing (`npm ci`); on a working copy whose
 * sources changed since the last build, build once so the process runs the code under test.
 */
export function ensureBuilt(): void {
  let built: number;
  try {
    built = statSync(ENTRY).mtimeMs;
  } catch {
    built = 0;
  }
  const newest = Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'adapters')));
  if (built >= newest) return;
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
}

/** A TCP port free on 127.0.0.1 a moment ago, for a process that only takes its port from PORT. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface PopbotProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr matches `pattern`; rejects after `ms` or if the process exits first. */
  waitForStderr(pattern: RegExp, ms?: number): Promise<void>;
  /** Exit code and signal; resolves once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills the process if it still runs (SIGKILL) and waits for it. Safe to call twice. */
  kill(): Promise<void>;
}

/**
 * Starts popbot with exactly `env` (plus PATH): nothing of the developer's environment, no real token,
 * leaks in. `timeoutMs` bounds the run: the process is killed past it.
 */
export function spawnPopbot(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 15_000): PopbotProcess {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'popbot.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const watchers = new Set<() => void>();
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString('utf8');
    for (const w of watchers) w();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(limit);
      for (const w of watchers) w();
      resolve({ code, signal });
    });
  });
  const limit = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForStderr(pattern, ms = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(err)) {
            done();
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            done();
            reject(new Error(`popbot exited before ${pattern}; stderr:\n${err}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`waited ${ms} ms for ${pattern}; stderr:\n${err}`));
        }, ms);
        const done = () => {
          clearTimeout(timer);
          watchers.delete(check);
        };
        watchers.add(check);
        check();
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The lines of a stack trace, as Node prints them. */
export const STACK_LINE = /^\s+at .+\(?.*:\d+:\d+\)?$/m;
