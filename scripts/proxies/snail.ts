import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Target } from '../capture/clients.js';

/**
 * s-nail (Debian's mailx, built with +pop3) opening a POP3 mailbox read-only, as a user runs it: no rc files
 * (-:/), the password in the documented `password-USER@HOST:PORT` variable, the test CA in `tls-ca-file`.
 * `-v -v` shows the dialogue. It runs as the capture's ordinary user, like scripts/capture/clients.ts runs the
 * other clients (that module keeps its runner private, hence this small one).
 */

const RUN_AS = 'popcap';

export function snailVersion(): string {
  const out = execFileSync('s-nail', ['-Xversion', '-Xx'], { encoding: 'utf8' });
  return /s-nail v\S+/.exec(out)?.[0]?.replace(/,$/, '') ?? 's-nail';
}

export interface SnailRun {
  version: string;
  cmdline: string;
  output: string;
  exitCode: number | null;
}

export function runSnail(t: Target, verbose: boolean): Promise<SnailRun> {
  const home = mkdtempSync(join(tmpdir(), 'popcap-'));
  chmodSync(home, 0o700);
  execFileSync('chown', [`${RUN_AS}:${RUN_AS}`, home]);
  const scheme = t.security === 'implicit' ? 'pop3s' : 'pop3';
  const opts = [
    '-:/',
    '-S',
    'v15-compat',
    '-S',
    `password-${t.user}@${t.host}:${t.port}=PASSWORD`,
    ...(t.caFile && t.security !== 'plain' ? ['-S', 'tls-ca-file=~/ca.pem', '-S', 'tls-ca-no-defaults'] : []),
    ...(t.security === 'stls' ? ['-S', 'pop3-use-starttls'] : []),
    ...(t.mechanism ? ['-S', `pop3-auth=${t.mechanism.toLowerCase()}`] : []),
    '-S',
    `socket-connect-timeout=${t.timeoutS}`,
    ...(verbose ? ['-v', '-v'] : []),
    '-Rf',
    `${scheme}://${t.user}@${t.host}:${t.port}`,
  ];
  if (t.caFile) {
    copyFileSync(t.caFile, join(home, 'ca.pem'));
    execFileSync('chown', [`${RUN_AS}:${RUN_AS}`, join(home, 'ca.pem')]);
  }
  const argv = opts.map((o) => o.replace('PASSWORD', t.password).replace('~/', `${home}/`));
  return new Promise((resolve) => {
    const child = spawn(
      '/usr/bin/setpriv',
      [`--reuid=${RUN_AS}`, `--regid=${RUN_AS}`, '--init-groups', '--', 's-nail', ...argv],
      {
        detached: true,
        cwd: home,
        env: { PATH: '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', USER: RUN_AS },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    const timer = setTimeout(
      () => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
      },
      (t.timeoutS * 3 + 10) * 1000,
    );
    child.on('close', (code) => {
      clearTimeout(timer);
      rmSync(home, { recursive: true, force: true });
      resolve({
        version: snailVersion(),
        cmdline: `s-nail ${opts.map((o) => (/[\s=]/.test(o) ? `'${o}'` : o)).join(' ')}`.replace(
          'PASSWORD',
          '********',
        ),
        output: output.split(home).join('~').split(t.password).join('********').trimEnd(),
        exitCode: code,
      });
    });
  });
}
