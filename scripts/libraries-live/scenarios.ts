import type { FakeServerOptions, FakeSession, Handler } from '../../test/support/fake-pop-server.js';

/**
 * What each library is run into: a real Dovecot (the faults a real server gives), a closed port, and the
 * scriptable fake server for the replies a Dovecot won't give. `expected` is the category the scenario is
 * built to show; the label of each text is decided from the text (labels.ts), the scenario only proposes it.
 */

export type Security = 'none' | 'stls' | 'implicit';
export type Op = 'list' | 'uidl' | `retr:${number}` | `dele-retr:${number}`;

export interface Scenario {
  id: string;
  expected: string;
  server: 'dovecot' | 'dovecot-locked' | 'closed' | 'fake';
  /** Which of Dovecot's listeners (ignored for the fake and the closed port). */
  port?: 'plain' | 'tls';
  /** 127.0.0.2 is not "secure" for Dovecot: plain-text logins are refused there. */
  host?: string;
  security: Security;
  user?: 'alice' | 'nobody' | 'deleter';
  password?: 'right' | 'wrong';
  op: Op;
  fake?: FakeServerOptions;
  /** The tools that can play this scenario (all unless told). */
  tools?: readonly string[];
  /** Whether the run ends by a timeout (the harness waits longer and runs fewer locales). */
  slow?: boolean;
}

const reply =
  (line: string): Handler =>
  (s) =>
    s.write(line);

/** A whole mailbox for the fake's logged-in sessions: LIST, RETR, DELE, TOP answer as a small server. */
export const MAILBOX_HANDLERS: Record<string, Handler> = {
  LIST: (s, args) => {
    if (!s.loggedIn) return s.write('-ERR Unknown AUTHORIZATION state command');
    if (args) return s.write(`+OK ${args} 120`);
    s.write('+OK 2 messages (320 octets)');
    s.write('1 120');
    s.write('2 200');
    s.write('.');
  },
  RETR: (s, args) => {
    if (!s.loggedIn) return s.write('-ERR Unknown AUTHORIZATION state command');
    s.write('+OK 120 octets');
    s.write('From: test@example.com');
    s.write(`Subject: message ${args}`);
    s.write('');
    s.write('Hello');
    s.write('.');
  },
  DELE: (s, args) => s.write(`+OK Message ${args} deleted.`),
  TOP: (s) => {
    s.write('+OK');
    s.write('From: test@example.com');
    s.write('');
    s.write('.');
  },
  APOP: reply('-ERR [AUTH] Authentication failed.'),
};

const atLogin = (line: string): Record<string, Handler> => ({
  PASS: reply(line),
  AUTH: reply(line),
  APOP: reply(line),
});

const COMMANDS = [
  'CAPA',
  'USER',
  'PASS',
  'AUTH',
  'APOP',
  'STLS',
  'STAT',
  'LIST',
  'UIDL',
  'RETR',
  'TOP',
  'DELE',
  'NOOP',
  'RSET',
  'QUIT',
];

/** Another protocol's server on the port: every POP command gets that protocol's answer to an unknown one. */
const otherProtocol = (answer: (command: string) => string): Record<string, Handler> =>
  Object.fromEntries(COMMANDS.map((c) => [c, reply(answer(c))]));

