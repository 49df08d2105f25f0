import type { RawStep } from '../capture/raw-session.js';
import type { Op, Security } from '../libraries-live/scenarios.js';

/**
 * What is played against Twisted's POP3 server (server.py): the faults it answers with its own -ERR texts.
 * `expected` is the category the scenario is built to show; each text's label is decided from the text
 * (labels.ts). A scenario is played by the programs of `tools` and, typed by hand, as a telnet session (`raw`).
 */
export interface TwistedScenario {
  id: string;
  expected: string;
  user: 'alice' | 'nobody' | 'deleter' | 'broken';
  password: 'right' | 'wrong';
  security: Security;
  op: Op;
  /** The programs that play it (tools.ts names); none: the telnet session alone. */
  tools: readonly string[];
  /** The lines typed at `telnet 127.0.0.1 <port>` after the greeting. */
  raw: readonly RawStep[];
}

const LOGIN: readonly RawStep[] = [{ send: 'USER alice' }, { send: 'PASS correct horse' }];
const LOGIN_TOOLS = ['frm', 'from', 'mail', 'twisted', 'net-pop3', 'movemail'];

export const TWISTED_SCENARIOS: readonly TwistedScenario[] = [
  {
    id: 'twisted-server/wrong-password',
    expected: 'auth.failed',
    user: 'alice',
    password: 'wrong',
    security: 'none',
    op: 'list',
    tools: LOGIN_TOOLS,
    raw: [{ send: 'USER alice' }, { send: 'PASS hunter2' }, { send: 'QUIT' }],
  },
  {
    id: 'twisted-server/unknown-user',
    expected: 'auth.failed',
    user: 'nobody',
    password: 'right',
    security: 'none',
    op: 'list',
    tools: LOGIN_TOOLS,
    raw: [{ send: 'USER nobody' }, { send: 'PASS correct horse' }, { send: 'QUIT' }],
  },
  {
    id: 'twisted-server/mailbox-unavailable',
    expected: 'mailbox.unavailable',
    user: 'broken',
    password: 'right',
    security: 'none',
    op: 'list',
    tools: LOGIN_TOOLS,
    raw: [{ send: 'USER broken' }, { send: 'PASS correct horse' }, { send: 'QUIT' }],
  },
  {
    id: 'twisted-server/retr-nonexistent',
    expected: 'message.not-found',
    user: 'alice',
    password: 'right',
    security: 'none',
    op: 'retr:99',
    tools: ['readmsg', 'twisted', 'net-pop3'],
    raw: [...LOGIN, { send: 'STAT' }, { send: 'RETR 99' }, { send: 'QUIT' }],
  },
  {
    id: 'twisted-server/list-nonexistent',
    expected: 'message.not-found',
    user: 'alice',
    password: 'right',
    security: 'none',
    op: 'list',
    tools: [],
    raw: [...LOGIN, { send: 'LIST 99' }, { send: 'QUIT' }],
  },
  {
    id: 'twisted-server/retr-deleted',
    expected: 'message.deleted',
    user: 'deleter',
    password: 'right',
    security: 'none',
    op: 'dele-retr:2',
    tools: ['twisted', 'net-pop3'],
    raw: [{ send: 'USER deleter' }, { send: 'PASS correct horse' }, { send: 'DELE 2' }, { send: 'RETR 2' }],
  },
  {
    id: 'twisted-server/stls-refused',
    expected: 'tls.unavailable',
    user: 'alice',
    password: 'right',
    security: 'stls',
    op: 'list',
    tools: ['twisted', 'net-pop3'],
    raw: [{ send: 'CAPA', multiline: true }, { send: 'STLS' }, { send: 'QUIT' }],
  },
  {
    id: 'twisted-server/auth-unsupported',
    expected: 'auth.mechanism',
    user: 'alice',
    password: 'right',
    security: 'none',
    op: 'list',
    tools: [],
    raw: [{ send: 'AUTH PLAIN' }, { send: 'QUIT' }],
  },
  {
    id: 'twisted-server/unknown-command',
    expected: 'command.unknown',
    user: 'alice',
    password: 'right',
    security: 'none',
    op: 'list',
    tools: [],
    raw: [...LOGIN, { send: 'XTND XMIT' }, { send: 'QUIT' }],
  },
  {
    id: 'twisted-server/pass-before-user',
    expected: 'command.state',
    user: 'alice',
    password: 'right',
    security: 'none',
    op: 'list',
    tools: [],
    raw: [{ send: 'PASS correct horse' }, { send: 'QUIT' }],
  },
  {
    id: 'twisted-server/top-bad-argument',
    expected: 'command.syntax',
    user: 'alice',
    password: 'right',
    security: 'none',
    op: 'list',
    tools: [],
    raw: [...LOGIN, { send: 'TOP 1 ten' }, { send: 'QUIT' }],
  },
];
