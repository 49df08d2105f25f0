import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { classifyByWords } from '../../src/explain/fallback/classify.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';

/**
 * How the fallback reads a sentence rather than a wording (issue #13, class 4): words that stand apart, a
 * clause that only supposes, the cause after a colon, a guess, a person's words in another sentence, the
 * ways of typing an accent. Every text is a mail program's own catalogue message of the TUNING part
 * (scripts/catalogues/data, a mapping.yaml row that is not held out), its placeholder filled as the program
 * prints it; none is a holdout message. The explainer is also run with no entry at all, so only the fallback
 * can read them.
 */
const full = loadKnowledgeBase();
const bare = new KnowledgeBase(
  full.categories,
  full.entries.map((e) => e.keeping(() => false)),
);

function readsAs(text: string, category: string): void {
  const result = classifyByWords(text, 'client');
  expect(result.category).toBe(category);
  // The deciding words are shown as written (composed accents), and the confidence stays low.
  expect(result.decidedBy.length).toBeGreaterThan(0);
  for (const w of result.decidedBy) expect(text.normalize('NFC')).toContain(w);
  expect(result.confidence).toBeLessThan(0.6);
  expect(explain(text, { lang: 'en' }, bare).findings[0]?.category).toBe(category);
}

// Thunderbird's pop3AuthChangeEncryptToPlainSSL (a tuning message), en/fr/vi.
const THUNDERBIRD_ENCRYPTED = {
  en: "This POP3 server does not seem to support encrypted passwords. If you just set up this account, please try changing to 'Normal password' as the 'Authentication method' in the 'Account Settings | Server settings'. If it used to work and now suddenly fails, please contact your email administrator or provider.",
  fr: 'Ce serveur POP3 ne semble pas gérer les mots de passe chiffrés. Si vous venez juste de configurer ce compte, veuillez modifier la « Méthode d’authentification » pour « Mot de passe normal » dans le menu « Paramètres des comptes | Paramètres serveur ». Si cela fonctionnait auparavant et que cela échoue à présent, veuillez contacter votre administrateur de messagerie ou votre fournisseur.',
  vi: "Máy chủ POP3 dường như không hỗ trợ mật khẩu được mã hóa. Nếu bạn vừa thiết lập tài khoản này, vui lòng thử thay đổi thành 'Mật khẩu thông thường' làm 'Phương thức xác thực' trong 'Cài đặt tài khoản | Cài đặt máy chủ'. Nếu nó đã từng hoạt động và bây giờ đột nhiên bị lỗi, vui lòng liên hệ với quản trị viên email hoặc nhà cung cấp của bạn.",
};

describe('words that stand apart still make one phrase', () => {
  it.each([
    // A hedge between "does not" and "support"; « ne … pas gérer »; the agent inside a Vietnamese passive.
    [THUNDERBIRD_ENCRYPTED.en, 'auth.mechanism'],
    [THUNDERBIRD_ENCRYPTED.fr, 'auth.mechanism'],
    [
      'Kerberos/GSSAPI không được máy chủ POP chấp nhận. Vui lòng kiểm tra xem bạn đã đăng nhập vào Kerberos/GSSAPI chưa.',
      'auth.mechanism',
    ],
    // Vietnamese "could not" around its verb (Mailutils' movemail).
    ['movemail: không đặt được UIDL', 'command.unknown'],
  ])('%s → %s', readsAs);

  it('but not around more words: a Vietnamese passive is no "could not" (GNU SASL)', () => {
    expect(classifyByWords('Lỗi xác thực vì không có mật khẩu được cung cấp.', 'client').category).toBe(
      'client.config',
    );
  });
});

