import type { RawStep } from '../raw-session.js';
import type { ClientScenario, LogRule, RawScenario } from '../scenarios.js';
import { PASSWORD, USER } from '../scenarios.js';
import type { CourierUser } from './courier.js';

/**
 * The capture's situations against Courier's POP3 server (servers/courier.ts), decided before any client
 * runs. Courier's words: "-ERR Login failed." to a wrong password and an unknown user alike (so a failed
 * login is `auth.failed`; with DEBUG_LOGIN=1 authdaemond's lines say which: "entry not found", "supplied
 * password does not match"), "-ERR Invalid command." to a command in the wrong state and to a command it
 * does not offer, "-ERR Invalid message number." to a deleted or missing message, "-ERR TLS required to
 * log in." to USER when TLS is required, and its per-account refusals after PASS (userdb options, a home
 * directory with the sticky bit, a broken Maildir). Courier keeps no POP3 lock between sessions (two logins
 * at once both succeed): the concurrent-session case is couriertcpd's per-address limit, which closes the
 * connection before any greeting — the client can only show a closed connection (`connect.reset`), the log
 * says why. SASL is not offered (Debian's POP3AUTH=""), yet AUTH CRAM-MD5 gets a challenge and then
 * "-ERR Authentication failed." (`auth.mechanism`: the mechanism the server does not offer).
 */

const authLogs: LogRule[] = [
  { match: /userdb: entry not found/, category: 'auth.unknown-user' },
  { match: /supplied password does not match/, category: 'auth.bad-password' },
  { match: /LOGIN FAILED, user=/, category: 'auth.failed' },
];
/**
 * couriertls's lines ("pop3d-ssl: ip=[…], <GnuTLS error>"): "Unexpected SSL connection shutdown" says only
 * that the client hung up during TLS, whatever made it (a rejected certificate, a plain client that gave
 * up), so it is a dropped connection; the other errors keep the scenario's category.
 */
const tlsLogs = (category: string): LogRule[] => [
  { match: /ip=\[[^\]]*\], Unexpected SSL connection shutdown/, category: 'connect.reset' },
  { match: /ip=\[[^\]]*\], (?!Unexpected SSL|port=)\S/, category },
];
/** fetchmail's and curl's quiet outputs drop the server's words after a refused login ("Access denied"). */
const refusedQuietly = { fetchmail: 'auth.failed', curl: 'auth.failed' } as const;

const login = (user: CourierUser = USER as CourierUser): RawStep[] => [
  { send: `USER ${user}` },
  { send: `PASS ${PASSWORD}` },
];

/** A refusal Courier gives one account after its password was accepted (see COURIER_USERS). */
interface AccountRefusal {
  id: string;
  user: CourierUser;
  category: string;
  logRules?: LogRule[];
}
const ACCOUNT_REFUSALS: readonly AccountRefusal[] = [
  { id: 'pop-disabled', user: 'bob', category: 'auth.pop-disabled' },
  { id: 'insecure-pop-disabled', user: 'carol', category: 'tls.required' },
  {
    id: 'account-unavailable',
    user: 'dave',
    // "Your account is temporarily unavailable (+t bit set on home directory)": the admin's switch.
    category: 'auth.account-disabled',
    logRules: [{ match: /LOCKED, user=/, category: 'auth.account-disabled' }],
  },
  {
    id: 'maildir-invalid',
    user: 'erin',
    category: 'mailbox.unavailable',
    logRules: [{ match: /opendir|No such file/, category: 'mailbox.unavailable' }],
  },
];

function clientScenarios(): ClientScenario[] {
  const list: ClientScenario[] = [
    {
      id: 'wrong-password',
      setup: 'courier',
      category: 'auth.failed',
      port: 'plain',
      security: 'plain',
      password: 'wrong horse',
      logRules: authLogs,
    },
    {
      id: 'wrong-password-tls',
      setup: 'courier',
      category: 'auth.failed',
      port: 'tls',
      security: 'implicit',
      password: 'Correct Horse',
      logRules: authLogs,
    },
    {
      id: 'unknown-user',
      setup: 'courier',
      category: 'auth.failed',
      port: 'plain',
      security: 'stls',
      user: 'alicia',
      logRules: authLogs,
    },
    {
      id: 'plaintext-refused',
      setup: 'courier-tls-required',
      category: 'tls.required',
      port: 'plain',
      security: 'plain',
      quietSays: refusedQuietly,
    },
    {
      id: 'stls-unavailable',
      setup: 'courier-no-tls',
      category: 'tls.unavailable',
      port: 'plain',
      security: 'stls',
      clients: ['fetchmail', 'mpop', 'curl', 'poplib'],
    },
    {
      id: 'tls-to-plain-port',
      setup: 'courier',
      category: 'tls.mismatch',
      port: 'plain',
      security: 'implicit',
      timeoutS: 6,
    },
    {
      id: 'plain-to-tls-port',
      setup: 'courier',
      category: 'tls.mismatch',
      port: 'tls',
      security: 'plain',
      timeoutS: 6,
      logRules: tlsLogs('tls.mismatch'),
    },
    {
      id: 'cert-expired',
      setup: 'courier-cert-expired',
      category: 'tls.certificate',
      port: 'tls',
      security: 'implicit',
      logRules: tlsLogs('tls.certificate'),
    },
    {
      id: 'cert-expired-stls',
      setup: 'courier-cert-expired',
      category: 'tls.certificate',
      port: 'plain',
      security: 'stls',
      clients: ['fetchmail', 'mpop', 'curl', 'poplib'],
      logRules: tlsLogs('tls.certificate'),
    },
    {
      id: 'mechanism-not-offered',
      setup: 'courier',
      category: 'auth.mechanism',
      port: 'tls',
      security: 'implicit',
      mechanism: 'CRAM-MD5',
      clients: ['fetchmail', 'mpop', 'curl'],
      quietSays: { fetchmail: 'auth.failed' },
    },
    {
      id: 'too-many-sessions',
      setup: 'courier-limit',
      // couriertcpd closes the connection before the greeting: all a client can show.
      category: 'connect.reset',
      port: 'tls',
      security: 'implicit',
      holdSession: true,
      logRules: [{ match: /Maximum connection limit reached/, category: 'mailbox.too-many-sessions' }],
    },
  ];
  for (const r of ACCOUNT_REFUSALS)
    list.push({
      id: r.id,
      setup: 'courier',
      category: r.category,
      port: r.user === 'carol' ? 'plain' : 'tls',
      security: r.user === 'carol' ? 'plain' : 'implicit',
      user: r.user,
      quietSays: refusedQuietly,
      ...(r.logRules ? { logRules: r.logRules } : {}),
    });
  return list;
}

