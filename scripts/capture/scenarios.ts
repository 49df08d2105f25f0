import type { ClientName, Security } from './clients.js';
import type { RawStep } from './raw-session.js';
import { cyrusClientScenarios, cyrusRawScenarios } from './servers/cyrus-scenarios.js';
import type { CyrusSetup } from './servers/cyrus.js';
import type { CourierSetup } from './servers/courier.js';
import { courierScenarios } from './servers/courier-scenarios.js';

/**
 * What the capture sets up, and therefore what each captured text means. The expected category is decided
 * here, by the scenario, before any client runs — never by what popbot says. Where a server does not say
 * which part of a login was wrong (Dovecot answers "[AUTH] Authentication failed." to both), the category is
 * the taxonomy's `auth.failed`; its log lines, which do say, get the precise one.
 */

/** The server setups a scenario runs against (see servers.ts). */
export type Setup =
  | 'dovecot'
  | 'dovecot-plaintext-off'
  | 'dovecot-no-tls'
  | 'dovecot-cert-expired'
  | 'dovecot-cert-self-signed'
  | 'dovecot-cert-wrong-host'
  | 'dovecot-lock'
  | 'dovecot-limit'
  | 'dovecot-broken-mailbox'
  | 'mailutils'
  | 'mailutils-stls-required'
  | 'mailutils-no-tls'
  | 'popa3d'
  | 'solid-pop3d'
  | 'refused-port'
  | 'silent-port'
  | 'closing-port'
  | 'smtp-port'
  | 'unknown-host'
  | CyrusSetup
  | CourierSetup;

export interface LogRule {
  /** Selects the server-log lines that record this scenario's failure. */
  match: RegExp;
  category: string;
}

export interface ClientScenario {
  id: string;
  setup: Setup;
  category: string;
  /** What the user did: the port they aimed at and how they asked for TLS. */
  port: 'plain' | 'tls';
  security: Security;
  user?: string;
  password?: string;
  mechanism?: string;
  storage?: 'fails';
  /** A second session holds the mailbox while the client runs. */
  holdSession?: boolean;
  clients?: readonly ClientName[];
  timeoutS?: number;
  logRules?: readonly LogRule[];
  /**
   * A client whose quiet output drops the server's words and says only what it knows: fetchmail prints
   * "Authorization failure" whatever the server refused. Its quiet text gets this category instead (its
   * verbose transcript still shows the server's reply and keeps the scenario's).
   */
  quietSays?: Partial<Record<ClientName | 'any', string>>;
}

export interface RawScenario {
  id: string;
  setup: Setup;
  category: string;
  port: 'plain' | 'tls';
  steps: readonly RawStep[];
  holdSession?: boolean;
  /** The last reply alone still says what happened (so it is also a one-line case). */
  lastLineSays?: boolean;
  logRules?: readonly LogRule[];
}

export const USER = 'alice';
export const PASSWORD = 'correct horse';
const login: RawStep[] = [{ send: `USER ${USER}` }, { send: `PASS ${PASSWORD}` }];

const authLogs: LogRule[] = [
  { match: /Password mismatch/i, category: 'auth.bad-password' },
  { match: /unknown user/i, category: 'auth.unknown-user' },
  { match: /auth failed/i, category: 'auth.failed' },
];

