import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { classifyByWords } from '../../src/explain/fallback/classify.js';
import { normalizeForMatch } from '../../src/explain/normalize.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';

/**
 * Generalization (issue #13, class 4): a program's network, TLS or login message that no entry knows still gets
 * its category from its words, in English, French and Vietnamese. The texts are real catalogue messages of the
 * tuning side (scripts/catalogues/data: GnuTLS 3.7.9, glibc 2.36, KIO, glib-networking, fetchmail, mpop,
 * Evolution), as the programs print them; the knowledge has patterns for them, so the explainer is tested
 * with the knowledge minus every pattern that matches the text: what is left is the fallback.
 */

const REAL_MESSAGES: [text: string, category: string][] = [
  // GnuTLS, as mpop prints it
  ['mpop: échec de la poignée de main TLS : Un paquet TLS incorrect a été reçu.', 'tls.mismatch'],
  ['mpop: TLS handshake failed: Nhận được một gói tin TLS bất thường.', 'tls.mismatch'],
  ['mpop: échec de la poignée de main TLS : Opération hors délais', 'connect.timeout'],
  ['mpop: TLS handshake failed: Thao tác bị lỗi quá thời gian', 'connect.timeout'],
  ['mpop: TLS handshake failed: Không tìm thấy bộ ứng dụng mật mã được hỗ trợ.', 'tls.unavailable'],
  [
    'mpop: échec de la poignée de main TLS : Aucune méthode de chiffrement n’a été trouvée.',
    'tls.unavailable',
  ],
  ['Le pair a envoyé une alerte TLS fatale : Certificat expiré', 'tls.certificate'],
  ['Peer sent fatal TLS alert: Chứng nhận đã hết hạn', 'tls.certificate'],
  ['Le pair a envoyé une alerte TLS fatale : Sécurité insuffisante', 'tls.unavailable'],
  ['Peer sent fatal TLS alert: Lỗi trong phiên bản giao thức', 'tls.unavailable'],
  // glib-networking and GIO, as Evolution prints them
  ['Le certificat racine de la chaîne de certificats est auto-signé et non approuvé', 'tls.certificate'],
  ['Erreur lors de la lecture de données du connecteur TLS', 'connect.reset'],
  ['Kết nối TLS kết thúc bất ngờ', 'connect.reset'],
  ['Impossible temporairement de résoudre « pop.example.net »', 'connect.dns'],
  // KIO, as KMail prints it
  ["La connexion avec l'hôte pop.example.net a été coupée.", 'connect.reset'],
  ['Kết nối đến máy pop.example.net bị đứt.', 'connect.reset'],
  ['Máy không rõ pop.example.net', 'connect.dns'],
  ["L'autorisation a échoué ; l'authentification de CRAM-MD5 n'est pas prise en charge", 'auth.mechanism'],
  ['Việc uỷ quyền thất bại, xác thực CRAM-MD5 không được hỗ trợ', 'auth.mechanism'],
  ['Không đăng nhập được vào pop.example.net.', 'auth.failed'],
  // glibc's system error texts (strerror), as fetchmail prints them
  ['Connexion ré-initialisée par le correspondant', 'connect.reset'],
  ['Kết nối bị đặt lại bởi ngang hàng', 'connect.reset'],
  ["Aucun chemin d'accès pour atteindre l'hôte cible", 'connect.timeout'],
  ['Không có đường dẫn đến máy', 'connect.timeout'],
  // fetchmail's own catalogue
  ["Le support de SSL n'a pas été activé à la compilation.", 'client.unsupported'],
  ['Khả năng NTLM cần thiết không được biên dịch vào fetchmail', 'client.unsupported'],
  ['le programme de livraison du courrier a été tué par un signal 2', 'client.storage'],
  ['Aucun espace disponible sur le périphérique', 'client.storage'],
  ['Vượt quá hạn ngạch đĩa', 'client.storage'],
  // Thunderbird's and Evolution's English texts, glibc's
  ['The POP3 server has unexpectedly disconnected.', 'connect.reset'],
  [
    'The certificate has been revoked according to the connection’s certificate revocation list.',
    'tls.certificate',
  ],
  ['the POP3 server does not support TLS via the STLS command', 'tls.unavailable'],
  ['No address associated with hostname', 'connect.dns'],
  ['Software caused connection abort', 'connect.reset'],
  // Go's crypto/tls, Python's ssl
  ['2026/12/07 00:15:02 tls: first record does not look like a TLS handshake', 'tls.mismatch'],
  ['ssl.SSLError: [SSL: PACKET_LENGTH_TOO_LONG] packet length too long (_ssl.c:992)', 'tls.mismatch'],
];

