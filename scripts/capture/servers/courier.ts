import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestCerts } from '../../../test/support/certs.js';
import { waitForServer } from '../../../test/support/wait-for-server.js';
import { mbox } from '../../../test/support/pop-servers-root.js';
import { startSyslog, type Syslog } from '../syslog.js';

/**
 * Courier's POP3 server (Debian 12's courier-pop, with courier-authdaemon and its userdb module), run the
 * way Debian's init scripts run it — `courierlogger` around `authdaemond`, and around `couriertcpd`
 * starting `courierpop3login` → `courierpop3d` on a plain port (STLS through `couriertls`) and behind
 * `couriertls -server -tcpd` on an implicit-TLS port — but never installed: the packages conflict with
 * dovecot-pop3d. They are fetched with `apt-get download` and unpacked with `dpkg -x` into a cache folder
 * (POPBOT_COURIER_DIR, default /var/cache/popbot/courier), with the libraries this machine lacks.
 *
 * Courier's paths are compiled in (/etc/courier, /run/courier/authdaemon, /usr/lib/courier…), so the daemons
 * run in a private mount namespace: the unpacked /usr laid over the system's (overlayfs), a temporary /etc
 * with its own courier/ folder (authdaemonrc, userdb), a private /run, and a private /dev whose `log`
 * leads to this capture's own syslog receiver (the lines exactly as courierlogger sends them, no other
 * capture's). Nothing on the machine changes.
 */

export type CourierSetup =
  'courier' | 'courier-tls-required' | 'courier-no-tls' | 'courier-limit' | 'courier-cert-expired';

export const COURIER_SETUPS: readonly CourierSetup[] = [
  'courier',
  'courier-tls-required',
  'courier-no-tls',
  'courier-limit',
  'courier-cert-expired',
];

/**
 * The accounts in userdb, all with the same password. Courier answers some situations only for some
 * accounts: POP3 switched off (`disablepop3=1`), POP3 switched off without TLS (`disableinsecurepop3=1`),
 * a home directory with the sticky bit (Courier's way to make an account "temporarily unavailable" while it
 * is moved), a Maildir without its `cur` folder.
 */
export const COURIER_USERS = {
  alice: 'the ordinary account',
  bob: 'options=disablepop3=1',
  carol: 'options=disableinsecurepop3=1',
  dave: 'home directory with the sticky bit (chmod +t)',
  erin: "a Maildir without its 'cur' folder",
} as const;
export type CourierUser = keyof typeof COURIER_USERS;

export interface CourierServer {
  plainPort: number;
  tlsPort: number;
  version: string;
  config: string;
  log(): string;
  stop(): Promise<void>;
}

const CACHE = process.env.POPBOT_COURIER_DIR ?? '/var/cache/popbot/courier';
const ROOT = join(CACHE, 'root');
const PACKAGES = [
  'courier-pop',
  'courier-base',
  'courier-authdaemon',
  'courier-authlib',
  'courier-authlib-userdb',
];
/** Libraries the daemons link against that Debian 12 does not have without Courier installed. */
const LIBRARIES = ['libcourier-unicode4', 'libgamin0', 'libltdl7', 'libpcre3'];
const MULTIARCH = `${arch() === 'arm64' ? 'aarch64' : arch() === 'x64' ? 'x86_64' : arch()}-linux-gnu`;
const LIBRARY_PATH = [
  join(ROOT, 'usr/lib', MULTIARCH),
  join(ROOT, 'lib', MULTIARCH),
  join(ROOT, 'usr/lib'),
].join(':');
const FIRST_UID = 61_100;

const installed = (pkg: string) => {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).includes('install ok installed');
  } catch {
    return false;
  }
};

/** Fetches and unpacks the packages once (needs root and Debian's package lists). */
function ensureUnpacked(): void {
  if (existsSync(join(CACHE, 'packages.txt')) && existsSync(join(ROOT, 'usr/sbin/couriertcpd'))) return;
  const debs = join(CACHE, 'debs');
  rmSync(debs, { recursive: true, force: true });
  mkdirSync(debs, { recursive: true });
  chmodSync(debs, 0o777); // apt-get download writes as the unprivileged _apt user when it can
  const wanted = [...PACKAGES, ...LIBRARIES.filter((l) => !installed(l))];
  execFileSync('apt-get', ['download', '-qq', ...wanted], { cwd: debs, stdio: 'ignore' });
  rmSync(ROOT, { recursive: true, force: true });
  const files = execFileSync('sh', ['-c', 'ls *.deb'], { cwd: debs, encoding: 'utf8' }).split('\n');
  const list: string[] = [];
  for (const deb of files.filter(Boolean)) {
    execFileSync('dpkg', ['-x', join(debs, deb), ROOT]);
    list.push(
      execFileSync('dpkg-deb', ['-W', '--showformat=${Package} ${Version}', join(debs, deb)], {
        encoding: 'utf8',
      }),
    );
  }
  writeFileSync(join(CACHE, 'packages.txt'), `${list.join('\n')}\n`);
}

