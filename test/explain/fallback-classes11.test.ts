import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { classifyByWords } from '../../src/explain/fallback/classify.js';
import { reading, readsAs } from '../support/reads-as.js';

// Session 11 (concepts11): three classes the concept fallback read only as wordings, now read as classes in
// English, French and Vietnamese — a setting the account lacks (client.config), a login method no side
// offers (auth.mechanism), a download the program could not keep (client.storage). First the tuning texts of
// the catalogue sets (test/fixtures/captured/catalogues-more, -apps, -web; the program and its catalogue are
// named), then sentences of our own in the same classes, then sentences that must not read.

describe('a setting the account needs, missing, empty, required or not valid (client.config)', () => {
  readsAs([
    // Thunderbird for Android's and Thunderbird's account set-up (catalogues-more).
    ['Username is required.', 'client.config'],
    ["Le nom d'utilisateur est requis.", 'client.config'],
    ['Tên người dùng là bắt buộc.', 'client.config'],
    ['Tên đăng nhập là bắt buộc', 'client.config'],
    ['Le nom d’utilisateur doit être renseigné', 'client.config'],
    ['Hostname empty or invalid. Only letters, numbers, - and . are allowed', 'client.config'],
    ['Tên máy chủ trống hoặc không hợp lệ. Chỉ được phép chữ cái, số, "-" và "."', 'client.config'],
    // Mailspring (catalogues-web).
    ['Please provide a password for your account.', 'client.config'],
    ['Vui lòng cung cấp mật khẩu cho tài khoản của bạn.', 'client.config'],
    // Our own: each field with each requirement.
    ['Email address is required', 'client.config'],
    ['Password is required', 'client.config'],
    ['Incoming server hostname is missing', 'client.config'],
    ['Server name cannot be empty', 'client.config'],
    ['Port must be a number', 'client.config'],
    ['Account name is required', 'client.config'],
    ['Server is required', 'client.config'],
    ['You must specify a server', 'client.config'],
    ['Please fill in all required fields', 'client.config'],
    ['No incoming server configured', 'client.config'],
    ['Unknown security setting', 'client.config'],
    ['Invalid email address', 'client.config'],
    ['Veuillez saisir une adresse e-mail valide', 'client.config'],
    ['Le mot de passe est obligatoire', 'client.config'],
    ["L'adresse électronique est requise", 'client.config'],
    ['Le nom du serveur ne peut pas être vide', 'client.config'],
    ['Le port doit être un nombre', 'client.config'],
    ['Vous devez indiquer un serveur', 'client.config'],
    ['Aucun serveur entrant configuré', 'client.config'],
    ['Type de sécurité inconnu', 'client.config'],
    ['Cần có mật khẩu', 'client.config'],
    ['Mật khẩu là bắt buộc', 'client.config'],
    ['Địa chỉ email là bắt buộc', 'client.config'],
    ['Tên máy chủ không được để trống', 'client.config'],
    ['Cổng phải là một số', 'client.config'],
    ['Chưa cấu hình máy chủ thư đến', 'client.config'],
    ['Vui lòng nhập máy chủ thư đến', 'client.config'],
    ['Loại bảo mật không xác định', 'client.config'],
    ['Username must not contain spaces', 'client.config'],
    ["L'adresse e-mail n'est pas valide", 'client.config'],
    ['Veuillez renseigner le nom du serveur', 'client.config'],
    ['Vui lòng điền tên máy chủ', 'client.config'],
    ['Cài đặt tài khoản chưa đầy đủ', 'client.config'],
  ]);

  it('shows the field and the requirement that decided it', () => {
    expect(reading('Le mot de passe est obligatoire')).toEqual({
      category: 'client.config',
      words: ['mot de passe', 'est obligatoire'],
    });
    expect(reading('Tên máy chủ không được để trống')).toEqual({
      category: 'client.config',
      words: ['Tên máy chủ', 'không được để trống'],
    });
    expect(reading('Email address is required')).toEqual({
      category: 'client.config',
      words: ['Email address', 'is required'],
    });
  });

  it('leaves to the login what names the address with the password', () => {
    expect(classifyByWords('Invalid email address or password', 'client').category).toBe('auth.failed');
  });

  it('leaves to the provider an app password it requires (Mailspring’s tuning texts)', () => {
    expect(
      classifyByWords("Un mot de passe spécifique à l'application Gmail est requis.", 'client').category,
    ).toBe('auth.app-password');
    expect(classifyByWords('Mật khẩu dành riêng cho ứng dụng Gmail là bắt buộc.', 'client').category).toBe(
      'auth.app-password',
    );
  });
});

