import { describe, expect, it } from 'vitest';
import { classifyByWords } from '../../src/explain/fallback/classify.js';
import { readsAs } from '../support/reads-as.js';

// Session 9's concepts: the tuning texts of round six (test/fixtures/captured/catalogues-business: web
// applications that fetch mail over POP3) they were built from, then sentences of their own making in the
// three languages, which no catalogue holds.
describe('the tuning texts of the web applications', () => {
  readsAs([
    // WordPress's POP3 class (wp-includes/class-pop3.php).
    ['POP3 connect: No server specified', 'client.config'],
    ['POP3 user: no login ID submitted', 'client.config'],
    ['POP3 pop_list: Premature end of list', 'server.protocol-error'],
    // Zammad's email probe (lib/email_helper/probe.rb).
    ['Authentication not possible (not offered by the service)', 'auth.mechanism'],
    ['Authentification impossible (désactivé par le service)', 'auth.mechanism'],
    ['There is no route to this host.', 'connect.timeout'],
    // Odoo's incoming mail server test, with no exception text after it.
    ['An SSL exception occurred. Check SSL/TLS configuration on server port.\n ', 'tls.mismatch'],
    // Znuny's POP3 mail account (Kernel/System/MailAccount/POP3.pm); "Auth" is read without its entry too.
    ['POP3: Auth for user alice/pop.example.net failed!', 'auth.failed'],
    [
      "Cannot fetch message '3' with size '7.5 MB' (7680 KB).Maximum allowed message size is '6144 KB'!",
      'client.config',
    ],
  ]);
});

describe('a setting the program was never given', () => {
  readsAs([
    ['POP3 connect: Aucun serveur indiqué', 'client.config'],
    ['Lỗi POP3: chưa chỉ định máy chủ', 'client.config'],
  ]);

  // gnubiff's tuning text: the server gave no APOP timestamp; no setting of the program's is missing.
  it('a server that gave no timestamp is no missing setting', () => {
    expect(
      classifyByWords(
        '[1] Your pop server does not seem to accept apop protocol (no timestamp provided)',
        'client',
      ).category,
    ).toBe('auth.mechanism');
  });
});

describe('a list or a reply that stopped before its end', () => {
  readsAs([
    ['POP3: Fin prématurée de la liste', 'server.protocol-error'],
    ['POP3: danh sách thư kết thúc sớm', 'server.protocol-error'],
  ]);
});

describe('a login method the service does not offer', () => {
  readsAs([
    ["L'authentification n'est pas proposée par le service", 'auth.mechanism'],
    ['Xác thực không được cung cấp bởi dịch vụ', 'auth.mechanism'],
  ]);

  it('TLS the server does not offer stays TLS', () => {
    expect(classifyByWords('STARTTLS not offered by the server', 'client').category).toBe('tls.unavailable');
  });
});

describe("the advice to check the port's encryption", () => {
  readsAs([
    ['Vérifiez la configuration SSL/TLS du port 995.', 'tls.mismatch'],
    ['Hãy kiểm tra cấu hình SSL/TLS của cổng 995.', 'tls.mismatch'],
  ]);
});

describe("a size limit of the program's own", () => {
  readsAs([
    ['Message 7 skipped: message size over the maximum allowed (5120 KB)', 'client.config'],
    ['Taille du message supérieure à la taille maximale autorisée', 'client.config'],
    ['Không tải thư 7: kích thước thư vượt quá kích thước tối đa', 'client.config'],
  ]);
});

describe('no route to a host, with a determiner before it', () => {
  readsAs([
    ['There is no route to the host pop.example.net', 'connect.timeout'],
    ['Không có tuyến tới máy chủ này', 'connect.timeout'],
  ]);
});
