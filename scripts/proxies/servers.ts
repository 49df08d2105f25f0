import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect as netConnect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestCerts } from '../../test/support/certs.js';
import { type Dovecot, startDovecot } from '../../test/support/dovecot.js';
import { waitForServer } from '../../test/support/wait-for-server.js';
import { type AuthEndpoint, startAuthEndpoint } from './auth-http.js';

/**
 * The proxies and what stands behind them, all on 127.0.0.2 (the test certificates name it): three real
 * Dovecots (the ordinary back end, one with pop3_lock_session = yes, one with an expired certificate), two
 * scripted listeners (one never greets, one greets as an IMAP server), a closed port, nginx's mail proxy
 * with nine POP3 server blocks and its auth_http endpoint, and perdition instances in six configurations.
 * Every process started here is stopped by `stop()`, by its own pid.
 */

export const HOST = '127.0.0.2';
export const USER = 'alice';
export const PASSWORD = 'proxy-test-Pw7';

export const NGINX_SERVERS = [
  'nginx-plain',
  'nginx-backend',
  'nginx-stls-only',
  'nginx-ssl',
  'nginx-auth-down',
  'nginx-limits',
  'nginx-ssl-expired',
  'nginx-ssl-wrong-host',
  'nginx-user-only',
  'nginx-auth-slow',
] as const;
export const PERDITION_SERVERS = [
  'perdition-plain',
  'perdition-tls-both',
  'perdition-ssl',
  'perdition-ssl-to-plain',
  'perdition-tls-expired',
  'perdition-limit',
  'perdition-idle',
  'perdition-resp',
  'perdition-tls-both-ca',
  'perdition-ssl-ca',
  'perdition-ssl-to-plain-ca',
  'perdition-tls-expired-ca',
  'perdition-tls-wrong-host-ca',
] as const;
/** The proxies clients reach over implicit TLS (no plain greeting to wait for). */
const LISTEN_TLS: readonly string[] = [
  'nginx-ssl',
  'nginx-ssl-expired',
  'nginx-ssl-wrong-host',
  'perdition-ssl',
  'perdition-ssl-ca',
];
export type ProxyName = (typeof NGINX_SERVERS)[number] | (typeof PERDITION_SERVERS)[number];

export interface Proxies {
  port: Record<ProxyName, number>;
  /** What each proxy is, for the provenance. */
  config: Record<ProxyName, string>;
  versions: Record<string, string>;
  nginxLog(): string;
  perditionLog(name: ProxyName): string;
  /** Holds a logged-in session to the lock Dovecot's mailbox (carol) until released. */
  holdLock(): Promise<() => void>;
  /** Holds a logged-in session of `user` through a proxy until released. */
  holdLogin(name: ProxyName, user: string): Promise<() => void>;
  /** Holds a connection to perdition-limit open until released. */
  holdConnection(name: ProxyName): Promise<() => void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, HOST, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function listener(onSocket: (s: Socket) => void): Promise<{ port: number; server: Server; stop(): void }> {
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    onSocket(s);
  });
  return new Promise((resolve) =>
    server.listen(0, HOST, () =>
      resolve({
        port: (server.address() as { port: number }).port,
        server,
        stop: () => {
          for (const s of sockets) s.destroy();
          server.close();
        },
      }),
    ),
  );
}

/** A session logged in and left open: USER/PASS answered +OK twice. */
async function holdLogin(port: number, user: string): Promise<() => void> {
  const s = netConnect({ host: HOST, port });
  s.on('error', () => undefined);
  s.setEncoding('utf8');
  let got = '';
  s.on('data', (d: string) => (got += d));
  const until = async (re: RegExp) => {
    for (let i = 0; i < 200 && !re.test(got); i++) await new Promise((r) => setTimeout(r, 50));
  };
  await until(/\+OK/);
  s.write(`USER ${user}\r\n`);
  await until(/\+OK[^]*\n[^]*\+OK/);
  s.write(`PASS ${PASSWORD}\r\n`);
  await until(/\+OK[^]*\n[^]*\+OK[^]*\n[^]*(\+OK|-ERR)/);
  return () => s.destroy();
}

