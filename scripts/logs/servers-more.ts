import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect as tlsConnect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { makeTestCerts, type TestCerts } from '../../test/support/certs.js';
import { type PopServerKind, type PopServerTls, startPopServer } from '../../test/support/pop-servers.js';
import { startCourier } from '../capture/servers/courier.js';
import { cyrusVersion, startCyrus } from '../capture/servers/cyrus.js';

/**
 * Server logs, round three ("logs-more"): the other POP servers of Debian in scenarios that produce errors —
 * Courier (courierpop3login, couriertls, authdaemond, couriertcpd), Cyrus (pop3, pop3s, badlogin, SASL),
 * GNU Mailutils pop3d, popa3d, solid-pop3d — started by the capture's own harnesses (unpacked packages, never
 * installed). Runs inside scripts/logs/sink.sh: popa3d and solid-pop3d log through syslog(3), which there reaches
 * a real journald and rsyslogd, so their events are saved in rsyslog's two formats (mail.log and auth.log) and in
 * journalctl's; Courier and Cyrus run in namespaces of their own whose /dev/log is the capture's receiver (the
 * traditional mail.log layout); Mailutils writes to stderr (the harness's `logging { syslog no; }`).
 * Loopback only: servers on 127.0.0.71 (free ports), clients from 127.0.0.100–127.0.0.140.
 * Writes data/logs-more/<server>/<scenario>/<format>.log with a provenance header (# lines).
 *
 *   npx tsc -p scripts/logs/tsconfig.json && sh scripts/logs/sink.sh /tmp/sink node dist/logs/scripts/logs/servers-more.js [server…]
 */

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here.replace(/dist\/logs\//, ''), 'data', 'logs-more');
const HOST = '127.0.0.71';
const PASSWORD = 'correct horse';

interface Target {
  port: number;
  tls?: boolean;
}
/** One POP session: greeting, then each command and its reply (multi-line replies to the dot). */
function session(
  t: Target,
  from: string,
  commands: string[],
  opts: { hold?: number; raw?: string; verify?: boolean } = {},
): Promise<string> {
  return new Promise((resolve) => {
    const socket = t.tls
      ? tlsConnect({
          host: HOST,
          port: t.port,
          rejectUnauthorized: opts.verify ?? false,
          // Node's TLS connect passes it on to net.connect; its type leaves it out.
          ...({ localAddress: from } as object),
        })
      : netConnect({ host: HOST, port: t.port, localAddress: from });
    let buffer = '';
    let transcript = '';
    const queue = [...commands];
    let multi = false;
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(transcript + buffer);
    }, 20000);
    socket.setEncoding('utf8');
    if (opts.raw) socket.once('connect', () => socket.write(opts.raw!));
    socket.on('data', (d: string) => {
      buffer += d;
      const done = multi ? /^(?:\.\r\n|-ERR.*\r\n)/m.test(buffer) : buffer.endsWith('\r\n');
      if (!done) return;
      transcript += buffer;
      buffer = '';
      const next = queue.shift();
      if (next === undefined) {
        void sleep(opts.hold ?? 0).then(() => {
          clearTimeout(timer);
          socket.end();
          resolve(transcript);
        });
        return;
      }
      multi = /^(RETR|TOP|LIST|UIDL|CAPA)\b/i.test(next) && !/^(LIST|UIDL) \d/i.test(next);
      transcript += `C: ${next}\r\n`;
      socket.write(`${next}\r\n`);
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      resolve(`${transcript}${buffer}[${e.message}]`);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(transcript + buffer);
    });
  });
}
const login = (user = 'alice', pass = PASSWORD) => [`USER ${user}`, `PASS ${pass}`];
const GUESSES = ['admin', 'info', 'test', 'alice', 'sales', 'support', 'webmaster', 'office'];
const burst = (t: Target, from: string) =>
  Promise.all(GUESSES.map((u, i) => session(t, from, [...login(u, `qwerty${i}`), 'QUIT']))).then((a) =>
    a.join('\n'),
  );