const closeAtOnce = (s: FakeSession) => s.close();

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'dovecot/wrong-password',
    expected: 'auth.failed',
    server: 'dovecot',
    port: 'plain',
    security: 'none',
    password: 'wrong',
    op: 'list',
  },
  {
    id: 'dovecot/unknown-user',
    expected: 'auth.failed',
    server: 'dovecot',
    port: 'plain',
    security: 'none',
    user: 'nobody',
    op: 'list',
  },
  {
    id: 'dovecot/plaintext-refused',
    expected: 'tls.required',
    server: 'dovecot',
    port: 'plain',
    host: '127.0.0.2',
    security: 'none',
    op: 'list',
  },
  {
    id: 'dovecot/plain-to-tls-port',
    expected: 'tls.mismatch',
    server: 'dovecot',
    port: 'tls',
    security: 'none',
    op: 'list',
    slow: true,
  },
  {
    id: 'dovecot/tls-to-plain-port',
    expected: 'tls.mismatch',
    server: 'dovecot',
    port: 'plain',
    security: 'implicit',
    op: 'list',
  },
  {
    id: 'dovecot/untrusted-certificate',
    expected: 'tls.certificate',
    server: 'dovecot',
    port: 'tls',
    security: 'implicit',
    op: 'list',
  },
  {
    id: 'dovecot/stls-untrusted-certificate',
    expected: 'tls.certificate',
    server: 'dovecot',
    port: 'plain',
    security: 'stls',
    op: 'list',
    tools: ['php', 'net-pop3', 'java'],
  },
  {
    id: 'dovecot/mailbox-locked',
    expected: 'mailbox.locked',
    server: 'dovecot-locked',
    port: 'plain',
    security: 'none',
    op: 'list',
    slow: true,
  },
  {
    id: 'dovecot/retr-nonexistent',
    expected: 'message.not-found',
    server: 'dovecot',
    port: 'plain',
    security: 'none',
    op: 'retr:99',
    tools: ['php', 'net-pop3', 'mail-pop3client', 'ruby', 'java', 'node-pop3', 'yapople'],
  },
  {
    id: 'dovecot/retr-deleted',
    expected: 'message.deleted',
    server: 'dovecot',
    port: 'plain',
    security: 'none',
    user: 'deleter',
    op: 'dele-retr:2',
    tools: ['net-pop3', 'mail-pop3client', 'ruby', 'java', 'node-pop3', 'yapople'],
  },
  {
    id: 'closed/connection-refused',
    expected: 'connect.refused',
    server: 'closed',
    security: 'none',
    op: 'list',
  },
  {
    id: 'fake/no-greeting',
    expected: 'connect.timeout',
    server: 'fake',
    security: 'none',
    op: 'list',
    fake: { greeting: null },
    slow: true,
  },
  {
    id: 'fake/eof-before-greeting',
    expected: 'connect.reset',
    server: 'fake',
    security: 'none',
    op: 'list',
    fake: { greeting: closeAtOnce },
  },
  {
    id: 'fake/smtp-greeting',
    expected: 'connect.wrong-service',
    server: 'fake',
    security: 'none',
    op: 'list',
    fake: {
      greeting: '220 mx.example.com ESMTP Postfix (Debian/GNU)',
      handlers: otherProtocol(() => '502 5.5.2 Error: command not recognized'),
    },
  },
  {
    id: 'fake/imap-greeting',
    expected: 'connect.wrong-service',
    server: 'fake',
    security: 'none',
    op: 'list',
    fake: {
      greeting:
        '* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN] Dovecot (Debian) ready.',
      handlers: otherProtocol((c) => `${c} BAD Error in IMAP command received by server.`),
    },
  },
  {
    id: 'fake/sys-temp',
    expected: 'server.temporary',
    server: 'fake',
    security: 'none',
    op: 'list',
    fake: {
      handlers: atLogin('-ERR [SYS/TEMP] Internal error occurred. Refer to server log for more information.'),
    },
  },
  {
    id: 'fake/login-delay',
    expected: 'auth.login-delay',
    server: 'fake',
    security: 'none',
    op: 'list',
    fake: {
      capabilities: ['TOP', 'USER', 'UIDL', 'RESP-CODES', 'LOGIN-DELAY 900'],
      handlers: atLogin('-ERR [LOGIN-DELAY] Logged in too recently, wait 15 minutes.'),
    },
  },
  {
    id: 'fake/too-many-sessions',
    expected: 'mailbox.too-many-sessions',
    server: 'fake',
    security: 'none',
    op: 'list',
    fake: {
      handlers: atLogin(
        '-ERR [IN-USE] Maximum number of connections from user+IP exceeded (mail_max_userip_connections=10)',
      ),
    },
  },
  {
    id: 'fake/account-disabled',
    expected: 'auth.account-disabled',
    server: 'fake',
    security: 'none',
    op: 'list',
    fake: { handlers: atLogin('-ERR [AUTH] Your account has been suspended.') },
  },
  {
    id: 'fake/mechanism-not-offered',
    expected: 'auth.mechanism',
    server: 'fake',
    security: 'none',
    op: 'list',
    fake: {
      capabilities: ['TOP', 'UIDL', 'RESP-CODES', 'SASL XOAUTH2'],
      handlers: {
        USER: reply('-ERR USER/PASS authentication is not allowed.'),
        AUTH: reply('-ERR Unsupported authentication mechanism.'),
        APOP: reply('-ERR APOP not supported.'),
      },
    },
  },
  {
    id: 'fake/unknown-command',
    expected: 'command.unknown',
    server: 'fake',
    security: 'none',
    op: 'uidl',
    fake: { handlers: { UIDL: reply('-ERR Unknown command: UIDL') } },
    tools: ['php', 'net-pop3', 'mail-pop3client', 'ruby', 'java', 'node-pop3', 'movemail'],
  },
  {
    id: 'fake/drop-after-login',
    expected: 'connect.reset',
    server: 'fake',
    security: 'none',
    op: 'list',
    fake: { handlers: { PASS: closeAtOnce, AUTH: closeAtOnce } },
  },
  {
    id: 'fake/garbled-reply',
    expected: 'server.protocol-error',
    server: 'fake',
    security: 'none',
    op: 'list',
    fake: { handlers: atLogin('OK Logged in.') },
  },
  {
    id: 'fake/message-unreadable',
    expected: 'message.unavailable',
    server: 'fake',
    security: 'none',
    op: 'retr:1',
    fake: {
      handlers: { RETR: reply('-ERR Message can not load.'), TOP: reply('-ERR Message can not load.') },
    },
    tools: ['php', 'net-pop3', 'mail-pop3client', 'ruby', 'java', 'node-pop3', 'yapople', 'movemail'],
  },
];