const CLIENT_DOVECOT: readonly ClientScenario[] = [
  {
    id: 'wrong-password',
    setup: 'dovecot',
    category: 'auth.failed',
    port: 'plain',
    security: 'plain',
    password: 'wrong horse',
    logRules: authLogs,
  },
  {
    id: 'wrong-password-tls',
    setup: 'dovecot',
    category: 'auth.failed',
    port: 'tls',
    security: 'implicit',
    password: 'Correct Horse',
    logRules: authLogs,
  },
  {
    id: 'unknown-user',
    setup: 'dovecot',
    category: 'auth.failed',
    port: 'plain',
    security: 'stls',
    user: 'alicia',
    logRules: authLogs,
  },
  {
    id: 'plaintext-refused',
    setup: 'dovecot-plaintext-off',
    category: 'tls.required',
    port: 'plain',
    security: 'plain',
    quietSays: { fetchmail: 'auth.failed' },
    logRules: [{ match: /Plaintext|disallowed|no auth attempts/i, category: 'tls.required' }],
  },
  {
    id: 'stls-unavailable',
    setup: 'dovecot-no-tls',
    category: 'tls.unavailable',
    port: 'plain',
    security: 'stls',
    clients: ['fetchmail', 'mpop', 'curl', 'poplib'],
  },
  {
    id: 'tls-to-plain-port',
    setup: 'dovecot',
    category: 'tls.mismatch',
    port: 'plain',
    security: 'implicit',
    timeoutS: 6,
    logRules: [{ match: /Disconnected.*no auth attempts|invalid|bad/i, category: 'tls.mismatch' }],
  },
  {
    id: 'plain-to-tls-port',
    setup: 'dovecot',
    category: 'tls.mismatch',
    port: 'tls',
    security: 'plain',
    timeoutS: 6,
  },
  {
    id: 'stls-to-tls-port',
    setup: 'dovecot',
    category: 'tls.mismatch',
    port: 'tls',
    security: 'stls',
    timeoutS: 6,
    clients: ['fetchmail', 'mpop', 'curl', 'poplib'],
  },
  {
    id: 'cert-expired',
    setup: 'dovecot-cert-expired',
    category: 'tls.certificate',
    port: 'tls',
    security: 'implicit',
    logRules: [{ match: /SSL|TLS|certificate|alert/i, category: 'tls.certificate' }],
  },
  {
    id: 'cert-self-signed',
    setup: 'dovecot-cert-self-signed',
    category: 'tls.certificate',
    port: 'plain',
    security: 'stls',
    clients: ['fetchmail', 'mpop', 'curl', 'poplib'],
  },
  {
    id: 'cert-wrong-host',
    setup: 'dovecot-cert-wrong-host',
    category: 'tls.certificate',
    port: 'tls',
    security: 'implicit',
  },
  {
    id: 'mechanism-not-offered',
    setup: 'dovecot',
    category: 'auth.mechanism',
    port: 'tls',
    security: 'implicit',
    mechanism: 'CRAM-MD5',
    clients: ['fetchmail', 'mpop', 'curl'],
    quietSays: { fetchmail: 'auth.failed' },
  },
  {
    id: 'mailbox-locked',
    setup: 'dovecot-lock',
    category: 'mailbox.locked',
    port: 'tls',
    security: 'implicit',
    holdSession: true,
    timeoutS: 25,
    logRules: [{ match: /lock/i, category: 'mailbox.locked' }],
  },
  {
    id: 'too-many-sessions',
    setup: 'dovecot-limit',
    category: 'mailbox.too-many-sessions',
    port: 'tls',
    security: 'implicit',
    holdSession: true,
    logRules: [{ match: /Maximum number of connections/i, category: 'mailbox.too-many-sessions' }],
  },
  {
    id: 'mailbox-unreadable',
    setup: 'dovecot-broken-mailbox',
    // Dovecot hides the cause from the client ("[SYS/TEMP] Internal error occurred"); its log says it.
    category: 'server.temporary',
    port: 'tls',
    security: 'implicit',
    logRules: [{ match: /pop3\(.*(Permission denied|Error:)|eacces/i, category: 'mailbox.unavailable' }],
  },
  {
    id: 'delivery-fails',
    setup: 'dovecot',
    category: 'client.storage',
    port: 'tls',
    security: 'implicit',
    storage: 'fails',
    clients: ['fetchmail', 'mpop', 'getmail'],
  },
  {
    id: 'refused-port',
    setup: 'refused-port',
    category: 'connect.refused',
    port: 'plain',
    security: 'plain',
  },
  {
    id: 'refused-port-tls',
    setup: 'refused-port',
    category: 'connect.refused',
    port: 'tls',
    security: 'implicit',
  },
  {
    id: 'silent-port',
    setup: 'silent-port',
    category: 'connect.timeout',
    port: 'plain',
    security: 'plain',
    timeoutS: 5,
  },
  {
    id: 'silent-port-tls',
    setup: 'silent-port',
    category: 'connect.timeout',
    port: 'tls',
    security: 'implicit',
    timeoutS: 5,
  },
  {
    id: 'closed-before-greeting',
    setup: 'closing-port',
    category: 'connect.reset',
    port: 'plain',
    security: 'plain',
  },
  {
    id: 'smtp-answers',
    setup: 'smtp-port',
    category: 'connect.wrong-service',
    port: 'plain',
    security: 'plain',
    timeoutS: 6,
    // Quiet, these do not print the greeting they got: an invalid reply, or (curl) a timeout.
    quietSays: { curl: 'connect.timeout', mpop: 'server.protocol-error', fetchmail: 'server.protocol-error' },
  },
  {
    id: 'unknown-host',
    setup: 'unknown-host',
    category: 'connect.dns',
    port: 'tls',
    security: 'implicit',
  },
];

const RAW_DOVECOT: readonly RawScenario[] = [
  {
    id: 'retr-before-login',
    setup: 'dovecot',
    category: 'command.state',
    port: 'plain',
    steps: [{ send: 'RETR 1' }],
  },
  {
    id: 'stat-before-login',
    setup: 'dovecot',
    category: 'command.state',
    port: 'plain',
    steps: [{ send: 'STAT' }],
  },
  {
    id: 'list-before-login',
    setup: 'dovecot',
    category: 'command.state',
    port: 'plain',
    steps: [
      { send: 'CAPA', multiline: true },
      { send: 'LIST', multiline: true },
    ],
  },
  {
    id: 'pass-first',
    setup: 'dovecot',
    category: 'command.state',
    port: 'plain',
    steps: [{ send: `PASS ${PASSWORD}` }],
  },
  {
    id: 'user-after-login',
    setup: 'dovecot',
    category: 'command.state',
    port: 'plain',
    steps: [...login, { send: `USER ${USER}` }],
  },
  {
    id: 'pass-after-login',
    setup: 'dovecot',
    category: 'command.state',
    port: 'plain',
    steps: [...login, { send: 'STAT' }, { send: `PASS ${PASSWORD}` }],
  },
  {
    id: 'stls-twice',
    setup: 'dovecot',
    category: 'command.state',
    port: 'plain',
    steps: [{ send: 'STLS', startTls: true }, { send: 'STLS' }],
  },
  {
    id: 'stls-after-login',
    setup: 'dovecot',
    category: 'command.state',
    port: 'plain',
    steps: [...login, { send: 'STLS' }],
  },
  {
    id: 'dele-then-retr',
    setup: 'dovecot',
    category: 'message.deleted',
    port: 'plain',
    steps: [...login, { send: 'DELE 2' }, { send: 'RETR 2', multiline: true }],
  },
  {
    id: 'dele-then-list',
    setup: 'dovecot',
    category: 'message.deleted',
    port: 'plain',
    steps: [...login, { send: 'STAT' }, { send: 'DELE 2' }, { send: 'LIST 2' }],
  },
  {
    id: 'dele-then-top',
    setup: 'dovecot',
    category: 'message.deleted',
    port: 'plain',
    steps: [...login, { send: 'DELE 2' }, { send: 'TOP 2 0', multiline: true }],
  },
  {
    id: 'dele-twice',
    setup: 'dovecot',
    category: 'message.deleted',
    port: 'plain',
    steps: [...login, { send: 'DELE 1' }, { send: 'DELE 1' }],
  },
  {
    id: 'retr-out-of-range',
    setup: 'dovecot',
    category: 'message.not-found',
    port: 'plain',
    steps: [...login, { send: 'STAT' }, { send: 'RETR 9', multiline: true }],
  },
  {
    id: 'list-zero',
    setup: 'dovecot',
    category: 'message.not-found',
    port: 'plain',
    steps: [...login, { send: 'LIST 0' }],
  },
  {
    id: 'unknown-command',
    setup: 'dovecot',
    category: 'command.unknown',
    port: 'plain',
    steps: [...login, { send: 'XTND XMIT' }],
  },
  {
    id: 'retr-no-number',
    setup: 'dovecot',
    category: 'command.syntax',
    port: 'plain',
    steps: [...login, { send: 'RETR abc', multiline: true }],
  },
  {
    id: 'top-missing-lines',
    setup: 'dovecot',
    category: 'command.syntax',
    port: 'plain',
    steps: [...login, { send: 'TOP 1', multiline: true }],
  },
  {
    id: 'auth-cram-md5',
    setup: 'dovecot',
    category: 'auth.mechanism',
    port: 'plain',
    steps: [{ send: 'CAPA', multiline: true }, { send: 'AUTH CRAM-MD5' }],
  },
  {
    id: 'raw-wrong-password',
    setup: 'dovecot',
    category: 'auth.failed',
    port: 'plain',
    steps: [{ send: `USER ${USER}` }, { send: 'PASS correct-horse' }],
    lastLineSays: true,
    logRules: authLogs,
  },
  {
    id: 'raw-plaintext-refused',
    setup: 'dovecot-plaintext-off',
    category: 'tls.required',
    port: 'plain',
    steps: [{ send: 'CAPA', multiline: true }, { send: `USER ${USER}` }],
    lastLineSays: true,
  },
  {
    id: 'raw-stls-unavailable',
    setup: 'dovecot-no-tls',
    category: 'tls.unavailable',
    port: 'plain',
    steps: [{ send: 'CAPA', multiline: true }, { send: 'STLS' }],
    lastLineSays: true,
  },
  {
    id: 'raw-locked',
    setup: 'dovecot-lock',
    category: 'mailbox.locked',
    port: 'plain',
    holdSession: true,
    steps: login,
    lastLineSays: true,
  },
  {
    id: 'raw-too-many',
    setup: 'dovecot-limit',
    category: 'mailbox.too-many-sessions',
    port: 'plain',
    holdSession: true,
    steps: login,
    lastLineSays: true,
  },
  {
    id: 'raw-mailbox-unreadable',
    setup: 'dovecot-broken-mailbox',
    category: 'server.temporary',
    port: 'plain',
    steps: [...login, { send: 'STAT' }],
  },
];

/**
 * The same situations against GNU Mailutils pop3d, popa3d and solid-pop3d. Their words differ (Mailutils
 * "[AUTH] Bad login", popa3d a bare "-ERR", solid-pop3d "unknown command"), the situations do not. None of
 * them says which part of a login was wrong, so a failed login is `auth.failed`; AUTH is a command popa3d
 * and solid-pop3d do not implement (`command.unknown`), while Mailutils knows it but offers no CRAM-MD5.
 */
type OtherServer = 'mailutils' | 'popa3d' | 'solid-pop3d';
const OTHER_SERVERS: readonly OtherServer[] = ['mailutils', 'popa3d', 'solid-pop3d'];
const PORTABLE_RAW = [
  'retr-before-login',
  'stat-before-login',
  'pass-first',
  'user-after-login',
  'pass-after-login',
  'dele-then-retr',
  'dele-then-list',
  'dele-then-top',
  'dele-twice',
  'retr-out-of-range',
  'list-zero',
  'unknown-command',
  'retr-no-number',
  'top-missing-lines',
  'raw-wrong-password',
];
/**
 * Their logs do say which part of a login was wrong: an unknown user has its own line (Mailutils
 * "nonexistent", popa3d "UNKNOWN USER", solid-pop3d "no such user", pam_unix "user unknown"), so a failure
 * logged for a named user is a wrong password. pam_unix's own "authentication failure" line is generic.
 */
const otherLogs: Record<OtherServer, LogRule[]> = {
  mailutils: [
    { match: /nonexistent/, category: 'auth.unknown-user' },
    { match: /authentication failed/, category: 'auth.bad-password' },
  ],
  popa3d: [
    { match: /user unknown|UNKNOWN USER/, category: 'auth.unknown-user' },
    { match: /Authentication failed for \S+$/, category: 'auth.bad-password' },
    { match: /pam_unix.*authentication failure/, category: 'auth.failed' },
  ],
  'solid-pop3d': [
    { match: /no such user|user unknown/, category: 'auth.unknown-user' },
    { match: /authentication failed for user/, category: 'auth.bad-password' },
    { match: /pam_unix.*authentication failure/, category: 'auth.failed' },
  ],
};

function otherClientScenarios(server: OtherServer): ClientScenario[] {
  const logs = { logRules: otherLogs[server] };
  const list: ClientScenario[] = [
    {
      id: 'wrong-password',
      setup: server,
      category: 'auth.failed',
      port: 'plain',
      security: 'plain',
      password: 'wrong horse',
      ...logs,
    },
    {
      id: 'unknown-user',
      setup: server,
      category: 'auth.failed',
      port: 'tls',
      security: 'implicit',
      user: 'alicia',
      ...logs,
    },
    {
      id: 'tls-to-plain-port',
      setup: server,
      category: 'tls.mismatch',
      port: 'plain',
      security: 'implicit',
      timeoutS: 6,
    },
    {
      id: 'plain-to-tls-port',
      setup: server,
      category: 'tls.mismatch',
      port: 'tls',
      security: 'plain',
      timeoutS: 6,
    },
  ];
  if (server === 'mailutils')
    list.push(
      {
        id: 'plaintext-refused',
        setup: 'mailutils-stls-required',
        // Mailutils answers USER with "Incorrect state"; only a transcript with its CAPA (XTLSREQUIRED) shows why.
        quietSays: { fetchmail: 'auth.failed', any: 'command.state' },
        category: 'tls.required',
        port: 'plain',
        security: 'plain',
      },
      {
        id: 'stls-unavailable',
        setup: 'mailutils-no-tls',
        category: 'tls.unavailable',
        port: 'plain',
        security: 'stls',
        clients: ['fetchmail', 'mpop', 'curl', 'poplib'],
      },
    );
  else
    list.push({
      id: 'stls-unavailable',
      setup: server,
      category: 'tls.unavailable',
      port: 'plain',
      security: 'stls',
      clients: ['fetchmail', 'mpop', 'curl', 'poplib'],
    });
  return list;
}

function otherRawScenarios(server: OtherServer): RawScenario[] {
  const base = RAW_DOVECOT.filter((s) => PORTABLE_RAW.includes(s.id)).map((s) => ({
    ...s,
    setup: server as Setup,
    logRules: s.id === 'raw-wrong-password' ? otherLogs[server] : undefined,
  }));
  const cram = RAW_DOVECOT.find((s) => s.id === 'auth-cram-md5')!;
  const stls = RAW_DOVECOT.find((s) => s.id === 'raw-stls-unavailable')!;
  const more: RawScenario[] = [
    { ...cram, setup: server, category: server === 'mailutils' ? 'auth.mechanism' : 'command.unknown' },
    { ...stls, setup: server === 'mailutils' ? 'mailutils-no-tls' : server, lastLineSays: false },
  ];
  if (server === 'mailutils') {
    for (const id of ['stls-twice', 'stls-after-login', 'raw-plaintext-refused']) {
      const s = RAW_DOVECOT.find((r) => r.id === id)!;
      more.push({
        ...s,
        setup: id === 'raw-plaintext-refused' ? 'mailutils-stls-required' : 'mailutils',
        lastLineSays: false,
      });
    }
  }
  return [...base, ...more].map((s) => {
    const { logRules, ...rest } = s;
    return logRules ? { ...rest, logRules } : rest;
  });
}

const COURIER = courierScenarios();
export const CLIENT_SCENARIOS: readonly ClientScenario[] = [
  ...CLIENT_DOVECOT,
  ...OTHER_SERVERS.flatMap(otherClientScenarios),
  ...cyrusClientScenarios(),
  ...COURIER.client,
];
export const RAW_SCENARIOS: readonly RawScenario[] = [
  ...RAW_DOVECOT,
  ...OTHER_SERVERS.flatMap(otherRawScenarios),
  ...cyrusRawScenarios(
    RAW_DOVECOT.filter((s) => PORTABLE_RAW.includes(s.id)),
    RAW_DOVECOT,
  ),
  ...COURIER.raw,
];
