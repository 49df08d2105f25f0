import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import type { TestCerts } from '../../test/support/certs.js';
import { type Dovecot, startDovecot } from '../../test/support/dovecot.js';
import { type PopServerKind, type PopServerTls, startPopServer } from '../../test/support/pop-servers.js';
import type { Setup } from './scenarios.js';
import { isCyrusSetup, startCyrusSetup } from './servers/cyrus.js';
import { type CourierSetup, startCourier } from './servers/courier.js';
import type { Syslog } from './syslog.js';
import { PASSWORD, USER } from './scenarios.js';

/**
 * The servers the scenarios run against, one at a time on fixed loopback ports: a real Dovecot in the
 * configuration a scenario needs, or a bare listener for what happens before any POP server speaks.
 * Dovecot's certificates name 127.0.0.2, so every TLS setup listens there.
 */

export const DOVECOT_HOST = '127.0.0.2';
/** Nothing of ours listens here: a refused port, or one of the bare listeners. */
export const LISTENER_HOST = '127.0.0.3';
export const UNKNOWN_HOST = 'pop.mail-provider.invalid';

export interface Running {
  setup: Setup;
  /** The fixtures folder: the server's name, or no-server. */
  source: string;
  host: string;
  plainPort: number;
  tlsPort: number;
  /** What a user of that server would call its software and configuration (the provenance). */
  server: string;
  config: string;
  log(): string;
  stop(): Promise<void>;
}

function portFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, host, () => s.close(() => resolve(true)));
  });
}

/** 995 is the port people meet; 110 is taken on this machine by another helper's server. */
export async function pickPorts(): Promise<{ plain: number; tls: number }> {
  const pick = async (candidates: number[]) => {
    for (const p of candidates) if (await portFree(DOVECOT_HOST, p)) return p;
    throw new Error(`no free port among ${candidates.join(', ')}`);
  };
  return { plain: await pick([110, 1110, 10110]), tls: await pick([995, 1995, 10995]) };
}

async function waitFree(host: string, port: number): Promise<void> {
  for (let i = 0; i < 100 && !(await portFree(host, port)); i++) await new Promise((r) => setTimeout(r, 100));
}

const DOVECOT_EXTRA: Partial<Record<Setup, string[]>> = {
  dovecot: ['disable_plaintext_auth = no'],
  'dovecot-plaintext-off': ['disable_plaintext_auth = yes'],
  'dovecot-no-tls': ['disable_plaintext_auth = no', 'ssl = no'],
  'dovecot-lock': ['disable_plaintext_auth = no', 'pop3_lock_session = yes'],
  'dovecot-limit': ['disable_plaintext_auth = no'],
  'dovecot-broken-mailbox': ['disable_plaintext_auth = no'],
  'dovecot-cert-expired': ['disable_plaintext_auth = no'],
  'dovecot-cert-self-signed': ['disable_plaintext_auth = no'],
  'dovecot-cert-wrong-host': ['disable_plaintext_auth = no'],
};
const LOGGING = ['auth_verbose = yes', 'verbose_ssl = yes'];

function certsFor(setup: Setup, certs: TestCerts): TestCerts {
  const valid =
    setup === 'dovecot-cert-expired'
      ? certs.expired
      : setup === 'dovecot-cert-self-signed'
        ? certs.selfSigned
        : setup === 'dovecot-cert-wrong-host'
          ? certs.wrongHost
          : certs.valid;
  return { ...certs, valid };
}

export function dovecotVersion(): string {
  return `Dovecot ${execFileSync('dovecot', ['--version'], { encoding: 'utf8' }).trim()}`;
}

async function startDovecotSetup(
  setup: Setup,
  certs: TestCerts,
  ports: { plain: number; tls: number },
): Promise<Running> {
  await waitFree(DOVECOT_HOST, ports.plain);
  await waitFree(DOVECOT_HOST, ports.tls);
  const extra = [...(DOVECOT_EXTRA[setup] ?? []), ...LOGGING];
  const d: Dovecot = await startDovecot({
    certs: certsFor(setup, certs),
    users: { [USER]: PASSWORD },
    messages: 3,
    ports,
    listen: [DOVECOT_HOST],
    extraConfig: extra,
    ...(setup === 'dovecot-limit' ? { maxUserIpConnections: 1 } : {}),
  });
  if (setup === 'dovecot-broken-mailbox') chmodSync(join(d.dir, 'home', USER, 'Maildir'), 0);
  return {
    setup,
    source: 'dovecot',
    host: DOVECOT_HOST,
    plainPort: ports.plain,
    tlsPort: ports.tls,
    server: 'dovecot',
    config: [
      'test/support/dovecot.ts (passwd-file passdb, static userdb, maildir, plain + pop3s listeners)',
      ...extra,
      ...(setup === 'dovecot-limit' ? ['mail_max_userip_connections = 1'] : []),
      ...(setup === 'dovecot-broken-mailbox' ? ['(the user Maildir made unreadable: chmod 000)'] : []),
      ...(setup.startsWith('dovecot-cert-') ? [`ssl_cert: the test ${setup.slice(14)} certificate`] : []),
    ].join('; '),
    log: () => d.log(),
    stop: async () => {
      d.stop();
      await waitFree(DOVECOT_HOST, ports.plain);
      await waitFree(DOVECOT_HOST, ports.tls);
    },
  };
}

