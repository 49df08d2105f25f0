// What the live Dovecot captures share (scripts/logs/dovecot-more.mjs, scripts/dovecot-faults/capture.mjs): a
// self-signed certificate, stopping a daemonized Dovecot, and reading what the log sink (scripts/logs/sink.sh:
// journald and rsyslog in a private namespace) received since a mark.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A self-signed EC certificate in `dir` (cert.pem, key.pem), for `cn` (mail.example.net by default) and, when
 * given, the subjectAltName `altNames` ("DNS:localhost,IP:127.0.0.1").
 */
export function selfSignedCert(dir, { cn = 'mail.example.net', altNames } = {}) {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      'key.pem',
      '-out',
      'cert.pem',
      '-days',
      '30',
      '-subj',
      `/CN=${cn}`,
      ...(altNames ? ['-addext', `subjectAltName=${altNames}`] : []),
    ],
    { cwd: dir, stdio: 'ignore' },
  );
}

/** Stops the Dovecot whose master.pid is in `runDir` and waits (up to 5 s) until it is gone. */
export async function stopDovecot(runDir) {
  const pidFile = join(runDir, 'master.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      break;
    }
    await sleep(50);
  }
}

/** The journal's position now, to read only what a scenario adds. */
export function journalCursor() {
  const out = execFileSync(
    'journalctl',
    ['-D', '/run/log/journal', '-n', '0', '--show-cursor', '--no-pager'],
    { encoding: 'utf8' },
  );
  return /-- cursor: (.*)/.exec(out)?.[1];
}

/** What the journal received after `cursor`, through `journalctl` with `args` (`-t dovecot`, `-o short-iso`). */
export function journalSince(cursor, args) {
  return execFileSync(
    'journalctl',
    ['-D', '/run/log/journal', '--no-pager', `--after-cursor=${cursor}`, ...args],
    {
      encoding: 'utf8',
    },
  );
}

export const sizeOf = (file) => (existsSync(file) ? statSync(file).size : 0);
/** What `file` gained after byte `from`. */
export const tailOf = (file, from) =>
  existsSync(file) ? readFileSync(file).subarray(from).toString('utf8') : '';

/** The sink's rsyslog package (unpacked by sink.sh) and journald's version, for the provenance headers. */
export function sinkVersions() {
  const rsyslog = readFileSync(
    join(process.env.POPBOT_RSYSLOG_DIR ?? '/var/cache/popbot/rsyslog', 'packages.txt'),
    'utf8',
  )
    .split('\n')
    .find((l) => l.startsWith('rsyslog '));
  const journald = execFileSync('journalctl', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  return { rsyslog, journald };
}
