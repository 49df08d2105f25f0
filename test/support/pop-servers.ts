import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch } from 'node:os';
import { join } from 'node:path';
import type { CertPair } from './certs.js';
import { waitForServer } from './wait-for-server.js';
import { startInetd } from './pop-servers-inetd.js';
import { canUseNamespaces, makeTempRoot, type TempRoot } from './pop-servers-root.js';

/**
 * Real POP3 servers from Debian besides Dovecot, for the test suite and for recording sessions:
 * GNU Mailutils' pop3d, popa3d and solid-pop3d, each on a free loopback port, in a temporary folder.
 *
 *   const server = await startPopServer({ kind: 'mailutils', tls: 'stls', cert: certs.valid });
 *   // server.host, server.port: connect there; user alice, password 'correct horse' (the default)
 *   await server.stop();
 *
 * - kind: 'mailutils' | 'popa3d' | 'solid-pop3d'.
 * - tls: 'none' (default), 'stls' (STLS offered), 'stls-required' (STLS before any login: Mailutils
 *   announces XTLSREQUIRED and drops USER from CAPA), 'implicit' (TLS from the first byte, the 995 way).
 *   Mailutils does all four itself. popa3d and solid-pop3d know no TLS: 'implicit' puts a TLS listener in
 *   front of them (as stunnel would); 'stls' and 'stls-required' are refused for them.
 * - cert: key and certificate for TLS (test/support/certs.ts), required unless tls is 'none'.
 * - users: name → password (default { alice: 'correct horse' }); each gets an mbox with `messages`
 *   messages (default 2). Passwords are checked the system way: Mailutils reads shadow itself, popa3d and
 *   solid-pop3d go through PAM (pam_unix), all inside a private mount namespace (pop-servers-root.ts).
 * - apop: name → APOP secret, for the servers that know APOP: Mailutils (its popauth database) and
 *   solid-pop3d (~/.spop3d). popa3d has no APOP; asking for it throws.
 * - host: a 127.0.0.0/8 address (default 127.0.0.1).
 *
 * Needs root, `unshare -m`, and the daemons unpacked by .ci/install-system-deps.sh into
 * POPBOT_POP_SERVERS_DIR (default /var/cache/popbot/pop-servers): `popServersMissing()` says why not.
 * Not installed system-wide: their Debian packages conflict with dovecot-pop3d.
 */

export type PopServerKind = 'mailutils' | 'popa3d' | 'solid-pop3d';
export type PopServerTls = 'none' | 'stls' | 'stls-required' | 'implicit';

export const POP_SERVER_KINDS: readonly PopServerKind[] = ['mailutils', 'popa3d', 'solid-pop3d'];

export interface PopServerOptions {
  kind: PopServerKind;
  tls?: PopServerTls;
  cert?: CertPair;
  users?: Record<string, string>;
  apop?: Record<string, string>;
  messages?: number;
  host?: string;
}

export interface PopServer {
  kind: PopServerKind;
  tls: PopServerTls;
  host: string;
  port: number;
  /** The temporary root (mailboxes in var/mail, homes in home/). */
  dir: string;
  /** What the daemons wrote on stderr so far. */
  log(): string;
  /** "mailutils-pop3d 1:3.15-4"-style provenance, from the cache's packages.txt. */
  version: string;
  stop(): Promise<void>;
}

export const POP_SERVERS_DIR = process.env.POPBOT_POP_SERVERS_DIR ?? '/var/cache/popbot/pop-servers';
const ROOT = join(POP_SERVERS_DIR, 'root');
const MULTIARCH = `${arch() === 'arm64' ? 'aarch64' : arch() === 'x64' ? 'x86_64' : arch()}-linux-gnu`;
const LIBRARY_PATH = [join(ROOT, 'usr/lib', MULTIARCH), join(ROOT, 'lib', MULTIARCH)].join(':');

const BINARY: Record<PopServerKind, string> = {
  mailutils: join(ROOT, 'usr/sbin/pop3d'),
  popa3d: join(ROOT, 'usr/sbin/popa3d'),
  'solid-pop3d': join(ROOT, 'usr/sbin/solid-pop3d'),
};
const PACKAGE: Record<PopServerKind, string> = {
  mailutils: 'mailutils-pop3d',
  popa3d: 'popa3d',
  'solid-pop3d': 'solid-pop3d',
};

/** Why the real servers cannot run here, or undefined when they can. */
export function popServersMissing(): string | undefined {
  const missing = Object.values(BINARY).filter((b) => !existsSync(b));
  if (missing.length > 0)
    return `not unpacked: ${missing.join(', ')} (run .ci/install-system-deps.sh as root)`;
  return canUseNamespaces();
}

function packageVersion(kind: PopServerKind): string {
  const list = existsSync(join(POP_SERVERS_DIR, 'packages.txt'))
    ? readFileSync(join(POP_SERVERS_DIR, 'packages.txt'), 'utf8')
    : '';
  const line = list.split('\n').find((l) => l.startsWith(`${PACKAGE[kind]} `));
  return line ?? PACKAGE[kind];
}

/**
 * The PAM service for popa3d and solid-pop3d: pam_unix, as their packages' common-auth does, without its
 * two-second delay after a failure (tests wait for it otherwise).
 */
const PAM_UNIX = 'auth required pam_unix.so nodelay\naccount required pam_unix.so\n';