const BAD = [
  'GET / HTTP/1.1',
  'Host: mail.example.net',
  'EHLO x',
  'FOO',
  'BAR',
  'BAZ',
  'XYZZY',
  'HELP',
  'QUIT',
];

interface Scenario {
  name: string;
  run: () => Promise<string>;
  /** Set up before it runs (a file made unreadable, a daemon stopped). */
  note?: string;
}

/** Where the lines of one scenario are: a log function with marks, or the sink's files and journal. */
interface Logs {
  mark(): unknown;
  since(mark: unknown): Record<string, string>;
}

const SINK_FILES = {
  'rsyslog-iso-syslog': '/var/log/syslog',
  'rsyslog-traditional-syslog': '/var/log/traditional/syslog',
  'rsyslog-iso-mail': '/var/log/mail.log',
  'rsyslog-iso-auth': '/var/log/auth.log',
  'rsyslog-traditional-mail': '/var/log/traditional/mail.log',
  'rsyslog-traditional-auth': '/var/log/traditional/auth.log',
};
const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
/** The sink's rsyslog files and journal, lines of `ident` only. */
function sinkLogs(ident: string): Logs {
  return {
    mark: () => {
      const out = execFileSync(
        'journalctl',
        ['-D', '/run/log/journal', '-n', '0', '--show-cursor', '--no-pager'],
        {
          encoding: 'utf8',
        },
      );
      return { cursor: /-- cursor: (.*)/.exec(out)?.[1], sizes: Object.values(SINK_FILES).map(size) };
    },
    since: (m) => {
      const { cursor, sizes } = m as { cursor: string; sizes: number[] };
      const out: Record<string, string> = {};
      Object.entries(SINK_FILES).forEach(([k, f], i) => {
        const text = existsSync(f) ? readFileSync(f).subarray(sizes[i]).toString('utf8') : '';
        out[k] = text
          .split('\n')
          .filter((l) => new RegExp(`\\s${ident}(?:\\[\\d+\\])?:`).test(l))
          .join('\n');
      });
      const journal = (args: string[]) =>
        execFileSync(
          'journalctl',
          ['-D', '/run/log/journal', '--no-pager', `--after-cursor=${cursor}`, '-t', ident, ...args],
          {
            encoding: 'utf8',
          },
        );
      out['journalctl-short'] = journal([]);
      out['journalctl-short-iso'] = journal(['-o', 'short-iso']);
      out['journalctl-cat'] = journal(['-o', 'cat']);
      return out;
    },
  };
}
/** Log functions that each return everything so far (the servers' receivers, Mailutils' stderr). */
function textLogs(format: string, ...logs: (() => string)[]): Logs {
  return {
    mark: () => logs.map((l) => l().length),
    since: (m) => ({ [format]: logs.map((l, i) => l().slice((m as number[])[i])).join('') }),
  };
}

function save(
  server: string,
  scenario: string,
  version: string,
  config: string,
  note: string | undefined,
  transcript: string,
  outputs: Record<string, string>,
  how: Record<string, string>,
) {
  const dir = join(OUT, server, scenario);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [format, text] of Object.entries(outputs)) {
    const lines = text
      .replaceAll(PASSWORD, '********')
      .split('\n')
      .filter((l) => l.trim() && !/^-- (No entries|Journal begins|Logs begin)/.test(l));
    if (!lines.length) continue;
    const header = [
      `# ${version}, scenario ${scenario}, format ${format} (${how[format] ?? format}), captured by scripts/logs/servers-more.ts on ${new Date().toISOString()}`,
      `# setting: ${config}`,
      ...(note ? [`# setting: ${note}`] : []),
      ...transcript
        .replaceAll(PASSWORD, '********')
        .split(/\r?\n/)
        .filter(Boolean)
        .slice(0, 60)
        .map((l) => `# client: ${l}`),
    ];
    writeFileSync(join(dir, `${format}.log`), `${[...header, ...lines].join('\n')}\n`);
    written.push(format);
  }
  console.error(`${server}/${scenario}: ${written.join(', ') || 'no lines'}`);
}

