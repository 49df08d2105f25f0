import { describe, expect, it } from 'vitest';
import { classifyByWords } from '../../src/explain/fallback/classify.js';
import { readsAs } from '../support/reads-as.js';

// Session 8's concepts, each read in sentences of its own making (not the catalogues' wordings they were
// built from, test/fixtures/captured/catalogues-web and the catalogues-* tuning parts): what a sentence asks
// the user to check, what it says failed and why, in English, French and Vietnamese.
describe('what a program asks the user to check says what failed', () => {
  readsAs([
    ['Please check the encryption setting (SSL/TLS or STARTTLS) and the port.', 'tls.mismatch'],
    ['Vérifiez le type de sécurité du compte.', 'tls.mismatch'],
    ['Hãy kiểm tra loại bảo mật của tài khoản.', 'tls.mismatch'],
    ['Make sure the user name and password are right.', 'auth.failed'],
    ["Veuillez confirmer votre nom d'utilisateur et votre mot de passe.", 'auth.failed'],
  ]);

  it('a TLS trace that verifies a certificate asks nothing', () => {
    expect(classifyByWords('* TLSv1.3 (IN), TLS handshake, CERT verify (15):', 'client').category).not.toBe(
      'tls.mismatch',
    );
  });
});

describe('what failed, and why', () => {
  readsAs([
    // A connection that failed on a security error is the secure channel's.
    ['Unable to open a connection because of a security error.', 'tls.mismatch'],
    ['Không thể kết nối do lỗi bảo mật.', 'tls.mismatch'],
    // The user name and the password named together: the login, not the password alone.
    ['The user name or password you entered is wrong.', 'auth.failed'],
    ["Nom d'utilisateur ou mot de passe erroné", 'auth.failed'],
    ['Tên đăng nhập hoặc mật khẩu sai', 'auth.failed'],
    // A method that failed while the program goes on with another.
    ['PLAIN authentication failed, trying another method', 'auth.mechanism'],
    // A folder, a message list, a mailbox the account lacks.
    ['Cannot open folder INBOX', 'mailbox.unavailable'],
    ["Le dossier Archives n'existe pas", 'mailbox.unavailable'],
    ['Không thể lấy danh sách thư', 'mailbox.unavailable'],
    // A protocol switched off, a web login or OAuth required.
    ['POP is not enabled for this account', 'auth.pop-disabled'],
    ["L'accès POP n'est pas activé pour ce compte", 'auth.pop-disabled'],
    // Not with "browser": a web page's error names one (NOT_A_PROGRAM in classify.ts).
    ['Your provider requires you to sign in to its webmail first', 'auth.app-password'],
    ['This provider requires OAuth', 'auth.app-password'],
    // Too many sessions, a setting asked for, a provider unavailable for now.
    ['Too many simultaneous connections to this account', 'mailbox.too-many-sessions'],
    ['Please enter a password for this account', 'client.config'],
    ['Veuillez indiquer le nom du serveur', 'client.config'],
    ['Outlook is unavailable', 'server.temporary'],
    // A lock held by another process, a cache file that could not be made.
    ['Tệp bị tiến trình khác khóa', 'mailbox.locked'],
    ['Could not create the cache file', 'client.storage'],
  ]);
});

describe('French « se connecter »: a login without an object, a connection with one', () => {
  readsAs([
    ['Impossible de se connecter', 'auth.failed'],
    ['Impossible de se connecter au serveur pop.example.net', 'connect.refused'],
    ['Impossible de se connecter au serveur.', 'connect.refused'],
  ]);
});