export function packageVersion(pkg: string): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f', '${Version}', pkg], { encoding: 'utf8' }).trim();
  } catch {
    return 'not installed';
  }
}

function nginxConf(
  dir: string,
  certs: TestCerts,
  authPort: number,
  closedPort: number,
  port: Record<ProxyName, number>,
): string {
  const at = (name: ProxyName, extra = '') => `${HOST}:${port[name]}${extra}`;
  return `user nobody nogroup;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
load_module /usr/lib/nginx/modules/ngx_mail_module.so;
events { worker_connections 256; }
mail {
    auth_http ${HOST}:${authPort}/auth;
    pop3_auth plain apop cram-md5;
    pop3_capabilities "TOP" "USER" "UIDL";
    ssl_certificate ${certs.valid.certFile};
    ssl_certificate_key ${certs.valid.keyFile};
    server { listen ${at('nginx-plain')}; protocol pop3; starttls on; }
    server { listen ${at('nginx-backend')}; protocol pop3; starttls on; proxy_pass_error_message on; auth_http_header X-Popbot-Mode backend; }
    server { listen ${at('nginx-stls-only')}; protocol pop3; starttls only; }
    server { listen ${at('nginx-ssl', ' ssl')}; protocol pop3; }
    server { listen ${at('nginx-auth-down')}; protocol pop3; auth_http ${HOST}:${closedPort}/auth; }
    server { listen ${at('nginx-limits')}; protocol pop3; timeout 5s; max_errors 2; }
    server { listen ${at('nginx-ssl-expired', ' ssl')}; protocol pop3; ssl_certificate ${certs.expired.certFile}; ssl_certificate_key ${certs.expired.keyFile}; }
    server { listen ${at('nginx-ssl-wrong-host', ' ssl')}; protocol pop3; ssl_certificate ${certs.wrongHost.certFile}; ssl_certificate_key ${certs.wrongHost.keyFile}; }
    server { listen ${at('nginx-user-only')}; protocol pop3; pop3_auth plain; proxy_pass_error_message on; auth_http_header X-Popbot-Mode backend; }
    server { listen ${at('nginx-auth-slow')}; protocol pop3; auth_http_timeout 3s; proxy_pass_error_message on; }
}
`;
}

interface PerditionSetup {
  args: string[];
  /** The popmap: user → back end, as regular expressions (libperditiondb_posix_regex). */
  map: Record<string, string>;
  describe: string;
}

const REGEX_MAP = '/usr/lib/x86_64-linux-gnu/libperditiondb_posix_regex.so.0';

