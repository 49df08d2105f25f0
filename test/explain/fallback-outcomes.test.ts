import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { classifyByWords } from '../../src/explain/fallback/classify.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';

/**
 * Meaning over wording (issue #13, class 4): a program's message is read by what it names (a connection, a
 * certificate, a login method, a disk…) and what happened to it (refused, timed out, not supported, full…),
 * whatever the words in between. The wordings below were written for this test, in the three languages, in
 * the shapes programs print (a prefix, a host, an exception's class, an errno); none is a message of a
 * catalogue, and the explainer is run with no entry at all, so only the fallback can read them.
 */
const PROGRAM_LINES: [text: string, category: string][] = [
  // The connection: an object and an outcome.
  ['popget: the connection to pop.example.net was refused by the remote side', 'connect.refused'],
  ['popget : la connexion vers pop.example.net a été refusée', 'connect.refused'],
  ['popget: kết nối tới pop.example.net đã bị từ chối', 'connect.refused'],
  ['popget: timeout after 30 s waiting for pop.example.net', 'connect.timeout'],
  ["popget : le délai d'attente pour pop.example.net est dépassé", 'connect.timeout'],
  ['popget: thời gian chờ phản hồi từ pop.example.net đã vượt quá', 'connect.timeout'],
  ['popget: network unreachable while contacting 192.0.2.7', 'connect.timeout'],
  ['popget: the pipe to pop.example.net is broken', 'connect.reset'],
  ['popget : le tube vers pop.example.net est brisé', 'connect.reset'],
  ['popget: ống dẫn tới pop.example.net bị hỏng', 'connect.reset'],
  ['popget: unknown host name pop.example.net', 'connect.dns'],
  ["popget : nom d'hôte inconnu : pop.example.net", 'connect.dns'],
  // Identifiers and errno names read as words.
  ['fetcher.NoRouteToHostException while contacting pop.example.net', 'connect.timeout'],
  ['MailFetchError: ECONNRESET on pop.example.net:995', 'connect.reset'],
  ['getaddrinfo EAI_AGAIN pop.example.net', 'connect.dns'],
  ['popget: write to ~/Mail/inbox failed: ENOSPC', 'client.storage'],
  // TLS and certificates.
  ['popget: could not upgrade the session to TLS on pop.example.net', 'tls.unavailable'],
  ['popget : passage en TLS impossible avec pop.example.net', 'tls.unavailable'],
  ['popget: common name mismatch for pop.example.net', 'tls.certificate'],
  ['popget : nom commun sans concordance pour pop.example.net', 'tls.certificate'],
  ['popget: tên chung của chứng chỉ không khớp với pop.example.net', 'tls.certificate'],
  // Logging in.
  ['popget: pop.example.net does not support the CRAM-MD5 mechanism', 'auth.mechanism'],
  ['popget : pop.example.net ne prend pas en charge le mécanisme CRAM-MD5', 'auth.mechanism'],
  ['popget: pop.example.net không hỗ trợ cơ chế CRAM-MD5', 'auth.mechanism'],
  ['popget: sending the password to pop.example.net failed', 'auth.failed'],
  ["popget : échec de l'envoi du mot de passe à pop.example.net", 'auth.failed'],
  // What the program does with the mail.
  ['popget: the disk is full, message 3 from pop.example.net kept on the server', 'client.storage'],
  ['popget : disque plein, message 3 de pop.example.net laissé sur le serveur', 'client.storage'],
  ['popget: ổ đĩa đã đầy, thư 3 từ pop.example.net được giữ trên máy chủ', 'client.storage'],
  ['popget: cannot open ~/Mail/inbox: Permission denied', 'client.storage'],
  ['popget: the delivery agent was killed by signal 9', 'client.storage'],
  ['popget: the greeting from pop.example.net is malformed', 'connect.wrong-service'],
  ['popget : salutations invalides de pop.example.net', 'connect.wrong-service'],
  ['popget: the UIDL command failed on pop.example.net', 'mailbox.unavailable'],
  ['popget: Kerberos support was not linked into this build', 'client.unsupported'],
  // Negations read with the state they deny.
  ['popget: the certificate of pop.example.net is not trusted', 'tls.certificate'],
  ["popget : le certificat de pop.example.net n'est pas fiable", 'tls.certificate'],
  ['popget: chứng chỉ của pop.example.net không đáng tin tưởng', 'tls.certificate'],
  ['popget: the TLS handshake with pop.example.net did not succeed', 'tls.unavailable'],
  ["popget : la négociation TLS avec pop.example.net n'a pas réussi", 'tls.unavailable'],
  ['popget: the password for alice was not provided', 'client.config'],
  // The session's own time limit, the server's protocol.
  ['popget: the session with pop.example.net timed out', 'session.timeout'],
  ['popget : la session avec pop.example.net a expiré', 'session.timeout'],
  ['popget: phiên làm việc với pop.example.net đã hết giờ', 'session.timeout'],
  ['popget: protocol error while talking to pop.example.net', 'server.protocol-error'],
  ['popget : réponse incomplète de pop.example.net', 'server.protocol-error'],
  ['popget: cannot get UIDLs from pop.example.net', 'command.unknown'],
];

