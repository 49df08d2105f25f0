import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect as netConnect, createServer } from 'node:net';
import { arch, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CertPair, TestCerts } from '../../../test/support/certs.js';
import { type WaitForServer, waitForServer } from '../../../test/support/wait-for-server.js';
import { PASSWORD, USER } from '../scenarios.js';
import type { Running } from '../servers.js';
import { CYRUS_USER_WITHOUT_MAILBOX } from './cyrus-scenarios.js';

/**
 * Cyrus IMAP's POP3 server (Debian 12's cyrus-pop3d), unpacked from Debian's packages and never installed
 * (they conflict with dovecot-pop3d, which the tests need): `apt-get download` and `dpkg -x` into a cache
 * folder, as .ci/install-system-deps.sh does for the other servers, run with LD_LIBRARY_PATH into it.
 *
 * One `master` per setup, from a temporary imapd.conf and cyrus.conf: a plain listener (STLS unless the
 * setup has no certificate) and an implicit-TLS one, plus lmtpd on a Unix socket. Passwords are checked by
 * SASL's auxprop plugin against a sasldb made with sasl2-bin's saslpasswd2. The user's INBOX is created the
 * way Cyrus creates one on first delivery (`autocreate_post`), by delivering the messages over LMTP.
 *
 * Cyrus logs only through syslog(3). master runs in a private mount namespace whose /dev is a tmpfs with
 * the devices it needs and /dev/log a link to this run's own receiver: its lines never mix with another
 * program's syslog, and nobody else's /dev/log is touched.
 */

export const CYRUS_SETUPS = [
  'cyrus',
  'cyrus-plaintext-off',
  'cyrus-no-tls',
  'cyrus-login-delay',
  'cyrus-broken-mailbox',
  'cyrus-cert-expired',
] as const;
export type CyrusSetup = (typeof CYRUS_SETUPS)[number];
export const isCyrusSetup = (setup: string): setup is CyrusSetup =>
  (CYRUS_SETUPS as readonly string[]).includes(setup);

export const CYRUS_DIR = process.env.POPBOT_CYRUS_DIR ?? '/var/cache/popbot/cyrus';
const ROOT = join(CYRUS_DIR, 'root');
const BIN = join(ROOT, 'usr/lib/cyrus/bin');
const MULTIARCH = `${arch() === 'arm64' ? 'aarch64' : arch() === 'x64' ? 'x86_64' : arch()}-linux-gnu`;
const LIBRARY_PATH = [join(ROOT, 'usr/lib', MULTIARCH), join(ROOT, 'lib', MULTIARCH)].join(':');
/** The packages, and the libraries they link against that Debian 12's base lacks (`ldd`). */
const PACKAGES = ['cyrus-common', 'cyrus-pop3d', 'sasl2-bin'];
const LIBRARIES = ['libclamav12', 'libical3', 'libpcre3', 'libxapian30', 'libzephyr4', 'libsasl2-modules'];
/** Debian's user for Cyrus (its package creates it), in group mail. */
const CYRUS_USER = 'cyrus';
/** The SASL realm: saslpasswd2 stores users under the server's name, which pop3d asks for. */
const SERVERNAME = 'mail.example.net';

const installed = (pkg: string) => {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).includes(
      'install ok installed',
    );
  } catch {
    return false;
  }
};

/** Unpacks the packages into the cache once (as root); the version list is the provenance. */
export function ensureCyrusUnpacked(): void {
  if (existsSync(join(BIN, 'master')) && existsSync(join(CYRUS_DIR, 'packages.txt'))) return;
  const debs = join(CYRUS_DIR, 'debs');
  rmSync(debs, { recursive: true, force: true });
  mkdirSync(debs, { recursive: true, mode: 0o777 });
  const wanted = [...PACKAGES, ...LIBRARIES.filter((l) => !installed(l))];
  execFileSync('apt-get', ['download', '-qq', ...wanted], { cwd: debs, stdio: 'inherit' });
  rmSync(ROOT, { recursive: true, force: true });
  const versions: string[] = [];
  for (const deb of readdirSync(debs).filter((f) => f.endsWith('.deb'))) {
    execFileSync('dpkg', ['-x', join(debs, deb), ROOT]);
    versions.push(
      execFileSync('dpkg-deb', ['-W', '--showformat=${Package} ${Version}\n', join(debs, deb)], {
        encoding: 'utf8',
      }).trim(),
    );
  }
  writeFileSync(join(CYRUS_DIR, 'packages.txt'), `${versions.join('\n')}\n`);
}

