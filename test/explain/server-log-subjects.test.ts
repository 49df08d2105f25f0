import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { splitLogHeader } from '../../src/explain/server-log/header.js';
import { parseServerLogLine } from '../../src/explain/server-log/parse.js';
import type { LogEvent } from '../../src/explain/server-log/types.js';

// Real lines of the logs-more and proxies captures' tuning parts (test/fixtures/captured/logs-more, proxies):
// Dovecot 2.3.19.1, Courier 1.0.16, GNU Mailutils 3.15, solid-pop3d 0.15, nginx 1.22's mail proxy, perdition.

describe('a log header, in any of the forms servers and journald write', () => {
  const message = 'Disconnected: Connection queue full (no auth attempts in 1 secs): user=<>, rip=127.0.0.84';
  it.each([
    ['journalctl -o short-precise', `Dec 07 05:29:52.172484 vm dovecot[7412]: pop3-login: ${message}`],
    ['journalctl -o short-iso', `2026-12-07T05:29:52+0000 vm dovecot[7412]: pop3-login: ${message}`],
    ['journalctl -o cat', `pop3-login: ${message}`],
    ['rsyslog ISO', `2026-12-07T05:29:52.183372+00:00 vm dovecot: pop3-login: ${message}`],
  ])('%s', (_, line) => {
    const event = parseServerLogLine(line);
    expect(event?.process).toBe('pop3-login');
    expect(event?.event).toBe('process-limit');
  });

  it('reads doveadm log errors, whose level comes before the process', () => {
    const header = splitLogHeader(
      'Dec 07 05:30:21 Fatal: auth: execv(/usr/local/bin/checkpw-ldap) failed: No such file or directory',
    );
    expect(header).toMatchObject({ time: 'Dec 07 05:30:21', program: 'auth' });
    expect(header.message).toBe(
      'Fatal: execv(/usr/local/bin/checkpw-ldap) failed: No such file or directory',
    );
    expect(header.host).toBeUndefined();
  });
});

describe('an event classified by the subject the line names', () => {
  const rows: [string, LogEvent][] = [
    // The authentication back end: missing program, userdb that disagrees, daemon not running, proxy's auth_http.
    [
      'auth: Fatal: execv(/usr/local/bin/checkpw-ldap) failed: No such file or directory',
      'auth-config-error',
    ],
    [
      'Dec 07 05:30:33 vm dovecot[8996]: auth: Error: passwd-file(alice,127.0.0.89,<67pShgRicZp/AABZ>): user not found from userdb',
      'auth-config-error',
    ],
    [
      'Dec  7 05:34:38 vm pop3d: authdaemon: s_connect() failed: No such file or directory',
      'auth-config-error',
    ],
    [
      '2026/12/07 05:28:18 [error] 2456#2456: *211 auth http server 127.0.0.2:42193 did not send server or port while in http auth state, client: 127.0.0.1, server: 127.0.0.2:36229, login: "err500"',
      'auth-config-error',
    ],
    [
      '2026/12/07 05:28:02 [info] 2456#2456: *177 client login failed: "Temporary server problem, try again later" while in http auth state, client: 127.0.0.1, server: 127.0.0.2:36229, login: "tempfail"',
      'auth-backend-error',
    ],
    // Storage: a broken index file is the mailbox's, whatever user the process is named after.
    [
      'pop3(alice)<7936><+0pThARi0a5/AABW>: Error: Mailbox INBOX: Broken file /tmp/x/home/alice/Maildir/dovecot-uidlist line 1: Corrupted header (invalid version number)',
      'storage-error',
    ],
    ["mailbox: can't open mailbox file: /var/mail/alice", 'storage-error'],
    // Limits and the login hand-over: the server's side.
    [
      'Dec 07 05:30:33 vm dovecot[8996]: pop3-login: Disconnected: Internal login failure (pid=9008 id=1): user=<alice>, method=PLAIN, rip=127.0.0.89, lip=127.0.0.71, mpid=9014, session=<67pShgRicZp/AABZ>',
      'process-failure',
    ],
    // The user: a known user's wrong password, in the servers that log unknown users otherwise.
    ["pop3d: user `alice': authentication failed", 'bad-password'],
    [
      'Dec 07 05:36:46 perdition.pop3[21909]: Auth: 127.0.0.1:40072->127.0.0.2:37991 client-secure=plaintext authorisation_id=NONE authentication_id="carol" server="(null):(null)" protocol=POP3 server-secure=plaintext status="failed: Login Disabled"',
      'pop-disabled',
    ],
    [
      'Dec  7 05:39:17 perdition.pop3[25899]: Auth: 127.0.0.1:60540->127.0.0.2:42057 client-secure=plaintext authorisation_id=NONE authentication_id="stranger" server="(null):pop3" protocol=POP3 server-secure=plaintext status="failed: Could not determine server"',
      'unknown-user',
    ],
    // Start-up is no failure, though its words ("core dumps disabled") sound like one.
    [
      'Dec 07 05:20:01 vm dovecot[5897]: master: Info: Dovecot v2.3.19.1 (9b53102964) starting up for pop3 (core dumps disabled)',
      'server-start',
    ],
  ];
  it.each(rows)('%s', (line, event) => {
    expect(parseServerLogLine(line)?.event).toBe(event);
  });

  it.each([
    [
      '2026/12/07 05:33:14 [info] 2456#2456: *830 client sent too many invalid commands while in auth state, client: 127.0.0.1, server: 127.0.0.2:39451',
      'command.unknown',
    ],
    [
      '2026/12/07 05:33:09 [info] 2456#2456: *824 client sent too long command "USER xxxxxxxx" while in auth state, client: 127.0.0.1, server: 127.0.0.2:36229',
      'command.syntax',
    ],
    ['Dec  7 06:05:30 perdition.pop3[6037]: Exiting on signal 13', 'connect.reset'],
    ['Dec  7 05:57:11 perdition.pop3[23949]: Fatal error piping data. Exiting child.', 'connect.reset'],
  ])("a proxy's own line: %s", (line, category) => {
    expect(explain(line).findings.map((f) => f.category)).toEqual([category]);
  });

  it("reads Courier's end of every connection as a normal close, its capital DISCONNECTED as a dropped one", () => {
    // The burst of test/fixtures/captured/logs-more/courier.yaml: each LOGIN FAILED, then LOGOUT, then this.
    expect(
      parseServerLogLine('Dec  7 05:31:21 vm pop3d: Disconnected, ip=[::ffff:127.0.0.121], port=[42549]')
        ?.event,
    ).toBe('logout');
    expect(
      parseServerLogLine(
        'Dec  7 05:31:21 vm imapd: DISCONNECTED, user=alice, ip=[::ffff:127.0.0.121], headers=0',
      )?.event,
    ).toBe('connection-lost');
  });

  it('never keeps the password auth_debug_passwords prints', () => {
    const event = parseServerLogLine(
      "Dec 07 05:31:19 auth: Debug: passwd-file(alice,127.0.0.93,<8lERiQRiraB/AABd>): PLAIN(Passw0rd) != '********'",
    );
    expect(event?.event).toBe('bad-password');
    expect(JSON.stringify(event)).not.toContain('Passw0rd');
  });

  it('says nothing about the start-up line', () => {
    const line =
      'Dec 07 05:20:01 vm dovecot[5897]: master: Info: Dovecot v2.3.19.1 (9b53102964) starting up for pop3 (core dumps disabled)';
    expect(explain(line).findings).toEqual([]);
  });
});

