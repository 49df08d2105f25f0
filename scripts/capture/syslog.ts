import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/knowledge/paths.js';

/**
 * popa3d and solid-pop3d log only through syslog(3). With no syslog daemon here, a small receiver takes
 * /dev/log for the duration of the capture; its lines are written the way rsyslog writes them to
 * /var/log/mail.log (the traditional file format: the host name after the time, no priority).
 */
export interface Syslog {
  /** Lines of this program received since `from` (a mark from `mark()`). */
  lines(ident: string, from: number): string[];
  mark(): number;
  stop(): void;
}

/** A syslog daemon listens on /dev/log: leave it alone. A socket nobody listens on is a leftover. */
function listening(): boolean {
  return execFileSync('ss', ['-xl'], { encoding: 'utf8' }).includes(' /dev/log ');
}

/**
 * `socketPath`: another socket than /dev/log, for daemons that run in a mount namespace where /dev/log
 * leads there (Courier's), so that two captures running at once do not take each other's lines.
 */
export async function startSyslog(socketPath = '/dev/log'): Promise<Syslog | undefined> {
  if (existsSync(socketPath)) {
    if (socketPath === '/dev/log' && listening()) return undefined;
    unlinkSync(socketPath);
  }
  const received: string[] = [];
  const child: ChildProcess = spawn(
    '/usr/bin/python3',
    [join(projectRoot(), 'scripts/capture/syslog_catcher.py'), socketPath],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  let buffer = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    buffer += d;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    received.push(...parts);
  });
  for (let i = 0; i < 50 && !existsSync(socketPath); i++) await new Promise((r) => setTimeout(r, 50));
  const host = hostname().split('.')[0];
  return {
    mark: () => received.length,
    lines: (ident, from) =>
      received
        .slice(from)
        .map((l) => l.replace(/^<\d+>/, ''))
        .filter((l) => new RegExp(`^\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d ${ident}(?:\\[|:)`).test(l))
        .map((l) => `${l.slice(0, 15)} ${host} ${l.slice(16)}`),
    stop: () => child.kill('SIGTERM'),
  };
}