/** "cyrus-pop3d 3.6.1-4+deb12u5, sasl2-bin …": what ran. */
export function cyrusVersion(): string {
  const list = readFileSync(join(CYRUS_DIR, 'packages.txt'), 'utf8').split('\n');
  return ['cyrus-pop3d', 'cyrus-common', 'sasl2-bin']
    .map((p) => list.find((l) => l.startsWith(`${p} `)) ?? p)
    .join(', ');
}

function ensureUser(): void {
  try {
    execFileSync('id', [CYRUS_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', [
      '-r',
      '-M',
      '-d',
      '/nonexistent',
      '-s',
      '/usr/sbin/nologin',
      '-g',
      'mail',
      CYRUS_USER,
    ]);
  }
}

export interface CyrusOptions {
  setup: CyrusSetup;
  host: string;
  cert: CertPair;
  users: Record<string, string>;
  /** Users who can log in but have no mailbox (never delivered to). */
  withoutMailbox?: readonly string[];
  messages: number;
}

export interface CyrusServer {
  plainPort: number;
  tlsPort: number;
  /** The configuration that differs from Debian's imapd.conf, as provenance. */
  config: string;
  /** Cyrus's syslog lines so far, as rsyslog writes them to /var/log/mail.log. */
  log(): string;
  stop(): Promise<void>;
}

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

/** imapd.conf lines that make each setup; the rest is Debian's defaults pointed into the temporary folder. */
const SETUP_CONFIG: Record<CyrusSetup, string[]> = {
  cyrus: ['allowplaintext: yes', 'popminpoll: 0'],
  'cyrus-plaintext-off': ['allowplaintext: no', 'popminpoll: 0'],
  'cyrus-no-tls': ['allowplaintext: yes', 'popminpoll: 0', '(no tls_server_cert: no STLS, no pop3s)'],
  'cyrus-login-delay': ['allowplaintext: yes', 'popminpoll: 1', '(a login a moment before the scenario)'],
  'cyrus-broken-mailbox': [
    'allowplaintext: yes',
    'popminpoll: 0',
    "(the user's mailbox folder in the spool made unreadable: chmod 000)",
  ],
  'cyrus-cert-expired': [
    'allowplaintext: yes',
    'popminpoll: 0',
    '(tls_server_cert: the test expired certificate)',
  ],
};

function imapdConf(dir: string, options: CyrusOptions): string {
  const tls = options.setup !== 'cyrus-no-tls';
  return [
    `configdirectory: ${dir}/config`,
    `proc_path: ${dir}/run/proc`,
    `mboxname_lockpath: ${dir}/run/lock`,
    'defaultpartition: default',
    `partition-default: ${dir}/spool`,
    `lmtpsocket: ${dir}/run/socket/lmtp`,
    `idlesocket: ${dir}/run/socket/idle`,
    `notifysocket: ${dir}/run/socket/notify`,
    `cyrus_user: ${CYRUS_USER}`,
    'syslog_prefix: cyrus',
    `servername: ${SERVERNAME}`,
    'altnamespace: no',
    'unixhierarchysep: no',
    'lmtp_downcase_rcpt: yes',
    'hashimapspool: true',
    'umask: 077',
    'sasl_pwcheck_method: auxprop',
    'sasl_auxprop_plugin: sasldb',
    `sasl_sasldb_path: ${dir}/sasldb2`,
    'sasl_auto_transition: no',
    // PLAIN and LOGIN only, as sites that keep passwords hashed must: SCRAM, DIGEST-MD5, CRAM-MD5 are off.
    'sasl_mech_list: PLAIN LOGIN',
    'autocreate_quota: 0',
    'autocreate_post: yes',
    ...SETUP_CONFIG[options.setup].filter((l) => !l.startsWith('(')),
    ...(tls ? [`tls_server_cert: ${dir}/cert.pem`, `tls_server_key: ${dir}/key.pem`] : []),
    '',
  ].join('\n');
}