/** A bare listener on the plain and TLS ports: silent, closing at once, or greeting like an SMTP server. */
async function startListener(setup: Setup, ports: { plain: number; tls: number }): Promise<Running> {
  const sockets = new Set<Socket>();
  const servers: Server[] = [];
  if (setup !== 'refused-port') {
    for (const port of [ports.plain, ports.tls]) {
      const server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
        if (setup === 'closing-port') socket.destroy();
        if (setup === 'smtp-port') {
          // Postfix's greeting and its answer to commands it does not know.
          socket.write('220 mail.example.net ESMTP Postfix (Debian/GNU)\r\n');
          socket.on('data', () => socket.write('502 5.5.2 Error: command not recognized\r\n'));
        }
      });
      await new Promise<void>((resolve) => server.listen(port, LISTENER_HOST, resolve));
      servers.push(server);
    }
  }
  const what = {
    'refused-port': 'nothing listening (connection refused)',
    'silent-port': 'a TCP listener that accepts and never sends anything (a firewall or a hung server)',
    'closing-port': 'a TCP listener that closes each connection at once, before any greeting',
    'smtp-port':
      "a scripted listener answering as Postfix does: '220 … ESMTP Postfix (Debian/GNU)', '502 5.5.2'",
  } as Record<string, string>;
  return {
    setup,
    source: 'no-server',
    host: LISTENER_HOST,
    plainPort: ports.plain,
    tlsPort: ports.tls,
    server: 'listener',
    config: what[setup] ?? setup,
    log: () => '',
    stop: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}

const OTHER: Partial<Record<Setup, { kind: PopServerKind; plain: PopServerTls }>> = {
  mailutils: { kind: 'mailutils', plain: 'stls' },
  'mailutils-stls-required': { kind: 'mailutils', plain: 'stls-required' },
  'mailutils-no-tls': { kind: 'mailutils', plain: 'none' },
  popa3d: { kind: 'popa3d', plain: 'none' },
  'solid-pop3d': { kind: 'solid-pop3d', plain: 'none' },
};

/**
 * GNU Mailutils pop3d, popa3d, solid-pop3d (test/support/pop-servers.ts: unpacked from Debian's packages,
 * never installed): one instance on a plain port (STLS as the setup says) and one with implicit TLS
 * (Mailutils' own; a TLS listener in front of the other two, as stunnel would be). Free ports.
 */
async function startOtherSetup(setup: Setup, certs: TestCerts, syslog: Syslog | undefined): Promise<Running> {
  const { kind, plain } = OTHER[setup]!;
  const base = { kind, users: { [USER]: PASSWORD }, messages: 3, host: DOVECOT_HOST, cert: certs.valid };
  const mark = syslog?.mark() ?? 0;
  const plainServer = await startPopServer({ ...base, tls: plain });
  const tlsServer = await startPopServer({ ...base, tls: 'implicit' });
  return {
    setup,
    source: kind,
    host: DOVECOT_HOST,
    plainPort: plainServer.port,
    tlsPort: tlsServer.port,
    server: plainServer.version,
    config: `test/support/pop-servers.ts: ${kind}, plain port with tls '${plain}', second instance with implicit TLS${
      kind === 'mailutils' ? '' : ' (a TLS listener in front)'
    }; system users and mbox spools in a private mount namespace`,
    // Mailutils logs on stderr (the harness's configuration); the other two only through syslog.
    log: () =>
      kind === 'mailutils'
        ? plainServer.log() + tlsServer.log()
        : (syslog?.lines(kind, mark).join('\n') ?? ''),
    stop: async () => {
      await Promise.all([plainServer.stop(), tlsServer.stop()]);
    },
  };
}

/** Courier (servers/courier.ts): its own namespace, ports and syslog receiver. */
async function startCourierSetup(setup: CourierSetup, certs: TestCerts): Promise<Running> {
  const c = await startCourier(setup, certs, DOVECOT_HOST, { password: PASSWORD, messages: 3 });
  return {
    setup,
    source: 'courier',
    host: DOVECOT_HOST,
    plainPort: c.plainPort,
    tlsPort: c.tlsPort,
    server: c.version,
    config: c.config,
    log: c.log,
    stop: c.stop,
  };
}

export async function startSetup(
  setup: Setup,
  certs: TestCerts,
  ports: { plain: number; tls: number },
  syslog?: Syslog,
): Promise<Running> {
  if (setup.startsWith('dovecot')) return startDovecotSetup(setup, certs, ports);
  if (OTHER[setup]) return startOtherSetup(setup, certs, syslog);
  if (isCyrusSetup(setup)) return startCyrusSetup(setup, certs, DOVECOT_HOST);
  if (setup.startsWith('courier')) return startCourierSetup(setup as CourierSetup, certs);
  if (setup === 'unknown-host')
    return {
      setup,
      source: 'no-server',
      host: UNKNOWN_HOST,
      plainPort: 110,
      tlsPort: 995,
      server: 'none',
      config: `a host name under .invalid (RFC 6761), which never resolves: ${UNKNOWN_HOST}`,
      log: () => '',
      stop: async () => undefined,
    };
  return startListener(setup, ports);
}

/** A logged-in session kept open while a scenario's client runs (locks, connection limits). */
export async function holdSession(run: Running, ca: string): Promise<() => void> {
  const socket: Socket = await new Promise((resolve, reject) => {
    const s = tlsConnect({ host: run.host, port: run.tlsPort, ca });
    s.once('secureConnect', () => resolve(s));
    s.once('error', reject);
  });
  socket.setEncoding('utf8');
  let seen = '';
  const waitFor = (re: RegExp) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (re.test(seen)) {
          socket.off('data', onData);
          resolve();
        }
      };
      const onData = (d: string) => {
        seen += d;
        check();
      };
      socket.on('data', onData);
      check();
    });
  await waitFor(/^\+OK/m);
  socket.write(`USER ${USER}\r\n`);
  seen = '';
  await waitFor(/\r\n/);
  socket.write(`PASS ${PASSWORD}\r\n`);
  seen = '';
  await waitFor(/\r\n/);
  return () => socket.destroy();
}
