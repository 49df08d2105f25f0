import { type ClientScenario, type LogRule, PASSWORD, type RawScenario, USER } from '../scenarios.js';

/**
 * The situations of the other servers, against Cyrus's pop3d (servers/cyrus.ts), plus what Cyrus has of
 * its own: `popminpoll` (Debian's imapd.conf sets 1 minute: "[LOGIN-DELAY]"), a user SASL knows but who
 * has no mailbox, a mailbox folder Cyrus cannot read, an expired certificate, and `allowplaintext: no` (USER refused without
 * TLS: "USER command only available under a layer"). Cyrus answers "-ERR [AUTH] Invalid login" to a wrong
 * password and an unknown user alike (`auth.failed`); its log says which (SASL's "authentication failure"
 * or "user not found"). Before login it calls RETR, STAT and the rest "Unrecognized command": the
 * transcript shows the command came before login, so the scenario's `command.state` stands. No "mailbox
 * locked" scenario: Cyrus 3.6 lets two POP sessions of one user run at once (both "+OK Mailbox locked and
 * ready"), so a held session changes nothing.
 *
 * Functions, not constants: scenarios.ts calls them once its own lists exist (the two modules import
 * each other).
 */

/** The user SASL knows who has no mailbox (servers.ts gives them the same password). */
export const CYRUS_USER_WITHOUT_MAILBOX = 'bob';

const cyrusLogs: LogRule[] = [
  { match: /badlogin: .*user not found/, category: 'auth.unknown-user' },
  { match: /badlogin: .*authentication failure/, category: 'auth.bad-password' },
  { match: /badlogin: .*encryption needed/, category: 'tls.required' },
];
/** "-ERR [SYS/PERM] Unable to open maildrop: System I/O error"; the log has the cause (IOERROR … Permission denied). */
const unreadableLogs: LogRule[] = [
  { match: /IOERROR|Unable to open maildrop/, category: 'mailbox.unavailable' },
];
const tlsLogs: LogRule[] = [
  { match: /pop3s? failed|TLS negotiation failed|SSL_accept/, category: 'tls.mismatch' },
];

/** Quiet, these say only that the login was refused: fetchmail "Authorization failure", curl "(67) Login denied". */
const quietLoginRefused = { fetchmail: 'auth.failed', curl: 'auth.failed' };

export function cyrusClientScenarios(): ClientScenario[] {
  return [
    {
      id: 'wrong-password',
      setup: 'cyrus',
      category: 'auth.failed',
      port: 'plain',
      security: 'plain',
      password: 'wrong horse',
      logRules: cyrusLogs,
    },
    {
      id: 'wrong-password-tls',
      setup: 'cyrus',
      category: 'auth.failed',
      port: 'tls',
      security: 'implicit',
      password: 'Correct Horse',
      logRules: cyrusLogs,
    },
    {
      id: 'unknown-user',
      setup: 'cyrus',
      category: 'auth.failed',
      port: 'plain',
      security: 'stls',
      user: 'alicia',
      logRules: cyrusLogs,
    },
    {
      id: 'plaintext-refused',
      setup: 'cyrus-plaintext-off',
      category: 'tls.required',
      port: 'plain',
      security: 'plain',
      quietSays: { fetchmail: 'auth.failed' },
      logRules: cyrusLogs,
    },
    {
      id: 'stls-unavailable',
      setup: 'cyrus-no-tls',
      category: 'tls.unavailable',
      port: 'plain',
      security: 'stls',
      clients: ['fetchmail', 'mpop', 'curl', 'poplib'],
    },
    {
      id: 'tls-to-plain-port',
      setup: 'cyrus',
      category: 'tls.mismatch',
      port: 'plain',
      security: 'implicit',
      timeoutS: 6,
      logRules: tlsLogs,
    },
    {
      id: 'plain-to-tls-port',
      setup: 'cyrus',
      category: 'tls.mismatch',
      port: 'tls',
      security: 'plain',
      timeoutS: 6,
      logRules: tlsLogs,
    },
    {
      id: 'stls-to-tls-port',
      setup: 'cyrus',
      category: 'tls.mismatch',
      port: 'tls',
      security: 'stls',
      timeoutS: 6,
      clients: ['fetchmail', 'mpop', 'curl', 'poplib'],
      logRules: tlsLogs,
    },
    {
      id: 'mechanism-not-offered',
      setup: 'cyrus',
      category: 'auth.mechanism',
      port: 'tls',
      security: 'implicit',
      mechanism: 'CRAM-MD5',
      clients: ['fetchmail', 'mpop', 'curl'],
      quietSays: quietLoginRefused,
    },
    {
      id: 'login-delay',
      setup: 'cyrus-login-delay',
      category: 'auth.login-delay',
      port: 'tls',
      security: 'implicit',
      // fetchmail prints Cyrus's "[LOGIN-DELAY] …" even when quiet; curl only "Login denied".
      quietSays: { curl: 'auth.failed' },
      logRules: [{ match: /Logins must be at least/, category: 'auth.login-delay' }],
    },
    {
      id: 'no-mailbox',
      setup: 'cyrus',
      category: 'mailbox.unavailable',
      port: 'tls',
      security: 'implicit',
      user: CYRUS_USER_WITHOUT_MAILBOX,
      quietSays: quietLoginRefused,
      logRules: [{ match: /Unable to open maildrop/, category: 'mailbox.unavailable' }],
    },
    {
      id: 'mailbox-unreadable',
      setup: 'cyrus-broken-mailbox',
      category: 'mailbox.unavailable',
      port: 'tls',
      security: 'implicit',
      quietSays: quietLoginRefused,
      logRules: unreadableLogs,
    },
    {
      id: 'cert-expired',
      setup: 'cyrus-cert-expired',
      category: 'tls.certificate',
      port: 'tls',
      security: 'implicit',
    },
  ];
}

