// Server logs, round three ("logs-more"): live Dovecot (Debian's dovecot-pop3d) in scenarios that produce errors,
// each event written in the formats admins paste. Runs inside scripts/logs/sink.sh, where syslog(3) reaches a real
// systemd-journald and, forwarded by it, a real rsyslogd: a scenario with `syslog` logs there and is saved as
// rsyslog's Debian 12 format (RFC 3339 high-precision), rsyslog's traditional format and `journalctl -o short`,
// `-o short-iso`, `-o short-precise` and `-o cat` (`-t dovecot`; `-u dovecot` needs systemd as PID 1, absent here).
// The other scenarios use Dovecot's own log_path file with their log_timestamp / login_log_format_elements /
// debug settings. Every scenario also saves `doveadm log errors` when it prints anything.
// Loopback only: Dovecot on 127.0.0.71 (ports 21110, 21995), clients from 127.0.0.72–127.0.0.99.
// Writes data/logs-more/dovecot/<scenario>/<format>.log, each with a provenance header (# lines).
//
//   sh scripts/logs/sink.sh /tmp/sink node scripts/logs/dovecot-more.mjs [scenario…]

import { Buffer } from 'node:buffer';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect as tlsConnect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import {
  journalCursor,
  journalSince,
  selfSignedCert,
  sinkVersions,
  sizeOf,
  stopDovecot,
  tailOf,
} from './dovecot-capture.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, 'data', 'logs-more', 'dovecot');
// A second run at once (a long scenario) takes other ones: LOGS_MORE_HOST, LOGS_MORE_PORT (plain; TLS is +885).
const HOST = process.env.LOGS_MORE_HOST ?? '127.0.0.71';
const PLAIN = Number(process.env.LOGS_MORE_PORT ?? 21110);
const TLS = PLAIN + 885;
const PASSWORD = 'correct horse';
const SINK = process.env.SINK;
if (!SINK) throw new Error('run inside scripts/logs/sink.sh');

function openssl(args, cwd) {
  execFileSync('openssl', args, { cwd, stdio: 'ignore' });
}
/** A self-signed pair for 127.0.0.71 (cert.pem/key.pem) and a second key that does not match it (other.pem). */
function certs(dir) {
  selfSignedCert(dir);
  openssl(
    ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-out', 'other.pem'],
    dir,
  );
}

const ids = () => {
  const uid = Number(execFileSync('id', ['-u', 'dovecot'], { encoding: 'utf8' }));
  const gid = Number(execFileSync('id', ['-g', 'dovecot'], { encoding: 'utf8' }));
  return { uid, gid };
};

