import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { causeOfMessage, logCause } from '../../src/explain/server-log/cause.js';
import { SummaryCounter } from '../../src/explain/summary.js';

// Real texts of the tuning part of the dovecot-faults capture (test/fixtures/captured/dovecot-faults): Dovecot
// 2.3.19.1 broken the ways admins break it, its log lines (rsyslog, its own log file, doveconf at start) and what
// mpop, getmail and curl printed against it.

const rsyslog = (message: string) => `2026-12-08T01:59:47.193314+00:00 vm dovecot: ${message}`;
const CUR_UNREADABLE = rsyslog(
  "pop3(alice)<8850><l99mshVicth/AAAB>: Error: Couldn't init INBOX: Mailbox INBOX: opendir(/var/vmail/home/alice/Maildir/cur) failed: Permission denied (euid=8(mail) egid=8(mail) missing +r perm: /var/vmail/home/alice/Maildir/cur)",
);
const UID_REFUSED =
  'Dec 08 02:04:19 pop3(alice): Error: Mail access for users with UID 1 not permitted (see first_valid_uid in config file, uid from userdb lookup).';
const WORKAROUND_TYPO =
  'doveconf: Fatal: Error in configuration file /etc/dovecot/dovecot.conf: pop3_client_workarounds: Unknown workaround: outlook-no-nul';
const AUTH_SOCKET_GONE = rsyslog(
  'pop3-login: Error: auth-client: conn unix:login: connect(login) failed: No such file or directory',
);

describe("a server's error line, read for its own cause (what the admin fixes)", () => {
  it('takes the system error of the last failed call, the path, and who lacked which permission', () => {
    expect(logCause(CUR_UNREADABLE)).toEqual({
      error: 'Permission denied',
      call: 'opendir',
      path: '/var/vmail/home/alice/Maildir/cur',
      runAs: '8(mail)',
      missing: 'r',
      missingOn: '/var/vmail/home/alice/Maildir/cur',
    });
    const [finding] = explain(CUR_UNREADABLE, { lang: 'en' }).findings;
    expect(finding?.category).toBe('mailbox.unavailable');
    expect(finding?.because).toBe(
      'the server wrote its own cause, “Permission denied” (opendir of /var/vmail/home/alice/Maildir/cur); the process ran as euid 8(mail) and lacks the +r permission on /var/vmail/home/alice/Maildir/cur.',
    );
    expect(explain(CUR_UNREADABLE, { lang: 'fr' }).findings[0]?.because).toContain(
      '«\u00a0Permission denied\u00a0» (opendir sur /var/vmail/home/alice/Maildir/cur)',
    );
    expect(explain(CUR_UNREADABLE, { lang: 'vi' }).findings[0]?.because).toContain('thiếu quyền +r trên');
  });

  it('takes the words after the last colon when no call is named', () => {
    expect(
      causeOfMessage("pop3(alice)<12591><Xp0jwRViXtZ/AAAB>: Error: Couldn't open INBOX: Permission denied"),
    ).toEqual({ error: 'Permission denied' });
    expect(
      causeOfMessage(
        'pop3(alice)<9056><QBkesxViBqR/AAAB>: Error: mail_location not set and autodetection failed: Mail storage autodetection failed with home=/srv/vmail//alice',
      ),
    ).toEqual({ error: 'Mail storage autodetection failed with home=/srv/vmail//alice' });
  });

  it('names the setting a refused uid points to, as a configuration fault', () => {
    expect(logCause(UID_REFUSED)).toEqual({
      error: 'Mail access for users with UID 1 not permitted',
      setting: 'first_valid_uid',
    });
    const [finding] = explain(UID_REFUSED).findings;
    expect(finding).toMatchObject({ category: 'server.permanent', entry: 'log-auth-config-error' });
    expect(finding?.because).toContain('the setting to check: first_valid_uid');
  });

  it("reads doveconf's refusal without a line number, with its setting and its file", () => {
    const [finding] = explain(WORKAROUND_TYPO).findings;
    expect(finding).toMatchObject({ category: 'server.permanent', entry: 'log-service-start-failed' });
    expect(finding?.because).toBe(
      'the server wrote its own cause, “Unknown workaround: outlook-no-nul” (in /etc/dovecot/dovecot.conf); the setting to check: pop3_client_workarounds.',
    );
    // In a Vietnamese question too, where nothing else says it is about mail.
    const chat = `Mình mới cài Dovecot trên Debian 12, thư không tải về được, nhật ký báo:\n\n${WORKAROUND_TYPO}\n\nAi biết lỗi gì không ạ?`;
    expect(explain(chat).findings[0]?.category).toBe('server.permanent');
  });

  it('reads a login process that cannot reach the auth process as the auth service failing, for now', () => {
    const [finding] = explain(AUTH_SOCKET_GONE).findings;
    expect(finding).toMatchObject({ category: 'server.temporary', entry: 'log-auth-backend-error' });
    expect(finding?.because).toContain('“No such file or directory” (connect of login)');
  });

  it("reads the other servers' forms of a cause: Cyrus's syserror, OpenSSL's reason, perdition's context", () => {
    // Real tuning lines of the cyrus, reports (mailcow-dockerized#1718) and proxies captures.
    expect(
      logCause(
        'Dec  7 00:56:57 vm cyrus/pop3s[21401]: IOERROR: opening index failed: mailbox=<user.alice> error=<System I/O error> syserror=<Permission denied> func=<mailbox_open_advanced>',
      ),
    ).toEqual({ error: 'Permission denied' });
    expect(
      logCause(
        'dovecot: pop3-login: Disconnected (no auth attempts in 0 secs): user=<>, rip=x.x.x.x lip=172.22.1.2, TLS handshaking: SSL_accept() failed: error:1417A0C1:SSL routines:tls_post_process_client_hello:no shared cipher',
      ),
    ).toEqual({ error: 'no shared cipher' });
    expect(
      logCause(
        'Dec  7 05:36:36 perdition.pop3[21629]: Error loading certificate authority: file="/etc/ssl/proxy-test/ca.pem" path="/etc/perdition/perdition.ca/"',
      ),
    ).toEqual({ error: 'Error loading certificate authority' });
  });

  it('gives no cause for a failed login: that is the user, not the server', () => {
    const line =
      'Dec 07 05:27:48 vm dovecot[4103]: auth: passwd-file(alice,127.0.0.72,<tjWEfARiw4B/AABI>): Password mismatch';
    expect(logCause(line)).toBeUndefined();
  });

  it('counts a day of these faults per category (explain --summary)', () => {
    const counter = new SummaryCounter();
    for (const line of [
      CUR_UNREADABLE,
      rsyslog(
        "pop3(alice)<9547><MbqMtBViwpd/AAAB>: Error: Couldn't init INBOX: Timeout while waiting for lock",
      ),
      AUTH_SOCKET_GONE,
      rsyslog(
        'pop3(alice): Error: Mail access for users with UID 1 not permitted (see first_valid_uid in config file, uid from userdb lookup).',
      ),
      rsyslog(
        'pop3-login: Login: user=<alice>, method=PLAIN, rip=127.0.0.1, lip=127.0.0.121, mpid=12843, session=<UZBBwhVi+st/AAAB>',
      ),
    ])
      counter.push(line);
    expect(counter.result().categories.map((c) => [c.category, c.count])).toEqual([
      ['mailbox.locked', 1],
      ['mailbox.unavailable', 1],
      ['server.permanent', 1],
      ['server.temporary', 1],
    ]);
  });
});

