import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { classifyByWords } from '../../src/explain/fallback/classify.js';
import { readsAs } from '../support/reads-as.js';

// Session 10's reading of POP servers' own replies (the servers-source set, scripts/servers-source): the tuning
// texts each class was built from, read as a server's reply, then sentences of the same class in French and
// Vietnamese of this file's own making (none of these servers localises its replies), then the near misses each
// class must leave alone.
const readAsReply = (rows: readonly (readonly [string, string])[]): void => readsAs(rows, 'server');

const pasted = (text: string) => explain(text, { lang: 'en' }).findings[0]?.category;

describe("a login step before its turn, or a second time (the command's state)", () => {
  readAsReply([
    // Mailpit (internal/pop3/server.go), Stalwart (crates/pop3/src/client.rs), tpop3d (pop3.c).
    ['user not specified', 'command.state'],
    ['Username was not provided.', 'command.state'],
    ['user already specified', 'command.state'],
    ['STLS command available only in AUTHORIZATION state', 'command.state'],
    ['Message list not loaded', 'command.state'],
    ['Not now. First log in.', 'command.state'],
    ["Identifiant non fourni : envoyez d'abord la commande USER", 'command.state'],
    ['Tên người dùng chưa được cung cấp', 'command.state'],
    ['Commande disponible uniquement dans l’état AUTHORIZATION', 'command.state'],
    ['Lệnh chỉ dùng được ở trạng thái AUTHORIZATION', 'command.state'],
    ['Liste des messages non chargée', 'command.state'],
    ['Không thể đăng nhập hai lần', 'command.state'],
  ]);

  it('a response code yields to the words (Kopano\'s "[AUTH] Can\'t login twice")', () => {
    expect(pasted("-ERR [AUTH] Can't login twice")).toBe('command.state');
  });

  it('a user unknown to the server is no missing USER', () => {
    expect(classifyByWords('no such user', 'server').category).toBe('auth.unknown-user');
  });
});

describe("the command's form", () => {
  readAsReply([
    // WildDuck, hMailServer, Stalwart (lib/pop3/connection.js, POP3Connection.cpp, protocol/request.rs).
    ['malformed command', 'command.syntax'],
    ['Excessive amount of data sent to server.', 'command.syntax'],
    ['Invalid digit', 'command.syntax'],
    ['Commande mal formée', 'command.syntax'],
    ['Lệnh sai định dạng', 'command.syntax'],
    ["L'argument n'est pas un nombre", 'command.syntax'],
    ['Tham số không phải là số', 'command.syntax'],
    ['Identifiant trop long', 'command.syntax'],
    ['Tên người dùng quá dài', 'command.syntax'],
  ]);

  it('a response code yields to the words (Kopano\'s "[SYS/PERM] Username too long")', () => {
    expect(pasted('-ERR [SYS/PERM] Username too long')).toBe('command.syntax');
  });
});

describe('a command the standard dropped, and a message another session deleted', () => {
  readAsReply([
    // tpop3d (pop3.c), Stalwart (crates/pop3/src/op/fetch.rs).
    ['Sorry, the LAST command was removed in RFC1725.', 'command.unknown'],
    ['Failed to fetch message. Perhaps another session deleted it?', 'message.expunged'],
    ['La commande LAST est obsolète', 'command.unknown'],
    ['Lệnh LAST đã bị loại bỏ', 'command.unknown'],
    ['Message supprimé par une autre session', 'message.expunged'],
    ['Thư đã bị xóa bởi một phiên khác', 'message.expunged'],
  ]);

  it('a mailbox locked by another session stays a lock (tpop3d)', () => {
    expect(
      classifyByWords('Unable to open mailbox; it may be locked by another concurrent session.', 'server')
        .category,
    ).toBe('mailbox.locked');
  });
});

describe('a number past the count, a list that cannot be read', () => {
  readAsReply([
    // Inbucket (pkg/server/pop3/handler.go), Kopano (gateway/POP3.cpp).
    ['RETR argument must not exceed the number of messages', 'message.not-found'],
    ['mail nr not found', 'message.not-found'],
    ["Can't get mail list", 'mailbox.unavailable'],
    ['Le numéro dépasse le nombre de messages', 'message.not-found'],
    ['Số thứ tự vượt quá số thư trong hộp', 'message.not-found'],
    ['Impossible de lire la liste des messages', 'mailbox.unavailable'],
    ['Không thể lấy danh sách thư', 'mailbox.unavailable'],
  ]);
});

describe('TLS that the server could not start, a service switched off', () => {
  readAsReply([
    // Kopano (gateway/POP3.cpp), WildDuck (lib/user-handler.js).
    ['Error switching to secure SSL/TLS connection', 'tls.unavailable'],
    ['Échec du passage en TLS', 'tls.unavailable'],
    ['Lỗi khi chuyển sang kết nối TLS', 'tls.unavailable'],
    ['Access to requested service disabled', 'auth.pop-disabled'],
    ['Accès au service désactivé', 'auth.pop-disabled'],
    ['Dịch vụ đã bị vô hiệu hóa cho tài khoản này', 'auth.pop-disabled'],
  ]);

  it('a response code yields to the words (Kopano\'s "[SYS/PERM] STLS error in ssl context")', () => {
    expect(pasted('-ERR [SYS/PERM] STLS error in ssl context')).toBe('tls.unavailable');
  });

  it('TLS already on is the wrong turn, not TLS missing (UW ipop3d\'s "Already in an SSL session")', () => {
    expect(classifyByWords('Command not permitted when TLS active', 'server').category).toBe('command.state');
  });
});

describe('a general login refusal that names its cause after a colon', () => {
  it.each([
    // GreenMail (pop3/commands/AuthCommand.java, user/UserImpl.java, pop3/Pop3State.java).
    ['-ERR Authentication failed: Invalid token', 'auth.oauth-token'],
    ["-ERR Authentication failed: User <bob@example.com> doesn't exist", 'auth.unknown-user'],
    ["-ERR Échec de l'authentification : utilisateur inconnu", 'auth.unknown-user'],
    ['-ERR Xác thực thất bại: người dùng không tồn tại', 'auth.unknown-user'],
  ])('%s → %s', (reply, category) => {
    expect(pasted(reply)).toBe(category);
  });

  it('a cause of two alternatives decides neither (Exchange)', () => {
    expect(pasted('-ERR Logon failure: unknown user name or bad password.')).toBe('auth.failed');
  });
});

describe('STLS refused with a server error in general words', () => {
  it('Citadel\'s "Internal error" after STLS: the server cannot encrypt this session', () => {
    const paste = ['S: +OK Citadel POP3 server ready.', 'C: STLS', 'S: -ERR Internal error'].join('\n');
    expect(explain(paste, { lang: 'en' }).findings[0]).toMatchObject({
      category: 'tls.unavailable',
      rule: 'stls-refused',
    });
  });

  it('the same words after RETR stay a server error', () => {
    expect(pasted('-ERR Internal error')).toBe('server.temporary');
  });
});
