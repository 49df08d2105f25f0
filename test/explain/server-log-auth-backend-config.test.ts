import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { parseServerLogLine } from '../../src/explain/server-log/parse.js';

// Real lines from the tuning part of reports batch 2 (test/fixtures/captured/reports/reports.batch-2.yaml):
// Dovecot logs pasted in public issue threads whose cause was the server's own authentication set-up.

describe("Dovecot's passdb or userdb back end set up wrong is the server's configuration", () => {
  it.each([
    // docker-mailserver#142: Dovecot 2.0-2.2 name no path before the colon.
    'mail_1 | Apr 20 00:55:25 mail dovecot: auth: Error: passwd-file: open(/etc/dovecot/userdb) failed: No such file or directory',
    // opensolutions/ViMbAdmin#266: the stored hash is in no scheme Dovecot is set to read.
    'May 18 12:48:40 betalord dovecot: auth-worker(1709475): Error: sql(betalord@betalord.com,127.0.0.1,<GyrF5+ml+Jx/AAAB>): Invalid password in passdb: Not a valid MD5-CRYPT or PLAIN-MD5 password',
    // docker-mailserver#1534: Dovecot's own LDAP bind is refused ("Invalid credentials" is not the user's).
    'Jun 11 13:56:54 mailserver5-mailserver-mailserver-665c6b4bfd-7qsr6 dovecot: auth: Error: LDAP: binding failed (dn cn=admin,dc=siliconhills,dc=dev): Invalid credentials',
    // docker-mailserver#973: the userdb gives the user no UID.
    "May 16 17:53:00 mail dovecot: pop3(user@domain.org): Error: Couldn't drop privileges: User is missing UID (see mail_uid setting)",
  ])('%s', (line) => {
    // docker compose's "service | " prefix is the line reader's to strip, not the log parser's.
    expect(parseServerLogLine(line.replace(/^\w+ \| /, ''))?.event).toBe('auth-config-error');
    expect(explain(line).findings[0]?.category).toBe('server.permanent');
  });

  it("reads the driver that is not built in before the master's restart loop it causes", () => {
    // TritonDataCenter/pkgsrc-legacy#417
    const text = [
      "2016-10-14T15:19:53+02:00 mail dovecot: [ID 583609 mail.crit] auth: Fatal: Support not compiled in for passdb driver 'sql'",
      '2016-10-14T15:19:53+02:00 mail dovecot: [ID 583609 mail.error] master: Error: service(auth): command startup failed, throttling for 2 secs',
    ].join('\n');
    expect(explain(text).findings[0]?.category).toBe('server.permanent');
  });

  it('reads the lookup that failed on the configuration, not the internal failure the login process reports', () => {
    // msimerson/Mail-Toaster-6#195: vpopmail's assign file lacks the domain.
    const text = [
      'Feb 10 20:53:38 dovecot dovecot: auth-worker: Error: Error. Domain muttsing.com was not found in the assign file',
      'Feb 10 20:53:38 dovecot dovecot: auth-worker(53418): vpopmail(johannes@muttsing.com,192.168.0.2,<+3w3dDJIONjAqAAC>): vget_assign(muttsing.com) failed',
      'Feb 10 20:53:38 dovecot dovecot: pop3: Error: Internal auth failure (client-pid=53414 client-id=1)',
      'Feb 10 20:53:38 dovecot dovecot: pop3-login: Internal login failure (pid=53414 id=1) (internal failure, 1 successful auths): user=<johannes@muttsing.com>, method=DIGEST-MD5, rip=192.168.0.2, lip=172.16.15.15, mpid=53420, TLS, session=<+3w3dDJIONjAqAAC>',
    ].join('\n');
    expect(explain(text).findings[0]?.category).toBe('server.permanent');
    // The internal failure alone stays a server-side failure that may pass.
    expect(explain(text.split('\n')[3]!).findings[0]?.category).toBe('server.temporary');
  });

  it("reads the failed query's reason, written on the next line, as the query line's event", () => {
    // sovereign/sovereign#499: the users table does not exist (the playbook's variables were never filled in).
    const query =
      "Feb 18 17:09:47 sovhost dovecot: auth: Error: pgsql: Query failed, aborting: SELECT email AS user, password FROM virtual_users WHERE email = '{{main_user_name}}@{{domain}}';";
    const reason =
      'Feb 18 17:09:47 sovhost dovecot: auth: Error: sql({{main_user_name}}@{{domain}},my.mailclient.ip,<MPB2nhIsVgBRinWu>): Password query failed: ERROR:  relation "virtual_users" does not exist';
    expect(explain(`${query}\n${reason}`).findings[0]?.category).toBe('server.permanent');
    // A line of another second is another event: it keeps its place.
    const later = reason.replace('17:09:47', '17:09:49');
    expect(explain(`${query}\n${later}`).findings[0]?.lineNumber).toBe(1);
  });

  it('keeps a password that does not match a user’s own failure', () => {
    const line =
      'Apr 20 20:49:16 mail dovecot: auth: sql(user@mailserver.com,127.0.0.1,<wosZRp9NrNZ/AAAB>): Password mismatch';
    expect(explain(line).findings[0]?.category).toBe('auth.bad-password');
  });
});

describe('a login process behind HAProxy that does not trust the connecting address', () => {
  it('is a configuration the administrator fixes, with its own advice', () => {
    // Mailu/Mailu#2765: Dovecot 2.3.20 in Mailu 1.9.50 on Kubernetes.
    const text = [
      'Apr 12 09:19:49 master: Info: Dovecot v2.3.20 (80a5ac675d) starting up for imap, pop3, lmtp, sieve',
      'Apr 12 09:19:56 pop3-login: Warning: haproxy: Client not trusted (rip=::1)',
      'Apr 12 09:20:06 pop3-login: Warning: haproxy: Client not trusted (rip=::1)',
    ].join('\n');
    const [first] = explain(text).findings;
    expect(first?.entry).toBe('log-proxy-header-untrusted');
    expect(first?.category).toBe('server.permanent');
    expect(explain(text, { lang: 'fr' }).findings[0]?.title).toMatch(/protocole proxy/);
  });
});