describe('a login method the program or the server cannot agree on (auth.mechanism)', () => {
  readsAs([
    // s-nail (catalogues-more), AOSP Email (catalogues-web), mailutils' movemail and GNU SASL (catalogues-apps).
    ['Unsupported POP3 authentication method: CRAM-MD5', 'auth.mechanism'],
    ['Authentication methods aren’t supported by server.', 'auth.mechanism'],
    ["Les méthodes d'authentification ne sont pas compatibles avec le serveur.", 'auth.mechanism'],
    ['Phương thức xác thực không được máy chủ hỗ trợ.', 'auth.mechanism'],
    ["movemail: Schéma d'authentification non supporté", 'auth.mechanism'],
    ['movemail: Lược đồ xác thực không được hỗ trợ', 'auth.mechanism'],
    // Our own.
    ['No compatible authentication mechanism found', 'auth.mechanism'],
    ['No worthy mechs found', 'auth.mechanism'],
    ['Authentication method is disabled on this server', 'auth.mechanism'],
    ['Unknown authentication mode', 'auth.mechanism'],
    ['Authentication mechanism is too weak', 'auth.mechanism'],
    ["Aucun mécanisme d'authentification commun avec le serveur", 'auth.mechanism'],
    ["Le mode d'authentification est inconnu", 'auth.mechanism'],
    ["Le mécanisme d'authentification est trop faible", 'auth.mechanism'],
    ['Không tìm ra phương thức đăng nhập phù hợp', 'auth.mechanism'],
    ['Kiểu xác thực không được máy chủ hỗ trợ', 'auth.mechanism'],
    ['Chế độ xác thực không rõ', 'auth.mechanism'],
    ['Cơ cấu SASL không sẵn sàng', 'auth.mechanism'],
    ["Le serveur n'autorise pas cette méthode d'authentification", 'auth.mechanism'],
    ['Máy chủ không cho phép phương thức xác thực này', 'auth.mechanism'],
    ['Máy chủ từ chối phương thức xác thực', 'auth.mechanism'],
    ['The server rejected the authentication method', 'auth.mechanism'],
    ["Le serveur a refusé la méthode d'authentification", 'auth.mechanism'],
    ['Không tìm thấy cơ chế xác thực được hỗ trợ', 'auth.mechanism'],
  ]);

  it('leaves to the login a password refused, whatever method was used', () => {
    expect(classifyByWords('Authentication failed: password rejected', 'client').category).toBe(
      'auth.failed',
    );
    expect(classifyByWords('Login rejected (method PLAIN)', 'client').category).toBe('auth.failed');
  });

  it('shows the method and what is wrong with it', () => {
    expect(reading("Aucun mécanisme d'authentification commun avec le serveur")).toEqual({
      category: 'auth.mechanism',
      words: ["Aucun mécanisme d'authentification commun"],
    });
    expect(reading('No compatible authentication mechanism found').words).toEqual([
      'mechanism',
      'No compatible',
    ]);
  });
});

describe('what was downloaded could not be kept on this device (client.storage)', () => {
  readsAs([
    // Balsa, Claws Mail (catalogues-apps), FairEmail (catalogues-more).
    ['Saving POP message to Inbox failed.', 'client.storage'],
    ["L'enregistrement du message POP dans Inbox a échoué.", 'client.storage'],
    ['Việc lưu thư POP vào Inbox bị lỗi.', 'client.storage'],
    ["Impossible d'enregistrer le fichier.", 'client.storage'],
    // Our own.
    ['Impossible d’enregistrer le message', 'client.storage'],
    ['Sauvegarde du message impossible', 'client.storage'],
    ['Không thể lưu thư', 'client.storage'],
    ['Không thể ghi thư vào thư mục cục bộ', 'client.storage'],
    ['Could not create folder Inbox', 'client.storage'],
    ['Could not append message to mailbox', 'client.storage'],
    ['The mail folder could not be written', 'client.storage'],
    ['Local folder not found', 'client.storage'],
    ['Out of disk space', 'client.storage'],
    ['Not enough free space on the disk', 'client.storage'],
    ["Pas assez d'espace libre sur le disque", 'client.storage'],
    ['Không đủ dung lượng trống trên đĩa', 'client.storage'],
    ['The maildir could not be created', 'client.storage'],
    ["Le répertoire Maildir n'a pas pu être créé", 'client.storage'],
  ]);

  it('shows what could not be stored', () => {
    expect(reading('Không thể lưu thư')).toEqual({
      category: 'client.storage',
      words: ['lưu', 'thư', 'Không thể'],
    });
  });
});

describe('what must not read as one of the three', () => {
  it.each([
    // Advice: what a field is for.
    'The password is required to log in.',
    'Le mot de passe est obligatoire pour se connecter.',
    'Mật khẩu là bắt buộc để đăng nhập.',
    // A question about a setting, with no failure.
    'Is a password required for POP3?',
    'Which port is required for POP3 with SSL?',
    'What authentication method does Gmail use?',
    // A setting named without any requirement or failure.
    'Thunderbird supports many authentication methods',
    'Save the message to a local folder',
    'The disk is full of photos',
    'There is not enough free space in the car',
    // A home network's setting (the negatives' own kind).
    "Le mot de passe du wifi n'est pas configuré.",
    // A path's /usr/local in a stack trace is no local folder (reports/stalwart-567, tuning).
    "/usr/local/lib/ruby/3.3.0/net/protocol.rb:237:in `rbuf_fill': end of file reached (EOFError)",
    // An account added, a message put on a list: nothing stored.
    'Failed to add mail account',
    'Failed to add message 3 to the download list',
  ])('%s', (text) => {
    const category = explain(text, { lang: 'en' }).findings[0]?.category;
    expect(['client.config', 'auth.mechanism', 'client.storage']).not.toContain(category);
  });
});