async function runAll(
  server: string,
  version: string,
  config: string,
  logs: Logs,
  scenarios: Scenario[],
  how: Record<string, string>,
) {
  for (const s of scenarios) {
    if (!want(server, s.name)) continue;
    const m = logs.mark();
    const transcript = await s.run();
    await sleep(1500);
    save(server, s.name, version, config, s.note, transcript, logs.since(m), how);
  }
}

const journald = execFileSync('journalctl', ['--version'], { encoding: 'utf8' }).split('\n')[0];
const rsyslog = readFileSync(
  join(process.env.POPBOT_RSYSLOG_DIR ?? '/var/cache/popbot/rsyslog', 'packages.txt'),
  'utf8',
)
  .split('\n')
  .find((l) => l.startsWith('rsyslog '));
const SINK_HOW = (ident: string) => ({
  'rsyslog-iso-syslog': `${rsyslog}, Debian 12's default format (RSYSLOG_FileFormat), /var/log/syslog`,
  'rsyslog-traditional-syslog': `${rsyslog}, RSYSLOG_TraditionalFileFormat, /var/log/syslog`,
  'rsyslog-iso-mail': `${rsyslog}, Debian 12's default format (RSYSLOG_FileFormat), mail.log`,
  'rsyslog-iso-auth': `${rsyslog}, Debian 12's default format (RSYSLOG_FileFormat), auth.log`,
  'rsyslog-traditional-mail': `${rsyslog}, RSYSLOG_TraditionalFileFormat, mail.log`,
  'rsyslog-traditional-auth': `${rsyslog}, RSYSLOG_TraditionalFileFormat, auth.log`,
  'journalctl-short': `${journald}: journalctl -t ${ident}`,
  'journalctl-short-iso': `${journald}: journalctl -t ${ident} -o short-iso`,
  'journalctl-cat': `${journald}: journalctl -t ${ident} -o cat`,
});