function cyrusConf(dir: string, host: string, ports: { plain: number; tls: number }, tls: boolean): string {
  // master does not hand its -C on to the commands it starts: each gets it explicitly. `-U 1`: a pop3d
  // serves one connection (Debian's -U 30 reuses it), so it reads imapd.conf as it is when the client comes.
  const cmd = (program: string, args = '') => `cmd="${join(BIN, program)} -C ${dir}/imapd.conf${args}"`;
  return [
    'START {',
    `  recover ${cmd('ctl_cyrusdb', ' -r')}`,
    '}',
    'SERVICES {',
    `  pop3 ${cmd('pop3d', ' -U 1')} listen="${host}:${ports.plain}" prefork=0 maxchild=50`,
    ...(tls
      ? [`  pop3s ${cmd('pop3d', ' -s -U 1')} listen="${host}:${ports.tls}" prefork=0 maxchild=50`]
      : []),
    `  lmtpunix ${cmd('lmtpd')} listen="${dir}/run/socket/lmtp" prefork=0 maxchild=5`,
    '}',
    'EVENTS {',
    '}',
    '',
  ].join('\n');
}

/**
 * The namespace: /dev becomes a tmpfs holding the real null, zero, random, urandom and tty, and a /dev/log
 * link to this run's receiver; then master runs in the foreground.
 */
const NAMESPACE_SCRIPT = [
  'set -e',
  'mkdir -p "$CYRUS_TMP/olddev"',
  'mount --rbind /dev "$CYRUS_TMP/olddev"',
  'mount -t tmpfs -o mode=755 tmpfs /dev',
  'for n in null zero random urandom tty; do touch "/dev/$n"; mount --bind "$CYRUS_TMP/olddev/$n" "/dev/$n"; done',
  'umount -l "$CYRUS_TMP/olddev"',
  'ln -s "$CYRUS_TMP/log" /dev/log',
  'exec "$@"',
].join('\n');

/** A syslog receiver on this run's own socket: one line per message, as received ("<PRI>Mmm dd … ident[pid]: …"). */
const RECEIVER = [
  'import os, socket, sys',
  'sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)',
  'sock.bind(sys.argv[1])',
  'os.chmod(sys.argv[1], 0o666)',
  'while True:',
  '    data = sock.recv(65536).decode("utf-8", "replace").rstrip("\\0\\n")',
  '    sys.stdout.write(data.replace("\\n", " ") + "\\n")',
  '    sys.stdout.flush()',
].join('\n');

function startReceiver(path: string): { child: ChildProcess; lines: string[] } {
  const lines: string[] = [];
  const child = spawn('/usr/bin/python3', ['-c', RECEIVER, path], { stdio: ['ignore', 'pipe', 'ignore'] });
  let buffer = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    buffer += d;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
  });
  return { child, lines };
}

