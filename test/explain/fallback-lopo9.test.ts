import { describe, expect, it } from 'vitest';
import { classifyByWords } from '../../src/explain/fallback/classify.js';
import { readsAs } from '../support/reads-as.js';

// Session 9, leave-one-program-out classes: each block starts with the tuning texts the class was found in
// (the leave-one-program-out misses: the program's own patterns removed, only the fallback could read them),
// then sentences of the same class in the languages the tuning texts did not show.

describe("the C library's errno texts, as its translators write them", () => {
  // glibc (libc-l10n 2.36) EPIPE and EHOSTDOWN in French and Vietnamese; English reads them already.
  readsAs([
    ['Relais brisé (pipe)', 'connect.reset'],
    ['Ống dẫn bị hỏng', 'connect.reset'],
    ['Broken pipe', 'connect.reset'],
    ["L'hôte cible est arrêté ou en panne", 'connect.timeout'],
    ['Máy không chạy', 'connect.timeout'],
    ['Host is down', 'connect.timeout'],
    ["L'hôte distant est en panne", 'connect.timeout'],
    ['Máy chủ không chạy', 'connect.timeout'],
  ]);
});

describe('credentials that lapsed are the login, not a time limit', () => {
  // GNOME Online Accounts' "Credentials have expired" (fr, then en and vi); « expiré » alone is no timeout.
  readsAs([
    ['Les données d’authentification ont expiré', 'auth.oauth-token'],
    ['Credentials have expired', 'auth.oauth-token'],
    ['Các giấy ủy nhiệm đã hết hạn', 'auth.oauth-token'],
    ["Le délai d'attente a expiré", 'connect.timeout'],
  ]);
});

describe('the Vietnamese passive "not supported by …"', () => {
  // K-9 Mail's "OAuth 2.0 is currently not supported by this provider": "không được" names who, not a failure.
  readsAs([
    ['OAuth 2.0 hiện không được nhà cung cấp này hỗ trợ.', 'client.unsupported'],
    ['OAuth 2.0 is currently not supported by this provider.', 'client.unsupported'],
    ["OAuth 2.0 n'est actuellement pas pris en charge par ce fournisseur.", 'client.unsupported'],
    ['Đăng nhập OAuth thất bại', 'auth.oauth-token'],
  ]);
});

describe('a message the program could not put on its disk', () => {
  // NeoMutt's "Could not flush message to disk" (en, fr); the Vietnamese is a sentence of the same class.
  readsAs([
    ['Could not flush message to disk', 'client.storage'],
    ['Impossible de recopier le message physiquement sur le disque (flush)', 'client.storage'],
    ['Không thể ghi thư xuống đĩa', 'client.storage'],
  ]);
});

describe('an error reading the greeting is what answered, said once', () => {
  // Evolution's "Failed to read a valid greeting from POP server …": the Vietnamese "Lỗi đọc …" (error
  // reading) is one failure word, not a reading failure and an error besides.
  readsAs([
    ['Lỗi đọc lời chào mừng hợp lệ từ máy phục vụ POP pop.example.net.', 'connect.wrong-service'],
    ['La lecture de salutations valides du serveur POP pop.example.net a échoué', 'connect.wrong-service'],
    ['Failed to read a valid greeting from POP server pop.example.net', 'connect.wrong-service'],
    ['Erreur de lecture du serveur pop.example.net', 'connect.reset'],
  ]);
});

describe('« identification » is the French authentication noun', () => {
  // fetchmail's French "Unknown login or authentication error for …".
  readsAs([
    ["Erreur de login ou d'identification inconnue pour pop.example.net@mail.example.org", 'auth.failed'],
    ['Unknown login or authentication error on pop.example.net@mail.example.org', 'auth.failed'],
    ['Lỗi xác thực cho pop.example.net', 'auth.failed'],
  ]);
});

describe('logins switched off on the server', () => {
  // perdition's "-ERR failed: Login Disabled" as getmail prints it, read without its entry.
  const server = (text: string) => classifyByWords(text, 'server').category;
  it.each([
    ['-ERR failed: Login Disabled', 'auth.pop-disabled'],
    ['-ERR Connexions désactivées', 'auth.pop-disabled'],
    ['-ERR Đăng nhập bị vô hiệu hóa', 'auth.pop-disabled'],
    ['-ERR [AUTH] Account disabled', 'auth.account-disabled'],
  ])('%s → %s', (text, category) => {
    expect(server(text)).toBe(category);
  });
  // Thunderbird's French: a secure connection switched off is TLS's, not logins'.
  it('a secure connection switched off is no login switched off', () => {
    expect(
      classifyByWords('Connexion sécurisée impossible car le protocole SSL a été désactivé.', 'client')
        .category,
    ).not.toBe('auth.pop-disabled');
  });
});

describe('a reply the program could not read', () => {
  // curl's "(56) response reading failed": the connection gave out before the reply came.
  readsAs([
    ['curl: (56) response reading failed (errno: 115)', 'connect.reset'],
    ['curl: (56) échec de la lecture de la réponse', 'connect.reset'],
    ['curl: (56) đọc phản hồi thất bại', 'connect.reset'],
  ]);
});

describe('a message that vanished from the server', () => {
  // Perl's Mail::Box: "WARNING: Message uid-1 disappeared from POP3 server inbox."
  readsAs([
    ['WARNING: Message uid-1 disappeared from POP3 server inbox.', 'message.unavailable'],
    ['POP3: Le message 3 a disparu du serveur', 'message.unavailable'],
    ['POP3: Thư 3 đã biến mất khỏi máy chủ', 'message.unavailable'],
  ]);
});

describe('a busy host, named by its address', () => {
  // fetchmail's French "BUSY error on %s": the host is named, not the word "server".
  readsAs([
    ['Erreur « busy » sur pop.example.net@mail.example.org', 'server.temporary'],
    ['Busy error on pop.example.net@mail.example.org', 'server.temporary'],
    ['pop.example.net đang bận', 'server.temporary'],
  ]);
});

describe('TLS the program required and could not set up', () => {
  // Jakarta Mail's "STLS required but failed": the TLS setup failed; a server asking for TLS is another class.
  readsAs([
    ['STLS required but failed', 'tls.unavailable'],
    ['STLS requis mais a échoué', 'tls.unavailable'],
    ['Yêu cầu STLS nhưng thất bại', 'tls.unavailable'],
  ]);
  it('a server that asks for TLS stays tls.required', () => {
    expect(classifyByWords('-ERR TLS required', 'client').category).toBe('tls.required');
  });
});
