import { Prng } from '../lib/prng.js';
import type { Examples } from './examples.js';
import { LogFile, syslogTime } from './log-file.js';

/**
 * The "100 MB generated log": what `popbot explain --summary` is for, a mail host's log with
 * fetchmail sessions in it. Mostly ordinary traffic (Dovecot and Postfix syslog lines, successful POP
 * sessions), with the knowledge base's real error lines mixed in: -ERR replies after their command, and
 * the client/server log lines of its client entries.
 */
const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'];
const DOMAINS = ['example.net', 'example.org', 'mail.example.com'];
const MONTHS = ['Nov'];
const ID = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789';

function id(prng: Prng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ID[prng.int(0, ID.length - 1)];
  return s;
}

function ip(prng: Prng): string {
  return prng.chance(0.5) ? `203.0.113.${prng.int(1, 254)}` : `198.51.100.${prng.int(1, 254)}`;
}

function user(prng: Prng): string {
  return `${prng.pick(USERS)}@${prng.pick(DOMAINS)}`;
}

/** Ordinary traffic: what most of a mail host's log is. */
const NOISE: readonly ((p: Prng) => string)[] = [
  (p) =>
    `mx dovecot: pop3-login: Login: user=<${user(p)}>, method=PLAIN, rip=${ip(p)}, lip=192.0.2.1, mpid=${p.int(1000, 65000)}, TLS, session=<${id(p, 16)}>`,
  (p) =>
    `mx dovecot: pop3(${user(p)})<${p.int(1000, 65000)}><${id(p, 16)}>: Disconnected: Logged out top=0/0, retr=${p.int(0, 9)}/${p.int(0, 90000)}, del=${p.int(0, 9)}/${p.int(0, 9)}, size=${p.int(1000, 900000)}`,
  (p) => `mx postfix/smtpd[${p.int(1000, 65000)}]: connect from unknown[${ip(p)}]`,
  (p) =>
    `mx postfix/smtpd[${p.int(1000, 65000)}]: ${id(p, 10).toUpperCase()}: client=mail-${id(p, 6).toLowerCase()}.outbound.example.org[${ip(p)}]`,
  (p) =>
    `mx postfix/cleanup[${p.int(1000, 65000)}]: ${id(p, 10).toUpperCase()}: message-id=<${id(p, 20)}@mail.example.org>`,
  (p) =>
    `mx postfix/qmgr[${p.int(1000, 65000)}]: ${id(p, 10).toUpperCase()}: from=<${user(p)}>, size=${p.int(1000, 200000)}, nrcpt=1 (queue active)`,
  (p) =>
    `mx postfix/lmtp[${p.int(1000, 65000)}]: ${id(p, 10).toUpperCase()}: to=<${user(p)}>, relay=mx[private/dovecot-lmtp], delay=0.${p.int(10, 99)}, delays=0.1/0/0/0.05, dsn=2.0.0, status=sent (250 2.0.0 <${user(p)}> ${id(p, 22)} Saved)`,
  (p) =>
    `mx postfix/smtpd[${p.int(1000, 65000)}]: disconnect from unknown[${ip(p)}] ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7`,
  (p) =>
    `mx dovecot: lmtp(${user(p)})<${p.int(1000, 65000)}><${id(p, 16)}>: msgid=<${id(p, 20)}@mail.example.org>: saved mail to INBOX`,
  (p) => `mx CRON[${p.int(1000, 65000)}]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)`,
];

/** A successful fetchmail poll, as `fetchmail -v` logs it through syslog. */
function session(p: Prng, out: (line: string) => void): void {
  const u = user(p);
  const n = p.int(0, 3);
  out(`host fetchmail[${p.int(1000, 65000)}]: POP3< +OK Dovecot (Debian) ready.`);
  out(`host fetchmail[${p.int(1000, 65000)}]: POP3> CAPA`);
  out(`host fetchmail[${p.int(1000, 65000)}]: POP3< +OK`);
  for (const cap of ['TOP', 'UIDL', 'RESP-CODES', 'PIPELINING', 'USER', 'SASL PLAIN']) {
    out(`host fetchmail[${p.int(1000, 65000)}]: POP3< ${cap}`);
  }
  out(`host fetchmail[${p.int(1000, 65000)}]: POP3< .`);
  out(`host fetchmail[${p.int(1000, 65000)}]: POP3> USER ${u}`);
  out(`host fetchmail[${p.int(1000, 65000)}]: POP3< +OK`);
  out(`host fetchmail[${p.int(1000, 65000)}]: POP3> PASS *`);
  out(`host fetchmail[${p.int(1000, 65000)}]: POP3< +OK Logged in.`);
  out(`host fetchmail[${p.int(1000, 65000)}]: POP3> STAT`);
  out(`host fetchmail[${p.int(1000, 65000)}]: POP3< +OK ${n} ${n * p.int(2000, 9000)}`);
  for (let i = 1; i <= n; i++) {
    out(`host fetchmail[${p.int(1000, 65000)}]: POP3> RETR ${i}`);
    out(`host fetchmail[${p.int(1000, 65000)}]: POP3< +OK ${p.int(2000, 9000)} octets`);
    out(
      `host fetchmail[${p.int(1000, 65000)}]: reading message ${u}@mail.example.net:${i} of ${n} (${p.int(2000, 9000)} octets) flushed`,
    );
    out(`host fetchmail[${p.int(1000, 65000)}]: POP3> DELE ${i}`);
    out(`host fetchmail[${p.int(1000, 65000)}]: POP3< +OK Marked to be deleted.`);
  }
  out(`host fetchmail[${p.int(1000, 65000)}]: POP3> QUIT`);
  out(`host fetchmail[${p.int(1000, 65000)}]: POP3< +OK Logging out.`);
}

export interface LogStats {
  bytes: number;
  lines: number;
  /** Lines the reference grep counts: holding "-ERR" (a session log), "pop3" in any case (a server log). */
  errLines: number;
  /** Error lines of every kind the bench put in. */
  injectedErrors: number;
}

/** Writes about `targetBytes` of log to `file`; deterministic for a seed. */
export function writeLog(file: string, targetBytes: number, examples: Examples, seed: number): LogStats {
  const p = new Prng(seed);
  const log = new LogFile(file, (line) => line.includes('-ERR'));
  let second = 0;
  const out = (line: string) => {
    second += p.int(0, 2);
    log.line(`${syslogTime(MONTHS[0]!, second)} ${line}`);
  };
  try {
    while (log.size < targetBytes) {
      const r = p.next();
      if (r < 0.8) {
        out(p.pick(NOISE)(p));
      } else if (r < 0.96) {
        session(p, out);
      } else if (r < 0.98) {
        // A failed poll: the reply is the knowledge base's own example, after the command it answered.
        const e = p.pick(examples.server);
        out(`host fetchmail[${p.int(1000, 65000)}]: POP3< +OK Dovecot (Debian) ready.`);
        out(
          `host fetchmail[${p.int(1000, 65000)}]: POP3> ${e.command.startsWith('PASS') ? 'PASS *' : e.command}`,
        );
        out(`host fetchmail[${p.int(1000, 65000)}]: POP3< ${e.line}`);
        log.stats.injectedErrors++;
      } else if (examples.client.length > 0) {
        // Client entries' examples are whole log lines (a server's auth failure, a program's message).
        log.line(p.pick(examples.client).line);
        log.stats.injectedErrors++;
      }
    }
  } finally {
    log.close();
  }
  return log.stats;
}
