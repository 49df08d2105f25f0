// Dovecot broken the ways admins break it (storage and configuration faults), live: one real Dovecot 2.3 per
// scenario, real clients against it (scripts/capture/clients.ts: fetchmail, mpop, curl, getmail6, Python poplib,
// run as the ordinary user `popcap`), and both sides recorded: the server's log lines as Dovecot writes them and
// each client's output. Each scenario runs twice: once with `log_path = syslog` (inside scripts/logs/sink.sh, where
// syslog(3) reaches a real journald and rsyslogd: rsyslog's Debian 12 format and `journalctl -t dovecot`) with
// fetchmail, mpop and curl, and once with Dovecot's own log_path file with getmail and poplib; the log of each run
// holds only what its clients caused.
// Dovecot: /usr/sbin/dovecot when installed; otherwise Debian's dovecot-core and dovecot-pop3d unpacked with
// `dpkg -x` into $DOVECOT_ROOT and overlaid on /usr/lib inside sink.sh's private mount namespace (never installed).
// Loopback only: Dovecot on 127.0.0.121 (ports 22110, 22995).
// Writes scripts/dovecot-faults/data/<scenario>/<format>.log and <client>.txt, each with a provenance header.
//
//   npx tsc -p scripts/capture/tsconfig.json
//   sh scripts/logs/sink.sh /tmp/sink-faults node scripts/dovecot-faults/capture.mjs [scenario…]   (as root)

import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setInterval, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  journalCursor,
  journalSince,
  selfSignedCert,
  sinkVersions,
  sizeOf,
  stopDovecot,
  tailOf,
} from '../logs/dovecot-capture.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const { runClient, clientVersion } = await import(join(root, 'dist/capture/scripts/capture/clients.js'));
const OUT = join(here, 'data');
const HOST = '127.0.0.121';
const PLAIN = 22110;
const TLS = 22995;
const USER = 'alice';
const PASSWORD = 'correct horse';
if (!process.env.SINK) throw new Error('run inside scripts/logs/sink.sh');

// A private Dovecot when none is installed: Debian's packages unpacked, /usr/lib and /usr/bin overlaid (this
// namespace only: doveconf is looked for in /usr/bin, the services in /usr/lib/dovecot).
const DOVECOT_ROOT = process.env.DOVECOT_ROOT ?? '/tmp/faults11-dc/root';
const installed = existsSync('/usr/sbin/dovecot');
const DOVECOT = installed ? '/usr/sbin/dovecot' : join(DOVECOT_ROOT, 'usr/sbin/dovecot');
if (!installed && !existsSync('/usr/lib/dovecot'))
  for (const d of ['/usr/lib', '/usr/bin'])
    execFileSync('mount', ['-t', 'overlay', 'overlay', '-o', `lowerdir=${join(DOVECOT_ROOT, d)}:${d}`, d]);

// The mail user is Debian's `mail` (uid 8); Dovecot's own processes run as `nobody` (no dovecot user here).
const uidOf = (u) => Number(execFileSync('id', ['-u', u], { encoding: 'utf8' }));
const gidOf = (u) => Number(execFileSync('id', ['-g', u], { encoding: 'utf8' }));
const MAIL = { uid: uidOf('mail'), gid: gidOf('mail') };

function maildir(dir) {
  const md = join(dir, 'home', USER, 'Maildir');
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(md, sub), { recursive: true });
  for (let i = 0; i < 3; i++)
    writeFileSync(
      join(md, 'cur', `${1_765_000_000 + i}.M${i}P1.mail:2,S`),
      `From: test@example.com\r\nSubject: message ${i + 1}\r\n\r\nHello ${i + 1}\r\n`,
    );
  execFileSync('chown', ['-R', `${MAIL.uid}:${MAIL.gid}`, join(dir, 'home')]);
  return md;
}