function packageVersion(): string {
  const list = readFileSync(join(CACHE, 'packages.txt'), 'utf8').split('\n');
  const of = (p: string) => list.find((l) => l.startsWith(`${p} `)) ?? p;
  return `Courier ${of('courier-pop')} (${of('courier-authdaemon')}, ${of('courier-authlib-userdb')})`;
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, host, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** What differs between the setups: the environment of courierpop3login and couriertcpd's options. */
function setupOptions(setup: CourierSetup) {
  return {
    starttls: setup === 'courier-no-tls' ? 'NO' : 'YES',
    tlsRequired: setup === 'courier-tls-required' ? 1 : 0,
    // Debian's MAXPERIP is 4; the capture runs six clients at once from one address, so only the setup
    // that tests the limit keeps a low one.
    maxPerIp: setup === 'courier-limit' ? 1 : 40,
  };
}

function sha512Crypt(password: string): string {
  return execFileSync('openssl', ['passwd', '-6', '-stdin'], { input: password, encoding: 'utf8' }).trim();
}

/** The temporary root: etc/ (passwd + courier, etc/courier), the homes with their Maildirs, the TLS file. */
function makeRoot(dir: string, password: string, messages: number, pem: string): void {
  const etc = join(dir, 'etc');
  mkdirSync(join(etc, 'courier'), { recursive: true });
  cpSync(join(ROOT, 'etc/courier'), join(etc, 'courier'), { recursive: true });
  const courierId = FIRST_UID - 1;
  writeFileSync(
    join(etc, 'passwd'),
    `${readFileSync('/etc/passwd', 'utf8').trimEnd()}\ncourier:x:${courierId}:${courierId}::/var/lib/courier:/usr/sbin/nologin\n`,
  );
  writeFileSync(
    join(etc, 'group'),
    `${readFileSync('/etc/group', 'utf8').trimEnd()}\ncourier:x:${courierId}:\n`,
  );
  const rc = join(etc, 'courier', 'authdaemonrc');
  writeFileSync(
    rc,
    readFileSync(rc, 'utf8')
      .replace(/^authmodulelist=.*$/m, 'authmodulelist="authuserdb"')
      // What an admin turns on to see why logins fail (Courier's documented debugging switch).
      .replace(/^DEBUG_LOGIN=.*$/m, 'DEBUG_LOGIN=1'),
  );
  const hash = sha512Crypt(password);
  const env = { ...process.env, LD_LIBRARY_PATH: LIBRARY_PATH };
  const userdb: string[] = [];
  Object.keys(COURIER_USERS).forEach((name, i) => {
    const uid = FIRST_UID + i;
    // Seen from the namespace, where the temporary home/ is mounted over /home.
    const home = join(dir, 'home', name);
    const seen = `/home/${name}`;
    mkdirSync(home, { recursive: true });
    const maildir = join(home, 'Maildir');
    execFileSync(join(ROOT, 'usr/bin/maildirmake.courier'), [maildir], { env });
    mbox(messages)
      .split(/^From test@example\.com .*\n/m)
      .filter(Boolean)
      .forEach((message, n) =>
        writeFileSync(join(maildir, 'cur', `17650000${n}.M${n}P1.capture:2,`), message.trimEnd() + '\n'),
      );
    if (name === 'erin') rmSync(join(maildir, 'cur'), { recursive: true });
    execFileSync('chown', ['-R', `${uid}:${uid}`, home]);
    if (name === 'dave') chmodSync(home, 0o1755);
    const options =
      name === 'bob' ? '|options=disablepop3=1' : name === 'carol' ? '|options=disableinsecurepop3=1' : '';
    userdb.push(
      `${name}\tuid=${uid}|gid=${uid}|home=${seen}|mail=${seen}/Maildir|systempw=${hash}${options}`,
    );
  });
  writeFileSync(join(etc, 'courier', 'userdb'), `${userdb.join('\n')}\n`, { mode: 0o600 });
  writeFileSync(join(dir, 'pop3d.pem'), pem, { mode: 0o600 });
  chownSync(join(dir, 'pop3d.pem'), courierId, courierId);
  chmodSync(dir, 0o755);
  chmodSync(join(dir, 'home'), 0o755);
}

/** The namespace: mounts, then authdaemond and the two couriertcpd listeners under courierlogger. */
function namespaceScript(dir: string, host: string, plain: number, tls: number, setup: CourierSetup) {
  const o = setupOptions(setup);
  const env = [
    'env -i PATH=/usr/bin:/bin:/usr/sbin',
    `LD_LIBRARY_PATH=${LIBRARY_PATH}`,
    'POP3AUTH= POP3AUTH_TLS=',
    `POP3_TLS_REQUIRED=${o.tlsRequired}`,
    'COURIERTLS=/usr/bin/couriertls',
    `TLS_CERTFILE=${dir}/pop3d.pem TLS_VERIFYPEER=NONE TLS_CACHEFILE=`,
    'MAILDIRPATH=Maildir',
  ].join(' ');
  const tcpd = `couriertcpd -address=${host} -maxprocs=40 -maxperip=${o.maxPerIp} -nodnslookup -noidentlookup`;
  const login = '/usr/lib/courier/courier/courierpop3login /usr/lib/courier/courier/courierpop3d Maildir';
  return [
    'set -e',
    `mount -t overlay overlay -o lowerdir=${ROOT}/usr:/usr /usr`,
    `mount -t overlay overlay -o lowerdir=${dir}/etc:/etc /etc`,
    `mount --bind ${dir}/etc/courier /etc/courier`,
    `mount --bind ${dir}/home /home`,
    'mount -t tmpfs tmpfs /run',
    'mkdir -p /run/olddev /run/courier/authdaemon && mount --rbind /dev /run/olddev',
    'mount -t tmpfs -o mode=755 tmpfs /dev',
    'for n in null zero urandom random full tty; do touch /dev/$n; mount --bind /run/olddev/$n /dev/$n; done',
    `ln -s /proc/self/fd /dev/fd && ln -s ${dir}/log.sock /dev/log`,
    `chown courier:courier /run/courier/authdaemon && chmod 750 /run/courier/authdaemon`,
    `export LD_LIBRARY_PATH=${LIBRARY_PATH}`,
    'cd /etc/courier && /usr/sbin/makeuserdb',
    // As /usr/sbin/authdaemond does: authdaemonrc's settings (DEBUG_LOGIN) in the environment.
    '(set -a; . /etc/courier/authdaemonrc; exec courierlogger -name=authdaemond /usr/lib/courier/courier-authlib/authdaemond) & A=$!',
    `${env} POP3_STARTTLS=${o.starttls} courierlogger -name=pop3d ${tcpd} ${plain} ${login} & B=$!`,
    `${env} POP3_STARTTLS=NO POP3_TLS=1 courierlogger -name=pop3d-ssl ${tcpd} ${tls} /usr/bin/couriertls -server -tcpd -user=courier ${login} & C=$!`,
    "trap 'kill $A $B $C; wait' TERM",
    'wait',
  ].join('\n');
}

export async function startCourier(
  setup: CourierSetup,
  certs: TestCerts,
  host: string,
  user: { password: string; messages: number },
): Promise<CourierServer> {
  ensureUnpacked();
  const dir = mkdtempSync(join(tmpdir(), 'popbot-courier-'));
  const cert = setup === 'courier-cert-expired' ? certs.expired : certs.valid;
  makeRoot(dir, user.password, user.messages, `${cert.key.trimEnd()}\n${cert.cert}`);
  const syslog: Syslog | undefined = await startSyslog(join(dir, 'log.sock'));
  const mark = syslog?.mark() ?? 0;
  const [plainPort, tlsPort] = [await freePort(host), await freePort(host)];
  writeFileSync(join(dir, 'start.sh'), namespaceScript(dir, host, plainPort, tlsPort, setup));
  let output = '';
  const child = spawn('unshare', ['-m', 'sh', join(dir, 'start.sh')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const log = () => syslog?.lines('(?:authdaemond|pop3d|pop3d-ssl)', mark).join('\n') ?? '';
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    syslog?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const diag = () => output + log();
    await waitForServer({ name: 'courier', target: { host, port: plainPort }, child, log: diag });
    await waitForServer({ name: 'courier', target: { host, port: tlsPort }, child, log: diag });
    // The probes' sessions end a moment later: with one connection per address they would still count.
    await new Promise((r) => setTimeout(r, 1000));
  } catch (e) {
    await stop();
    throw e;
  }
  const o = setupOptions(setup);
  return {
    plainPort,
    tlsPort,
    version: packageVersion(),
    config: [
      'scripts/capture/servers/courier.ts: unpacked, run in a mount namespace as Debian runs it',
      'authdaemond (authmodulelist="authuserdb", DEBUG_LOGIN=1) under courierlogger',
      `couriertcpd -maxperip=${o.maxPerIp} → courierpop3login → courierpop3d Maildir, POP3AUTH=""`,
      `plain port: POP3_STARTTLS=${o.starttls}, POP3_TLS_REQUIRED=${o.tlsRequired}`,
      'TLS port: couriertls -server -tcpd (POP3_TLS=1)',
      `certificate: the test ${setup === 'courier-cert-expired' ? 'expired' : 'valid'} one`,
      `userdb accounts: ${Object.entries(COURIER_USERS)
        .map(([n, what]) => `${n} (${what})`)
        .join(', ')}`,
      'logs: syslog as rsyslog writes it to mail.log',
    ].join('; '),
    log,
    stop,
  };
}