// Knowledge with every entry's patterns removed: only the fallback's reading is left.
const full = loadKnowledgeBase();
const bare = new KnowledgeBase(
  full.categories,
  full.entries.map((e) => e.keeping(() => false)),
);

describe('a program line read by what it names and what happened to it', () => {
  it.each(PROGRAM_LINES)('%s → %s', (text, category) => {
    const result = classifyByWords(text, 'client');
    expect(result.category).toBe(category);
    // The deciding words are shown as they were written, and the confidence stays low.
    expect(result.decidedBy.length).toBeGreaterThan(0);
    for (const w of result.decidedBy) expect(text).toContain(w);
    expect(result.confidence).toBeLessThan(0.6);
  });

  it.each(PROGRAM_LINES)('gets a finding from the explainer with no entry at all: %s', (text, category) => {
    const finding = explain(text, { lang: 'en' }, bare).findings[0];
    expect(finding?.category).toBe(category);
    expect(finding?.because?.length).toBeGreaterThan(0);
  });
});

describe('what an exception quotes is read as the program message it is', () => {
  it.each([
    ['java.net.ConnectException: Connection refused', 'connect.refused'],
    ['javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake', 'tls.unavailable'],
    [
      'System.IO.IOException: Unable to read data from the transport connection: Connection reset by peer.',
      'connect.reset',
    ],
  ])('%s → %s', (text, category) => {
    expect(explain(text, { lang: 'en' }, bare).findings[0]?.category).toBe(category);
  });
});

describe('what is no word', () => {
  it("a host name's labels name nothing: pop.example.net is no POP", () => {
    expect(classifyByWords('popget: access refused to pop.example.net', 'client').category).not.toBe(
      'auth.pop-disabled',
    );
  });

  it('the I of I/O is no person', () => {
    expect(classifyByWords('Socket I/O timed out', 'client').category).toBe('connect.timeout');
  });

  it("a traceback's code line is no message, a class path no host", () => {
    expect(
      classifyByWords('    return socket.create_connection((self.host, self.port), timeout)', 'client')
        .category,
    ).toBe('unknown');
    // Its class path names no host: the words read are "Connect failed", a frame of what the program did.
    const jakarta = classifyByWords('jakarta.mail.MessagingException: Connect failed;', 'client');
    expect(jakarta).toMatchObject({ category: 'connect.refused', frame: 'named' });
    expect(jakarta.decidedBy.join(' ')).not.toContain('jakarta');
  });
});

describe('ordinary sentences with the same objects and outcomes stay quiet', () => {
  it.each([
    'The server at the restaurant is busy tonight.',
    'Le serveur du café est occupé ce soir.',
    'Người phục vụ ở máy bán hàng đang bận.',
    'The deadline was exceeded by two days, sorry about that.',
    'Le délai de livraison est dépassé, le colis arrive demain.',
    'Thời hạn nộp bài đã hết hạn hôm qua.',
    'The disk is full of old photos from the trip.',
    'Le disque dur est plein de vieilles photos.',
    'Ổ đĩa đầy ảnh cũ của chuyến đi.',
    'Please change the method you use to cook rice.',
    'Veuillez modifier la méthode de calcul dans le tableur.',
    'Hãy thay đổi phương thức thanh toán trong ứng dụng.',
    'The pipe under the sink is broken again.',
    'Ống nước trong nhà tắm bị hỏng rồi.',
    'La livraison a été refusée par le client.',
    'Việc phát hàng bị từ chối vì sai địa chỉ.',
    'Her greeting was a bit unexpected.',
    'Ses salutations étaient inattendues.',
    'Lời chào của anh ấy khá bất thường.',
    'Sa réponse était vide de sens.',
    'Câu trả lời của cô ấy trống rỗng.',
    'Le verrou de la porte est occupé.',
    'The password for the wifi is not set on the new router yet.',
    "Le mot de passe du wifi n'est pas configuré.",
    'The initialization of the new project failed last week.',
    'La connexion entre les deux idées est rompue.',
    'Time limit exceeded on the parking meter.',
    "Le temps d'attente à la caisse a dépassé une heure.",
    'Thời gian chờ ở bệnh viện đã vượt quá ba giờ.',
    'The network card supports jumbo frames.',
  ])('%s', (text) => {
    expect(explain(text, { lang: 'en' }).outcome).toBe('not-pop');
  });
});