describe('a clause that only supposes says nothing happened', () => {
  it.each(Object.entries(THUNDERBIRD_ENCRYPTED))('%s: what follows "if" is no failure', (_lang, text) => {
    const result = classifyByWords(text, 'client');
    expect(result.category).toBe('auth.mechanism');
    expect(result.decidedBy.join(' ')).not.toMatch(/fails|échoue|bị lỗi/);
  });

  it.each([
    'If it used to work and now suddenly fails, please contact your email administrator or provider.',
    'Si cela fonctionnait auparavant et que cela échoue à présent, veuillez contacter votre administrateur de messagerie ou votre fournisseur.',
    'Nếu nó đã từng hoạt động và bây giờ đột nhiên bị lỗi, vui lòng liên hệ với quản trị viên email hoặc nhà cung cấp của bạn.',
  ])('alone: %s', (text) => {
    expect(classifyByWords(text, 'client').category).toBe('unknown');
  });
});

describe('a thing and a state said in different sentences make a weaker pair', () => {
  it('« …mots de passe chiffrés. … votre fournisseur » is no missing password', () => {
    expect(classifyByWords(THUNDERBIRD_ENCRYPTED.fr, 'client').category).not.toBe('client.config');
  });
});

describe('the cause after a colon outweighs the frame before it (Evolution)', () => {
  it.each([
    ['Cannot login to POP server pop.example.net: SASL Protocol error', 'auth.mechanism'],
    [
      'Identification sur le serveur POP pop.example.net impossible : erreur de protocole SASL',
      'auth.mechanism',
    ],
    ['Không thể đăng nhập vào máy phục vụ POP pop.example.net: lỗi giao thức SASL', 'auth.mechanism'],
  ])('%s → %s', readsAs);

  it('but a frame that names the thing keeps it: an errno text after it does not outweigh a lock', () => {
    for (const text of [
      "movemail: cannot lock mailbox `/var/mail/alice': Resource temporarily unavailable",
      'movemail: impossible de verrouiller la boîte aux lettres « /var/mail/alice » : Resource temporarily unavailable',
      'movemail: không thể khóa hộp thư “/var/mail/alice”: Resource temporarily unavailable',
    ])
      expect(classifyByWords(text, 'client').category).toBe('mailbox.locked');
  });
});

describe('a guess ranks below what the text says happened', () => {
  it('KMail: "Could not login … The password may be wrong." is a refused login', () => {
    readsAs('Could not login to pop.example.net. The password may be wrong.', 'auth.failed');
  });
});

describe("a person's words count only in their own sentence", () => {
  it('Thunderbird vi: "…của mình" in the advice does not make the disk-space error a chat line', () => {
    readsAs(
      'Không có đủ dung lượng đĩa cho thao tác đã thử. Bạn có thể cần thực hiện dọn dẹp ổ đĩa trên hệ thống của mình.',
      'client.storage',
    );
  });
});

describe('every way of typing an accent is one word', () => {
  const vi = 'movemail: không thể khóa hộp thư “/var/mail/alice”: Resource temporarily unavailable';
  const fr =
    'movemail: impossible de verrouiller la boîte aux lettres « /var/mail/alice » : Resource temporarily unavailable';
  it.each([
    ['vi, decomposed (NFD)', vi.normalize('NFD')],
    ['vi, old tone placement (khoá)', vi.replace('khóa', 'khoá')],
    ['vi, old tone placement, decomposed', vi.replace('khóa', 'khoá').normalize('NFD')],
    ['fr, decomposed (NFD)', fr.normalize('NFD')],
  ])('%s', (_how, text) => {
    readsAs(text, 'mailbox.locked');
  });
});