const full = loadKnowledgeBase();

/** The knowledge without any pattern that matches this text: as if no entry had ever seen it. */
function unseen(text: string): KnowledgeBase {
  const folded = normalizeForMatch(text);
  const entries = full.entries.map((e) => {
    const keep = e.patterns.map((re) => !re.test(folded));
    return keep.every(Boolean) ? e : e.keeping((i) => keep[i] === true);
  });
  return new KnowledgeBase(full.categories, entries);
}

describe('a message no entry knows', () => {
  it.each(REAL_MESSAGES)('is read by its words: %s → %s', (text, category) => {
    expect(classifyByWords(text, 'client').category).toBe(category);
  });

  it.each(REAL_MESSAGES)('gets a finding from the explainer, its words shown: %s', (text, category) => {
    const kb = unseen(text);
    // The reduced knowledge matches the text nowhere: the finding can only come from the words.
    expect(kb.anyPattern('client').test(normalizeForMatch(text))).toBe(false);
    const finding = explain(text, { lang: 'en' }, kb).findings[0];
    expect(finding?.category).toBe(category);
    expect(finding?.confidence).toBeLessThanOrEqual(0.55);
    expect(finding?.because?.length).toBeGreaterThan(0);
  });
});

describe('Vietnamese words keep their accents', () => {
  it('a Vietnamese word never meets a word of another language folded to the same letters', () => {
    // "mã" (code, cipher) is not the French "ma" (my), which marks a person's sentence.
    expect(classifyByWords('Không tìm thấy bộ mật mã được hỗ trợ', 'client').category).toBe(
      'tls.unavailable',
    );
  });

  it('"động" (moving, working) is not "đóng" (closed)', () => {
    expect(classifyByWords('Kết nối TLS đang hoạt động bình thường, lỗi đã hết', 'client').category).not.toBe(
      'connect.reset',
    );
    expect(classifyByWords('Kết nối TLS bị đóng bất ngờ', 'client').category).toBe('connect.reset');
  });

  it('where the tone mark sits does not matter ("khoá", "khóa")', () => {
    expect(classifyByWords('-ERR Hộp thư đang bị khoá bởi phiên khác', 'server').category).toBe(
      'mailbox.locked',
    );
    expect(classifyByWords('-ERR Hộp thư đang bị khóa bởi phiên khác', 'server').category).toBe(
      'mailbox.locked',
    );
  });

  it('a text typed without accents still meets the words', () => {
    expect(classifyByWords('Ket noi TLS bi dong bat ngo', 'client').category).toBe('connect.reset');
  });
});

describe('a line that says nothing about mail gets nothing', () => {
  it.each([
    'The bakery on the corner is closed on Sundays.',
    'Peer review was terminated early this year.',
    'Le match a été interrompu par la pluie.',
    'La réunion est annulée : le serveur du restaurant a fermé la porte.',
    "L'hôte de la soirée est inconnu des voisins.",
    'Cửa hàng đóng cửa lúc 9 giờ tối.',
    'Hệ thống đèn đường không hoạt động, máy phát điện bị hỏng.',
    'Anh ấy không đăng ký được lớp học vì hết hạn.',
    // The words session 7 added (fallback-vocabulary.test.ts), said of no mail program.
    "Le flux de touristes s'est arrêté inopinément cet été.",
    "L'hôte a fermé la porte du salon.",
    'Máy đã đóng cửa hàng lúc 9 giờ.',
    'Trop de pluie cette semaine.',
    'Chúng tôi chờ quá lâu ở nhà hàng.',
  ])('%s', (text) => {
    expect(explain(text, { lang: 'en' }).outcome).toBe('not-pop');
  });
});