describe("a client quoting Dovecot's storage fault: its words, not the generic code", () => {
  it('is a mailbox that cannot be opened when STAT is answered with the system error', () => {
    const mpop = [
      'mpop: command STAT failed',
      'mpop: POP3 server message: -ERR [SYS/PERM] Permission denied',
      'mpop: error during mail retrieval',
    ].join('\n');
    const [finding] = explain(mpop).findings;
    expect(finding).toMatchObject({ category: 'mailbox.unavailable', entry: 'mailbox-storage-system-error' });
    expect(finding?.command).toBe('STAT');
    // getmail does not show the command: the system-error code keeps it from APOP's "permission denied".
    const getmail =
      "getmailrc: operation error (POP error (b'-ERR [SYS/PERM] Permission denied') - if your server does not support the UIDL command, use BrokenUIDLPOP3Retriever instead)";
    expect(explain(getmail).findings[0]?.category).toBe('mailbox.unavailable');
    // APOP's own refusal is still a refused login.
    expect(explain('C: APOP alice 0123456789abcdef\nS: -ERR permission denied').findings[0]?.category).toBe(
      'auth.failed',
    );
  });

  it("is a lock another process holds, not an idle session, when the server's timeout is the lock's", () => {
    const mpop = [
      'mpop: command STAT failed',
      'mpop: POP3 server message: -ERR [SYS/TEMP] Timeout while waiting for lock',
      'mpop: error during mail retrieval',
    ].join('\n');
    expect(explain(mpop).findings[0]).toMatchObject({
      category: 'mailbox.locked',
      entry: 'dovecot-lock-wait-timeout',
    });
    expect(explain('-ERR [AUTH] Timeout').findings[0]?.category).not.toBe('mailbox.locked');
  });
});