describe('what the program says of itself and of the server, in three languages', () => {
  it.each([
    // Thunderbird: a temporary error, an account still being checked, an error "with the server" alone.
    ['Temporary error from pop.example.net while retrieving new messages.', 'server.temporary'],
    [
      'Erreur temporaire de pop.example.net lors de la récupération des nouveaux messages. L’opération sera relancée lors de la prochaine recherche de nouveaux messages.',
      'server.temporary',
    ],
    [
      'Lỗi tạm thời từ pop.example.net khi truy xuất thư mới. Thao tác sẽ được thử lại ở lần kiểm tra thư mới tiếp theo.',
      'server.temporary',
    ],
    [
      'The account pop.example.net is being processed. Please wait until processing is complete to get messages.',
      'client.busy',
    ],
    [
      'Le compte pop.example.net est en cours de traitement. Veuillez attendre la fin du processus pour récupérer les messages.',
      'client.busy',
    ],
    [
      'Tài khoản pop.example.net đang được xử lý. Vui lòng đợi cho đến khi xử lý hoàn tất để nhận thư.',
      'client.busy',
    ],
    ['An error occurred with the POP3 mail server.', 'server.temporary'],
    [
      'Une erreur s’est produite avec le serveur de courrier POP3. Contactez l’administrateur de ce serveur ou essayez à nouveau.',
      'server.temporary',
    ],
    ['Đã xảy ra lỗi với máy chủ thư POP3.', 'server.temporary'],
    // fetchmail: another run of itself; APOP's timestamp.
    ["fetchmail: can't check mail while another fetchmail to same host is running.", 'client.busy'],
    [
      "fetchmail: impossible de vérifier le courrier lorsqu'un autre fetchmail est exécuté sur le même hôte",
      'client.busy',
    ],
    [
      'fetchmail: không thể kiểm tra có thư mới trong khi một thể hiện fetchmail khác đang chạy tới cùng một máy.',
      'client.busy',
    ],
    ['Timestamp syntax error in greeting', 'auth.mechanism'],
    ["Erreur de syntaxe dans l'horodatage du message d'invitation", 'auth.mechanism'],
    ['Gặp lỗi cú pháp nhãn thời gian trong lời chào mừng', 'auth.mechanism'],
    // Thunderbird vi writes "viết" for writing the mailbox file; glibc's vi ENOSPC.
    [
      'Không thể viết email vào hộp thư. Đảm bảo hệ thống tập tin cho phép bạn đặc quyền viết và bạn có đủ dung lượng đĩa để sao chép hộp thư.',
      'client.storage',
    ],
  ])('%s → %s', readsAs);

  it('a temporary FILE is no temporary error (mpop)', () => {
    expect(
      classifyByWords("impossible d'écrire dans le fichier temporaire : erreur de sortie", 'client').category,
    ).not.toBe('server.temporary');
  });
});

/**
 * Round four's tuning texts (test/fixtures/captured/catalogues-more, the tuning part): the thing acted on
 * decides, a word is read in its plural and feminine, the program's own words for distrust, needs and
 * settings.
 */
describe('what was read or written decides whose error it is', () => {
  it.each([
    // Writing to a server (gnubiff, Horde) is the network's.
    ['[1] Unable to write to pop.example.net on port 995', 'connect.reset'],
    ["[1] Impossible d'écrire à pop.example.net sur le port 995", 'connect.reset'],
    ['[1] Không thể ghi vào pop.example.net qua cổng 995', 'connect.reset'],
    ['Server write error.', 'connect.reset'],
    // Reading a greeting (Evolution) is about what answered.
    ['Could not read greeting from pop.example.net:', 'connect.wrong-service'],
    ['Impossible de lire les salutations de pop.example.net :', 'connect.wrong-service'],
    ['Không thể đọc lời chào mừng từ pop.example.net:', 'connect.wrong-service'],
  ])('%s → %s', readsAs);
});

describe('a word is read in its plural and its feminine (Vietnamese does not inflect)', () => {
  it.each([
    ['Server does not support secure connections.', 'tls.unavailable'],
    ['Le serveur ne supporte pas les connexions sécurisées.', 'tls.unavailable'],
  ])('%s → %s', readsAs);

  it('but « porte » (a door) is no port: an ordinary sentence stays quiet', () => {
    expect(classifyByWords('Le verrou de la porte est occupé.', 'client').category).toBe('unknown');
  });
});