/** popa3d, solid-pop3d, Mailutils: plain port (and Mailutils' STLS/TLS), scenarios common to the three. */
async function other(kind: PopServerKind, certs: TestCerts) {
  const plainTls: PopServerTls = kind === 'mailutils' ? 'stls-required' : 'none';
  const base = {
    kind,
    users: { alice: PASSWORD, bob: PASSWORD },
    messages: 3,
    host: HOST,
    cert: certs.valid,
  };
  const plain = await startPopServer({ ...base, tls: 'none' });
  const tls = await startPopServer({ ...base, tls: 'implicit' });
  const required = kind === 'mailutils' ? await startPopServer({ ...base, tls: plainTls }) : undefined;
  const ident = kind === 'solid-pop3d' ? 'solid-pop3d' : kind === 'popa3d' ? 'popa3d' : 'pop3d';
  const logs =
    kind === 'mailutils'
      ? textLogs('mailutils-stderr', plain.log, tls.log, required?.log ?? (() => ''))
      : sinkLogs(ident);
  const how =
    kind === 'mailutils'
      ? { 'mailutils-stderr': 'pop3d in the foreground, its diagnostics on stderr (logging { syslog no; })' }
      : SINK_HOW(ident);
  const P = { port: plain.port };
  const T = { port: tls.port, tls: true };
  const scenarios: Scenario[] = [
    {
      name: 'wrong-password',
      run: () => session(P, '127.0.0.100', [...login('alice', 'Summer2026'), 'QUIT']),
    },
    { name: 'unknown-user', run: () => session(P, '127.0.0.101', [...login('bob.smith'), 'QUIT']) },
    { name: 'brute-force-burst', run: () => burst(P, '127.0.0.102') },
    { name: 'bad-commands', run: () => session(P, '127.0.0.103', BAD) },
    {
      name: 'plaintext-on-tls-port',
      run: () => session({ port: tls.port }, '127.0.0.104', [], { raw: 'USER alice\r\n' }),
    },
    {
      name: 'mailbox-locked',
      run: async () => {
        const first = session(P, '127.0.0.105', [...login(), 'STAT'], { hold: 3000 });
        await sleep(700);
        const second = await session(P, '127.0.0.106', [...login(), 'STAT', 'QUIT']);
        return `${await first}\n${second}`;
      },
    },
    {
      name: 'mailbox-unreadable',
      note: "the user's mbox made unreadable (chmod 000) before the login",
      run: async () => {
        const spool = [plain.dir, tls.dir].map((d) => join(d, 'var', 'mail', 'bob'));
        for (const f of spool) if (existsSync(f)) chmodSync(f, 0o000);
        return session(P, '127.0.0.107', [...login('bob'), 'STAT', 'QUIT']);
      },
    },
    { name: 'client-rejects-certificate', run: () => session(T, '127.0.0.108', ['QUIT'], { verify: true }) },
    // Second batch (labelled and scored after the first sight of the first one).
    {
      name: 'stale-lock',
      note: 'a lock file left behind (/var/mail/alice.lock) before the login',
      run: async () => {
        for (const d of [plain.dir, tls.dir]) writeFileSync(join(d, 'var', 'mail', 'alice.lock'), '12345\n');
        const t = await session(P, '127.0.0.110', [...login(), 'STAT', 'QUIT']);
        for (const d of [plain.dir, tls.dir]) rmSync(join(d, 'var', 'mail', 'alice.lock'), { force: true });
        return t;
      },
    },
    {
      name: 'delete-failed',
      note: "alice's mbox made read-only (chmod 444) before the login: messages can be read, not removed",
      run: async () => {
        for (const d of [plain.dir, tls.dir]) chmodSync(join(d, 'var', 'mail', 'alice'), 0o444);
        return session(P, '127.0.0.111', [...login(), 'STAT', 'DELE 1', 'DELE 2', 'QUIT']);
      },
    },
  ];
  if (required)
    scenarios.push({
      name: 'tls-required',
      run: () => session({ port: required.port }, '127.0.0.109', ['CAPA', ...login(), 'QUIT']),
    });
  const config = `test/support/pop-servers.ts: ${kind}, system users alice and bob (mbox spools), plain port${
    required ? ', a second one with STLS required' : ''
  }, implicit TLS${kind === 'mailutils' ? '' : ' (a TLS listener in front)'}; PAM pam_unix (popa3d, solid-pop3d)`;
  try {
    await runAll(kind, plain.version, config, logs, scenarios, how);
  } finally {
    await Promise.all([plain.stop(), tls.stop(), required?.stop()]);
  }
}

async function courier(certs: TestCerts) {
  for (const setup of ['courier', 'courier-limit'] as const) {
    const names =
      setup === 'courier-limit'
        ? ['per-address-limit']
        : [
            'brute-force-burst',
            'bad-commands',
            'plaintext-on-tls-port',
            'client-rejects-certificate',
            'tls-to-plain-port',
            'wrong-password-tls',
            'authdaemond-down',
          ];
    if (!names.some((n) => want('courier', n))) continue;
    const c = await startCourier(setup, certs, HOST, { password: PASSWORD, messages: 3 });
    const logs = textLogs('syslog-traditional', c.log);
    const how = {
      'syslog-traditional':
        "Courier's courierlogger → syslog(3), as rsyslog's traditional format writes mail.log (the capture's receiver)",
    };
    const P = { port: c.plainPort };
    const T = { port: c.tlsPort, tls: true };
    const scenarios: Scenario[] =
      setup === 'courier-limit'
        ? [
            {
              name: 'per-address-limit',
              run: async () => {
                const first = session(P, '127.0.0.120', [...login(), 'STAT'], { hold: 3000 });
                await sleep(700);
                const more = await Promise.all(
                  [0, 1].map(() => session(P, '127.0.0.120', [...login(), 'QUIT'])),
                );
                return `${await first}\n${more.join('\n')}`;
              },
            },
          ]
        : [
            { name: 'brute-force-burst', run: () => burst(P, '127.0.0.121') },
            { name: 'bad-commands', run: () => session(P, '127.0.0.122', BAD) },
            {
              name: 'plaintext-on-tls-port',
              run: () => session({ port: c.tlsPort }, '127.0.0.123', [], { raw: 'USER alice\r\n' }),
            },
            {
              name: 'client-rejects-certificate',
              run: () => session(T, '127.0.0.124', ['QUIT'], { verify: true }),
            },
            {
              name: 'tls-to-plain-port',
              run: () => session({ port: c.plainPort, tls: true }, '127.0.0.125', ['QUIT']),
            },
            {
              name: 'wrong-password-tls',
              run: () => session(T, '127.0.0.126', [...login('alice', 'Passw0rd!'), 'QUIT']),
            },
            {
              name: 'authdaemond-down',
              // Not a signal: authdaemond answers SIGTERM by signalling its whole process group (this script's).
              note: "authdaemond's socket removed (/run/courier/authdaemon/socket in Courier's namespace) before the login",
              run: async () => {
                const pids = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
                  .split('\n')
                  .filter((l) => /courier-authlib\/authdaemond$/.test(l.trim()))
                  .map((l) => Number(l.trim().split(/\s+/)[0]));
                for (const p of pids)
                  rmSync(`/proc/${p}/root/run/courier/authdaemon/socket`, { force: true });
                await sleep(300);
                return session(P, '127.0.0.127', [...login(), 'QUIT']);
              },
            },
          ];
    try {
      await runAll('courier', c.version, c.config, logs, scenarios, how);
    } finally {
      await c.stop();
    }
  }
}

