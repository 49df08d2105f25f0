import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { parseServerLogLine } from '../../src/explain/server-log/parse.js';

// Real pastes from the tuning part of reports batch 3 (test/fixtures/captured/reports/reports.batch-3.yaml):
// Dovecot that cannot start, or cannot keep its POP processes running, until an administrator acts.

describe('Dovecot that cannot start its POP service is the server, for good', () => {
  it("reads doveconf's fatal configuration error under the dovecot wrapper (shukiv/jabali-panel#36)", () => {
    const text = [
      "Mar 14 04:29:38 web03 systemd[1]: dovecot.service: Failed with result 'exit-code'.",
      'Mar 14 04:29:38 web03 systemd[1]: Failed to start dovecot.service - Dovecot IMAP/POP3 email server.',
      'Mar 14 04:30:40 web03 dovecot[2040]: doveconf: Fatal: Error in configuration file /etc/dovecot/conf.d/10-ssl.conf line 59: ssl_cert: Unknown setting: ssl_cert',
    ].join('\n');
    const event = parseServerLogLine(text.split('\n')[2]!);
    expect(event?.process).toBe('doveconf');
    expect(event?.entry).toBe('log-service-start-failed');
    const [finding] = explain(text).findings;
    expect(finding?.category).toBe('server.permanent');
    expect(finding?.lineNumber).toBe(3);
  });

  it('reads it inside `systemctl status` output (LukeSmithxyz/emailwiz#92)', () => {
    const text = [
      '● dovecot.service - Dovecot IMAP/POP3 email server',
      '   Active: failed (Result: exit-code) since Sat 2020-11-07 16:12:53 GMT; 22min ago',
      "Nov 07 16:12:53 Photography-M dovecot[9198]: doveconf: Fatal: Error in configuration file /etc/dovecot/dovecot.conf line 12: ssl_dh: Can't open file /usr/share/dovecot/dh.pem: No such file or directory",
      'Nov 07 16:12:53 Photography-M systemd[1]: Failed to start Dovecot IMAP/POP3 email server.',
    ].join('\n');
    expect(explain(text).findings[0]?.entry).toBe('log-service-start-failed');
  });

  it('reads the master killing login processes that never report ready before the kills it causes (docker-mailserver#1893)', () => {
    const text = [
      'Apr  9 23:08:14 mail dovecot: master: Error: service(pop3-login): Initial status notification not received in 30 seconds, killing the process',
      'Apr  9 23:08:14 mail dovecot: pop3-login: Fatal: master: service(pop3-login): child 22298 killed with signal 9',
    ].join('\n');
    expect(explain(text).findings[0]?.category).toBe('server.permanent');
    // A child killed alone is a process that failed and may come back: it stays temporary.
    expect(explain(text.split('\n')[1]!).findings[0]?.category).toBe('server.temporary');
  });

  it("keeps the master's restart throttling a temporary process failure", () => {
    // docker-mailserver#1275's line: the throttling alone does not say the service can never start.
    const line =
      'Sep 29 08:00:24 mail dovecot: master: Error: service(imap-login): command startup failed, throttling for 2 secs';
    expect(parseServerLogLine(line)?.entry).toBeUndefined();
    expect(explain(line).findings[0]?.category).toBe('server.temporary');
  });
});