/** As rsyslog writes it to /var/log/mail.log: the time, the host name, then `ident[pid]: text`. */
function asMailLog(lines: readonly string[]): string {
  const host = hostname().split('.')[0];
  return lines
    .map((l) => l.replace(/^<\d+>/, ''))
    .filter((l) => /^\w{3} [ \d]\d \d\d:\d\d:\d\d cyrus\//.test(l))
    .map((l) => `${l.slice(0, 15)} ${host} ${l.slice(16)}\n`)
    .join('');
}

/** Delivers `count` small messages to each user over LMTP: lmtpd creates the INBOX on the first one. */
async function deliver(socketPath: string, users: readonly string[], count: number): Promise<void> {
  const socket = netConnect({ path: socketPath });
  socket.setEncoding('utf8');
  let seen = '';
  socket.on('data', (d: string) => (seen += d));
  const reply = async (): Promise<string> => {
    for (let i = 0; i < 200; i++) {
      const m = /^(\d{3}) .*\r\n/m.exec(seen);
      if (m) {
        const line = seen.slice(0, m.index + m[0].length);
        seen = seen.slice(m.index + m[0].length);
        if (!/^[23]/.test(m[1]!)) throw new Error(`lmtp: ${line.trim()}`);
        return line;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`lmtp: no reply (${seen})`);
  };
  const say = async (line: string) => {
    socket.write(`${line}\r\n`);
    return reply();
  };
  await reply();
  await say('LHLO localhost');
  for (const user of users)
    for (let i = 1; i <= count; i++) {
      await say('MAIL FROM:<test@example.com>');
      await say(`RCPT TO:<${user}>`);
      await say('DATA');
      await say(
        `From: test@example.com\r\nTo: ${user}@example.net\r\nSubject: message ${i}\r\n\r\nHello ${i}\r\n.`,
      );
    }
  await say('QUIT');
  socket.destroy();
}

export async function startCyrus(options: CyrusOptions): Promise<CyrusServer> {
  ensureCyrusUnpacked();
  ensureUser();
  const dir = mkdtempSync(join(tmpdir(), 'popbot-cyrus-'));
  for (const sub of [
    'config/db',
    'config/socket',
    'config/proc',
    'spool',
    'run/socket',
    'run/proc',
    'run/lock',
  ])
    mkdirSync(join(dir, sub), { recursive: true });
  const env = { ...process.env, LD_LIBRARY_PATH: LIBRARY_PATH, CYRUS_TMP: dir };
  const tls = options.setup !== 'cyrus-no-tls';
  const ports = { plain: await freePort(options.host), tls: await freePort(options.host) };
  // Copies the cyrus user can read (the test certificates' folder is root's).
  writeFileSync(join(dir, 'cert.pem'), options.cert.cert);
  writeFileSync(join(dir, 'key.pem'), options.cert.key, { mode: 0o600 });
  writeFileSync(join(dir, 'imapd.conf'), imapdConf(dir, options));
  writeFileSync(join(dir, 'cyrus.conf'), cyrusConf(dir, options.host, ports, tls));
  for (const [user, password] of Object.entries(options.users))
    execFileSync(
      join(ROOT, 'usr/sbin/saslpasswd2'),
      ['-p', '-c', '-f', join(dir, 'sasldb2'), '-u', SERVERNAME, user],
      {
        env,
        input: password,
        stdio: ['pipe', 'ignore', 'pipe'],
      },
    );
  execFileSync('chown', ['-R', `${CYRUS_USER}:mail`, dir]);
  execFileSync('chmod', ['755', dir]);
  const receiver = startReceiver(join(dir, 'log'));
  for (let i = 0; i < 50 && !existsSync(join(dir, 'log')); i++) await new Promise((r) => setTimeout(r, 50));
  let output = '';
  const master = spawn(
    'unshare',
    [
      '-m',
      'sh',
      '-c',
      NAMESPACE_SCRIPT,
      'sh',
      join(BIN, 'master'),
      '-C',
      join(dir, 'imapd.conf'),
      '-M',
      join(dir, 'cyrus.conf'),
      '-D',
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  master.stdout?.setEncoding('utf8').on('data', (d: string) => (output += d));
  master.stderr?.setEncoding('utf8').on('data', (d: string) => (output += d));
  const log = () => asMailLog(receiver.lines);
  const stop = async () => {
    if (master.exitCode === null) {
      const exited = new Promise<void>((resolve) => master.once('exit', () => resolve()));
      master.kill('SIGTERM');
      await exited;
    }
    receiver.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const diag = () => `${output}${log()}`;
    const up = (what: string, target: WaitForServer['target']) =>
      waitForServer({ name: `cyrus: ${what}`, target, child: master, log: diag, timeoutMs: 15_000 });
    await up('pop3', { host: options.host, port: ports.plain });
    if (tls) await up('pop3s', { host: options.host, port: ports.tls });
    const lmtp = join(dir, 'run/socket/lmtp');
    await up('lmtp', { path: lmtp });
    const withMailbox = Object.keys(options.users).filter((u) => !options.withoutMailbox?.includes(u));
    await deliver(lmtp, withMailbox, options.messages);
    // From now on nothing creates a mailbox (each pop3d reads the file when master starts it): a user
    // without one meets the error of a site whose mailboxes an administrator makes.
    if (options.setup === 'cyrus-broken-mailbox')
      for (const folder of messageFolders(join(dir, 'spool'))) chmodSync(folder, 0);
    if (options.setup === 'cyrus-login-delay')
      await popLogin(options.host, ports.plain, withMailbox[0]!, options.users);
    writeFileSync(
      join(dir, 'imapd.conf'),
      imapdConf(dir, options).replace(/^autocreate_.*\n/gm, '') +
        'autocreate_quota: -1\nautocreate_users: cyrus\n',
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    plainPort: ports.plain,
    tlsPort: ports.tls,
    config: [
      'a temporary imapd.conf and cyrus.conf (master -C … -M … -D; pop3 with STLS, pop3s, lmtpunix)',
      'sasl_pwcheck_method: auxprop, sasl_auxprop_plugin: sasldb (saslpasswd2), sasl_mech_list: PLAIN LOGIN',
      'INBOX created by lmtpd on first delivery (autocreate_quota: 0, autocreate_post: yes), then autocreate turned off',
      ...SETUP_CONFIG[options.setup],
      'syslog_prefix: cyrus',
    ].join('; '),
    log,
    stop,
  };
}

/** The spool folders that hold messages (Cyrus 3 names them by mailbox id: spool/uuid/x/y/<id>/). */
function messageFolders(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true });
  const here = entries.some((e) => e.isFile() && e.name === '1.') ? [folder] : [];
  return [
    ...here,
    ...entries.filter((e) => e.isDirectory()).flatMap((e) => messageFolders(join(folder, e.name))),
  ];
}

/** One successful POP login and QUIT: the login `popminpoll` counts from. */
async function popLogin(
  host: string,
  port: number,
  user: string,
  users: Record<string, string>,
): Promise<void> {
  const socket = netConnect({ host, port });
  socket.setEncoding('utf8');
  let seen = '';
  socket.on('data', (d: string) => (seen += d));
  const next = async () => {
    for (let i = 0; i < 300 && !seen.includes('\r\n'); i++) await new Promise((r) => setTimeout(r, 20));
    const line = seen.slice(0, seen.indexOf('\r\n'));
    seen = seen.slice(line.length + 2);
    if (!line.startsWith('+OK')) throw new Error(`cyrus: first login refused: ${line}`);
  };
  await next();
  for (const command of [`USER ${user}`, `PASS ${users[user]}`, 'QUIT']) {
    socket.write(`${command}\r\n`);
    await next();
  }
  socket.destroy();
}

/** The capture's setup: alice with three messages, bob with a password and no mailbox. */
export async function startCyrusSetup(setup: CyrusSetup, certs: TestCerts, host: string): Promise<Running> {
  const server = await startCyrus({
    setup,
    host,
    cert: setup === 'cyrus-cert-expired' ? certs.expired : certs.valid,
    users: { [USER]: PASSWORD, [CYRUS_USER_WITHOUT_MAILBOX]: PASSWORD },
    withoutMailbox: [CYRUS_USER_WITHOUT_MAILBOX],
    messages: 3,
  });
  return {
    setup,
    source: 'cyrus',
    host,
    plainPort: server.plainPort,
    tlsPort: server.tlsPort,
    server: cyrusVersion(),
    config: server.config,
    log: server.log,
    stop: server.stop,
  };
}