/**
 * The portable raw sessions (retr-before-login … raw-wrong-password) of scenarios.ts on Cyrus, some more of
 * Dovecot's (`all`), and Cyrus's own.
 */
export function cyrusRawScenarios(
  portable: readonly RawScenario[],
  all: readonly RawScenario[],
): RawScenario[] {
  const loginAs = (user: string) => [{ send: `USER ${user}` }, { send: `PASS ${PASSWORD}` }];
  const onCyrus = portable.map((s) => {
    const { logRules: _dropped, ...rest } = s;
    return s.id === 'raw-wrong-password'
      ? { ...rest, setup: 'cyrus' as const, logRules: cyrusLogs }
      : { ...rest, setup: 'cyrus' as const };
  });
  const by = (id: string) => all.find((s) => s.id === id);
  const more: RawScenario[] = [];
  for (const id of ['auth-cram-md5', 'stls-twice', 'stls-after-login']) {
    const s = by(id);
    if (s) more.push({ ...s, setup: 'cyrus', lastLineSays: false });
  }
  const stls = by('raw-stls-unavailable');
  if (stls) more.push({ ...stls, setup: 'cyrus-no-tls', lastLineSays: false });
  more.push(
    {
      id: 'raw-plaintext-refused',
      setup: 'cyrus-plaintext-off',
      category: 'tls.required',
      port: 'plain',
      steps: [{ send: 'CAPA', multiline: true }, { send: `USER ${USER}` }],
      lastLineSays: true,
    },
    {
      id: 'raw-auth-plain-refused',
      setup: 'cyrus-plaintext-off',
      category: 'tls.required',
      port: 'plain',
      steps: [{ send: 'CAPA', multiline: true }, { send: 'AUTH PLAIN' }],
      lastLineSays: true,
      logRules: cyrusLogs,
    },
    {
      id: 'raw-login-delay',
      setup: 'cyrus-login-delay',
      category: 'auth.login-delay',
      port: 'plain',
      steps: loginAs(USER),
      lastLineSays: true,
      logRules: [{ match: /Logins must be at least/, category: 'auth.login-delay' }],
    },
    {
      id: 'raw-mailbox-unreadable',
      setup: 'cyrus-broken-mailbox',
      category: 'mailbox.unavailable',
      port: 'plain',
      steps: loginAs(USER),
      lastLineSays: true,
      logRules: unreadableLogs,
    },
    {
      id: 'raw-no-mailbox',
      setup: 'cyrus',
      category: 'mailbox.unavailable',
      port: 'plain',
      steps: loginAs(CYRUS_USER_WITHOUT_MAILBOX),
      lastLineSays: true,
      logRules: [{ match: /Unable to open maildrop/, category: 'mailbox.unavailable' }],
    },
  );
  return [...onCyrus, ...more];
}
