import {
  type FakeServerOptions,
  type FakeSession,
  type Handler,
  startFakePopServer,
} from '../../test/support/fake-pop-server.js';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PASSWORD } from '../capture/scenarios.js';

/**
 * Faults a real Dovecot will not produce on demand, played by the tests' scriptable POP server
 * (test/support/fake-pop-server.ts) on a loopback address and the plain POP port: response codes of
 * RFC 2449 and RFC 3206 at login, a lock or a connection limit in other servers' words, STLS refused or
 * broken, a greeting and then silence, a connection dropped in the middle of RETR, a message already
 * deleted or gone. Each reply is written as the server sends it, so the client shows its own words around it.
 */

export type FakeSetup =
  | 'fake-login-delay'
  | 'fake-in-use'
  | 'fake-sys-temp'
  | 'fake-pop-disabled'
  | 'fake-maildrop-locked'
  | 'fake-too-many-sessions'
  | 'fake-account-disabled'
  | 'fake-shutdown'
  | 'fake-no-apop'
  | 'fake-stls-refused'
  | 'fake-stls-broken'
  | 'fake-greeting-silence'
  | 'fake-closed-mid-retr'
  | 'fake-message-deleted'
  | 'fake-no-such-message'
  | 'fake-server-busy'
  | 'fake-idle-timeout'
  | 'fake-imap-answers';

export const isFakeSetup = (setup: string): setup is FakeSetup => setup.startsWith('fake-');

const USER_NAME = 'alice';
const SERVER = 'scripted POP server (test/support/fake-pop-server.ts)';
const MESSAGE = [
  'Return-Path: <bob@example.net>',
  'From: Bob <bob@example.net>',
  'To: Alice <alice@example.com>',
  'Subject: Minutes of Monday',
  'Date: Mon, 7 Dec 2026 04:12:00 +0000',
  'Message-ID: <minutes-7@example.net>',
  '',
  ...Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of the minutes, as agreed on Monday.`),
];
const MESSAGE_SIZE = MESSAGE.reduce((n, l) => n + l.length + 2, 0);

/** The transaction commands the fake lacks by default, answered as a small healthy maildrop does. */
const MAILDROP: Record<string, Handler> = {
  LIST: (s, args) => {
    if (args) return s.write(`+OK ${args} ${MESSAGE_SIZE}`);
    s.write(`+OK 1 messages (${MESSAGE_SIZE} octets)`);
    s.write(`1 ${MESSAGE_SIZE}`);
    s.write('.');
  },
  STAT: (s) => s.write(`+OK 1 ${MESSAGE_SIZE}`),
  UIDL: (s, args) => {
    if (args) return s.write(`+OK ${args} 00000001583a7c2b`);
    s.write('+OK');
    s.write('1 00000001583a7c2b');
    s.write('.');
  },
  RETR: (s) => {
    s.write(`+OK ${MESSAGE_SIZE} octets`);
    for (const l of MESSAGE) s.write(l.startsWith('.') ? `.${l}` : l);
    s.write('.');
  },
  DELE: (s, args) => s.write(`+OK Message ${args} deleted`),
};

/** A PASS (or APOP) that the server answers with `reply`, whatever the password. */
const refuseLogin = (reply: string): Record<string, Handler> => ({
  PASS: (s) => s.write(reply),
  APOP: (s) => s.write(reply),
});

/** What each fake setup plays, and how its provenance describes it. */
const FAKES: Record<FakeSetup, { config: string; options: FakeServerOptions }> = {
  'fake-login-delay': {
    config: "PASS answered '-ERR [LOGIN-DELAY] …' (RFC 2449 §8.1.1), LOGIN-DELAY 900 in CAPA",
    options: {
      capabilities: ['TOP', 'USER', 'UIDL', 'RESP-CODES', 'LOGIN-DELAY 900'],
      handlers: refuseLogin('-ERR [LOGIN-DELAY] Minimum time between mail checks is 15 minutes'),
    },
  },
  'fake-in-use': {
    config: "PASS answered '-ERR [IN-USE] …' (RFC 2449 §8.1.2)",
    options: { handlers: refuseLogin('-ERR [IN-USE] Mailbox is locked by another POP3 session') },
  },
  'fake-sys-temp': {
    config: "PASS answered '-ERR [SYS/TEMP] …' (RFC 3206)",
    options: { handlers: refuseLogin('-ERR [SYS/TEMP] Temporary server error, please try again later') },
  },
  'fake-pop-disabled': {
    config: "PASS answered '-ERR [SYS/PERM] Your account is not enabled for POP access'",
    options: { handlers: refuseLogin('-ERR [SYS/PERM] Your account is not enabled for POP access') },
  },
  'fake-maildrop-locked': {
    config: "PASS answered '-ERR Unable to lock maildrop: another session is active' (no response code)",
    options: { handlers: refuseLogin('-ERR Unable to lock maildrop: another session is active') },
  },
  'fake-too-many-sessions': {
    config: "PASS answered '-ERR [IN-USE] Too many simultaneous connections for alice'",
    options: {
      handlers: refuseLogin('-ERR [IN-USE] Too many simultaneous connections for alice, try again later'),
    },
  },
  'fake-account-disabled': {
    config: "PASS answered '-ERR [AUTH] Account disabled'",
    options: { handlers: refuseLogin('-ERR [AUTH] Account disabled, contact your administrator') },
  },
  'fake-shutdown': {
    config: "PASS answered '-ERR Server shutting down.' and the connection closed",
    options: {
      handlers: {
        PASS: (s) => {
          s.write('-ERR Server shutting down.');
          s.close();
        },
      },
    },
  },
  'fake-no-apop': {
    config:
      'a greeting without an APOP timestamp, CAPA without SASL (USER only): APOP and CRAM-MD5 not offered',
    options: {
      greeting: '+OK POP3 server ready',
      capabilities: ['TOP', 'USER', 'UIDL', 'RESP-CODES'],
    },
  },
  'fake-stls-refused': {
    config: "STLS in CAPA, STLS answered '-ERR TLS not available due to temporary reason'",
    options: {
      capabilities: ['STLS', 'TOP', 'USER', 'UIDL', 'RESP-CODES'],
      handlers: { STLS: (s) => s.write('-ERR TLS not available due to temporary reason') },
    },
  },
  'fake-stls-broken': {
    config:
      "STLS in CAPA, answered '+OK Begin TLS negotiation now.', then plain text instead of a TLS handshake",
    options: {
      capabilities: ['STLS', 'TOP', 'USER', 'UIDL', 'RESP-CODES'],
      handlers: {
        STLS: (s) => {
          s.write('+OK Begin TLS negotiation now.');
          setTimeout(() => {
            s.write('-ERR [SYS/TEMP] TLS initialization failed');
            s.close();
          }, 200);
        },
      },
    },
  },
  'fake-greeting-silence': {
    config: 'a greeting, then no answer to any command (the connection kept open)',
    options: {
      greeting: '+OK POP3 server ready',
      handlers: Object.fromEntries(
        ['CAPA', 'USER', 'PASS', 'AUTH', 'STLS', 'QUIT', 'NOOP'].map((c) => [c, () => undefined]),
      ),
    },
  },
  'fake-closed-mid-retr': {
    config: 'login and LIST/UIDL answered, RETR 1 cut after its first lines (connection closed)',
    options: {
      handlers: {
        RETR: (s: FakeSession) => {
          s.write(`+OK ${MESSAGE_SIZE} octets`);
          for (const l of MESSAGE.slice(0, 9)) s.write(l);
          s.socket.destroy();
        },
      },
    },
  },
  'fake-message-deleted': {
    config: "RETR 1 answered '-ERR Message is deleted.'",
    options: { handlers: { RETR: (s) => s.write('-ERR Message is deleted.') } },
  },
  'fake-no-such-message': {
    config: "LIST shows message 1, RETR 1 answered '-ERR There's no message 1.'",
    options: { handlers: { RETR: (s, args) => s.write(`-ERR There's no message ${args}.`) } },
  },
  'fake-server-busy': {
    config: "the greeting '-ERR [SYS/TEMP] Server busy, try again later', then the connection closed",
    options: {
      greeting: (s) => {
        s.write('-ERR [SYS/TEMP] Server busy, try again later');
        s.close();
      },
    },
  },
  'fake-idle-timeout': {
    config: "USER answered '-ERR Disconnected for inactivity.' and the connection closed",
    options: {
      handlers: {
        USER: (s) => {
          s.write('-ERR Disconnected for inactivity.');
          s.close();
        },
        AUTH: (s) => {
          s.write('-ERR Disconnected for inactivity.');
          s.close();
        },
      },
    },
  },
  'fake-imap-answers': {
    config: "an IMAP server's greeting '* OK [CAPABILITY IMAP4rev1 …] Dovecot ready.' and IMAP's BAD",
    options: {
      greeting: '* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+] Dovecot ready.',
      handlers: Object.fromEntries(
        ['CAPA', 'USER', 'PASS', 'AUTH', 'STLS', 'QUIT'].map((c) => [
          c,
          (s: FakeSession) => s.write(`${c} BAD Error in IMAP command received by server.`),
        ]),
      ),
    },
  },
};