function greets() {
  return new Promise((resolve) => {
    const s = netConnect({ host: HOST, port: PLAIN });
    s.setTimeout(1000, () => (s.destroy(), resolve(false)));
    s.on('data', (d) => (s.destroy(), resolve(String(d).startsWith('+OK'))));
    s.on('error', () => resolve(false));
  });
}

async function startDovecot(scenario, logToFile) {
  const dir = mkdtempSync(join(tmpdir(), 'popbot-faults-'));
  chmodSync(dir, 0o755);
  selfSignedCert(dir);
  writeFileSync(join(dir, 'passwd'), `${USER}:{PLAIN}${PASSWORD}::::::\n`);
  maildir(dir);
  const sub = (e) => e.replaceAll('$DIR', dir).replaceAll('$UID', MAIL.uid).replaceAll('$GID', MAIL.gid);
  const conf = [
    'protocols = pop3',
    `listen = ${HOST}`,
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    'instance_name = dovecot',
    `log_path = ${logToFile ? join(dir, 'dovecot.log') : 'syslog'}`,
    'default_internal_user = nobody',
    'default_login_user = nobody',
    'default_internal_group = nogroup',
    'ssl = yes',
    `ssl_cert = <${join(dir, 'cert.pem')}`,
    `ssl_key = <${join(dir, 'key.pem')}`,
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    'auth_verbose = yes',
    `first_valid_uid = ${MAIL.uid}`,
    ...(
      scenario.passdb ?? [`passdb {\n  driver = passwd-file\n  args = scheme=PLAIN ${join(dir, 'passwd')}\n}`]
    ).map(sub),
    ...(
      scenario.userdb ?? [
        `userdb {\n  driver = static\n  args = uid=${MAIL.uid} gid=${MAIL.gid} home=${join(dir, 'home')}/%u\n}`,
      ]
    ).map(sub),
    'mail_location = maildir:~/Maildir',
    `service pop3-login {\n  inet_listener pop3 {\n    port = ${PLAIN}\n  }\n  inet_listener pop3s {\n    port = ${TLS}\n    ssl = yes\n  }\n}`,
    ...(scenario.extra ?? []).map(sub),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'dovecot.conf'), conf);
  scenario.setup?.(dir);
  // What the master prints when it cannot start (a configuration it refuses): the admin's terminal.
  let startOutput = '';
  const code = await new Promise((resolve) => {
    const p = spawn(DOVECOT, ['-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    p.stdout.on('data', (d) => (startOutput += d));
    p.stderr.on('data', (d) => (startOutput += d));
    // The daemon keeps the pipes: stop reading once the parent has exited.
    p.on('exit', (c) => setTimeout(() => resolve(c), 300));
  });
  for (let i = 0; code === 0 && i < 60; i++) {
    if (await greets()) break;
    await sleep(100);
  }
  scenario.started?.(dir);
  return {
    dir,
    startOutput: code === 0 ? '' : startOutput.replaceAll(dir, '/etc/dovecot'),
    log: () => (existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : ''),
    stop: () => stopDovecot(join(dir, 'run')),
    remove: () => {
      for (const mount of [join(dir, 'home', USER), join(dir, 'index')])
        try {
          execFileSync('umount', ['-l', mount], { stdio: 'ignore' });
        } catch {
          // Not a mount.
        }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const SPOOL = 'mail_location = mbox:~/mail:INBOX=$DIR/spool/%u';

/** The faults: settings (`extra`, `passdb`, `userdb`) and what is done to the disk (`setup`, `started`). */
const SCENARIOS = {
  'maildir-wrong-owner': {
    what: "the user's Maildir owned by root, mode 0700 (restored from a backup as root)",
    setup: (dir) => {
      const md = join(dir, 'home', USER, 'Maildir');
      execFileSync('chown', ['-R', 'root:root', md]);
      chmodSync(md, 0o700);
    },
  },
  'cur-unreadable': {
    what: "the Maildir's cur/ made unreadable (chmod 000)",
    setup: (dir) => chmodSync(join(dir, 'home', USER, 'Maildir', 'cur'), 0o000),
  },
  'mail-location-empty': {
    what: 'mail_location left empty and the home directory missing (autodetection has nothing to find)',
    extra: ['mail_location ='],
    userdb: ['userdb {\n  driver = static\n  args = uid=$UID gid=$GID home=/srv/vmail/%d/%n\n}'],
  },
  'mbox-inbox-not-creatable': {
    what: 'mbox INBOX in a spool directory the mail user cannot write, no spool file for the user',
    extra: [SPOOL],
    setup: (dir) => {
      mkdirSync(join(dir, 'spool'));
      chmodSync(join(dir, 'spool'), 0o755);
    },
  },
  'mbox-dotlock-timeout': {
    what: 'mbox INBOX with a fresh alice.lock dotlock held by another program; mbox_lock_timeout = 5 secs',
    extra: [SPOOL, 'mbox_read_locks = dotlock', 'mbox_write_locks = dotlock', 'mbox_lock_timeout = 5 secs'],
    setup: (dir) => {
      mkdirSync(join(dir, 'spool'));
      writeFileSync(
        join(dir, 'spool', USER),
        'From test@example.com Mon Dec  7 05:00:00 2026\nSubject: x\n\nHello\n\n',
      );
      writeFileSync(join(dir, 'spool', `${USER}.lock`), '4242\n');
      execFileSync('chown', ['-R', `${MAIL.uid}:${MAIL.gid}`, join(dir, 'spool')]);
      chmodSync(join(dir, 'spool'), 0o775);
    },
    // Another program keeps touching its lock (a delivery agent writing a big message).
    started: (dir) => {
      const lock = join(dir, 'spool', `${USER}.lock`);
      const timer = setInterval(() => existsSync(lock) && utimesSync(lock, new Date(), new Date()), 1000);
      timer.unref();
    },
  },
  'disk-full': {
    what: "the user's home on a 256 KiB filesystem filled to the last block (a tmpfs in the capture's namespace)",
    setup: (dir) => {
      const home = join(dir, 'home', USER);
      const keep = join(dir, 'keep');
      execFileSync('cp', ['-a', home, keep]);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0755', 'tmpfs', home]);
      execFileSync('cp', ['-a', `${keep}/.`, home]);
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${join(home, 'filler')}`, 'bs=4k'], { stdio: 'ignore' });
      } catch {
        // Full: what we wanted.
      }
      execFileSync('chown', ['-R', `${MAIL.uid}:${MAIL.gid}`, home]);
    },
  },
  'userdb-file-missing': {
    what: 'userdb passwd-file pointing at a file that does not exist',
    userdb: ['userdb {\n  driver = passwd-file\n  args = $DIR/users\n}'],
  },
  'passdb-file-missing': {
    what: 'passdb passwd-file pointing at a file that does not exist',
    passdb: ['passdb {\n  driver = passwd-file\n  args = scheme=PLAIN $DIR/passwd.missing\n}'],
  },
  'auth-socket-removed': {
    what: "the auth process's login socket removed after start (a cleanup of base_dir)",
    started: (dir) => {
      for (const s of ['login/login', 'auth-login', 'auth-client'])
        rmSync(join(dir, 'run', s), { force: true });
    },
  },
  'ssl-key-missing': {
    what: 'ssl_key pointing at a file that does not exist: Dovecot refuses to start',
    extra: ['ssl_key = </etc/ssl/private/mail.example.net.key'],
  },
  'index-dir-not-creatable': {
    what: 'INDEX= pointing at a directory the mail user cannot create',
    extra: ['mail_location = maildir:~/Maildir:INDEX=/var/lib/dovecot/index/%u'],
  },
  'pop3-workarounds-typo': {
    what: 'pop3_client_workarounds with a misspelt value (outlook-no-nul instead of outlook-no-nuls)',
    extra: ['protocol pop3 {\n  pop3_client_workarounds = outlook-no-nul oe-ns-eoh\n}'],
  },
  'uid-below-first-valid': {
    what: 'the static userdb gives uid 1 (daemon) while first_valid_uid is the mail user: mail access refused',
    userdb: ['userdb {\n  driver = static\n  args = uid=1 gid=1 home=$DIR/home/%u\n}'],
  },
  // Second batch (labelled and scored after the first batch's tuning: scripts/dovecot-faults/cases.batch-2.yaml).
  'read-only-filesystem': {
    batch: 2,
    what: "the user's home on a filesystem remounted read-only (after a disk error), no dovecot-uidlist yet",
    setup: (dir) => {
      const home = join(dir, 'home', USER);
      const keep = join(dir, 'keep');
      execFileSync('cp', ['-a', home, keep]);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0755', 'tmpfs', home]);
      execFileSync('cp', ['-a', `${keep}/.`, home]);
      execFileSync('chown', ['-R', `${MAIL.uid}:${MAIL.gid}`, home]);
      execFileSync('mount', ['-o', 'remount,ro', home]);
    },
  },
  'cur-not-a-directory': {
    batch: 2,
    what: "the Maildir's cur/ replaced by a file of the same name (a botched copy)",
    setup: (dir) => {
      const cur = join(dir, 'home', USER, 'Maildir', 'cur');
      rmSync(cur, { recursive: true, force: true });
      writeFileSync(cur, 'not a directory\n');
      execFileSync('chown', [`${MAIL.uid}:${MAIL.gid}`, cur]);
    },
  },
  'uid-above-last-valid': {
    batch: 2,
    what: 'the static userdb gives uid 65534 (nobody) while last_valid_uid = 1000: mail access refused',
    extra: ['last_valid_uid = 1000'],
    userdb: ['userdb {\n  driver = static\n  args = uid=65534 gid=65534 home=$DIR/home/%u\n}'],
  },
  'mbox-dotlock-not-permitted': {
    batch: 2,
    what: 'mbox INBOX in a root-owned spool directory (0755) that the mail user cannot create its dotlock in; mbox_read_locks = dotlock fcntl',
    extra: [SPOOL, 'mbox_read_locks = dotlock fcntl', 'mbox_write_locks = dotlock fcntl'],
    setup: (dir) => {
      mkdirSync(join(dir, 'spool'));
      writeFileSync(
        join(dir, 'spool', USER),
        'From test@example.com Mon Dec  7 05:00:00 2026\nSubject: x\n\nHello\n\n',
      );
      execFileSync('chown', [`${MAIL.uid}:${MAIL.gid}`, join(dir, 'spool', USER)]);
      chmodSync(join(dir, 'spool'), 0o755);
    },
  },
  'inbox-is-a-directory': {
    batch: 2,
    what: 'mbox INBOX= pointing at a directory instead of the spool file',
    extra: ['mail_location = mbox:~/mail:INBOX=$DIR/spool'],
    setup: (dir) => {
      mkdirSync(join(dir, 'spool', USER), { recursive: true });
      execFileSync('chown', ['-R', `${MAIL.uid}:${MAIL.gid}`, join(dir, 'spool')]);
    },
  },
  'index-disk-full': {
    batch: 2,
    what: 'INDEX= on a separate 64 KiB filesystem filled to the last block; the Maildir itself is fine',
    extra: ['mail_location = maildir:~/Maildir:INDEX=$DIR/index/%u'],
    setup: (dir) => {
      const index = join(dir, 'index');
      mkdirSync(index);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0755', 'tmpfs', index]);
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${join(index, 'filler')}`, 'bs=4k'], { stdio: 'ignore' });
      } catch {
        // Full: what we wanted.
      }
      execFileSync('chown', ['-R', `${MAIL.uid}:${MAIL.gid}`, index]);
    },
  },
};

const version = execFileSync(DOVECOT, ['--version'], { encoding: 'utf8' }).trim();
const { rsyslog, journald } = sinkVersions();
const target = { host: HOST, port: PLAIN, security: 'plain', user: USER, password: PASSWORD, timeoutS: 15 };
const RUNS = [
  { logToFile: false, clients: ['fetchmail', 'mpop', 'curl'] },
  { logToFile: true, clients: ['getmail', 'poplib'] },
];

// `--batch N` runs that batch's scenarios (none: the first); names run those.
const args = process.argv.slice(2);
const batch = args.includes('--batch') ? Number(args[args.indexOf('--batch') + 1]) : 1;
const wanted = args.filter((a, i) => a !== '--batch' && args[i - 1] !== '--batch');
for (const [name, scenario] of Object.entries(SCENARIOS)) {
  if (wanted.length ? !wanted.includes(name) : (scenario.batch ?? 1) !== batch) continue;
  const out = join(OUT, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const settings = [
    ...(scenario.passdb ?? []),
    ...(scenario.userdb ?? []),
    ...(scenario.extra ?? []),
    `what: ${scenario.what}`,
  ].map((s) => `# setting: ${s.replaceAll('\n', ' ')}`);
  const head = (what) =>
    `# Dovecot ${version}, scenario ${name}, ${what}, captured by scripts/dovecot-faults/capture.mjs on ${new Date().toISOString()}`;
  for (const { logToFile, clients } of RUNS) {
    const mark = sizeOf('/var/log/mail.log');
    const from = journalCursor();
    const dovecot = await startDovecot(scenario, logToFile);
    const runs = [];
    try {
      for (const tool of clients) {
        runs.push(await runClient(tool, target, 'en', false));
        if (tool === 'fetchmail') runs.push(await runClient(tool, target, 'en', true));
        await sleep(300);
      }
      await sleep(1500);
    } finally {
      await dovecot.stop();
      await sleep(500);
    }
    for (const [i, r] of runs.entries()) {
      const file = `${r.tool}${r.cmdline.includes(' -v') ? '-verbose' : ''}.txt`;
      writeFileSync(
        join(out, file),
        [
          head(`client ${r.version}`),
          ...settings,
          `# cmdline: ${r.cmdline}`,
          ...(r.config ? r.config.split('\n').map((l) => `# config: ${l}`) : []),
          `# exit: ${r.exitCode}`,
          r.output,
          '',
        ].join('\n'),
      );
      void i;
    }
    const forms = {};
    if (dovecot.startOutput) forms['dovecot-start'] = dovecot.startOutput;
    if (logToFile) forms['dovecot-log-path'] = dovecot.log();
    else {
      forms['rsyslog-iso'] = tailOf('/var/log/mail.log', mark);
      forms['journalctl-short'] = journalSince(from, ['-t', 'dovecot']);
    }
    const how = {
      'dovecot-start': 'what `dovecot` printed when it refused to start',
      'dovecot-log-path': "Dovecot's own log_path file",
      'rsyslog-iso': `${rsyslog}, Debian 12's default format (RSYSLOG_FileFormat), mail.log`,
      'journalctl-short': `${journald}: journalctl -t dovecot`,
    };
    for (const [format, text] of Object.entries(forms)) {
      const lines = text
        .replaceAll(PASSWORD, '********')
        .replaceAll(dovecot.dir, '/var/vmail')
        .split('\n')
        .filter((l) => l.trim() && !/^-- (No entries|Journal begins|Logs begin)/.test(l));
      if (!lines.length) continue;
      writeFileSync(
        join(out, `${format}.log`),
        [
          head(`format ${format} (${how[format]}), clients ${clients.map(clientVersion).join(', ')}`),
          ...settings,
          ...lines,
          '',
        ].join('\n'),
      );
    }
    dovecot.remove();
    console.error(`${name} ${logToFile ? 'file' : 'syslog'}: ${Object.keys(forms).join(', ')}`);
  }
}
