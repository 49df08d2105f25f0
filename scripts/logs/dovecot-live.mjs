// Live server logs from the real Dovecot of the tests (Debian's dovecot-pop3d 2.3.19.1), in settings the first
// capture did not use: auth_debug, verbose passwords, other login_log_format, a deny passdb, a nologin user, a
// missing passdb file, process_limit reached, a TLS version floor, a message or a Maildir that cannot be read, syslog;
// then (second batch) syslog lines of a per-user connection limit, a POP3 session lock, plaintext refused, and an
// authentication mechanism the server does not offer.
// Loopback only (127.0.0.x), a temporary directory per scenario, every Dovecot stopped before the next starts.
// Writes data/dovecot-live/<scenario>.log: a provenance header (#) and the log lines of the scenario as written.
// Run as root: node scripts/logs/dovecot-live.mjs [scenario…]

import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';
import { dirname, join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { selfSignedCert } from './dovecot-capture.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, 'data', 'dovecot-live');
const PLAIN = 11110;
const TLS = 11995;
const PASSWORD = 'correct horse';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A Dovecot in a fresh directory; `setup` may change the mail store before it starts. */
async function startDovecot({ extra = [], before = [], passwd, setup, logPath } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'popbot-logs-'));
  chmodSync(dir, 0o755);
  selfSignedCert(dir, { cn: 'localhost', altNames: 'DNS:localhost,IP:127.0.0.1,IP:127.0.0.2' });
  const uid = execFileSync('id', ['-u', 'dovecot'], { encoding: 'utf8' }).trim();
  const gid = execFileSync('id', ['-g', 'dovecot'], { encoding: 'utf8' }).trim();
  writeFileSync(join(dir, 'passwd'), passwd ?? `alice:{PLAIN}${PASSWORD}::::::\n`);
  for (const sub of ['cur', 'new', 'tmp'])
    mkdirSync(join(dir, 'home', 'alice', 'Maildir', sub), { recursive: true });
  for (let i = 0; i < 3; i++)
    writeFileSync(
      join(dir, 'home', 'alice', 'Maildir', 'cur', `${1_700_000_000 + i}.M${i}P1.vm:2,S`),
      `From: test@example.com\r\nSubject: message ${i + 1}\r\n\r\nHello ${i + 1}\r\n`,
    );
  execFileSync('chown', ['-R', `${uid}:${gid}`, join(dir, 'home')]);
  setup?.(dir);
  const conf = [
    'protocols = pop3',
    'listen = 127.0.0.1, 127.0.0.2',
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    `instance_name = popbot-logs-${PLAIN}`,
    `log_path = ${logPath ?? join(dir, 'dovecot.log')}`,
    'ssl = yes',
    `ssl_cert = <${join(dir, 'cert.pem')}`,
    `ssl_key = <${join(dir, 'key.pem')}`,
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    'auth_verbose = yes',
    `first_valid_uid = ${uid}`,
    ...before.map((e) => e.replaceAll('$DIR', dir)),
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN ${join(dir, 'passwd')}\n}`,
    `userdb {\n  driver = static\n  args = uid=${uid} gid=${gid} home=${join(dir, 'home')}/%u\n}`,
    'mail_location = maildir:~/Maildir',
    `service pop3-login {\n  inet_listener pop3 {\n    port = ${PLAIN}\n  }\n  inet_listener pop3s {\n    port = ${TLS}\n    ssl = yes\n  }\n}`,
    ...extra.map((e) => e.replaceAll('$DIR', dir)),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'dovecot.conf'), conf);
  const code = await new Promise((resolve) =>
    spawn('/usr/sbin/dovecot', ['-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' }).on('exit', resolve),
  );
  if (code !== 0) throw new Error(`dovecot exited with ${code}`);
  for (let i = 0; i < 100; i++) {
    const ok = await session({ port: PLAIN, commands: [] }).then(
      (t) => t.startsWith('+OK'),
      () => false,
    );
    if (ok) break;
    await sleep(50);
  }
  return {
    dir,
    conf,
    log: () => (existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : ''),
    stop: async () => {
      const pid = Number(readFileSync(join(dir, 'run', 'master.pid'), 'utf8').trim());
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(pid, 0);
        } catch {
          break;
        }
        await sleep(50);
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** One POP session: the greeting, then each command and its reply; multi-line replies read to the dot. */
function session({
  port,
  tls = false,
  from = '127.0.0.1',
  to = '127.0.0.2',
  commands,
  tlsOptions = {},
  hold = 0,
}) {
  return new Promise((resolve, reject) => {
    const socket = tls
      ? tlsConnect({ host: to, port, localAddress: from, rejectUnauthorized: false, ...tlsOptions })
      : netConnect({ host: to, port, localAddress: from });
    let buffer = '';
    let transcript = '';
    const queue = [...commands];
    let multi = false;
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(transcript + buffer);
    }, 15000);
    socket.setEncoding('utf8');
    socket.on('data', async (d) => {
      buffer += d;
      const done = multi ? /^(?:\.\r\n|-ERR.*\r\n)/m.test(buffer) : buffer.endsWith('\r\n');
      if (!done) return;
      transcript += buffer;
      buffer = '';
      const next = queue.shift();
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

const login = (user = 'alice', pass = PASSWORD) => [`USER ${user}`, `PASS ${pass}`];
const tryTls = (options) =>
  session({ port: TLS, tls: true, commands: ['QUIT'], tlsOptions: options }).catch((e) => `[${e.message}]`);

/** Each scenario: its settings and what the client does. `from` addresses differ to avoid the auth delay. */
const SCENARIOS = {
  'auth-debug-wrong-password': {
    extra: ['auth_debug = yes'],
    run: () => session({ port: PLAIN, from: '127.0.0.11', commands: [...login('alice', 'wrong'), 'QUIT'] }),
  },
  'auth-debug-unknown-user': {
    extra: ['auth_debug = yes'],
    run: () => session({ port: PLAIN, from: '127.0.0.12', commands: [...login('alicia'), 'QUIT'] }),
  },
  'verbose-passwords-sha1': {
    extra: ['auth_verbose_passwords = sha1'],
    run: async () =>
      [
        await session({ port: PLAIN, from: '127.0.0.13', commands: [...login('alice', 'wrong'), 'QUIT'] }),
        await session({ port: PLAIN, from: '127.0.0.14', commands: [...login('bob', 'secret'), 'QUIT'] }),
      ].join('\n'),
  },
  'login-log-format': {
    extra: [
      'login_log_format_elements = user=<%u> method=%m rip=%r rport=%b lip=%l mpid=%e %c session=<%{session}>',
      'login_log_format = %$: %s',
    ],
    run: async () =>
      [
        await session({ port: PLAIN, from: '127.0.0.15', commands: [...login('alice', 'wrong'), 'QUIT'] }),
        await session({
          port: TLS,
          tls: true,
          from: '127.0.0.16',
          commands: [...login('mallory', 'x'), 'QUIT'],
        }),
      ].join('\n'),
  },
  'deny-passdb': {
    // Before the normal passdb: passdbs are asked in order and the first that knows the user answers.
    before: ['passdb {\n  driver = passwd-file\n  deny = yes\n  args = $DIR/deny\n}'],
    setup: (dir) => writeFileSync(join(dir, 'deny'), 'alice\n'),
    run: () => session({ port: PLAIN, from: '127.0.0.17', commands: [...login(), 'QUIT'] }),
  },
  'nologin-user': {
    passwd: `alice:{PLAIN}${PASSWORD}::::::nologin reason=Suspended\n`,
    run: () => session({ port: PLAIN, from: '127.0.0.18', commands: [...login(), 'QUIT'] }),
  },
  'allow-nets': {
    passwd: `alice:{PLAIN}${PASSWORD}::::::allow_nets=10.0.0.0/8\n`,
    run: () => session({ port: PLAIN, from: '127.0.0.19', commands: [...login(), 'QUIT'] }),
  },
  'passdb-missing': {
    setup: (dir) => rmSync(join(dir, 'passwd')),
    run: () => session({ port: PLAIN, from: '127.0.0.20', commands: [...login(), 'QUIT'] }),
  },
  'process-limit': {
    extra: ['service pop3 {\n  process_limit = 1\n}'],
    run: async () => {
      // The first session stays logged in (no QUIT) while the second one tries.
      const first = session({ port: PLAIN, from: '127.0.0.21', commands: [...login(), 'STAT'], hold: 4000 });
      await sleep(500);
      const second = await session({
        port: PLAIN,
        from: '127.0.0.22',
        commands: [...login(), 'STAT', 'QUIT'],
      });
      return `${await first}\n${second}`;
    },
  },
  'tls-version-floor': {
    extra: ['ssl_min_protocol = TLSv1.3'],
    run: () => tryTls({ maxVersion: 'TLSv1.2', localAddress: '127.0.0.24' }),
  },
  'message-unreadable': {
    setup: (dir) => chmodSync(join(dir, 'home', 'alice', 'Maildir', 'cur', '1700000001.M1P1.vm:2,S'), 0o000),
    run: () => session({ port: PLAIN, from: '127.0.0.23', commands: [...login(), 'RETR 2', 'QUIT'] }),
  },
  'mail-debug-mailbox-missing': {
    extra: ['mail_debug = yes'],
    setup: (dir) => {
      rmSync(join(dir, 'home', 'alice'), { recursive: true });
      mkdirSync(join(dir, 'home', 'alice'), { mode: 0o555 });
    },
    run: () => session({ port: PLAIN, from: '127.0.0.25', commands: [...login(), 'STAT', 'QUIT'] }),
  },
  'syslog-wrong-password': {
    syslog: true,
    // The syslog ident is the instance name: Debian's default one, as on a real server.
    extra: ['instance_name = dovecot'],
    run: async () =>
      [
        await session({ port: PLAIN, from: '127.0.0.26', commands: [...login('alice', 'wrong'), 'QUIT'] }),
        await session({ port: PLAIN, from: '127.0.0.27', commands: [...login('root', 'toor'), 'QUIT'] }),
      ].join('\n'),
  },
  'syslog-mailbox-unreadable': {
    syslog: true,
    extra: ['instance_name = dovecot'],
    setup: (dir) => chmodSync(join(dir, 'home', 'alice', 'Maildir'), 0o000),
    run: () => session({ port: PLAIN, from: '127.0.0.28', commands: [...login(), 'STAT', 'QUIT'] }),
  },
  // Second batch (labelled and scored after the first sight of the first one).
  'syslog-too-many-sessions': {
    syslog: true,
    extra: ['instance_name = dovecot', 'protocol pop3 {\n  mail_max_userip_connections = 1\n}'],
    run: async () => {
      const first = session({ port: PLAIN, from: '127.0.0.29', commands: [...login(), 'STAT'], hold: 3000 });
      await sleep(700);
      const second = await session({ port: PLAIN, from: '127.0.0.29', commands: [...login(), 'QUIT'] });
      return `${await first}\n${second}`;
    },
  },
  'syslog-lock-session': {
    syslog: true,
    extra: ['instance_name = dovecot', 'pop3_lock_session = yes'],
    run: async () => {
      const first = session({ port: PLAIN, from: '127.0.0.30', commands: [...login(), 'STAT'], hold: 14000 });
      await sleep(700);
      const second = await session({ port: PLAIN, from: '127.0.0.31', commands: [...login(), 'QUIT'] });
      return `${await first}\n${second}`;
    },
  },
  'syslog-plaintext-refused': {
    syslog: true,
    extra: ['instance_name = dovecot', 'disable_plaintext_auth = yes'],
    run: () => session({ port: PLAIN, from: '127.0.0.32', commands: [...login(), 'QUIT'] }),
  },
  'unsupported-mechanism': {
    run: () => session({ port: PLAIN, from: '127.0.0.34', commands: ['AUTH CRAM-MD5', 'QUIT'] }),
  },
};

/** syslog(3) goes to /dev/log; with no syslog daemon here, a receiver takes it while a scenario runs. */
async function startSyslog() {
  if (existsSync('/dev/log'))
    throw new Error('/dev/log is taken: another capture is running, try again later');
  const received = [];
  const child = spawn('/usr/bin/python3', [join(here, '..', 'capture', 'syslog_catcher.py')], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  child.stdout.setEncoding('utf8').on('data', (d) => received.push(...d.split('\n').filter(Boolean)));
  for (let i = 0; i < 50 && !existsSync('/dev/log'); i++) await sleep(50);
  const host = hostname().split('.')[0];
  return {
    // As rsyslog writes them to /var/log/mail.log: the host name after the time, no priority.
    lines: () =>
      received
        .map((l) => l.replace(/^<\d+>/, ''))
        .filter((l) => / dovecot(?:\[\d+\])?:/.test(l))
        .map((l) => `${l.slice(0, 15)} ${host} ${l.slice(16)}`),
    stop: () => child.kill('SIGTERM'),
  };
}

const version = execFileSync('/usr/sbin/dovecot', ['--version'], { encoding: 'utf8' }).trim();
mkdirSync(OUT, { recursive: true });
const wanted = process.argv.slice(2);
for (const [name, scenario] of Object.entries(SCENARIOS)) {
  if (wanted.length && !wanted.includes(name)) continue;
  const syslog = scenario.syslog ? await startSyslog() : undefined;
  const dovecot = await startDovecot({ ...scenario, logPath: syslog ? 'syslog' : undefined });
  let transcript;
  try {
    transcript = await scenario.run();
    await sleep(1500);
  } finally {
    await dovecot.stop();
    await sleep(300);
    syslog?.stop();
  }
  const lines = syslog ? syslog.lines() : dovecot.log().split('\n').filter(Boolean);
  dovecot.remove();
  const settings = [
    ...(scenario.before ?? []),
    ...(scenario.extra ?? []),
    ...(scenario.passwd ? ['passwd-file line: ' + scenario.passwd.trim().replace(PASSWORD, '********')] : []),
    ...(scenario.setup ? [scenario.setup.toString().replace(/\s+/g, ' ')] : []),
    ...(syslog ? ['log_path = syslog'] : []),
  ];
  const header = [
    `# Dovecot ${version}, scenario ${name}, captured by scripts/logs/dovecot-live.mjs on ${new Date().toISOString()}`,
    ...settings.map((s) => `# setting: ${s.replaceAll('\n', ' ')}`),
    ...transcript
      .replace(new RegExp(PASSWORD, 'g'), '********')
      .split(/\r?\n/)
      .filter(Boolean)
      .map((l) => `# client: ${l}`),
  ];
  writeFileSync(
    join(OUT, `${name}.log`),
    `${[...header, ...lines.map((l) => l.replace(new RegExp(PASSWORD, 'g'), '********'))].join('\n')}\n`,
  );
  console.error(`${name}: ${lines.length} log lines`);
}
