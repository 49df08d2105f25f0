import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { classifyByWords } from '../../src/explain/fallback/classify.js';

const first = (text: string) => explain(text, { lang: 'en' }).findings[0];

describe('the fallback in the explainer', () => {
  it.each([
    ['-ERR [SYS/PERM] pop not allowed for user', 'auth.pop-disabled'],
    ['-ERR [AUTH] Plaintext authentication disabled', 'tls.required'],
    ['-ERR [AUTH] Web login required', 'auth.app-password'],
    ['-ERR [SYS/TEMP] POP3 access disabled for this domain', 'auth.pop-disabled'],
  ])('a specific wording beats a generic response code: %s → %s', (line, category) => {
    expect(first(line)?.category).toBe(category);
  });

  it('a -ERR no entry knows gets the category its words say, with those words and a low confidence', () => {
    const f = first('-ERR Hộp thư đang bị khóa bởi một phiên khác');
    expect(f?.category).toBe('mailbox.locked');
    expect(f?.confidence).toBeLessThanOrEqual(0.55);
    // The user sees the words that decided it.
    expect(f?.because).toContain('khóa');
  });

  // Sylpheed's log lines (gui-more capture, tuning part) and Evolution's dialog (its catalogue's msgids).
  it.each([
    [
      '[05:44:19] * message: Connecting to POP3 server: 127.0.0.2...\n[05:44:34] ** warning: Connection failed.',
    ],
    [
      '[05:45:10] * message: Connexion au serveur POP3 : 127.0.0.2...\n[05:45:30] ** warning: La connexion a échoué.',
    ],
    [
      '[05:46:12] * message: Đang kết nối tới máy chủ POP3: 127.0.0.2...\n[05:46:34] ** warning: Kết nối thất bại.',
    ],
    ['Could not connect, check your network'],
  ])('a program that says only that it could not connect could not open the connection: %s', (text) => {
    const f = first(text);
    expect(f?.category).toBe('connect.refused');
    // Read from the words, and the words are shown.
    expect(f?.confidence).toBeLessThanOrEqual(0.55);
    expect(f?.because).toMatch(/connect|connexion|kết nối/i);
  });

  it('"could not connect" frames a dialog whose next line says what failed: the cause leads', () => {
    const dialog = explain(
      'Unable to connect to POP server pop.example.com.\nError sending password: -ERR [AUTH] Authentication failed.',
    );
    expect(dialog.findings.map((f) => f.category)).toEqual(['auth.failed']);
    // A time-out named on the same line is the cause, not the frame.
    expect(first('mpop: could not connect to pop.example.net: timed out')?.category).toBe('connect.timeout');
  });

  it.each([
    // ksmtp (KDE) catalogue, tuning part.
    ['Connection to server lost.', 'connect.reset'],
    ['Interruption de la connexion au serveur.', 'connect.reset'],
    // Delta Chat's French catalogue, tuning part: « connexion en tant que » is a login.
    [
      'Connexion en tant que « alice@example.net » impossible. Vérifiez que votre adresse courriel et votre mot de passe sont corrects.',
      'auth.failed',
    ],
    // Claws Mail's French catalogue: « connexion » alone is the connection.
    ['La connexion vers pop.example.net a échoué.', 'connect.refused'],
    // Xfce's mail watcher, Vietnamese catalogue (tuning part): the account name and the password together.
    ['Xác minh thất bại. Có phải phần tên tài khoản hoặc mật khẩu bị sai?', 'auth.failed'],
    // Perl's own words for a module it cannot find, as Mail::POP3Client prints them for IO::Socket::SSL.
    [
      "Could not load Authen::SASL: Can't locate Authen/SASL.pm in @INC (you may need to install the Authen::SASL module)",
      'client.unsupported',
    ],
  ])('a program line read from its words: %s → %s', (text, category) => {
    const f = first(text);
    expect(f?.category).toBe(category);
    expect(f?.confidence).toBeLessThanOrEqual(0.55);
  });

  it("a fallback finding borrows the advice of its category's generic entry, not the unknown reply's", () => {
    const f = first(
      "Could not load Authen::SASL: Can't locate Authen/SASL.pm in @INC (you may need to install the Authen::SASL module)",
    );
    expect(f?.entry).toBe('client-feature-missing');
    expect(f?.userSteps.join(' ')).toMatch(/install/i);
  });

  it.each([
    // Thunderbird for Android's catalogue (catalogues-more, tuning part): no entry knows these wordings.
    ['Port is invalid (must be 1–65535).', 'client.config', 'client-setting-not-valid'],
    ['Cổng không hợp lệ (phải là 1–65535).', 'client.config', 'client-setting-not-valid'],
    // FairEmail's catalogue (catalogues-more, tuning part), the hint no entry matches.
    ['You might need to use an app password', 'auth.app-password', 'app-password-needed'],
    [
      'Vous devrez éventuellement utiliser un mot de passe d’application',
      'auth.app-password',
      'app-password-needed',
    ],
  ])(
    'a fallback finding of a setting or an app password borrows its generic entry: %s',
    (text, category, entry) => {
      const f = first(text);
      expect(f?.category).toBe(category);
      expect(f?.entry).toBe(entry);
      expect(f?.because).toBeDefined();
    },
  );

  it('a POP server that could not connect could not reach the server behind it: a temporary server fault', () => {
    // perdition (proxies capture, tuning part) with its back end down.
    const paste =
      '+OK POP3 perditon ready on 127.0.0.2 00031e50\nUSER backenddown\n+OK USER backenddown set, mate\nPASS guess123\n-ERR failed: Could not connect to server';
    expect(first(paste)?.category).toBe('server.temporary');
    // A program's own "could not connect" is its connection, not a server's back end.
    expect(first('mpop: could not connect to pop.example.net')?.category).toBe('connect.refused');
  });

  it('French « connexion » with the user it was for is a login, read from the words alone', () => {
    // Thunderbird's French catalogue (tuning part), as the fallback reads it without Thunderbird's entry.
    const words = classifyByWords(
      'Échec de la connexion depuis le serveur pop.example.net avec le nom d’utilisateur alice.',
      'client',
    );
    expect(words.category).toBe('auth.failed');
    expect(words.decidedBy).toContain('utilisateur');
  });

  it('"unsuccessful" says a failure as "failed" does', () => {
    // KMail's POP3 resource catalogue (tuning part), as the fallback reads it without KMail's entry.
    const words = classifyByWords(
      'Your POP3 server claims to support TLS but negotiation was unsuccessful. You can disable TLS in the POP account settings dialog.',
      'client',
    );
    expect(words).toMatchObject({ category: 'tls.unavailable' });
    expect(words.decidedBy).toContain('unsuccessful');
  });

  it('a -ERR whose words say nothing stays unknown', () => {
    expect(first('-ERR purple monkey dishwasher')?.category).toBe('unknown');
  });

  it('a response code alone still explains a reply whose words say nothing more', () => {
    expect(first('-ERR [SYS/PERM] zzz')?.category).toBe('server.permanent');
  });
});
