import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';

/**
 * What POP libraries print when a step fails, read for what their message carries after their own words.
 * Every text is a real output of the libraries-live capture, tuning part (scripts/libraries-live,
 * test/fixtures/captured/libraries-live): Jakarta Mail 2.0 exceptions, Perl Net::POP3 and Mail::POP3Client
 * `die` lines.
 */

const first = (paste: string) => explain(paste, { lang: 'en' }).findings[0];

describe("a library's exception class names the step; what it carries says why", () => {
  it('Jakarta Mail: a [LOGIN-DELAY] reply inside AuthenticationFailedException is a login delay', () => {
    const f = first(
      'Exception in thread "main" jakarta.mail.AuthenticationFailedException: [LOGIN-DELAY] Logged in too recently, wait 15 minutes.',
    );
    expect(f?.category).toBe('auth.login-delay');
    expect(f?.responseCode).toBe('LOGIN-DELAY');
  });

  it('Jakarta Mail: "Read timed out" inside AuthenticationFailedException is a timeout, not a refused login', () => {
    expect(
      first('Exception in thread "main" jakarta.mail.AuthenticationFailedException: Read timed out')
        ?.category,
    ).toBe('connect.timeout');
  });

  it('Jakarta Mail: a plain refused login keeps the class entry (nothing more specific is carried)', () => {
    const f = first(
      'Exception in thread "main" jakarta.mail.AuthenticationFailedException: [AUTH] Your account has been suspended.',
    );
    expect(f?.category).toBe('auth.account-disabled');
  });
});

describe("a script's own words before a colon, the server's after it", () => {
  it('Net::POP3 `die "Cannot log in: " . $pop->message` with [SYS/TEMP] is a temporary server problem', () => {
    expect(
      first('Cannot log in: [SYS/TEMP] Internal error occurred. Refer to server log for more information.')
        ?.category,
    ).toBe('server.temporary');
  });

  it("Net::POP3: Dovecot's RETR wording after the script's words is a message that does not exist", () => {
    expect(first("Cannot retrieve message 99: There's no message 99.")?.category).toBe('message.not-found');
  });

  it('Mail::POP3Client: the reply after "Bad return from RETR:" answers RETR', () => {
    expect(
      first("Cannot retrieve message 99: Bad return from RETR: -ERR There's no message 99.")?.category,
    ).toBe('message.not-found');
  });

  it('a sentence with a colon and no known words after it gives nothing to read', () => {
    expect(first('Note: the weather is nice today and the garden needs water.')).toBeUndefined();
  });
});