async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, host, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Mailutils' configuration: one server block, TLS mode by name, accounts from passwd/shadow. */
function mailutilsConfig(root: TempRoot, host: string, port: number, options: PopServerOptions): string {
  const tlsMode = { none: 'false', stls: 'stls', 'stls-required': 'required', implicit: 'connection' }[
    options.tls ?? 'none'
  ];
  const lines = [
    'mode daemon;',
    'foreground yes;',
    `pidfile ${join(root.dir, 'pop3d.pid')};`,
    'logging { syslog no; };',
    'tcp-wrappers { enable no; };',
    'mailbox { mail-spool /var/mail; };',
    'auth { authentication system; authorization system; };',
    'tls-file-checks { key-file none; cert-file none; ca-file none; };',
  ];
  if (options.cert)
    lines.push(
      `tls { ssl-certificate-file ${options.cert.certFile}; ssl-key-file ${options.cert.keyFile}; };`,
    );
  if (options.apop) {
    lines.push(`apop-database-file ${join(root.dir, 'apop.db')};`, 'apop-database-safety none;');
  }
  lines.push(`server ${host}:${port} { tls-mode ${tlsMode}; };`, '');
  return lines.join('\n');
}

async function startMailutils(root: TempRoot, options: PopServerOptions, host: string) {
  const env = { ...process.env, LD_LIBRARY_PATH: LIBRARY_PATH, POPBOT_ROOT: root.dir };
  if (options.apop) {
    const text = Object.entries(options.apop)
      .map(([user, secret]) => `${user} ${secret}\n`)
      .join('');
    writeFileSync(join(root.dir, 'apop.txt'), text, { mode: 0o600 });
    execFileSync(
      join(ROOT, 'usr/bin/popauth'),
      ['--create', '-f', join(root.dir, 'apop.txt'), '-o', join(root.dir, 'apop.db')],
      { env, stdio: ['ignore', 'ignore', 'pipe'] },
    );
  }
  const port = await freePort(host);
  const confFile = join(root.dir, 'pop3d.conf');
  writeFileSync(confFile, mailutilsConfig(root, host, port, options));
  let output = '';
  const [file, ...args] = root.inNamespace([BINARY.mailutils, `--config-file=${confFile}`]);
  const child = spawn(file as string, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (output += d));
  const log = () => output;
  // A plain greeting proves the daemon listens; on an implicit-TLS port a TCP connect has to do.
  const greeting = (options.tls ?? 'none') !== 'implicit';
  await waitForServer({ name: 'pop3d', target: { host, port }, greeting, child, log });
  return {
    port,
    log,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** solid-pop3d's APOP secret as pop_auth stores it in ~/.spop3d: each byte inverted, in hex. */
function solidApopSecret(secret: string): string {
  return [...Buffer.from(secret, 'utf8')].map((b) => (b ^ 0xff).toString(16).padStart(2, '0')).join('');
}

async function startInetdServer(root: TempRoot, options: PopServerOptions, host: string) {
  const tls = options.tls ?? 'none';
  if (tls === 'stls' || tls === 'stls-required')
    throw new Error(`${options.kind} has no STLS; use tls 'none' or 'implicit'`);
  let command = [BINARY.popa3d];
  if (options.kind === 'solid-pop3d') {
    const conf = join(root.dir, 'spop3d.conf');
    writeFileSync(
      conf,
      '<Global>\n  MailDropName "/var/mail/%s"\n  MailDropType mailbox\n  LogStatistics no\n</Global>\n',
    );
    command = [BINARY['solid-pop3d'], '-f', conf];
    for (const u of root.users) {
      const secret = options.apop?.[u.name];
      if (secret === undefined) continue;
      const file = join(u.home, '.spop3d');
      writeFileSync(file, `APOPSecret ${solidApopSecret(secret)}\n`, { mode: 0o600 });
      chownSync(file, u.uid, u.uid);
    }
  }
  let output = '';
  const listener = await startInetd({
    host,
    command: root.inNamespace(command),
    env: { ...process.env, LD_LIBRARY_PATH: LIBRARY_PATH, POPBOT_ROOT: root.dir },
    onLog: (text) => (output += text),
    ...(tls === 'implicit' && options.cert
      ? { tls: { key: options.cert.key, cert: options.cert.cert } }
      : {}),
  });
  return { port: listener.port, log: () => output, stop: () => listener.close() };
}

export async function startPopServer(options: PopServerOptions): Promise<PopServer> {
  const why = popServersMissing();
  if (why) throw new Error(`the real POP servers cannot run here: ${why}`);
  const tls = options.tls ?? 'none';
  if (tls !== 'none' && !options.cert) throw new Error(`tls '${tls}' needs a cert`);
  if (options.apop && options.kind === 'popa3d') throw new Error('popa3d has no APOP');
  const host = options.host ?? '127.0.0.1';
  const users = options.users ?? { alice: 'correct horse' };
  const root = makeTempRoot(users, options.messages ?? 2, {
    popa3d: PAM_UNIX,
    'solid-pop3d': PAM_UNIX,
  });
  try {
    const running =
      options.kind === 'mailutils'
        ? await startMailutils(root, options, host)
        : await startInetdServer(root, options, host);
    return {
      kind: options.kind,
      tls,
      host,
      port: running.port,
      dir: root.dir,
      log: running.log,
      version: packageVersion(options.kind),
      stop: async () => {
        await running.stop();
        rmSync(root.dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(root.dir, { recursive: true, force: true });
    throw e;
  }
}
