import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { TestCerts } from './certs.js';
import { waitForServer } from './wait-for-server.js';

/**
 * A real Dovecot POP3 server for the test suite, in a temporary directory, on free loopback ports
 * (facts in /work/shared/notes/dovecot-for-tests.md): started with stdio ignored (it daemonizes and its
 * children keep the parent's output open), ready when the plain port greets, stopped without waiting.
 */

export interface DovecotOptions {
  certs: TestCerts;
  /** Users and passwords; each gets a Maildir with `messages` messages. */
  users?: Record<string, string>;
  messages?: number;
  /** The messages' own texts (CRLF line ends), in place of the `messages` generated ones. */
  mails?: readonly string[];
  /** `mail_max_userip_connections` for POP3 (1 makes a second session fail with [IN-USE]). */
  maxUserIpConnections?: number;
  /** Fixed ports instead of free ones (the capture scripts want 995 where it is free). */
  ports?: { plain: number; tls: number };
  /** Addresses to listen on; 127.0.0.1 and 127.0.0.2 unless told. */
  listen?: readonly string[];
  /** More settings, appended after the defaults (a later setting wins in Dovecot's config). */
  extraConfig?: readonly string[];
}

export interface Dovecot {
  /** Plain + STLS listener, on 127.0.0.1 and 127.0.0.2. */
  plainPort: number;
  /** Implicit TLS listener. */
  tlsPort: number;
  dir: string;
  log(): string;
  /** Sends SIGTERM to the master and returns at once (Dovecot takes 2–3 s to stop). */
  stop(): void;
}

const CANDIDATES = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'];

export function dovecotBinary(): string | undefined {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  try {
    return execFileSync('sh', ['-c', 'command -v dovecot'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function mailOwner(): { uid: number; gid: number; user: string; nonRoot: boolean } {
  const me = userInfo();
  if (me.uid !== 0) return { uid: me.uid, gid: me.gid, user: me.username, nonRoot: true };
  // As root, mail belongs to the package's own `dovecot` user: no account to create on the machine.
  const uid = Number(execFileSync('id', ['-u', 'dovecot'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'dovecot'], { encoding: 'utf8' }).trim());
  return { uid, gid, user: 'dovecot', nonRoot: false };
}

export async function startDovecot(options: DovecotOptions): Promise<Dovecot> {
  const binary = dovecotBinary();
  if (!binary) throw new Error('dovecot is not installed (apt-get install dovecot-pop3d)');
  const dir = mkdtempSync(join(tmpdir(), 'popbot-dovecot-'));
  execFileSync('chmod', ['0755', dir]);
  const owner = mailOwner();
  const users = options.users ?? { alice: 'correct horse' };
  const [plainPort, tlsPort] = options.ports
    ? [options.ports.plain, options.ports.tls]
    : [await freePort(), await freePort()];

  writeFileSync(
    join(dir, 'passwd'),
    Object.entries(users)
      .map(([u, p]) => `${u}:{PLAIN}${p}::::::\n`)
      .join(''),
  );
  for (const user of Object.keys(users)) {
    for (const sub of ['cur', 'new', 'tmp'])
      mkdirSync(join(dir, 'home', user, 'Maildir', sub), { recursive: true });
    const mails =
      options.mails ??
      Array.from(
        { length: options.messages ?? 2 },
        (_, i) => `From: test@example.com\r\nSubject: message ${i + 1}\r\n\r\nHello ${i + 1}\r\n`,
      );
    mails.forEach((mail, i) =>
      writeFileSync(join(dir, 'home', user, 'Maildir', 'new', `${1_700_000_000 + i}.M${i}P1.test`), mail),
    );
  }
  execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, join(dir, 'home')]);
  chownSync(dir, 0, 0);

  const nonRoot = owner.nonRoot
    ? [
        `default_login_user = ${owner.user}`,
        `default_internal_user = ${owner.user}`,
        `default_internal_group = ${userInfo().username}`,
        'service anvil {\n  chroot =\n}',
        'service pop3-login {\n  chroot =\n}',
      ]
    : [];
  const conf = [
    'protocols = pop3',
    `listen = ${(options.listen ?? ['127.0.0.1', '127.0.0.2']).join(', ')}`,
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    `instance_name = popbot-test-${plainPort}`,
    `log_path = ${join(dir, 'dovecot.log')}`,
    'ssl = yes',
    `ssl_cert = <${options.certs.valid.certFile}`,
    `ssl_key = <${options.certs.valid.keyFile}`,
    'disable_plaintext_auth = yes',
    'auth_mechanisms = plain login',
    `first_valid_uid = ${owner.uid}`,
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN ${join(dir, 'passwd')}\n}`,
    `userdb {\n  driver = static\n  args = uid=${owner.uid} gid=${owner.gid} home=${join(dir, 'home')}/%u\n}`,
    'mail_location = maildir:~/Maildir',
    `protocol pop3 {\n  mail_max_userip_connections = ${options.maxUserIpConnections ?? 10}\n}`,
    `service pop3-login {\n  inet_listener pop3 {\n    port = ${plainPort}\n  }\n  inet_listener pop3s {\n    port = ${tlsPort}\n    ssl = yes\n  }\n}`,
    ...nonRoot,
    ...(options.extraConfig ?? []),
    '',
  ].join('\n');
  const confFile = join(dir, 'dovecot.conf');
  writeFileSync(confFile, conf);

  const child = spawn(binary, ['-c', confFile], { stdio: 'ignore', detached: true });
  child.unref();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const code = await exited;
  const log = () =>
    existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '';
  if (code !== 0) throw new Error(`dovecot exited with ${code}: ${log()}`);
  await waitForServer({
    name: 'dovecot',
    target: { host: options.listen?.[0] ?? '127.0.0.1', port: plainPort },
    greeting: true,
    log,
  });

  return {
    plainPort,
    tlsPort,
    dir,
    log,
    stop: () => {
      const pidFile = join(dir, 'run', 'master.pid');
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').trim());
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      // The directory goes once the master has let go of it; never wait for that here.
      setTimeout(() => rmSync(dir, { recursive: true, force: true }), 5000).unref();
    },
  };
}