/** Starts a fake setup in a child process (fake-server-main.ts), resolved once it listens. */
export async function spawnFakeSetup(setup: FakeSetup, host: string, port: number): Promise<FakeRunning> {
  const main = join(dirname(fileURLToPath(import.meta.url)), 'fake-server-main.js');
  const child = spawn(process.execPath, [main, setup, host, String(port)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`fake server ${setup} exited (${code})`)));
  });
  return {
    host,
    plainPort: port,
    tlsPort: port,
    server: SERVER,
    config: FAKES[setup].config,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface FakeRunning {
  host: string;
  plainPort: number;
  tlsPort: number;
  server: string;
  config: string;
  stop(): Promise<void>;
}

/** Starts a fake setup on `host` and `port` (STLS, where offered, is in its CAPA): what the account points at. */
export async function startFakeSetup(setup: FakeSetup, host: string, port: number): Promise<FakeRunning> {
  const fake = FAKES[setup];
  // No SASL unless told: the clients log in with USER and PASS, which the scenarios answer.
  const server = await startFakePopServer({
    mode: 'plain',
    capabilities: ['TOP', 'USER', 'UIDL', 'RESP-CODES'],
    users: { [USER_NAME]: PASSWORD },
    ...fake.options,
    handlers: { ...MAILDROP, ...fake.options.handlers },
    host,
    port,
  });
  return {
    host,
    plainPort: port,
    tlsPort: port,
    server: SERVER,
    config: fake.config,
    stop: () => server.close(),
  };
}
