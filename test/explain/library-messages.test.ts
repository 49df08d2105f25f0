import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { findQuotedErrors } from '../../src/explain/prose/quoted-errors.js';

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

describe('debug traces: a note that a step failed yields to the line that says why', () => {
  // Jakarta Mail 2.0 with session.setDebug(true): the trace suppresses the login exchange, notes the failure,
  // and the exception after it carries the reply (fake-login-delay, java-debug).
  const JAKARTA_DEBUG = [
    'DEBUG POP3: connecting to host "127.0.0.1", port 44365, isSSL false',
    '+OK fake POP3 ready',
    'CAPA',
    '+OK',
    'USER',
    'RESP-CODES',
    'LOGIN-DELAY 900',
    '.',
    'DEBUG POP3: Attempt to authenticate using mechanisms: LOGIN PLAIN NTLM XOAUTH2 ',
    'DEBUG POP3: Using mechanism LOGIN',
    'DEBUG POP3: authentication command trace suppressed',
    'DEBUG POP3: authentication command failed',
    'QUIT',
    '+OK Logging out.',
    'Exception in thread "main" jakarta.mail.AuthenticationFailedException: [LOGIN-DELAY] Logged in too recently, wait 15 minutes.',
  ].join('\n');

  it('the exception after "authentication command failed" decides', () => {
    const findings = explain(JAKARTA_DEBUG, { lang: 'en' }).findings;
    expect(findings.map((f) => f.category)).toEqual(['auth.login-delay']);
  });

  it('the note alone still says the login failed', () => {
    expect(first('DEBUG POP3: authentication command failed')?.category).toBe('auth.failed');
  });
});

describe("a script's own words before a colon, the server's after it", () => {
  it('Net::POP3: a server that refuses USER/PASS, whatever words it adds, refuses the login method', () => {
    expect(first('Cannot log in: USER/PASS authentication is not allowed.')?.category).toBe('auth.mechanism');
  });

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

describe('a reply without its status sign, carried as the reason a step failed, breaks the protocol', () => {
  it.each([
    ['Net::POP3', 'Cannot log in: OK Logged in.'],
    [
      'Jakarta Mail',
      'Exception in thread "main" jakarta.mail.AuthenticationFailedException: Unexpected response: OK Logged in.',
    ],
    [
      'Ruby Net::POP3',
      "/usr/lib/ruby/gems/3.1.0/gems/net-pop-0.1.1/lib/net/pop.rb:1006:in `check_response_auth': OK Logged in. (Net::POPAuthenticationError)",
    ],
  ])('%s', (_library, output) => {
    expect(first(output)?.category).toBe('server.protocol-error');
  });

  it('a signed reply is no such thing', () => {
    expect(first('Cannot log in: -ERR [AUTH] Authentication failed.')?.category).toBe('auth.failed');
  });
});

describe('a quote that shows no command', () => {
  it('movemail\'s "Authentication failed" quoted in a French chat is a refused login, not a refused OAuth2 token', () => {
    const chat =
      "Quelqu'un peut m'expliquer cette erreur ? Je lance movemail depuis cron et ça ne marche plus : « movemail: mailbox `pop://alice@127.0.0.1:43103': cannot open: Authentication failed »";
    expect(first(chat)?.category).toBe('auth.failed');
  });
});

describe('a chat quoting a program that quotes a name (GNU movemail, fr and vi catalogues)', () => {
  const FR =
    "Quelqu'un peut m'expliquer cette erreur ? Je lance movemail depuis cron et ça ne marche plus : « movemail: boîte aux lettres « pop://alice@127.0.0.1:44365 » : impossible d'ouvrir : L'authentification a échoué »";
  const VI =
    'Cho mình hỏi lỗi này là sao? Mình chạy movemail bằng cron và tự nhiên không tải được thư nữa: “movemail: hộp thư “pop://alice@127.0.0.1:39589”: không thể mở: Lỗi xác thực”';

  it('the outer quote is found whole, the inner one inside it', () => {
    expect(findQuotedErrors(FR).map((q) => q.text)).toEqual([
      "movemail: boîte aux lettres « pop://alice@127.0.0.1:44365 » : impossible d'ouvrir : L'authentification a échoué",
    ]);
    expect(findQuotedErrors(VI).map((q) => q.text)).toEqual([
      'movemail: hộp thư “pop://alice@127.0.0.1:39589”: không thể mở: Lỗi xác thực',
    ]);
  });

  it('two quotes side by side stay two quotes', () => {
    const texts = findQuotedErrors('« Connexion refusée » puis « Délai dépassé »').map((q) => q.text);
    expect(texts.sort()).toEqual(['Connexion refusée', 'Délai dépassé']);
  });

  it.each([
    ['fr', FR],
    ['vi', VI],
  ])('the quoted message is read on its own words (%s): a refused login', (_lang, chat) => {
    expect(first(chat)?.category).toBe('auth.failed');
  });
});

describe('NeoMutt\'s "Login failed PASS: <reply>" (libraries-live batch 2, tuning part)', () => {
  it('the response code is not words of the reply: "[LOGIN-DELAY]" holds "login", yet the program\'s "Login failed" does not overrule it', () => {
    expect(first('Login failed PASS: [LOGIN-DELAY] Logged in too recently, wait 15 minutes.')?.category).toBe(
      'auth.login-delay',
    );
  });

  it('its French catalogue: « La connexion a échoué PASS: … »', () => {
    expect(
      first('La connexion a échoué PASS: [LOGIN-DELAY] Logged in too recently, wait 15 minutes.')?.category,
    ).toBe('auth.login-delay');
  });
});