async function cyrus(certs: TestCerts) {
  const server = await startCyrus({
    setup: 'cyrus',
    host: HOST,
    cert: certs.valid,
    users: { alice: PASSWORD, bob: PASSWORD },
    withoutMailbox: ['bob'],
    messages: 3,
  });
  const logs = textLogs('syslog-traditional', server.log);
  const how = {
    'syslog-traditional':
      "Cyrus's syslog(3) lines, as rsyslog's traditional format writes mail.log (the capture's receiver)",
  };
  const P = { port: server.plainPort };
  const T = { port: server.tlsPort, tls: true };
  const scenarios: Scenario[] = [
    { name: 'brute-force-burst', run: () => burst(P, '127.0.0.130') },
    { name: 'unknown-user-tls', run: () => session(T, '127.0.0.131', [...login('carol'), 'QUIT']) },
    { name: 'no-mailbox', run: () => session(P, '127.0.0.132', [...login('bob'), 'STAT', 'QUIT']) },
    { name: 'bad-commands', run: () => session(P, '127.0.0.133', BAD) },
    {
      name: 'plaintext-on-tls-port',
      run: () => session({ port: server.tlsPort }, '127.0.0.134', [], { raw: 'USER alice\r\n' }),
    },
    { name: 'client-rejects-certificate', run: () => session(T, '127.0.0.135', ['QUIT'], { verify: true }) },
    {
      name: 'tls-to-plain-port',
      run: () => session({ port: server.plainPort, tls: true }, '127.0.0.136', ['QUIT']),
    },
    {
      name: 'two-sessions',
      run: async () => {
        const first = session(P, '127.0.0.137', [...login(), 'DELE 1'], { hold: 3000 });
        await sleep(700);
        const second = await session(P, '127.0.0.138', [...login(), 'RETR 1', 'QUIT']);
        return `${await first}\n${second}`;
      },
    },
  ];
  try {
    await runAll('cyrus', cyrusVersion(), server.config, logs, scenarios, how);
  } finally {
    await server.stop();
  }
}

if (!process.env.SINK) throw new Error('run inside scripts/logs/sink.sh');
const certs = makeTestCerts();
/** Arguments: servers (`courier`) or single scenarios (`courier/authdaemond-down`); none: everything. */
const wanted = process.argv.slice(2);
function want(server: string, scenario?: string): boolean {
  if (!wanted.length || wanted.includes(server)) return true;
  return wanted.some((w) => (scenario ? w === `${server}/${scenario}` : w.startsWith(`${server}/`)));
}
try {
  for (const kind of ['popa3d', 'solid-pop3d', 'mailutils'] as const)
    if (want(kind)) await other(kind, certs);
  if (want('courier')) await courier(certs);
  if (want('cyrus')) await cyrus(certs);
} finally {
  certs.cleanup();
}