function rawScenarios(): RawScenario[] {
  const raw = (id: string, category: string, steps: RawStep[], more: Partial<RawScenario> = {}) =>
    ({ id, setup: 'courier', category, port: 'plain', steps, ...more }) as RawScenario;
  return [
    raw('retr-before-login', 'command.state', [{ send: 'RETR 1' }]),
    raw('stat-before-login', 'command.state', [{ send: 'STAT' }]),
    raw('list-before-login', 'command.state', [
      { send: 'CAPA', multiline: true },
      { send: 'LIST', multiline: true },
    ]),
    raw('pass-first', 'command.state', [{ send: `PASS ${PASSWORD}` }]),
    raw('user-after-login', 'command.state', [...login(), { send: `USER ${USER}` }]),
    raw('pass-after-login', 'command.state', [...login(), { send: 'STAT' }, { send: `PASS ${PASSWORD}` }]),
    raw('stls-twice', 'command.state', [{ send: 'STLS', startTls: true }, { send: 'STLS' }]),
    raw('stls-after-login', 'command.state', [...login(), { send: 'STLS' }]),
    raw('dele-then-retr', 'message.deleted', [
      ...login(),
      { send: 'DELE 2' },
      { send: 'RETR 2', multiline: true },
    ]),
    raw('dele-then-list', 'message.deleted', [
      ...login(),
      { send: 'STAT' },
      { send: 'DELE 2' },
      { send: 'LIST 2' },
    ]),
    raw('dele-then-top', 'message.deleted', [
      ...login(),
      { send: 'DELE 2' },
      { send: 'TOP 2 0', multiline: true },
    ]),
    raw('dele-twice', 'message.deleted', [...login(), { send: 'DELE 1' }, { send: 'DELE 1' }]),
    raw('retr-out-of-range', 'message.not-found', [
      ...login(),
      { send: 'STAT' },
      { send: 'RETR 9', multiline: true },
    ]),
    raw('list-zero', 'message.not-found', [...login(), { send: 'LIST 0' }]),
    raw('unknown-command', 'command.unknown', [...login(), { send: 'XTND XMIT' }]),
    raw('retr-no-number', 'command.syntax', [...login(), { send: 'RETR abc', multiline: true }]),
    raw('top-missing-lines', 'command.syntax', [...login(), { send: 'TOP 1', multiline: true }]),
    // Courier takes AUTH CRAM-MD5 though its CAPA offers no SASL, sends a challenge, then fails any answer.
    raw('auth-cram-md5', 'auth.mechanism', [
      { send: 'CAPA', multiline: true },
      { send: 'AUTH CRAM-MD5' },
      { send: 'YWxpY2UgMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA=' },
    ]),
    raw('raw-wrong-password', 'auth.failed', [{ send: `USER ${USER}` }, { send: 'PASS correct-horse' }], {
      lastLineSays: true,
      logRules: authLogs,
    }),
    raw(
      'raw-plaintext-refused',
      'tls.required',
      [{ send: 'CAPA', multiline: true }, { send: `USER ${USER}` }],
      {
        setup: 'courier-tls-required',
        lastLineSays: true,
      },
    ),
    raw('raw-stls-unavailable', 'tls.unavailable', [{ send: 'CAPA', multiline: true }, { send: 'STLS' }], {
      setup: 'courier-no-tls',
    }),
    ...ACCOUNT_REFUSALS.map((r) =>
      raw(`raw-${r.id}`, r.category, login(r.user), {
        lastLineSays: true,
        ...(r.user === USER && r.logRules ? { logRules: r.logRules } : {}),
      }),
    ),
  ];
}

/** Called by scenarios.ts once its own constants exist (the two modules import each other). */
export function courierScenarios(): { client: ClientScenario[]; raw: RawScenario[] } {
  return { client: clientScenarios(), raw: rawScenarios() };
}