export async function startProxies(certs: TestCerts): Promise<Proxies> {
  const dir = mkdtempSync(join(tmpdir(), 'popbot-proxies-'));
  chmodSync(dir, 0o755);
  const dovecotCommon = ['disable_plaintext_auth = no', 'auth_verbose = yes', 'verbose_ssl = yes'];
  const dovecot: Dovecot = await startDovecot({
    certs,
    users: { [USER]: PASSWORD, frank: PASSWORD },
    messages: 3,
    listen: [HOST],
    extraConfig: dovecotCommon,
  });
  // frank's mailbox cannot be opened (its Maildir made unreadable).
  chmodSync(join(dovecot.dir, 'home', 'frank', 'Maildir'), 0);
  const tlsRequired: Dovecot = await startDovecot({
    certs,
    users: { dave: PASSWORD },
    messages: 1,
    listen: [HOST],
    extraConfig: [...dovecotCommon, 'disable_plaintext_auth = yes'],
  });
  const limited: Dovecot = await startDovecot({
    certs,
    users: { erin: PASSWORD },
    messages: 1,
    listen: [HOST],
    maxUserIpConnections: 1,
    extraConfig: dovecotCommon,
  });
  const wrongHost: Dovecot = await startDovecot({
    certs: { ...certs, valid: certs.wrongHost },
    users: { [USER]: PASSWORD },
    messages: 1,
    listen: [HOST],
    extraConfig: dovecotCommon,
  });
  const lock: Dovecot = await startDovecot({
    certs,
    users: { carol: PASSWORD },
    messages: 2,
    listen: [HOST],
    extraConfig: [...dovecotCommon, 'pop3_lock_session = yes'],
  });
  const expired: Dovecot = await startDovecot({
    certs: { ...certs, valid: certs.expired },
    users: { [USER]: PASSWORD },
    messages: 1,
    listen: [HOST],
    extraConfig: dovecotCommon,
  });
  const silent = await listener(() => undefined);
  const imap = await listener((s) =>
    s.write('* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] IMAP server ready.\r\n'),
  );
  const closedPort = await freePort();
  const auth: AuthEndpoint = await startAuthEndpoint(
    HOST,
    {
      dovecot: { host: HOST, port: dovecot.plainPort },
      lock: { host: HOST, port: lock.plainPort },
      closed: { host: HOST, port: closedPort },
      silent: { host: HOST, port: silent.port },
      imap: { host: HOST, port: imap.port },
      tlsRequired: { host: HOST, port: tlsRequired.plainPort },
      limited: { host: HOST, port: limited.plainPort },
    },
    PASSWORD,
  );
  const port = {} as Record<ProxyName, number>;
  for (const name of [...NGINX_SERVERS, ...PERDITION_SERVERS]) port[name] = await freePort();

  const children: ChildProcess[] = [];
  const start = (argv: string[]) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      if (code) process.stderr.write(`${argv[0]} exited ${code}: ${err}\n`);
    });
    children.push(child);
    return child;
  };

  writeFileSync(join(dir, 'nginx.conf'), nginxConf(dir, certs, auth.port, closedPort, port));
  start([
    '/usr/sbin/nginx',
    '-p',
    dir,
    '-e',
    join(dir, 'error.log'),
    '-c',
    join(dir, 'nginx.conf'),
    '-g',
    'daemon off;',
  ]);

  const backendMap = (to: { plain: number }) => ({
    '^alice$': `${HOST}:${to.plain}`,
    '^ghost$': `${HOST}:${dovecot.plainPort}`,
    '^carol$': `${HOST}:${lock.plainPort}`,
    '^backenddown$': `${HOST}:${closedPort}`,
    '^backendslow$': `${HOST}:${silent.port}`,
    '^backendimap$': `${HOST}:${imap.port}`,
    '^dave$': `${HOST}:${tlsRequired.plainPort}`,
    '^erin$': `${HOST}:${limited.plainPort}`,
    '^frank$': `${HOST}:${dovecot.plainPort}`,
  });
  // perdition's children run as nobody and load the CA file per connection: the first batch's TLS instances
  // named the test CA inside its 0700 directory, so every TLS connection failed there ("Error loading
  // certificate authority"; kept as captured). The *-ca instances get a copy nobody can read.
  mkdirSync(join(dir, 'ca'), { mode: 0o755 });
  copyFileSync(join(certs.dir, 'ca.pem'), join(dir, 'ca', 'ca.pem'));
  chmodSync(join(dir, 'ca', 'ca.pem'), 0o644);
  const caPath = ['--ssl_ca_file', join(dir, 'ca', 'ca.pem'), '--ssl_ca_path', join(dir, 'ca')];
  const ssl = [
    '--ssl_cert_file',
    certs.valid.certFile,
    '--ssl_key_file',
    certs.valid.keyFile,
    '--ssl_ca_file',
    join(certs.dir, 'ca.pem'),
  ];
  // perdition compares the back end certificate's CN with the popmap's host (127.0.0.2; the test certificate's
  // CN is localhost): the *-ca instances but the wrong-host one skip that comparison, as admins with IP maps do.
  const sslCa = [...ssl.slice(0, 4), ...caPath];
  const perdition: Record<(typeof PERDITION_SERVERS)[number], PerditionSetup> = {
    'perdition-plain': {
      args: ['--ssl_mode', 'tls_listen', ...ssl],
      map: backendMap({ plain: dovecot.plainPort }),
      describe: 'plain POP3 with STLS offered to clients (ssl_mode tls_listen), plain to the back end',
    },
    'perdition-tls-both': {
      args: ['--ssl_mode', 'tls_listen_force,tls_outgoing', ...ssl, '--server_resp_line'],
      map: backendMap({ plain: dovecot.plainPort }),
      describe:
        "STLS required from clients (tls_listen_force), STLS to the back end (tls_outgoing), back end's reply lines passed on (server_resp_line)",
    },
    'perdition-ssl': {
      args: ['--ssl_mode', 'ssl_all', ...ssl, '--server_resp_line'],
      map: backendMap({ plain: dovecot.tlsPort }),
      describe: "implicit TLS on both sides (ssl_all: clients on a pop3s port, the back end's pop3s port)",
    },
    'perdition-ssl-to-plain': {
      args: ['--ssl_mode', 'ssl_outgoing', ...ssl],
      map: backendMap({ plain: dovecot.plainPort }),
      describe: 'implicit TLS to the back end (ssl_outgoing) aimed at its plain port',
    },
    'perdition-tls-expired': {
      args: ['--ssl_mode', 'tls_outgoing', ...ssl],
      map: backendMap({ plain: expired.plainPort }),
      describe: 'STLS to a back end whose certificate has expired (tls_outgoing, certificate verified)',
    },
    'perdition-limit': {
      args: ['--connection_limit', '1'],
      map: backendMap({ plain: dovecot.plainPort }),
      describe: 'connection_limit 1 (a second client while one is connected)',
    },
    'perdition-resp': {
      args: ['--server_resp_line', '--debug'],
      map: backendMap({ plain: dovecot.plainPort }),
      describe: "plain on both sides, the back end's reply lines passed on (server_resp_line), debug logging",
    },
    'perdition-tls-both-ca': {
      args: [
        '--ssl_mode',
        'tls_listen_force,tls_outgoing',
        ...sslCa,
        '--ssl_no_cn_verify',
        '--server_resp_line',
      ],
      map: backendMap({ plain: dovecot.plainPort }),
      describe:
        "as perdition-tls-both, with a CA file its unprivileged children can read (STLS required from clients, STLS to the back end, back end's reply lines passed on)",
    },
    'perdition-ssl-ca': {
      args: ['--ssl_mode', 'ssl_all', ...sslCa, '--ssl_no_cn_verify', '--server_resp_line'],
      map: backendMap({ plain: dovecot.tlsPort }),
      describe:
        'as perdition-ssl, with a CA file its unprivileged children can read (implicit TLS on both sides)',
    },
    'perdition-ssl-to-plain-ca': {
      args: ['--ssl_mode', 'ssl_outgoing', ...sslCa, '--ssl_no_cn_verify'],
      map: backendMap({ plain: dovecot.plainPort }),
      describe:
        "as perdition-ssl-to-plain, with a CA file its unprivileged children can read (implicit TLS to the back end's plain port)",
    },
    'perdition-tls-expired-ca': {
      args: ['--ssl_mode', 'tls_outgoing', ...sslCa, '--ssl_no_cn_verify'],
      map: backendMap({ plain: expired.plainPort }),
      describe:
        'as perdition-tls-expired, with a CA file its unprivileged children can read (STLS to a back end whose certificate has expired)',
    },
    'perdition-tls-wrong-host-ca': {
      args: ['--ssl_mode', 'tls_outgoing', ...sslCa],
      map: backendMap({ plain: wrongHost.plainPort }),
      describe: 'STLS to a back end whose certificate names another host (other.example), ssl_ca_path set',
    },
    'perdition-idle': {
      args: ['--authenticate_timeout', '5'],
      map: backendMap({ plain: dovecot.plainPort }),
      describe: 'authenticate_timeout 5 (an idle client before login)',
    },
  };
  for (const [name, setup] of Object.entries(perdition) as [ProxyName, PerditionSetup][]) {
    const mapFile = join(dir, `${name}.popmap.re`);
    writeFileSync(
      mapFile,
      Object.entries(setup.map)
        .map(([k, v]) => `${k}: ${v}\n`)
        .join(''),
    );
    writeFileSync(join(dir, `${name}.log`), '');
    chmodSync(join(dir, `${name}.log`), 0o666);
    start([
      '/usr/sbin/perdition.pop3',
      '--no_daemon',
      '-F',
      join(dir, `${name}.log`),
      '--pid_file',
      join(dir, `${name}.pid`),
      '-b',
      HOST,
      '-l',
      String(port[name]),
      '-M',
      REGEX_MAP,
      '-m',
      mapFile,
      '--connect_relog',
      '0',
      '-t',
      '30',
      ...setup.args,
    ]);
  }
  for (const name of [...NGINX_SERVERS, ...PERDITION_SERVERS]) {
    if (LISTEN_TLS.includes(name)) {
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    await waitForServer({ name, target: { host: HOST, port: port[name] }, greeting: true, log: () => '' });
  }

  const config = {} as Record<ProxyName, string>;
  const nginxServer = (name: ProxyName) =>
    nginxConf(dir, certs, auth.port, closedPort, port)
      .split('\n')
      .find((l) => l.includes(`:${port[name]}`))!
      .trim()
      .replace(/\/tmp\/popbot-certs-\w+\//g, '');
  for (const name of NGINX_SERVERS)
    config[name] =
      `nginx mail proxy (mail { auth_http <endpoint>; pop3_auth plain apop cram-md5; pop3_capabilities "TOP" "USER" "UIDL"; ssl_certificate valid.pem; } ${nginxServer(name)}), auth_http: scripts/proxies/auth-http.ts; back end: Dovecot (test/support/dovecot.ts, ${dovecotCommon.join(', ')})`;
  for (const [name, setup] of Object.entries(perdition) as [ProxyName, PerditionSetup][])
    config[name] =
      `perdition.pop3 ${setup.describe}; popmap: posix_regex (alice, ghost → Dovecot; carol → Dovecot with pop3_lock_session = yes; backenddown → a closed port; backendslow → a listener that never greets; backendimap → a listener greeting as IMAP; any other user: no entry); options: ${setup.args.filter((a) => !a.startsWith('/')).join(' ')}`;

  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
  return {
    port,
    config,
    versions: {
      nginx: `nginx ${packageVersion('nginx')} (libnginx-mod-mail ${packageVersion('libnginx-mod-mail')})`,
      perdition: `perdition ${packageVersion('perdition')}`,
      dovecot: `Dovecot ${execFileSync('dovecot', ['--version'], { encoding: 'utf8' }).trim()} (dovecot-pop3d ${packageVersion('dovecot-pop3d')})`,
    },
    nginxLog: () => read(join(dir, 'error.log')),
    perditionLog: (name) => read(join(dir, `${name}.log`)),
    holdLock: async () => {
      const { connect } = await import('node:net');
      const s = connect({ host: HOST, port: lock.plainPort });
      s.on('error', () => undefined);
      s.setEncoding('utf8');
      let got = '';
      s.on('data', (d: string) => (got += d));
      const until = async (re: RegExp) => {
        for (let i = 0; i < 100 && !re.test(got); i++) await new Promise((r) => setTimeout(r, 50));
      };
      await until(/\+OK/);
      s.write(`USER carol\r\nPASS ${PASSWORD}\r\n`);
      await until(/\+OK[^\n]*\n[^]*\+OK/);
      return () => s.destroy();
    },
    holdLogin: (name, user) => holdLogin(port[name], user),
    holdConnection: async (name) => {
      const { connect } = await import('node:net');
      const s = connect({ host: HOST, port: port[name] });
      s.on('error', () => undefined);
      await new Promise((r) => setTimeout(r, 300));
      return () => s.destroy();
    },
    stop: async () => {
      for (const c of children) {
        try {
          process.kill(-c.pid!, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      silent.stop();
      imap.stop();
      await auth.stop();
      for (const d of [dovecot, lock, expired, tlsRequired, limited, wrongHost]) d.stop();
      setTimeout(() => rmSync(dir, { recursive: true, force: true }), 3000).unref();
    },
  };
}
