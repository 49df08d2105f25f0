import { describe, expect, it } from 'vitest';
import { findQuotedErrors } from '../../src/explain/prose/quoted-errors.js';

const texts = (message: string) => findQuotedErrors(message).map((f) => f.text);

describe('errors inside prose, in the three languages', () => {
  it.each([
    [
      'Outlook keeps saying “The server responded: -ERR [IN-USE] Mailbox busy” every morning',
      '-ERR [IN-USE] Mailbox busy',
    ],
    [
      'Thunderbird me dit « Échec de la connexion au serveur pop.example.fr » depuis hier',
      'Échec de la connexion au serveur pop.example.fr',
    ],
    [
      "Le serveur a répondu : -ERR Boîte aux lettres verrouillée, pourtant je n'ai qu'un poste",
      "-ERR Boîte aux lettres verrouillée, pourtant je n'ai qu'un poste",
    ],
    ['Outlook báo: Không thể kết nối tới máy chủ POP3', 'Không thể kết nối tới máy chủ POP3'],
    ['máy chủ trả về: -ERR Hộp thư đang bị khóa', '-ERR Hộp thư đang bị khóa'],
    ["my script fails with 'Authentication failed' when I use port 995", 'Authentication failed'],
    ['Error: getaddrinfo ENOTFOUND pop.example.com', 'getaddrinfo ENOTFOUND pop.example.com'],
    ['Erreur : délai d’attente dépassé', 'délai d’attente dépassé'],
    ['Lỗi: Máy chủ không phản hồi', 'Máy chủ không phản hồi'],
    ['I get `-ERR Unknown command` after CAPA', '-ERR Unknown command'],
    [
      "Python says poplib.error_proto: b'-ERR [AUTH] Authentication failed.'",
      '-ERR [AUTH] Authentication failed.',
    ],
  ])('%s', (message, expected) => {
    expect(texts(message)).toContain(expected);
  });

  it('reads the exception line of a stack trace and skips its frames', () => {
    const trace = [
      'javax.mail.AuthenticationFailedException: [AUTH] Invalid credentials (Failure)',
      '\tat com.sun.mail.pop3.POP3Store.protocolConnect(POP3Store.java:213)',
      '\tat javax.mail.Service.connect(Service.java:366)',
      'Caused by: java.net.SocketTimeoutException: Read timed out',
    ].join('\n');
    const found = findQuotedErrors(trace);
    expect(found.map((f) => [f.how, f.text])).toEqual([
      ['exception', '[AUTH] Invalid credentials (Failure)'],
      ['exception', 'Read timed out'],
    ]);
  });

  it('reads every line of a fenced code block', () => {
    const message = [
      'Voici le journal :',
      '```',
      '+OK Dovecot ready.',
      'USER bob',
      '-ERR Unknown user',
      '```',
      'Merci !',
    ].join('\n');
    const found = findQuotedErrors(message).filter((f) => f.how === 'code-block');
    expect(found.map((f) => f.text)).toEqual(['+OK Dovecot ready.', 'USER bob', '-ERR Unknown user']);
  });

  it('finds two errors in one message', () => {
    const found = texts(
      'D’abord « Connexion refusée », puis après redémarrage : “-ERR [SYS/TEMP] Service indisponible”',
    );
    expect(found).toEqual(
      expect.arrayContaining(['Connexion refusée', '-ERR [SYS/TEMP] Service indisponible']),
    );
  });

  it('takes apostrophes for apostrophes', () => {
    expect(texts("L'erreur n'apparaît qu'avec l'ancien mot de passe")).toEqual([]);
    expect(texts("I don't know what's wrong")).toEqual([]);
  });

  it('gives each candidate its place in the line', () => {
    const line = 'It says "-ERR Login failed." twice';
    const [first] = findQuotedErrors(line);
    expect(first && line.slice(first.start, first.end)).toBe('-ERR Login failed.');
  });
});

describe('an error reported without quotes, after the verb of the asker’s sentence', () => {
  it.each([
    // posts batch 3 tuning (znuny/Znuny#259, in the French and Vietnamese questions written around it)
    [
      "La relève en mode débogage s'arrête sur Auth for user xxx/outlook.office365.com failed! alors que le même jeton fonctionne en IMAP.",
      'Auth for user xxx/outlook.office365.com failed!',
    ],
    [
      'chạy lệnh fetch ở chế độ debug thì dừng ở dòng Auth for user xxx/outlook.office365.com failed! trong khi cùng token đó dùng IMAP vẫn được.',
      'Auth for user xxx/outlook.office365.com failed!',
    ],
    // catalogues tuning: NeoMutt's "Login failed", Sylpheed's "Session timed out."
    ['Outlook gives me Login failed every time I check my mail.', 'Login failed'],
    ['Outlook báo Session timed out. mỗi lần nhận thư, em phải làm sao ạ?', 'Session timed out.'],
  ])('%s', (message, expected) => {
    expect(findQuotedErrors(message).find((f) => f.how === 'reported')?.text).toBe(expected);
  });

  it('takes no verb of a quoted message, nor the words a program writes itself', () => {
    // MailKit's own "returned" (posts batch 3 tuning: MailKit#872), inside the asker's quotes.
    const quoted = "j'ai l'exception « Pop3 server returned an invalid response to the STAT command. »";
    expect(findQuotedErrors(quoted).some((f) => f.how === 'reported')).toBe(false);
    expect(
      findQuotedErrors('Pop3 server returned an incomplete response to the UIDL command.').some(
        (f) => f.how === 'reported',
      ),
    ).toBe(false);
  });
});
