import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOT_ENV, BOT_NODE_FLAGS } from '../../src/runtime-flags.js';
import { trackChild } from '../lib/cleanup.js';

/**
 * One bot process under load, as the capacity row drives it: the real `popbot start`, its platform played on
 * loopback by the bench process, which sends messages and sees the replies arrive, on one clock.
 */
export interface CapacityDriver {
  /** The bot's process id (for its RSS and CPU time). */
  readonly pid: number;
  /** Sends message `n`: a paste holding a POP error, or (given its index) one of the screenshots. */
  send(n: number, picture?: number): void;
  /** Called once per reply, with the number of the message it answers. */
  onReply: (n: number) => void;
  /** Slack only: acknowledgement times (ms) since the last take, and the events not acknowledged with 200. */
  takeAcks?(): { ms: number[]; failed: number };
  stop(): Promise<void>;
}

/** A picture as the platforms describe it, served by the fake at a URL the bot may download from. */
export interface CapacityPicture {
  key: string;
  bytes: Buffer;
}

export interface BotProcess {
  pid: number;
  stop(): Promise<void>;
}

/**
 * `node --max-semi-space-size=2 bin/popbot.js start`, as `npm start` runs it (MALLOC_ARENA_MAX too), with `env`; resolves once it
 * logs "popbot started". Its log lines (JSON, one per answer) are read and dropped, as a log shipper would.
 */
export function startBot(root: string, env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<BotProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...BOT_NODE_FLAGS, join(root, 'bin', 'popbot.js'), 'start'], {
      env: { ...env, ...BOT_ENV },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const untrack = trackChild(child);
    let head = '';
    let started = false;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`popbot start did not start within ${timeoutMs} ms: ${head.slice(0, 300)}`));
    }, timeoutMs);
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (started) return;
      head += d;
      if (!/popbot started/.test(head)) return;
      started = true;
      clearTimeout(timer);
      resolve({
        pid: child.pid ?? 0,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM');
            const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(killer);
          }
          await untrack();
        },
      });
    });
    child.once('exit', (code) => {
      if (started) return;
      clearTimeout(timer);
      reject(new Error(`popbot start exited with ${code}: ${head.slice(0, 300)}`));
    });
  });
}

/** Resident memory of a process in MB (Linux /proc), or NaN where there is none. */
export function rssMb(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU time (user + system) a process has used, in ms (Linux /proc; clock ticks of 10 ms); with `mainThread`,
 * only its main thread's (the one running JavaScript's event loop; a Node process's task id equals its pid).
 */
export function cpuMs(pid: number, mainThread = false): number {
  try {
    const stat = mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`;
    const fields = readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
