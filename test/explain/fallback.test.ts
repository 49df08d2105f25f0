import { describe, expect, it } from 'vitest';
import { classifyByWords } from '../../src/explain/fallback/classify.js';
import { LEXICON } from '../../src/explain/fallback/lexicon.js';
import { FALLBACK_ENTRY, wordsOverrule } from '../../src/explain/fallback/prefer.js';
import { foldAccents } from '../../src/explain/normalize.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';

// Wordings written for this test, none of them a phrase of the lexicon (checked below): the classifier must
// read meaning from words it was not given as a whole.
const SERVER_REPLIES: [string, string][] = [
  ['Mailbox is currently locked by another POP session, come back later', 'mailbox.locked'],
  ['Votre boîte aux lettres est verrouillée par une autre session', 'mailbox.locked'],
  ['Hộp thư của bạn đang bị khóa bởi một phiên khác', 'mailbox.locked'],
  ['POP3 access has been disabled for this mailbox by your administrator', 'auth.pop-disabled'],
  ["L'accès POP est désactivé pour ce compte", 'auth.pop-disabled'],
  ['Truy cập POP3 đã bị vô hiệu hóa cho tài khoản này', 'auth.pop-disabled'],
  ['Sorry, that command was not understood', 'command.unknown'],
  ['Commande non comprise par le serveur', 'command.unknown'],
  ['Lệnh này không được hỗ trợ trên máy chủ', 'command.unknown'],
  ['XTND command is not enabled here', 'command.unknown'],
  ['Unable to access your mailbox right now', 'mailbox.unavailable'],
  ["Impossible d'ouvrir la boîte aux lettres", 'mailbox.unavailable'],
  ['Không thể mở hộp thư của bạn', 'mailbox.unavailable'],
  ['Mailbox index crashed, contact support', 'mailbox.unavailable'],
  ['Quota dépassé pour cet utilisateur', 'mailbox.unavailable'],
  ['The storage backend crashed, try again soon', 'server.temporary'],
  ['Your account has been suspended', 'auth.account-disabled'],
  ['Le compte est bloqué', 'auth.account-disabled'],
  ['Tài khoản của bạn đã bị khóa', 'auth.account-disabled'],
  ['The password you gave is wrong', 'auth.bad-password'],
  ['Mot de passe erroné', 'auth.bad-password'],
  ['Mật khẩu không đúng', 'auth.bad-password'],
  ['No user by that name here: unknown', 'auth.unknown-user'],
  ["Cet utilisateur n'existe pas", 'auth.unknown-user'],
  ['Người dùng không tồn tại', 'auth.unknown-user'],
  ['Too many simultaneous connections from your address', 'mailbox.too-many-sessions'],
  ['Trop de tentatives de connexion échouées, réessayez dans une heure', 'auth.too-many-failures'],
  ['Bạn đã đăng nhập sai quá nhiều lần', 'auth.too-many-failures'],
  ['Clear-text logins are not permitted here, use STLS first', 'tls.required'],
  ['Veuillez activer le chiffrement : connexion en clair interdite', 'tls.required'],
  ['Bắt buộc dùng TLS trước khi đăng nhập', 'tls.required'],
  ['Command not valid in this state of the session', 'command.state'],
  ['Vous devez être authentifié : non authentifié', 'command.state'],
  ['Bạn chưa đăng nhập', 'command.state'],
  ['Message 4 was already deleted', 'message.deleted'],
  ['Message number 12 out of range', 'message.not-found'],
  ['Server is shutting down for an upgrade', 'server.shutdown'],
  ['Le serveur redémarre, patientez', 'server.shutdown'],
  ['Temporary backend hiccup', 'server.temporary'],
  ['Lỗi tạm thời, vui lòng thử lại sau', 'server.temporary'],
  ['Idle too long, closing', 'session.timeout'],
  ['Déconnecté pour inactivité', 'session.timeout'],
  ['Some messages could not be deleted', 'update.delete-failed'],
];

const CLIENT_MESSAGES: [string, string][] = [
  ['The connection to the mail server was reset while reading', 'connect.reset'],
  ["La connexion a été fermée de façon inattendue par l'hôte distant", 'connect.reset'],
  ['Kết nối bị ngắt giữa chừng khi tải thư', 'connect.reset'],
  ['The mail server is not responding after 60 seconds', 'connect.timeout'],
  ['Le serveur ne répond pas', 'connect.timeout'],
  ['Máy chủ không phản hồi sau 30 giây', 'connect.timeout'],
  ['Could not verify the server certificate chain', 'tls.certificate'],
];

describe('the words-only fallback', () => {
  it.each(SERVER_REPLIES)('a server reply: %s → %s', (text, category) => {
    const result = classifyByWords(text, 'server');
    expect(result.category).toBe(category);
    expect(result.decidedBy.length).toBeGreaterThan(0);
    // The deciding words are shown as they were written.
    for (const w of result.decidedBy) expect(text).toContain(w);
    expect(result.confidence).toBeLessThan(0.6);
  });

  it.each(CLIENT_MESSAGES)('a program message: %s → %s', (text, category) => {
    expect(classifyByWords(text, 'client').category).toBe(category);
  });

  it('says unknown when the words say nothing', () => {
    for (const text of [
      'Purple monkey dishwasher',
      'Hello there',
      'Xin chào các bạn',
      'Bonjour à tous',
      '42',
      '',
    ]) {
      expect(classifyByWords(text, 'server')).toMatchObject({ category: 'unknown', decidedBy: [] });
    }
  });

  it('a client timeout is the connection, a server timeout the session', () => {
    expect(classifyByWords('Operation timed out', 'client').category).toBe('connect.timeout');
    expect(classifyByWords('Operation timed out', 'server').category).toBe('session.timeout');
  });

  it('the test wordings are not phrases of the lexicon: this measures generalisation', () => {
    const phrases = new Set(
      LEXICON.flatMap((c) => c.all.flat()).map((t) => foldAccents(t.replace(/\*/g, ''))),
    );
    for (const [text] of [...SERVER_REPLIES, ...CLIENT_MESSAGES])
      expect(phrases.has(foldAccents(text))).toBe(false);
  });
});

describe('meaning over wording', () => {
  it('a specific reading beats a bare response code, never a documented wording', () => {
    const popOff = classifyByWords('pop not allowed for user', 'server');
    expect(popOff.category).toBe('auth.pop-disabled');
    expect(wordsOverrule('code', 'server.permanent', popOff)).toBe(true);
    expect(wordsOverrule('wording', 'auth.failed', popOff)).toBe(false);
    const plaintext = classifyByWords('Plaintext authentication disabled', 'server');
    expect(plaintext.category).toBe('tls.required');
    expect(wordsOverrule('code', 'auth.failed', plaintext)).toBe(true);
    expect(wordsOverrule('code', 'auth.failed', classifyByWords('Sorry', 'server'))).toBe(false);
  });

  it('every fallback entry exists and has the category it stands for', () => {
    const kb = defaultKnowledgeBase();
    for (const table of Object.values(FALLBACK_ENTRY)) {
      for (const [category, id] of Object.entries(table)) {
        expect(kb.entry(id)?.entry.category, id).toBe(category);
      }
    }
  });
});
