import { createHash, createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/**
 * The small HTTP authentication endpoint nginx's mail proxy asks (`auth_http`): it answers with nginx's
 * documented headers (Auth-Status, Auth-Server, Auth-Port, Auth-Pass, Auth-Wait, Auth-Error-Code). What it
 * answers depends on the user name (one per scenario) and, for the known user, on the password; the server
 * block's `X-Popbot-Mode: backend` header makes it pass every login on to the back end, which then decides.
 */

export interface Backend {
  host: string;
  port: number;
}

export interface AuthRoutes {
  /** The ordinary back end (a real Dovecot). */
  dovecot: Backend;
  /** A Dovecot with pop3_lock_session = yes (a second session finds the mailbox locked). */
  lock: Backend;
  /** A closed port, a listener that never greets, one that greets as an IMAP server. */
  closed: Backend;
  silent: Backend;
  imap: Backend;
  /** A Dovecot refusing plain-text logins (disable_plaintext_auth = yes), one allowing one session per user+IP. */
  tlsRequired: Backend;
  limited: Backend;
}

export interface AuthEndpoint {
  port: number;
  /** The requests nginx made, for the provenance (method and login name only). */
  requests: string[];
  stop(): Promise<void>;
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

export function startAuthEndpoint(host: string, routes: AuthRoutes, password: string): Promise<AuthEndpoint> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const h = (name: string) => {
      const v = req.headers[name.toLowerCase()];
      return decodeURIComponent(String(Array.isArray(v) ? v[0] : (v ?? '')));
    };
    const user = h('Auth-User');
    const pass = h('Auth-Pass');
    const method = h('Auth-Method');
    requests.push(`${method} ${user}`);
    const ok = (to: Backend, backendPass = password) =>
      res
        .writeHead(200, {
          'Auth-Status': 'OK',
          'Auth-Server': to.host,
          'Auth-Port': String(to.port),
          'Auth-Pass': backendPass,
        })
        .end();
    const refuse = (message: string, wait = true) =>
      res.writeHead(200, { 'Auth-Status': message, ...(wait ? { 'Auth-Wait': '3' } : {}) }).end();
    if (user === 'err500') return void res.writeHead(500, { 'Content-Type': 'text/plain' }).end('oops');
    if (user === 'tempfail')
      return void res
        .writeHead(200, {
          'Auth-Status': 'Temporary server problem, try again later',
          'Auth-Error-Code': '451 4.3.0',
          'Auth-Wait': '3',
        })
        .end();
    if (user === 'garbled') return void res.writeHead(200, { 'Auth-Server': routes.dovecot.host }).end();
    if (user === 'disabled') return refuse('Account disabled', false);
    if (user === 'backenddown') return ok(routes.closed);
    if (user === 'backendslow') return ok(routes.silent);
    if (user === 'backendimap') return ok(routes.imap);
    if (user === 'carol') return ok(routes.lock);
    if (user === 'dave') return ok(routes.tlsRequired);
    if (user === 'erin') return ok(routes.limited);
    if (user === 'frank') return ok(routes.dovecot);
    if (user === 'authslow') return void setTimeout(() => ok(routes.dovecot), 10_000);
    if (user === 'mismatch') return ok(routes.dovecot, 'not-the-backend-password');
    if (h('X-Popbot-Mode') === 'backend') return ok(routes.dovecot, pass);
    if (user !== 'alice') return refuse('Invalid login or password');
    const right =
      method === 'apop'
        ? pass === md5(`${h('Auth-Salt')}${password}`)
        : method === 'cram-md5'
          ? pass === createHmac('md5', password).update(h('Auth-Salt')).digest('hex')
          : pass === password;
    return right ? ok(routes.dovecot) : refuse('Invalid login or password');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        port,
        requests,
        stop: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