async function startDovecot(scenario) {
  const dir = mkdtempSync(join(tmpdir(), 'popbot-logs-more-'));
  chmodSync(dir, 0o755);
  certs(dir);
  const { uid, gid } = ids();
  writeFileSync(join(dir, 'passwd'), scenario.passwd ?? `alice:{PLAIN}${PASSWORD}::::::\n`);
  for (const sub of ['cur', 'new', 'tmp'])
    mkdirSync(join(dir, 'home', 'alice', 'Maildir', sub), { recursive: true });
  for (let i = 0; i < 3; i++)
    writeFileSync(
      join(dir, 'home', 'alice', 'Maildir', 'cur', `${1_765_000_000 + i}.M${i}P1.mail:2,S`),
      `From: test@example.com\r\nSubject: message ${i + 1}\r\n\r\nHello ${i + 1}\r\n`,
    );
  execFileSync('chown', ['-R', `${uid}:${gid}`, join(dir, 'home')]);
  scenario.setup?.(dir, { uid, gid });
  const sub = (e) => e.replaceAll('$DIR', dir);
  const conf = [
    'protocols = pop3',
    `listen = ${HOST}`,
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    // The syslog ident and doveadm's instance: Debian's default name, as on a real server.
    'instance_name = dovecot',
    `log_path = ${scenario.syslog ? 'syslog' : join(dir, 'dovecot.log')}`,
    'ssl = yes',
    `ssl_cert = <${join(dir, 'cert.pem')}`,
    `ssl_key = <${join(dir, scenario.wrongKey ? 'other.pem' : 'key.pem')}`,
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    // Debian's defaults log neither (a `defaults` scenario keeps them off, as most servers run).
    ...(scenario.defaults ? [] : ['auth_verbose = yes', 'verbose_ssl = yes']),
    `first_valid_uid = ${uid}`,
    ...(scenario.before ?? []).map(sub),
    ...(
      scenario.passdb ?? [`passdb {\n  driver = passwd-file\n  args = scheme=PLAIN ${join(dir, 'passwd')}\n}`]
    ).map(sub),
    ...(
      scenario.userdb ?? [
        `userdb {\n  driver = static\n  args = uid=${uid} gid=${gid} home=${join(dir, 'home')}/%u\n}`,
      ]
    ).map(sub),
    'mail_location = maildir:~/Maildir',
    `service pop3-login {\n  inet_listener pop3 {\n    port = ${PLAIN}\n  }\n  inet_listener pop3s {\n    port = ${TLS}\n    ssl = yes\n  }\n}`,
    ...(scenario.extra ?? []).map(sub),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'dovecot.conf'), conf);
  const code = await new Promise((resolve) =>
    spawn('/usr/sbin/dovecot', ['-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' }).on('exit', resolve),
  );
  if (code !== 0) throw new Error(`dovecot exited with ${code}`);
  for (let i = 0; i < 100; i++) {
    const ok = await session({ port: PLAIN, from: '127.0.0.99', commands: [] }).then(
      (t) => t.startsWith('+OK'),
      () => false,
    );
    if (ok) break;
    await sleep(50);
  }
  return {
    dir,
    logFile: join(dir, 'dovecot.log'),
    doveadm: (args) => {
      try {
        return execFileSync('doveadm', ['-c', join(dir, 'dovecot.conf'), ...args], { encoding: 'utf8' });
      } catch (e) {
        return `${e.stdout ?? ''}${e.stderr ?? ''}`;
      }
    },
    stop: () => stopDovecot(join(dir, 'run')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * One POP session: the greeting, then each command and its reply; multi-line replies read to the dot. `idle`:
 * wait that long after the greeting without a word (the server's inactivity timeout).
 */
function session({ port, tls = false, from, commands, tlsOptions = {}, hold = 0, raw, idle = 0 }) {
  return new Promise((resolve, reject) => {
    const socket = tls
      ? tlsConnect({ host: HOST, port, localAddress: from, rejectUnauthorized: false, ...tlsOptions })
      : netConnect({ host: HOST, port, localAddress: from });
    let buffer = '';
    let transcript = '';
    const queue = [...commands];
    let multi = false;
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(transcript + buffer);
    }, 20000 + idle);
    socket.setEncoding('utf8');
    if (raw) socket.once('connect', () => socket.write(raw));
    socket.on('data', async (d) => {
      buffer += d;
      const done = multi ? /^(?:\.\r\n|-ERR.*\r\n)/m.test(buffer) : buffer.endsWith('\r\n');
      if (!done) return;
      transcript += buffer;
      buffer = '';
      let next = queue.shift();
      // A function in the commands: something done to the mail store between two commands.
      while (typeof next === 'function') {
        await next();
        next = queue.shift();
      }
      if (next === undefined) {
        if (hold) await sleep(hold);
        clearTimeout(timer);
        socket.end();
        resolve(transcript);
        return;
      }
      multi = /^(RETR|TOP|LIST|UIDL|CAPA)\b/i.test(next) && !/^(LIST|UIDL) \d/i.test(next);
      transcript += `C: ${next}\r\n`;
      socket.write(`${next}\r\n`);
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      if (transcript) resolve(`${transcript}[${e.message}]`);
      else reject(e);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(transcript + buffer);
    });
  });
}
const safe = (p) => p.catch((e) => `[${e.message}]`);
const login = (user = 'alice', pass = PASSWORD) => [`USER ${user}`, `PASS ${pass}`];
const SPOOL = 'mbox:~/mail:INBOX=$DIR/spool/%u';

/** The scenarios: settings, what the clients do, and whether the lines go to syslog or Dovecot's own file. */
const SCENARIOS = {
  'wrong-password': {
    syslog: true,
    run: () =>
      session({ port: PLAIN, from: '127.0.0.72', commands: [...login('alice', 'Summer2026'), 'QUIT'] }),
  },
  'unknown-user': {
    syslog: true,
    run: () =>
      session({ port: TLS, tls: true, from: '127.0.0.73', commands: [...login('bob.smith'), 'QUIT'] }),
  },
  'brute-force-burst': {
    syslog: true,
    // Eight logins at once from one address, common names, as a password-guessing bot does.
    run: async () =>
      (
        await Promise.all(
          ['admin', 'info', 'test', 'alice', 'sales', 'support', 'webmaster', 'office'].map((u, i) =>
            safe(session({ port: PLAIN, from: '127.0.0.74', commands: [...login(u, `123456${i}`), 'QUIT'] })),
          ),
        )
      ).join('\n'),
  },
  'deny-passdb': {
    syslog: true,
    before: ['passdb {\n  driver = passwd-file\n  deny = yes\n  args = $DIR/deny\n}'],
    setup: (dir) => writeFileSync(join(dir, 'deny'), 'alice\n'),
    run: () => session({ port: TLS, tls: true, from: '127.0.0.75', commands: [...login(), 'QUIT'] }),
  },
  'plaintext-refused': {
    syslog: true,
    extra: ['disable_plaintext_auth = yes'],
    run: () => session({ port: PLAIN, from: '127.0.0.76', commands: ['CAPA', ...login(), 'QUIT'] }),
  },
  'plaintext-on-tls-port': {
    syslog: true,
    // A client set for port 995 without SSL: it waits for a greeting that never comes, then sends USER anyway.
    run: () => safe(session({ port: TLS, from: '127.0.0.77', commands: [], raw: 'USER alice\r\n' })),
  },
  'client-rejects-certificate': {
    syslog: true,
    // The client checks the certificate (self-signed here) and aborts the handshake.
    run: () =>
      safe(
        session({
          port: TLS,
          tls: true,
          from: '127.0.0.78',
          commands: ['QUIT'],
          tlsOptions: { rejectUnauthorized: true },
        }),
      ),
  },
  'tls-key-mismatch': {
    syslog: true,
    wrongKey: true,
    run: async () =>
      [
        await safe(session({ port: TLS, tls: true, from: '127.0.0.79', commands: ['QUIT'] })),
        await safe(session({ port: TLS, tls: true, from: '127.0.0.79', commands: ['QUIT'] })),
      ].join('\n'),
  },
  'mailbox-locked': {
    syslog: true,
    extra: ['pop3_lock_session = yes'],
    run: async () => {
      const first = session({ port: PLAIN, from: '127.0.0.80', commands: [...login(), 'STAT'], hold: 14000 });
      await sleep(700);
      const second = await session({ port: PLAIN, from: '127.0.0.81', commands: [...login(), 'QUIT'] });
      return `${await first}\n${second}`;
    },
  },
  'too-many-connections': {
    syslog: true,
    extra: ['protocol pop3 {\n  mail_max_userip_connections = 2\n}'],
    run: async () => {
      const held = [1, 2].map(() =>
        session({ port: PLAIN, from: '127.0.0.82', commands: [...login(), 'STAT'], hold: 3000 }),
      );
      await sleep(800);
      const third = await session({ port: PLAIN, from: '127.0.0.82', commands: [...login(), 'QUIT'] });
      return `${(await Promise.all(held)).join('\n')}\n${third}`;
    },
  },
  'bad-commands': {
    syslog: true,
    run: () =>
      safe(
        session({
          port: PLAIN,
          from: '127.0.0.83',
          commands: [
            'GET / HTTP/1.1',
            'Host: mail.example.net',
            'User-Agent: curl/8.4.0',
            'Accept: */*',
            'EHLO x',
            'HELO x',
            'LOGIN a b',
            'FOO',
            'BAR',
            'BAZ',
            'QUIT',
          ],
        }),
      ),
  },
  'login-process-limit': {
    syslog: true,
    extra: ['service pop3-login {\n  process_limit = 1\n  client_limit = 1\n  service_count = 1\n}'],
    run: async () => {
      const held = session({ port: PLAIN, from: '127.0.0.84', commands: [], hold: 3000 });
      await sleep(300);
      const more = await Promise.all(
        [0, 1, 2].map(() => safe(session({ port: PLAIN, from: '127.0.0.85', commands: ['QUIT'] }))),
      );
      return `${await held}\n${more.join('\n')}`;
    },
  },
  'broken-uidlist': {
    syslog: true,
    setup: (dir, { uid, gid }) => {
      const f = join(dir, 'home', 'alice', 'Maildir', 'dovecot-uidlist');
      writeFileSync(f, 'this is not a uidlist\n1 1765000000.M0P1.mail\nxyz\n');
      chownSync(f, uid, gid);
    },
    run: () => session({ port: PLAIN, from: '127.0.0.86', commands: [...login(), 'STAT', 'UIDL', 'QUIT'] }),
  },
  'mbox-spool-unreadable': {
    syslog: true,
    extra: [`mail_location = ${SPOOL}`],
    setup: (dir) => {
      mkdirSync(join(dir, 'spool'));
      writeFileSync(
        join(dir, 'spool', 'alice'),
        'From test@example.com Mon Dec  7 05:00:00 2026\nSubject: x\n\nHello\n',
      );
      chmodSync(join(dir, 'spool', 'alice'), 0o600); // root's, not the user's
    },
    run: () => session({ port: PLAIN, from: '127.0.0.87', commands: [...login(), 'STAT', 'QUIT'] }),
  },
  'checkpassword-missing': {
    syslog: true,
    passdb: ['passdb {\n  driver = checkpassword\n  args = /usr/local/bin/checkpw-ldap\n}'],
    run: () => session({ port: PLAIN, from: '127.0.0.88', commands: [...login(), 'QUIT'] }),
  },
  'userdb-missing-user': {
    syslog: true,
    setup: (dir) => writeFileSync(join(dir, 'users'), 'carol:x:1000:1000::/home/carol::\n'),
    userdb: ['userdb {\n  driver = passwd-file\n  args = $DIR/users\n}'],
    run: () => session({ port: PLAIN, from: '127.0.0.89', commands: [...login(), 'QUIT'] }),
  },
  // Dovecot's own log file, with the settings admins change.
  'file-iso-timestamp-verbose-passwords': {
    extra: ['log_timestamp = "%Y-%m-%d %H:%M:%S "', 'auth_verbose_passwords = plain'],
    run: async () =>
      [
        await session({
          port: PLAIN,
          from: '127.0.0.90',
          commands: [...login('alice', 'Winter2026!'), 'QUIT'],
        }),
        await session({
          port: PLAIN,
          from: '127.0.0.90',
          commands: [...login('postmaster', 'postmaster'), 'QUIT'],
        }),
      ].join('\n'),
  },
  'file-login-format-tls': {
    extra: [
      'log_timestamp = "%Y-%m-%dT%H:%M:%S "',
      'login_log_format_elements = user=<%u> method=%m rip=%r lip=%l mpid=%e %c %k session=<%{session}>',
    ],
    run: () =>
      session({ port: TLS, tls: true, from: '127.0.0.91', commands: [...login('alice', 'letmein'), 'QUIT'] }),
  },
  'file-mail-debug-message-unreadable': {
    extra: ['mail_debug = yes'],
    setup: (dir) =>
      chmodSync(join(dir, 'home', 'alice', 'Maildir', 'cur', '1765000001.M1P1.mail:2,S'), 0o000),
    run: () => session({ port: PLAIN, from: '127.0.0.92', commands: [...login(), 'RETR 2', 'QUIT'] }),
  },
  'file-auth-debug-passwords': {
    extra: ['auth_debug = yes', 'auth_debug_passwords = yes'],
    run: () =>
      session({ port: PLAIN, from: '127.0.0.93', commands: [...login('alice', 'Passw0rd'), 'QUIT'] }),
  },
  'file-maildir-unreadable': {
    extra: ['log_timestamp = "%b %d %H:%M:%S.%{usecs} "'],
    setup: (dir) => chmodSync(join(dir, 'home', 'alice', 'Maildir'), 0o000),
    run: () => session({ port: PLAIN, from: '127.0.0.94', commands: [...login(), 'STAT', 'QUIT'] }),
  },
  // Second batch (labelled and scored after the first sight of the first one).
  'prelogin-timeout': {
    syslog: true,
    // Connects and says nothing: Dovecot's login process gives up after 3 minutes.
    run: () => session({ port: PLAIN, from: '127.0.0.95', commands: [], hold: 190000, idle: 190000 }),
  },
  'three-bad-passwords': {
    syslog: true,
    run: () =>
      session({
        port: PLAIN,
        from: '127.0.0.96',
        commands: [
          ...login('alice', 'alice123'),
          ...login('alice', 'Alice2026'),
          ...login('alice', 'password'),
          'QUIT',
        ],
      }),
  },
  'tls-version-floor': {
    syslog: true,
    extra: ['ssl_min_protocol = TLSv1.3'],
    run: () =>
      safe(
        session({
          port: TLS,
          tls: true,
          from: '127.0.0.97',
          commands: ['QUIT'],
          tlsOptions: { maxVersion: 'TLSv1.2' },
        }),
      ),
  },
  'delete-failed': {
    syslog: true,
    // The Maildir's cur/ made read-only for Dovecot: messages can be read, not removed.
    setup: (dir) => chmodSync(join(dir, 'home', 'alice', 'Maildir', 'cur'), 0o555),
    run: () =>
      session({
        port: PLAIN,
        from: '127.0.0.98',
        commands: [...login(), 'STAT', 'DELE 1', 'DELE 2', 'QUIT'],
      }),
  },
  'broken-index': {
    syslog: true,
    setup: (dir, { uid, gid }) => {
      const f = join(dir, 'home', 'alice', 'Maildir', 'dovecot.index');
      writeFileSync(f, Buffer.alloc(512, 0x5a));
      chownSync(f, uid, gid);
    },
    run: () => session({ port: PLAIN, from: '127.0.0.100', commands: [...login(), 'STAT', 'QUIT'] }),
  },
  'pam-unknown-user': {
    syslog: true,
    passdb: ['passdb {\n  driver = pam\n  args = dovecot\n}'],
    run: () =>
      session({ port: PLAIN, from: '127.0.0.101', commands: [...login('jsmith', 'Welcome1'), 'QUIT'] }),
  },
  'file-message-vanished': {
    extra: ['log_timestamp = "%Y-%m-%d %H:%M:%S "'],
    run: (dir) =>
      session({
        port: PLAIN,
        from: '127.0.0.102',
        commands: [
          ...login(),
          'LIST',
          // Another program (a second client, a cleanup job) removes the first message meanwhile.
          () => rmSync(join(dir, 'home', 'alice', 'Maildir', 'cur', '1765000000.M0P1.mail:2,S')),
          'RETR 1',
          'QUIT',
        ],
      }),
  },
  // Third batch: Debian's default logging (no auth_verbose, no verbose_ssl), and a broken mail_location.
  'defaults-wrong-password': {
    syslog: true,
    defaults: true,
    run: () =>
      session({ port: PLAIN, from: '127.0.0.103', commands: [...login('alice', 'Autumn2026'), 'QUIT'] }),
  },
  'defaults-brute-force-burst': {
    syslog: true,
    defaults: true,
    run: async () =>
      (
        await Promise.all(
          ['admin', 'contact', 'test', 'alice', 'noreply', 'user', 'mail', 'postmaster'].map((u, i) =>
            safe(
              session({ port: PLAIN, from: '127.0.0.104', commands: [...login(u, `P@ssw0rd${i}`), 'QUIT'] }),
            ),
          ),
        )
      ).join('\n'),
  },
  'defaults-plaintext-on-tls-port': {
    syslog: true,
    defaults: true,
    run: () => safe(session({ port: TLS, from: '127.0.0.105', commands: [], raw: 'CAPA\r\n' })),
  },
  'defaults-client-rejects-certificate': {
    syslog: true,
    defaults: true,
    run: () =>
      safe(
        session({
          port: TLS,
          tls: true,
          from: '127.0.0.106',
          commands: ['QUIT'],
          tlsOptions: { rejectUnauthorized: true },
        }),
      ),
  },
  'defaults-plaintext-refused': {
    syslog: true,
    defaults: true,
    extra: ['disable_plaintext_auth = yes'],
    run: () => session({ port: PLAIN, from: '127.0.0.107', commands: [...login(), 'QUIT'] }),
  },
  'bad-mail-location': {
    syslog: true,
    extra: ['mail_location = mdbox:~/mdbox:INDEX=/nonexistent/index/%u'],
    run: async () =>
      [
        await safe(session({ port: PLAIN, from: '127.0.0.108', commands: [...login(), 'STAT', 'QUIT'] })),
        await safe(session({ port: PLAIN, from: '127.0.0.108', commands: [...login(), 'STAT', 'QUIT'] })),
      ].join('\n'),
  },
};

const version = execFileSync('/usr/sbin/dovecot', ['--version'], { encoding: 'utf8' }).trim();
const { rsyslog, journald } = sinkVersions();
const wanted = process.argv.slice(2);
for (const [name, scenario] of Object.entries(SCENARIOS)) {
  if (wanted.length && !wanted.includes(name)) continue;
  const files = {
    'rsyslog-iso': '/var/log/mail.log',
    'rsyslog-traditional': '/var/log/traditional/mail.log',
  };
  const marks = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, sizeOf(f)]));
  const from = journalCursor();
  const dovecot = await startDovecot(scenario);
  let transcript;
  const outputs = {};
  try {
    transcript = await scenario.run(dovecot.dir);
    await sleep(1500);
    outputs['doveadm-log-errors'] = dovecot.doveadm(['log', 'errors']);
  } finally {
    await dovecot.stop();
    await sleep(500);
  }
  if (scenario.syslog) {
    for (const [k, f] of Object.entries(files)) outputs[k] = tailOf(f, marks[k]);
    const journal = (args) => journalSince(from, args);
    outputs['journalctl-short'] = journal(['-t', 'dovecot']);
    outputs['journalctl-short-iso'] = journal(['-t', 'dovecot', '-o', 'short-iso']);
    outputs['journalctl-short-precise'] = journal(['-t', 'dovecot', '-o', 'short-precise']);
    outputs['journalctl-cat'] = journal(['-t', 'dovecot', '-o', 'cat']);
  } else {
    outputs['dovecot-log-path'] = tailOf(dovecot.logFile, 0);
  }
  dovecot.remove();
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const settings = [
    ...(scenario.before ?? []),
    ...(scenario.passdb ?? []),
    ...(scenario.userdb ?? []),
    ...(scenario.extra ?? []),
    ...(scenario.wrongKey ? ['ssl_key: a key that does not belong to ssl_cert'] : []),
    ...(scenario.passwd ? [`passwd-file line: ${scenario.passwd.trim().replace(PASSWORD, '********')}`] : []),
    ...(scenario.setup ? [scenario.setup.toString().replace(/\s+/g, ' ')] : []),
    `log_path = ${scenario.syslog ? 'syslog' : '<file>'}`,
  ];
  const how = {
    'rsyslog-iso': `${rsyslog}, Debian 12's default format (RSYSLOG_FileFormat), mail.log`,
    'rsyslog-traditional': `${rsyslog}, RSYSLOG_TraditionalFileFormat, mail.log`,
    'journalctl-short': `${journald}: journalctl -t dovecot`,
    'journalctl-short-iso': `${journald}: journalctl -t dovecot -o short-iso`,
    'journalctl-short-precise': `${journald}: journalctl -t dovecot -o short-precise`,
    'journalctl-cat': `${journald}: journalctl -t dovecot -o cat`,
    'dovecot-log-path': "Dovecot's own log_path file",
    'doveadm-log-errors': 'doveadm log errors (run before Dovecot stopped)',
  };
  for (const [format, text] of Object.entries(outputs)) {
    const lines = text
      .replaceAll(PASSWORD, '********')
      .split('\n')
      .filter((l) => l.trim() && !/^-- (No entries|Journal begins|Logs begin)/.test(l));
    if (!lines.length) continue;
    const header = [
      `# Dovecot ${version}, scenario ${name}, format ${format} (${how[format]}), captured by scripts/logs/dovecot-more.mjs on ${new Date().toISOString()}`,
      ...settings.map((s) => `# setting: ${s.replaceAll('\n', ' ')}`),
      ...String(transcript)
        .replaceAll(PASSWORD, '********')
        .split(/\r?\n/)
        .filter(Boolean)
        .map((l) => `# client: ${l}`),
    ];
    writeFileSync(join(dir, `${format}.log`), `${[...header, ...lines].join('\n')}\n`);
  }
  console.error(
    `${name}: ${Object.keys(outputs)
      .filter((k) => outputs[k].trim())
      .join(', ')}`,
  );
}