describe("the program's own words", () => {
  it.each([
    // Distrust (Geary, Thunderbird for Android).
    ['The server’s certificate is considered insecure', 'tls.certificate'],
    ['Le certificat du serveur est considéré comme non sécurisé', 'tls.certificate'],
    ['Chứng chỉ chưa được xác minh', 'tls.certificate'],
    ['Untrusted Connection: alice@example.net', 'tls.certificate'],
    // What the provider needs (FairEmail).
    [
      'This provider requires an app password instead of the account password, please check the instructions of your provider',
      'auth.app-password',
    ],
    [
      "Ce fournisseur requiert un mot de passe d'application au lieu du mot de passe du compte, veuillez vérifier les instructions de votre fournisseur",
      'auth.app-password',
    ],
    [
      'Nhà cung cấp này yêu cầu mật khẩu ứng dụng thay vì mật khẩu tài khoản, hãy kiểm tra hướng dẫn của nhà cung cấp của bạn',
      'auth.app-password',
    ],
    // A setting's value (Thunderbird for Android, Delta Chat).
    ['Port is invalid (must be 1–65535).', 'client.config'],
    ['Le port est invalide (entre 1 et 65535).', 'client.config'],
    ['Cổng không hợp lệ (phải là 1–65535).', 'client.config'],
    ['Vui lòng nhập địa chỉ máy chủ / IP hợp lệ', 'client.config'],
    // OAuth is one word, and its failed sign-in is the token's (Thunderbird for Android).
    ['OAuth sign in failed', 'auth.oauth-token'],
    ['Échec de connection avec OAuth', 'auth.oauth-token'],
    ['Đăng nhập OAuth không thành công', 'auth.oauth-token'],
    // A port that could not be reached (gnubiff).
    ['[1] Unable to connect to pop.example.net on port 995', 'connect.refused'],
    ['[1] Impossible de se connecter à pop.example.net via le port 995', 'connect.refused'],
    ['[1] Không thể kết nối đến pop.example.net qua cổng 995', 'connect.refused'],
  ])('%s → %s', readsAs);
});

describe('a frame decides only when nothing else is said', () => {
  it.each([
    ['Error connecting to POP3 server.', 'connect.refused'],
    ['Échec de la connexion au serveur POP3.', 'connect.refused'],
    // Thunderbird: the frame, then the cause in the next sentence.
    [
      'Une erreur est survenue pendant une connexion à pop.example.net:995. Le pair utilise une version non gérée du protocole de sécurité.',
      'tls.unavailable',
    ],
  ])('%s → %s', readsAs);
});

describe('a setting the program needs, and what it was built without (Thunderbird, Xfce mail watcher)', () => {
  it.each([
    ['Port must be between 1 and 65535', 'client.config'],
    ['Le port doit être compris entre 1 et 65535', 'client.config'],
    ['Cổng phải nằm trong khoảng 1 và 65535', 'client.config'],
    ['Username is required', 'client.config'],
    ["Le nom d'utilisateur est requis.", 'client.config'],
    ['Tên đăng nhập là bắt buộc', 'client.config'],
    ['Biên dịch không có hỗ trợ SSL/TLS', 'client.unsupported'],
  ])('%s → %s', readsAs);
});

describe('an error the program does not explain is an unknown POP error, not silence', () => {
  it('Claws Mail/Sylpheed: "Error occurred while processing mail." (gui-more tuning)', () => {
    const text = 'Error occurred while processing mail.';
    const result = classifyByWords(text, 'client');
    expect(result.category).toBe('unknown');
    expect(result.decidedBy).toEqual(['Error occurred']);
    const finding = explain(text, { lang: 'en' }, bare).findings[0];
    expect(finding?.category).toBe('unknown');
    expect(finding?.because).toContain('Error occurred');
  });

  it('but a cause said beside it decides (Thunderbird: an error "with the POP3 mail server")', () => {
    expect(classifyByWords('An error occurred with the POP3 mail server.', 'client').category).toBe(
      'server.temporary',
    );
  });
});
