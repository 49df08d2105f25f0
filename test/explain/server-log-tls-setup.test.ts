import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { parseServerLogLine } from '../../src/explain/server-log/parse.js';

// Dovecot's login process that cannot load its own certificate or key: no tuning text of any set shows it (the
// class came with the server-log event rules), so the lines are Dovecot's format strings as its entry cites them;
// the lines that must not change are real ones from the tuning part of logs-more.

describe("Dovecot that cannot load its certificate or key cannot provide TLS, and says so on the server's side", () => {
  it.each([
    "Mar  2 10:00:00 mx dovecot: pop3-login: Error: Failed to initialize SSL server context: Can't load SSL certificate (ssl_cert setting): The certificate is empty: user=<>, rip=192.0.2.7, lip=192.0.2.1, session=<Ab12Cd34Ef56>",
    "Mar  2 10:00:00 mx dovecot: pop3-login: Fatal: Couldn't parse private ssl_key: error:0906D06C:PEM routines:PEM_read_bio:no start line: Expecting: ANY PRIVATE KEY",
  ])('%s', (line) => {
    expect(parseServerLogLine(line)?.entry).toBe('log-tls-server-setup-failed');
    // Not a refused login, as the words "key" and "failed" alone read before.
    expect(explain(line).findings[0]?.category).toBe('tls.unavailable');
  });

  it('keeps a client speaking plain text to the TLS port a port mix-up (logs-more, tuning)', () => {
    const line =
      'Dec 07 05:28:44 vm dovecot[5773]: pop3-login: Disconnected: Connection closed: SSL_accept() failed: error:0A00010B:SSL routines::wrong version number (no auth attempts in 0 secs): user=<>, rip=127.0.0.77, lip=127.0.0.71, TLS handshaking: SSL_accept() failed: error:0A00010B:SSL routines::wrong version number, session=<V9zZfwRiR4B/AABN>';
    expect(parseServerLogLine(line)?.entry).toBeUndefined();
    expect(explain(line).findings[0]?.category).toBe('tls.mismatch');
  });

  it("keeps doveconf's fatal error about a missing file a server that cannot start (LukeSmithxyz/emailwiz#92)", () => {
    const line =
      "Nov 07 16:12:53 Photography-M dovecot[9198]: doveconf: Fatal: Error in configuration file /etc/dovecot/dovecot.conf line 12: ssl_dh: Can't open file /usr/share/dovecot/dh.pem: No such file or directory";
    expect(parseServerLogLine(line)?.entry).toBe('log-service-start-failed');
  });
});
