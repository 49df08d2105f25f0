import { Prng } from '../lib/prng.js';
import type { LogStats } from './log.js';
import { LogFile, syslogTime } from './log-file.js';

/**
 * The "100 MB server log": a Dovecot host's syslog, the paste shape src/explain/server-log reads.
 * Mostly ordinary traffic (POP3 and IMAP logins and logouts, LMTP deliveries), with 2 % of the failures
 * Dovecot 2.3 really logs (the shapes of test/fixtures/logs and the captured Dovecot logs): failed logins
 * (with the auth process's line beside them), locked and unreadable mailboxes, plaintext refused, too many
 * connections, and one address guessing passwords now and then.
 */
const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'];
const ID = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789+/';

function id(p: Prng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ID[p.int(0, ID.length - 1)];
  return s;
}

const ip = (p: Prng) => (p.chance(0.5) ? `203.0.113.${p.int(1, 254)}` : `198.51.100.${p.int(1, 254)}`);
const session = (p: Prng) => `session=<${id(p, 16)}>`;

/** Ordinary traffic. */
const NOISE: readonly ((p: Prng) => string)[] = [
  (p) =>
    `dovecot: pop3-login: Login: user=<${p.pick(USERS)}>, method=PLAIN, rip=${ip(p)}, lip=192.0.2.1, mpid=${p.int(1000, 65000)}, TLS, ${session(p)}`,
  (p) =>
    `dovecot: pop3(${p.pick(USERS)})<${p.int(1000, 65000)}><${id(p, 16)}>: Disconnected: Logged out top=0/0, retr=${p.int(0, 9)}/${p.int(0, 90000)}, del=${p.int(0, 9)}/${p.int(0, 9)}, size=${p.int(1000, 900000)}`,
  (p) =>
    `dovecot: imap-login: Login: user=<${p.pick(USERS)}>, method=PLAIN, rip=${ip(p)}, lip=192.0.2.1, mpid=${p.int(1000, 65000)}, TLS, ${session(p)}`,
  (p) =>
    `dovecot: imap(${p.pick(USERS)})<${p.int(1000, 65000)}><${id(p, 16)}>: Logged out in=${p.int(100, 9000)} out=${p.int(1000, 900000)} deleted=0 expunged=0 trashed=0 hdr_count=0 hdr_bytes=0 body_count=0 body_bytes=0`,
  (p) =>
    `dovecot: lmtp(${p.pick(USERS)})<${p.int(1000, 65000)}><${id(p, 16)}>: msgid=<${id(p, 20)}@mail.example.org>: saved mail to INBOX`,
  (p) => `dovecot: lmtp(${p.int(1000, 65000)}): Connect from local`,
  (p) =>
    `dovecot: lmtp(${p.int(1000, 65000)}): Disconnect from local: Client has quit the connection (state=READY)`,
];

/** What goes wrong, as Dovecot logs it. */
const FAILURES: readonly ((p: Prng, out: (line: string) => void) => void)[] = [
  (p, out) => {
    const user = p.pick(USERS);
    const from = ip(p);
    out(`dovecot: auth: passwd-file(${user},${from}): Password mismatch`);
    out(
      `dovecot: pop3-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<${user}>, method=PLAIN, rip=${from}, lip=192.0.2.1, TLS, ${session(p)}`,
    );
  },
  (p, out) => {
    const user = `${p.pick(USERS)}x`;
    out(`dovecot: auth: passwd-file(${user},${ip(p)}): unknown user`);
  },
  (p, out) => {
    const user = p.pick(USERS);
    out(
      `dovecot: pop3(${user})<${p.int(1000, 65000)}><${id(p, 16)}>: Error: Couldn't lock ${user}'s mailbox: Mailbox is locked by another POP3 session`,
    );
  },
  (p, out) =>
    out(
      `dovecot: pop3-login: Login failed: Plaintext authentication disabled: user=<${p.pick(USERS)}>, rip=${ip(p)}, lip=192.0.2.1, ${session(p)}`,
    ),
  (p, out) =>
    out(
      `dovecot: pop3-login: Disconnected: Maximum number of connections from user+IP exceeded (mail_max_userip_connections=10): user=<${p.pick(USERS)}>, method=PLAIN, rip=${ip(p)}, lip=192.0.2.1, TLS, ${session(p)}`,
    ),
  (p, out) => {
    const user = p.pick(USERS);
    out(
      `dovecot: pop3(${user})<${p.int(1000, 65000)}><${id(p, 16)}>: Error: stat(/home/${user}/Maildir/tmp) failed: Permission denied (euid=1000(${user}) egid=1000(${user}) missing +x perm: /home/${user}/Maildir, dir owner missing perms)`,
    );
  },
  (p, out) => {
    // Someone guessing: a burst of names from one address.
    const from = ip(p);
    for (const user of ['admin', 'info', 'test', 'sales', 'office', 'support']) {
      out(
        `dovecot: pop3-login: Aborted login (auth failed, 1 attempts in 2 secs): user=<${user}>, method=PLAIN, rip=${from}, lip=192.0.2.1, ${session(p)}`,
      );
    }
  },
];

/** Writes about `targetBytes` of Dovecot syslog to `file`; deterministic for a seed. */
export function writeServerLog(file: string, targetBytes: number, seed: number): LogStats {
  const p = new Prng(seed);
  // What `grep -c -i pop3` counts.
  const log = new LogFile(file, (line) => /pop3/i.test(line));
  let second = 0;
  const out = (line: string) => {
    second += p.int(0, 1);
    log.line(`${syslogTime('Dec', second)} mail ${line}`);
  };
  try {
    while (log.size < targetBytes) {
      if (p.next() < 0.98) out(p.pick(NOISE)(p));
      else {
        p.pick(FAILURES)(p, out);
        log.stats.injectedErrors++;
      }
    }
  } finally {
    log.close();
  }
  return log.stats;
}