describe('an excerpt, decided by its most telling line', () => {
  it('puts the missing checkpassword program before the login it failed', () => {
    const text = [
      'Dec 07 05:30:21 vm dovecot[8642]: auth: Fatal: execv(/usr/local/bin/checkpw-ldap) failed: No such file or directory',
      'Dec 07 05:30:21 vm dovecot[8642]: auth: Error: checkpassword(alice,127.0.0.88,<LAaghQRiHYh/AABY>): Child 8685 exited with status 84',
      'Dec 07 05:30:23 vm dovecot[8642]: pop3-login: Disconnected: Aborted login by logging out (auth service reported temporary failure): user=<alice>, method=PLAIN, rip=127.0.0.88, lip=127.0.0.71, session=<LAaghQRiHYh/AABY>',
    ].join('\n');
    expect(explain(text).findings[0]?.category).toBe('server.permanent');
  });

  it("ties a PAM module's line to its process by the pid", () => {
    const text = [
      'Dec 07 05:33:47 vm solid-pop3d[14286]: pam_unix(solid-pop3d:auth): authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=  user=alice',
      'Dec 07 05:33:47 vm solid-pop3d[14286]: authentication failed for user alice - 127.0.0.100',
    ].join('\n');
    expect(explain(text).findings[0]?.category).toBe('auth.bad-password');
  });

  it('lets most of a burst decide, not its first failure', () => {
    const tried = ['office', 'info', 'admin', 'sales'];
    const text = [
      'Dec  7 05:31:16 vm authdaemond: supplied password does not match encrypted password',
      'Dec  7 05:31:16 vm pop3d: LOGIN FAILED, user=alice, ip=[::ffff:127.0.0.121], port=[42549]',
      ...tried.flatMap((user, i) => [
        `Dec  7 05:31:16 vm authdaemond: userdb: looking up '${user}'`,
        'Dec  7 05:31:16 vm authdaemond: userdb: entry not found',
        `Dec  7 05:31:16 vm pop3d: LOGIN FAILED, user=${user}, ip=[::ffff:127.0.0.121], port=[${46487 + i}]`,
      ]),
    ].join('\n');
    const findings = explain(text).findings;
    expect(findings[0]?.category).toBe('auth.unknown-user');
    // Nothing is dropped: the wrong password is still there.
    expect(findings.map((f) => f.category)).toContain('auth.bad-password');
    // Two failures are no burst: the order stays the paste's.
    const two = text.split('\n').slice(0, 5).join('\n');
    expect(explain(two).findings[0]?.category).toBe('auth.bad-password');
  });
});
