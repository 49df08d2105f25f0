/**
 * Concepts: what a program's error message is about (an object: a connection, a certificate, a login method…)
 * and what happened to it (an outcome: refused, timed out, expired, not supported…), each written once with
 * its words in English, French and Vietnamese. A message no entry knows is read by the pair it names, not by
 * its wording: "Verbindung"-free "the link to the host was refused" and "kết nối tới máy bị từ chối" are the
 * same pair. Terms follow the lexicon's notation (lexicon.ts): `*` ends a word family ("refus*": refus,
 * refusé, refusée, refuser), accents are folded except Vietnamese letters, elided articles ("l'", "d'",
 * "n'") are words of their own and may be left out.
 */
export interface Concept {
  en: readonly string[];
  fr: readonly string[];
  vi: readonly string[];
}

/** Every term of a concept, whatever its language: a program may print words of two languages in one line. */
export const termsOf = (...concepts: readonly Concept[]): readonly string[] =>
  concepts.flatMap((c) => [...c.en, ...c.fr, ...c.vi]);

// --- Objects ---

export const CONNECTION: Concept = {
  // Not "connect*": the French "connecté" is logged in.
  en: ['connect', 'connects', 'connecting', 'connected', 'connection*', 'socket'],
  // The data stream too: « Le flux réseau s'est arrêté inopinément », "Luồng dữ liệu mạng đã đóng bất ngờ".
  // Not « flux » nor "luồng" alone: a stream of tourists, of water.
  fr: ['connexion*', 'connecter', 'liaison', 'connecteur', 'flux réseau', 'flux de données'],
  vi: ['kết nối', 'liên kết mạng', 'ổ cắm', 'luồng dữ liệu'],
};
export const NETWORK: Concept = {
  en: ['network'],
  fr: ['réseau'],
  vi: ['mạng'],
};
export const SERVER: Concept = {
  en: ['server', 'host', 'remote host', 'peer'],
  fr: ['serveur', 'hôte', 'hôte distant', 'hôte cible'],
  vi: ['máy chủ', 'máy phục vụ', 'máy', 'server'],
};
export const LOCK: Concept = {
  en: ['lock*', 'lockfile'],
  fr: ['verrou*'],
  vi: ['khóa'],
};
export const LOGIN_METHOD: Concept = {
  en: [
    'authentication method',
    'auth method',
    'login method',
    'method',
    'mechanism*',
    'authenticator*',
    // A way of sending the password is a login method: "does not seem to support encrypted passwords".
    'encrypted password*',
    'plaintext password*',
    'plain text password*',
    'cleartext password*',
    'normal password*',
  ],
  fr: [
    "méthode d'authentification",
    'méthode',
    'mécanisme*',
    'authentificateur*',
    'mot de passe chiffré*',
    'mots de passe chiffrés',
    'mot de passe en clair',
    'mots de passe en clair',
    'mot de passe en texte brut',
  ],
  vi: [
    'phương thức xác thực',
    'cơ chế xác thực',
    'cơ chế',
    'phương thức',
    'cơ cấu',
    'mật khẩu được mã hóa',
    'mật khẩu mã hóa',
    'mật khẩu dạng văn bản',
  ],
};
/** A login method by its name: naming it says which was used, not that it failed. */
export const LOGIN_METHOD_NAME: Concept = {
  en: ['sasl', 'apop', 'gssapi', 'kerberos', 'ntlm', 'cram', 'digest', 'ticket'],
  fr: ['ticket'],
  vi: [],
};
export const LOGIN: Concept = {
  en: [
    'authenticat*',
    'authoriz*',
    'authorisation',
    'login',
    'log in',
    'logon',
    'sign in',
    'signin',
    'authfail',
    // The short form programs print: "POP3: Auth for user alice/pop.example.net failed!" (Znuny), "auth failed".
    'auth',
  ],
  fr: ['authentifi*', 'identification', 'autoris*'],
  vi: ['xác thực', 'đăng nhập', 'ủy quyền', 'uỷ quyền'],
};
export const SECURE_CHANNEL: Concept = {
  en: ['tls', 'ssl', 'starttls', 'stls', 'secure mode', 'secure connection', 'encrypt*'],
  fr: ['mode sécurisé', 'connexion sécurisée', 'chiffr*'],
  vi: ['chế độ an toàn', 'kết nối bảo mật', 'kết nối an toàn', 'mã hóa'],
};
/** The disk or storage the program writes the downloaded mail to. */
export const SPACE: Concept = {
  en: ['disk', 'disk space', 'space', 'storage', 'device', 'volume'],
  // « Pas assez de place sur le volume », "Không còn đủ chỗ trên phân vùng" (GVfs).
  fr: ['disque', 'espace', 'espace disque', 'stockage', 'périphérique', 'place', 'volume'],
  vi: ['đĩa', 'ổ đĩa', 'chỗ trống', 'chỗ', 'dung lượng', 'thiết bị', 'phân vùng'],
};
/** The local delivery (fetchmail's MDA or SMTP listener) each downloaded message is handed to. */
export const DELIVERY: Concept = {
  en: ['mda', 'delivery', 'deliver', 'delivery agent', 'smtp listener'],
  fr: ['livraison', 'délivrer', 'distribution', 'agent de livraison'],
  vi: ['phát thư', 'việc phát', 'chương trình phát thư', 'bộ lắng nghe smtp'],
};
export const PIPE: Concept = {
  en: ['pipe'],
  fr: ['tube', 'relais'],
  vi: ['ống dẫn', 'đường ống'],
};
/** The first line a POP server sends: what answered must greet as a POP server does. */
export const GREETING: Concept = {
  en: ['greeting', 'banner', 'initial ok'],
  fr: ['salutation*', "message d'accueil", 'bannière', 'ok initial'],
  vi: ['lời chào', 'lời chào mừng', 'ok ban đầu'],
};
export const REPLY: Concept = {
  en: ['reply', 'response', 'answer'],
  fr: ['réponse'],
  // "đáp ứng" as well: GNOME's and apt's translators write it for a response.
  vi: ['phản hồi', 'trả lời', 'câu trả lời', 'đáp ứng', 'hồi đáp'],
};
/** A time limit, named as such ("le délai", "thời gian chờ"). */
export const TIME_LIMIT: Concept = {
  en: ['time limit', 'deadline', 'waiting time'],
  fr: ['délai', "délai d'attente", "délai d'inactivité", 'temps limite', "temps d'attente"],
  vi: ['thời gian chờ', 'thời hạn', 'hạn chờ', 'giới hạn thời gian'],
};
/** The name a program looks up (a host name, "name or service"). */
export const NAME_LOOKUP: Concept = {
  en: ['name or service', 'host name', 'hostname', 'address associated'],
  fr: ['nom ou service', "nom d'hôte", "nom de l'hôte", 'adresse associée'],
  vi: ['tên hoặc dịch vụ', 'tên máy', 'địa chỉ liên quan'],
};
export const PASSWORD_OR_USER: Concept = {
  // The name a form asks for is a login ID too: "no login ID submitted" (WordPress's POP3 class).
  en: ['password', 'username', 'user name', 'authentication identity', 'login id', 'login name', 'user id'],
  fr: [
    'mot de passe',
    "nom d'utilisateur",
    "identité d'authentification",
    'identifiant de connexion',
    'nom de connexion',
  ],
  vi: ['mật khẩu', 'tên người dùng', 'tên đăng nhập', 'thông tin nhận diện', 'mã đăng nhập', 'id đăng nhập'],
};
/** Writing what was downloaded, opening the file it goes to. */
export const WRITE: Concept = {
  en: ['write', 'writing'],
  fr: ['écrire', 'écriture'],
  // "viết" is what Thunderbird's Vietnamese says of writing to the mailbox file ("Không thể viết email").
  vi: ['ghi', 'viết'],
};
/** Putting what was downloaded on the local disk: writing, flushing, copying or saving it there. */
export const TO_DISK: Concept = {
  en: ['write', 'writing', 'flush', 'flushing', 'copy', 'copying', 'save', 'saving', 'store', 'storing'],
  fr: [
    'écrire',
    'écriture',
    'recopier',
    'copier',
    'copie',
    'enregistrer',
    'enregistrement',
    'vider',
    'stocker',
  ],
  vi: ['ghi', 'viết', 'chép', 'sao chép', 'lưu', 'lưu trữ', 'đẩy'],
};
/** The local file the mail goes to, opened or written. */
export const LOCAL_FILE: Concept = {
  en: ['write', 'writing', 'open', 'mbox', 'maildir'],
  fr: ['écrire', 'écriture', 'ouvrir'],
  vi: ['ghi', 'viết', 'mở'],
};
export const PERMISSION_DENIED: Concept = {
  en: ['permission denied', 'access denied', 'write privileges', 'read-only'],
  fr: [
    'permission refusée',
    'permission non accordée',
    'accès refusé',
    "permissions d'écriture",
    'lecture seule',
  ],
  vi: ['không có quyền', 'không đủ quyền', 'quyền ghi', 'chỉ đọc'],
};
/** What a certificate names: a name that must match the server's. */
export const CERTIFICATE_NAME: Concept = {
  en: ['common name', 'subject name', 'subject alternative name'],
  fr: ['nom commun', 'nom du sujet'],
  vi: ['tên chung', 'tên chủ thể'],
};
export const CERTIFICATE: Concept = {
  en: ['certificate*', 'cert', 'x509', 'x.509'],
  fr: ['certificat*', 'certification'],
  vi: ['chứng chỉ', 'chứng nhận', 'chứng thư', 'chứng thực'],
};
/**
 * A program asking the user to trust or accept what it could not verify itself ("Trust server certificate
 * with fingerprint …", NeoMutt's "(r)eject, accept (o)nce, (a)ccept always"): the check failed.
 */
export const TRUST_PROMPT: Concept = {
  en: ['trust', 'accept …2 once', 'accept always', 'accept permanently'],
  fr: ['faire confiance', 'approuver', 'accepter …2 une fois', 'accepter toujours'],
  vi: ['tin tưởng', 'chấp nhận …2 một lần', 'luôn chấp nhận', 'chấp nhận vĩnh viễn'],
};
/** Who the server says it is: a client that cannot verify it speaks of its certificate. */
export const SERVER_IDENTITY: Concept = {
  en: ['identity'],
  fr: ['identité'],
  vi: ['danh tính'],
};
/** A library or class the program needs is missing where it runs. */
export const MISSING_CODE: Concept = {
  en: ['class not found', 'no class def found', 'module not found', 'cannot find module', 'no module named'],
  fr: ['classe introuvable', 'module introuvable'],
  vi: ['không tìm thấy lớp', 'không tìm thấy mô-đun'],
};
/** A program's own start-up of a library or component. */
export const INITIALIZATION: Concept = {
  en: ['initializ*', 'initialis*', 'load library', 'load module'],
  fr: ['initialis*'],
  vi: ['khởi tạo'],
};

// --- Outcomes ---

/** A negation: with a state that should hold ("valid", "sent", "succeeded"), it says that state failed. */
export const NEGATION: Concept = {
  en: ['not', 'no', 'never', 'without', 'non', 'didn', 'doesn', 'wasn', 'isn', 'couldn'],
  fr: ['ne', 'n', 'pas', 'aucun*', 'jamais', 'sans', 'non'],
  vi: ['không', 'chưa', 'chẳng'],
};
/** What a certificate should be, or what the other side should have done with it. */
export const CERTIFICATE_STATE: Concept = {
  en: [
    'valid',
    'trusted',
    'found',
    'send',
    'sent',
    'present',
    'presented',
    'accepted',
    'trustworthy',
    'secure',
  ],
  fr: [
    'valide',
    'valable',
    'approuvé*',
    'trouvé*',
    'envoyé*',
    'présenté*',
    'accepté*',
    'fiable',
    'digne de confiance',
    'sûr',
    'sûre',
  ],
  vi: ['hợp lệ', 'tin cậy', 'tìm thấy', 'gửi', 'chấp nhận', 'tin cây', 'tin tưởng', 'an toàn'],
};
/** What a handshake should have done. */
export const SUCCEEDED: Concept = {
  en: ['succeed*', 'successful', 'complete*', 'perform'],
  fr: ['réussi*', 'abouti*', 'effectuer'],
  vi: ['thành công', 'thực hiện được', 'hoàn tất'],
};
/** How a connection should end, said of one that did not. */
export const PROPERLY: Concept = {
  en: ['properly', 'cleanly', 'gracefully'],
  fr: ['proprement', 'correctement'],
  vi: ['đúng cách', 'bình thường'],
};
export const ENDED: Concept = {
  en: ['terminated', 'closed', 'closes', 'ended', 'shut down'],
  fr: ['terminé*', 'fermé*', 'clos*', 'arrêté*'],
  vi: ['chấm dứt', 'kết thúc', 'bị đóng', 'đóng'],
};
/** The end of what was being read: said too early, the other side stopped sending (a connection cut). */
export const END_OF_STREAM: Concept = {
  en: ['end of stream', 'end of file', 'end of data'],
  fr: ['fin de flux', 'fin du flux', 'fin de fichier', 'fin des données'],
  vi: ['kết thúc luồng', 'cuối luồng', 'hết luồng', 'kết thúc dữ liệu'],
};
export const ABRUPTLY: Concept = {
  en: ['unexpectedly', 'prematurely', 'abruptly', 'improperly', 'immediately'],
  fr: ['inattendu*', 'prématuré*', 'inopinément', 'brutalement', 'brusquement', 'de façon inattendue'],
  vi: ['bất ngờ', 'đột ngột', 'bất thình lình', 'không đúng cách'],
};
export const FATAL_ALERT: Concept = {
  en: ['fatal alert', 'fatal tls alert'],
  fr: ['alerte fatale', 'alerte tls fatale'],
  vi: ['cảnh báo nghiêm trọng', 'cảnh báo tls nghiêm trọng'],
};

export const REFUSED: Concept = {
  // `…`: who refused may stand between ("không được máy chủ POP chấp nhận", "not accepted by").
  en: ['refused', 'rejected', 'declined', 'not accepted', 'not … accepted', 'not … accept'],
  fr: ['refus*', 'rejet*', 'pas été accepté*', 'non accepté*', 'pas … accepté*', 'pas … accepter'],
  vi: [
    'bị từ chối',
    'từ chối',
    'không được chấp nhận',
    'không chấp nhận',
    'không được … chấp nhận',
    'không … chấp nhận',
    'bị … từ chối',
  ],
};
export const TIMED_OUT: Concept = {
  // Not "timeout" alone: a setting's name ("the server timeout is 30 s") is no event.
  en: [
    'timed out',
    'timeout after',
    'timeout waiting',
    'timeout from',
    'timeout on',
    'timeout while',
    'timeout during',
    'timeout expired',
    'timeout occurred',
    'i/o timeout',
    'io timeout',
    'read timeout',
    'connect timeout',
    'connection timeout',
    'socket timeout',
    'operation timeout',
    'etimedout',
  ],
  fr: [
    'hors délai*',
    'délai dépassé',
    'délai expiré',
    'expiration du délai',
    // The limit named between: « Délai de connexion dépassé », « délai d'attente de %d sec a expiré ».
    'délai …2 dépassé',
    'délai …3 expiré',
    'délai de connexion …5 dépassé',
    'dépassement du délai',
    'expiration de délai',
    'délai écoulé',
  ],
  vi: [
    'hết thời gian',
    'quá thời gian',
    'hết hạn chờ',
    'quá thời hạn chờ',
    'hết thời hạn chờ',
    'hết giờ',
    'quá giờ',
    'chờ quá lâu',
    'quá lâu không',
  ],
};
/** A limit that ran out: said of a time limit it is a timeout, of a disk it is full. */
export const EXCEEDED: Concept = {
  en: ['exceeded', 'expired', 'elapsed', 'ran out'],
  fr: ['dépass*', 'expiré*', 'écoulé*', 'débordement'],
  vi: ['vượt quá', 'đã hết', 'hết hạn', 'quá hạn'],
};
export const UNSUPPORTED: Concept = {
  en: [
    'unsupported',
    'not supported',
    'does not support',
    'do not support',
    "doesn't support",
    'not support',
    'no supported',
    'not available',
    'not offered',
    'not implemented',
    "aren't supported",
    "isn't supported",
    // "No support for +APOP authentication" (Evolution).
    'no support for',
    // A hedge or an adverb may stand between: "does not seem to support", "does not currently support".
    'does not … support',
    "doesn't … support",
    'do not … support',
  ],
  fr: [
    'non supporté*',
    'pas disponible',
    'indisponible',
    "n'est pas supporté*",
    'ne supporte pas',
    'pris en charge',
    'prise en charge',
    'prend pas en charge',
    "n'accepte pas",
    'ne reconnaît pas',
    'pas prendre en charge',
    'pas la prendre en charge',
    'pas le prendre en charge',
    'ne gère pas',
    'non disponible',
    'indisponible',
    'non proposé*',
    'ne … pas gérer',
    'non géré*',
    'ne … pas prendre en charge',
    'ne … pas la prendre en charge',
  ],
  // The Vietnamese passive names who does not support it between "không được" and the verb: "OAuth 2.0 hiện
  // không được nhà cung cấp này hỗ trợ" (not supported by this provider).
  vi: [
    'không hỗ trợ',
    'không được hỗ trợ',
    'không khả dụng',
    'không có sẵn',
    'không … hỗ trợ',
    'không được …5 hỗ trợ',
  ],
};
/** The Vietnamese passive "not supported by …": its "không được" says who, not that something failed. */
export const SUPPORTED_BY_NOT: readonly string[] = ['không được …5 hỗ trợ'];
export const UNREACHABLE: Concept = {
  en: ['unreachable', 'not reachable', 'is down', 'no route'],
  fr: [
    'injoignable',
    'pas joignable',
    'inaccessible',
    'pas accessible',
    'en panne',
    'est arrêté*',
    'aucun chemin',
    'aucune route',
  ],
  vi: ['không thể tiếp cận', 'không tiếp cận được', 'không chạy', 'không có đường'],
};
export const RESET: Concept = {
  // The nouns too: « Interruption de la connexion au serveur », "loss of connection".
  en: ['reset', 'broken', 'dropped', 'severed', 'aborted', 'closed unexpectedly', 'lost', 'loss'],
  fr: [
    'réinitialisé*',
    'ré-initialisé*',
    'brisé*',
    'rompu*',
    'coupé*',
    'interrompu*',
    'perdu*',
    'interruption',
    'coupure',
    'perte',
  ],
  vi: ['đặt lại', 'bị đứt', 'đứt', 'bị ngắt', 'bị cắt', 'bị hỏng', 'hủy bỏ', 'bị mất', 'mất', 'gián đoạn'],
};
export const BUSY: Concept = {
  en: ['busy', 'in use'],
  fr: ['occupé*', 'en service', 'en cours d’utilisation', "en cours d'utilisation"],
  vi: ['bận', 'đang bận', 'đang được sử dụng'],
};
export const REVOKED: Concept = {
  en: ['revoked', 'changed', 'intercepted'],
  fr: ['révoqué*', 'a changé', 'intercepté*'],
  vi: ['thu hồi', 'đã thay đổi', 'bị chặn'],
};
/** Disk space, named as such: no everyday object. */
export const DISK_SPACE: Concept = {
  en: ['disk space', 'storage space', 'space on disk', 'space left on device', 'space on device'],
  fr: [
    'espace disque',
    'espace de stockage',
    'espace sur le disque',
    'espace disponible sur le périphérique',
    'espace sur le périphérique',
  ],
  vi: [
    'dung lượng đĩa',
    'không gian bộ nhớ',
    'không gian lưu trữ',
    'chỗ trên đĩa',
    'chỗ trống trên đĩa',
    'dung lượng ổ đĩa',
    'dung lượng lưu trữ',
    'chỗ trống trên thiết bị',
    'chỗ trên thiết bị',
  ],
};
export const FULL: Concept = {
  en: [
    'full',
    'no space',
    'no space left',
    'not enough',
    "doesn't have enough",
    "don't have enough",
    'not have enough',
    'run out of',
    'ran out of',
    'insufficient',
    'exceeded',
    'out of space',
    'problem',
  ],
  fr: [
    'plein*',
    'insuffisant*',
    'aucun espace',
    'pas assez',
    'dépassé*',
    'débordement',
    'plus assez',
    'problème',
  ],
  vi: [
    'đầy',
    'bị đầy',
    'không đủ',
    'không còn đủ',
    'không còn chỗ',
    'không có đủ',
    'hết chỗ',
    'hết dung lượng',
    'vượt quá',
    'vấn đề',
  ],
};
export const FAILED: Concept = {
  en: [
    'fail*',
    'error',
    'cannot',
    "can't",
    'could not',
    "couldn't",
    'unable',
    'unsuccessful',
    'did not succeed',
    'not successful',
  ],
  fr: ['échec', 'échou*', 'erreur', 'impossible', "n'a pas abouti", 'pas abouti', 'raté*', 'pas pu'],
  // Vietnamese says "could not" around the verb ("không đặt được", "không kết nối được"); not around more
  // words: "không có mật khẩu được cung cấp" is a passive ("no password was given").
  vi: ['lỗi', 'gặp lỗi', 'thất bại', 'không thể', 'không thành công', 'không được', 'không …2 được'],
};
export const MISMATCH: Concept = {
  en: [
    'mismatch',
    'does not match',
    'did not match',
    "doesn't match",
    'only valid for',
    'but connection is to',
  ],
  fr: [
    'concordance',
    'ne correspond*',
    'correspond pas',
    'valide que pour',
    'valide uniquement pour',
    'mais la connexion est',
  ],
  vi: ['không khớp', 'không trùng', 'không tương ứng', 'chỉ có giá trị cho', 'chỉ hợp lệ cho'],
};
/** A certificate that could not be checked. */
export const NOT_VERIFIED: Concept = {
  en: [
    'could be verified',
    'could not be verified',
    'cannot be verified',
    'verify failed',
    'verification failed',
    'unable to verify',
    'not verified',
    'unverified',
  ],
  fr: [
    'pu être vérifié*',
    'être vérifiée',
    'vérification a échoué',
    'échec de la vérification',
    'impossible de vérifier',
    'non vérifié*',
    'pas été vérifié*',
  ],
  vi: [
    'không thể xác minh',
    'không thể được xác minh',
    'xác minh thất bại',
    'không xác minh được',
    'chưa được xác minh',
    'chưa xác minh',
  ],
};
/** Something expected never came. */
export const NOT_RECEIVED: Concept = {
  en: ['not received', 'never received', 'no greeting', 'did not get'],
  fr: ['pas été obtenu*', 'pas été reçu*', 'jamais reçu*'],
  vi: ['không nhận được', 'chưa nhận được'],
};
/** A generic failure on the other side: "an error occurred with the server". */
export const ERROR_OCCURRED: Concept = {
  en: ['error occurred', 'error has occurred', 'error occured', 'error has occured'],
  fr: ["erreur s'est produite", 'erreur est survenue'],
  vi: ['xảy ra lỗi', 'có lỗi xảy ra', 'có lỗi khi'],
};
export const PROTOCOL_ERROR: Concept = {
  en: ['protocol error'],
  fr: ['erreur de protocole'],
  vi: ['lỗi giao thức'],
};
export const INVALID: Concept = {
  en: [
    'invalid',
    'malformed',
    'unexpected',
    'bad',
    'garbled',
    'not valid',
    'incomplete',
    'truncated',
    'unacceptable',
    'syntax error',
  ],
  fr: [
    'invalide*',
    'mal formé*',
    'inattendu*',
    'incorrect*',
    'pas valable',
    'non valable',
    'non valide',
    // « L'adresse e-mail n'est pas valide ».
    'pas valide*',
    'incomplèt*',
    'défectueux',
    'inacceptable',
    'erreur de syntaxe',
  ],
  // "Sai thông tin tên máy chủ" (Roundcube): wrong information, the setting's value.
  vi: [
    'sai thông tin',
    'không hợp lệ',
    'bất thường',
    'không mong đợi',
    'sai định dạng',
    'không đầy đủ',
    'chưa đầy đủ',
    'không thể chấp nhận',
    'không phải hợp lệ',
    'lỗi cú pháp',
  ],
};
export const EMPTY: Concept = {
  en: ['empty'],
  fr: ['vide*'],
  vi: ['rỗng', 'trống'],
};
/** The program was ended by a signal or returned a failing status. */
export const ABNORMAL_END: Concept = {
  en: ['killed', 'died', 'signal', 'nonzero', 'non-zero', 'exit status', 'exit code', 'returned'],
  fr: ['tué*', 'signal', 'non nul', 'état non nul', 'code de retour'],
  vi: ['bị giết', 'tín hiệu', 'trạng thái', 'khác không', 'không phải số không'],
};
/**
 * A setting the form or the configuration left empty, said of the thing itself: "No server specified", "no
 * login ID submitted", « Aucun serveur indiqué », "Chưa chỉ định máy chủ".
 */
export const NOT_SPECIFIED: Concept = {
  en: ['not specified', 'not submitted', 'no …2 specified', 'no …2 submitted', 'no …2 entered'],
  fr: [
    'aucun …2 spécifié*',
    'aucune …2 spécifiée*',
    'aucun …2 indiqué*',
    'aucune …2 indiquée*',
    'aucun …2 saisi*',
    'aucune …2 saisie*',
    'non renseigné*',
    'pas renseigné*',
  ],
  // "Not yet shown / given": "chưa đưa ra mật khẩu" (sudo's "no password was provided").
  vi: [
    'chưa chỉ định',
    'chưa được chỉ định',
    'không có …2 được chỉ định',
    'chưa điền',
    'chưa được nhập',
    'chưa chỉ ra',
    'chưa đưa ra',
  ],
};
/** The server the configuration never named, said as one phrase (not a server that named no timestamp). */
export const NO_SERVER_SET: Concept = {
  en: [
    'no server specified',
    'no server given',
    'no server provided',
    'no server set',
    'no host specified',
    'no host given',
    'no hostname specified',
    'no mail server specified',
    'server not specified',
    'host not specified',
  ],
  fr: [
    'aucun serveur spécifié',
    'aucun serveur indiqué',
    'aucun serveur renseigné',
    'aucun hôte spécifié',
    // The host named by its name: « Aucun nom d'hôte indiqué » (gvfs), "Chưa chỉ ra tên máy".
    "aucun nom d'hôte indiqué",
    "aucun nom d'hôte spécifié",
    'aucun hôte indiqué',
    'aucun hôte fourni',
    'serveur non spécifié',
    'serveur non renseigné',
    'serveur non indiqué',
  ],
  vi: [
    'chưa chỉ định máy chủ',
    'không có máy chủ được chỉ định',
    'máy chủ chưa được chỉ định',
    'chưa nhập máy chủ',
    'chưa nhập tên máy chủ',
    'chưa chỉ ra tên máy',
    'chưa chỉ ra máy chủ',
    'chưa chỉ định tên máy',
  ],
};
/** Something the program needs was never given to it. */
export const NOT_GIVEN: Concept = {
  en: [
    ...NOT_SPECIFIED.en,
    'not supplied',
    'not set',
    'not configured',
    "can't find",
    'cannot find',
    'no password',
    'not provided',
  ],
  fr: [
    ...NOT_SPECIFIED.fr,
    'pas spécifié*',
    'non spécifié*',
    'pas fourni',
    'pas fournie*',
    'pas fournis',
    'ne trouve pas',
    'non configuré*',
    'pas configuré*',
    'non fourni',
    'non fournie*',
    'non fournis',
    'pas été fourni',
    'pas été fournie*',
    'pas été fournis',
  ],
  vi: [...NOT_SPECIFIED.vi, 'chưa cung cấp', 'chưa nhập', 'chưa đặt', 'chưa cấu hình'],
};
/** The program was built or linked without it. */
export const NOT_BUILT_IN: Concept = {
  en: [
    'not compiled',
    'compiled without',
    'built without',
    'not built',
    'not linked',
    'not installed',
    'in this build',
  ],
  fr: [
    'pas compilé*',
    'non compilé*',
    'activé à la compilation',
    'non inclus',
    'pas lié*',
    'non lié*',
    'compilé sans',
    'construit sans',
    'dans cette version',
  ],
  vi: [
    'chưa biên dịch',
    'không được biên dịch',
    'chưa được biên dịch',
    'chưa liên kết',
    'chưa cài đặt',
    'biên dịch không có',
    'biên dịch mà không có',
  ],
};

/** An error said to pass: temporary × error, said together ("a temporary file" is no temporary error). */
export const TEMPORARY_ERROR: Concept = {
  en: ['temporary error', 'temporary failure', 'temporary problem', 'temporary server error'],
  fr: ['erreur temporaire', 'échec temporaire', 'problème temporaire', 'erreur passagère'],
  vi: ['lỗi tạm thời', 'sự cố tạm thời', 'trục trặc tạm thời'],
};
/** Something expected that is not there ("APOP timestamp not found in greeting"). */
export const MISSING: Concept = {
  en: ['not found', 'missing', 'absent'],
  fr: ['introuvable', 'manquant*', 'absent*', 'pas trouvé*'],
  vi: ['không tìm thấy', 'thiếu', 'không có'],
};
/** Another run of the same program, or another session of the same account. */
export const ANOTHER: Concept = {
  en: ['another'],
  fr: ['un autre', 'une autre'],
  vi: ['khác'],
};
/** Still at work: a program busy with an earlier check. */
export const IN_PROGRESS: Concept = {
  en: ['is running', 'already running', 'still running', 'being processed', 'in progress'],
  fr: ['est exécuté*', "en cours d'exécution", 'en cours de traitement', 'déjà en cours', 'en cours'],
  vi: ['đang chạy', 'đang được xử lý', 'đang xử lý'],
};
/** A server or a connection the program does not trust: said of TLS, that is its certificate. */
export const UNTRUSTED: Concept = {
  en: ['untrusted', 'not trusted'],
  // « Le certificat de … n'est pas de confiance » (wget's French).
  fr: ['non digne de confiance', 'pas digne de confiance', 'pas de confiance', 'non certifié*', 'non fiable'],
  vi: ['không đáng tin', 'không tin cậy', 'chưa được chứng thực'],
};
/** Said of a certificate only: an "insecure connection" is one without TLS. */
export const INSECURE: Concept = {
  en: ['insecure', 'not secure'],
  fr: ['non sécurisé*', 'pas sécurisé*'],
  vi: ['không an toàn', 'không bảo mật'],
};
/** A password made for one mail program, instead of the account's. */
export const APP_PASSWORD: Concept = {
  en: ['app password', 'application password', 'app-specific password', 'application-specific password'],
  fr: ["mot de passe d'application", 'mot de passe spécifique'],
  vi: ['mật khẩu ứng dụng', 'mật khẩu riêng cho ứng dụng', 'mật khẩu dành riêng cho ứng dụng'],
};
/** What a program says it needs ("requires an app password", « devrez utiliser », "cần phải"). */
export const NEEDED: Concept = {
  en: ['require*', 'need', 'needs', 'needed', 'must'],
  fr: ['requi*', 'nécessit*', 'devez', 'devrez', 'exige*', 'obligatoire'],
  vi: ['cần', 'yêu cầu', 'bắt buộc', 'phải'],
};
/**
 * A setting typed into a form or a file: its value may be invalid or missing. The settings as a whole too
 * ("Invalid server settings", « Paramètres du serveur non valides », "Cài đặt máy chủ không hợp lệ").
 */
export const SETTING_VALUE: Concept = {
  en: [
    'port',
    'port number',
    'ip',
    'ip address',
    'server address',
    'server name',
    'host name',
    'hostname',
    'settings',
    // An address typed where the account's belongs: "Invalid email address".
    'email address',
    'e-mail address',
  ],
  fr: [
    'port',
    'numéro de port',
    'adresse ip',
    'adresse du serveur',
    'nom du serveur',
    'nom de serveur',
    "nom d'hôte",
    'paramètres',
    'réglages',
    'adresse e-mail',
    'adresse électronique',
    'adresse courriel',
  ],
  vi: [
    'cổng',
    'địa chỉ ip',
    'địa chỉ máy chủ',
    'tên máy',
    'tên máy chủ',
    'cài đặt',
    'thiết đặt',
    'địa chỉ email',
    'địa chỉ e-mail',
  ],
};
/** A form's request for a valid value: "Please enter a valid port", « Entrez un port valide ». */
export const ENTER_VALID: Concept = {
  en: ['enter a valid', 'enter valid', 'provide a valid', 'specify a valid', 'must be between'],
  fr: [
    'entrez un … valide',
    'entre un … valide',
    'saisissez un … valide',
    'fournir un … valide',
    'indiquer un … valide',
    'doit être compris entre',
  ],
  vi: ['nhập …5 hợp lệ', 'cung cấp …5 hợp lệ', 'phải nằm trong khoảng'],
};
/** Reading from or writing to the other side of a connection: a network error, not the disk's. */
export const TRANSFER: Concept = {
  en: ['read', 'reading', 'write', 'writing', 'communicating', 'communication'],
  fr: ['lire', 'lecture', 'écrire', 'écriture', 'communication', 'communiquer'],
  vi: ['đọc', 'ghi', 'giao tiếp', 'liên lạc'],
};
/** A login method named as such (not the everyday "method"). */
export const AUTH_METHOD: Concept = {
  // Its type, scheme or mode too: "Authentication type not supported", « Schéma d'authentification non
  // supporté », "Lược đồ xác thực không được hỗ trợ" (mailutils), Cyrus SASL's "mechs".
  en: [
    'authentication method',
    'auth method',
    'login method',
    'mechanism*',
    'mech',
    'mechs',
    'authenticator*',
    'authentication type',
    'auth type',
    'authentication scheme',
    'authentication mode',
  ],
  fr: [
    "méthode d'authentification",
    'mécanisme*',
    'authentificateur*',
    "type d'authentification",
    "schéma d'authentification",
    "mode d'authentification",
  ],
  vi: [
    'phương thức xác thực',
    'cơ chế xác thực',
    'phương thức đăng nhập',
    'kiểu xác thực',
    'loại xác thực',
    'lược đồ xác thực',
    'chế độ xác thực',
    'cơ cấu sasl',
  ],
};
/** Unknown to the one that reads it. */
export const UNKNOWN_THING: Concept = {
  en: ['unknown', 'unrecognized', 'unrecognised'],
  fr: ['inconnu*', 'non reconnu*'],
  vi: ['không rõ', 'không xác định', 'không nhận ra'],
};

// --- Session 8: what a program's sentence asks the user to do, and what it says the failure was about ---

/**
 * Advice to check something, as an imperative: what it names is what the program found wrong. Not "verify"
 * nor « vérifier » alone: a TLS trace's "CERT verify" and « impossible de vérifier le certificat » say what
 * the program did, not what the user should.
 */
export const CHECK_ADVICE: Concept = {
  en: [
    'check the',
    'check your',
    'please check',
    'double check',
    'double-check',
    'please verify',
    'verify that',
    'verify your',
    'confirm',
    'make sure',
  ],
  fr: ['vérifiez', 'veuillez vérifier', 'confirmez', 'veuillez confirmer', 'assurez-vous'],
  vi: ['hãy kiểm tra', 'vui lòng kiểm tra', 'xin kiểm tra', 'xác nhận', 'đảm bảo'],
};
/** The encryption setting of an account, as a program names it when it asks to check it. */
export const ENCRYPTION_SETTING: Concept = {
  en: ['protocol', 'ssl', 'tls', 'starttls', 'security type', 'encryption', 'security setting*'],
  fr: ['protocole', 'ssl', 'tls', 'starttls', 'type de sécurité', 'chiffrement', 'paramètres de sécurité'],
  vi: ['giao thức', 'ssl', 'tls', 'starttls', 'loại bảo mật', 'mã hóa', 'cài đặt bảo mật'],
};
/** A cause given as "a security error": the secure channel is what failed, not the connection. */
export const SECURITY_ERROR: Concept = {
  en: ['security error', 'security failure', 'security problem'],
  fr: ['erreur de sécurité', 'problème de sécurité'],
  vi: ['lỗi bảo mật', 'sự cố bảo mật', 'vấn đề bảo mật'],
};
/** The user name and the password named together: which one was wrong is not said. */
export const CREDENTIALS_PAIR: Concept = {
  en: [
    'username or password',
    'user name or password',
    'login or password',
    'username and password',
    'user name and password',
    // The address as the user name: "Invalid email address or password".
    'email address or password',
    'e-mail address or password',
    'email or password',
  ],
  fr: [
    "nom d'utilisateur ou mot de passe",
    "nom d'utilisateur ou le mot de passe",
    'identifiant ou mot de passe',
    "nom d'utilisateur et mot de passe",
    "nom d'utilisateur et votre mot de passe",
    'adresse e-mail ou mot de passe',
    'adresse électronique ou mot de passe',
  ],
  vi: [
    'tên người dùng hoặc mật khẩu',
    'tên đăng nhập hoặc mật khẩu',
    'tên người dùng và mật khẩu',
    'địa chỉ email hoặc mật khẩu',
    'email hoặc mật khẩu',
  ],
};
/** What used to work and no longer does: "can no longer authenticate", « ne peut plus s'authentifier ». */
export const NO_LONGER: Concept = {
  en: ['no longer', 'can no longer', 'not anymore'],
  fr: ['ne peut plus', 'ne peuvent plus', 'ne parvient plus', 'plus possible'],
  vi: ['không còn', 'không còn có thể'],
};
/** A value that "may have changed": the stored one is out of date. */
export const MAY_HAVE_CHANGED: Concept = {
  en: ['may have changed', 'might have changed', 'has changed', 'have changed'],
  fr: ['peut avoir changé', 'a peut-être changé', 'a changé', 'ont changé', 'a été modifié*'],
  vi: ['có thể đã thay đổi', 'đã thay đổi', 'đã bị thay đổi'],
};
/** A form asking for a value: "Please provide a password", « Veuillez fournir un mot de passe ». */
export const ASKED_FOR: Concept = {
  en: ['please provide', 'please enter', 'please specify', 'please fill in', 'please supply'],
  fr: [
    'veuillez fournir',
    'veuillez saisir',
    'veuillez indiquer',
    'veuillez entrer',
    'veuillez renseigner',
    'veuillez remplir',
  ],
  vi: ['vui lòng cung cấp', 'vui lòng nhập', 'hãy nhập', 'hãy cung cấp', 'vui lòng điền', 'hãy điền'],
};
/** A mail folder, as webmail and mail programs name one (not the file system's: that is LOCAL_FILE's). */
export const MAIL_FOLDER: Concept = {
  en: ['folder', 'mail folder', 'mailbox'],
  fr: ['dossier', 'boîte aux lettres', 'boîte de réception'],
  vi: ['thư mục', 'hộp thư'],
};
export const DOES_NOT_EXIST: Concept = {
  en: ['does not exist', "doesn't exist", 'no such', 'not found'],
  fr: ["n'existe pas", "n'existe plus", 'introuvable'],
  vi: ['không tồn tại', 'không tìm thấy'],
};
/** The list of a mailbox's messages: what LIST and STAT read. */
export const MESSAGE_LIST: Concept = {
  en: ['message list', 'list of messages', 'messages list'],
  fr: ['liste des messages', 'liste de messages'],
  vi: ['danh sách thư', 'danh sách tin nhắn'],
};
/** A list or a reply the program was reading that stopped before its end: "Premature end of list". */
export const PREMATURE_END: Concept = {
  en: ['premature end', 'ended prematurely', 'ends prematurely', 'ended early', 'truncated'],
  fr: ['fin prématurée', 'prématurément', 'tronqué*'],
  vi: ['kết thúc sớm', 'kết thúc quá sớm', 'bị cắt cụt', 'bị cắt ngắn'],
};
/** What the program was reading when it stopped early: a list, a listing, a reply. */
export const LISTING: Concept = {
  en: ['list', 'listing', 'reply', 'response', 'answer'],
  fr: ['liste', 'réponse'],
  vi: ['danh sách', 'phản hồi', 'trả lời', 'câu trả lời', 'đáp ứng'],
};
/** A size limit the program itself enforces: "Maximum allowed message size is '6144 KB'", "Email too big". */
export const SIZE_LIMIT: Concept = {
  en: ['maximum allowed', 'max allowed', 'size limit', 'maximum size', 'too big', 'too large', 'oversized'],
  fr: ['taille maximale', 'taille maximum', 'limite de taille', 'trop gros*', 'trop volumineu*'],
  vi: ['kích thước tối đa', 'giới hạn kích thước', 'quá lớn', 'vượt quá kích thước'],
};
/** A protocol's access, as a provider's setting switches it on or off. */
export const MAIL_PROTOCOL: Concept = {
  en: ['imap', 'pop', 'pop3', 'protocol'],
  fr: ['imap', 'pop', 'pop3', 'protocole'],
  vi: ['imap', 'pop', 'pop3', 'giao thức'],
};
export const NOT_ENABLED: Concept = {
  en: ['not enabled', 'disabled', 'turned off', 'switched off'],
  fr: ["n'est pas activé*", 'pas activé*', 'désactivé*'],
  vi: ['không được bật', 'chưa được bật', 'chưa bật', 'bị tắt', 'vô hiệu hóa'],
};
export const ADMINISTRATOR: Concept = {
  en: ['administrator', 'admin'],
  fr: ['administrateur'],
  vi: ['quản trị viên'],
};
/** A login the provider wants through its web pages first. */
export const WEB_LOGIN: Concept = {
  en: ['webmail', 'web browser', 'browser'],
  fr: ['messagerie web', 'navigateur', 'navigateur web', 'webmail'],
  vi: ['trình duyệt', 'email trực tuyến', 'webmail'],
};
/** Advice to set the account by hand: the automatic setup found nothing usable. */
export const MANUAL_SETTINGS: Concept = {
  en: ['manual settings', 'manual configuration', 'configure manually', 'set up manually'],
  fr: ['paramètres manuels', 'configuration manuelle', 'configurer manuellement'],
  vi: ['cài đặt thủ công', 'thiết lập thủ công', 'cấu hình thủ công'],
};
/** "Try again later": the failure will pass. */
export const TRY_LATER: Concept = {
  en: ['try again later', 'retry later', 'try later'],
  fr: ['réessayer plus tard', 'réessayez plus tard', 'réessayer ultérieurement', 'réessayez ultérieurement'],
  vi: ['thử lại sau'],
};
/** A login method that failed while the program goes on with the next one. */
export const NEXT_METHOD: Concept = {
  en: ['next method', 'another method', 'trying next', 'next mechanism'],
  fr: ['méthode suivante', 'autre méthode', 'mécanisme suivant'],
  vi: ['phương thức tiếp theo', 'phương thức khác', 'cơ chế tiếp theo'],
};

// --- Session 11: a setting the account lacks, a login method no side offers, a download not stored ---

/**
 * A field of an account's settings, as a set-up form or a program's configuration names it: the server, the
 * port, the user name, the address, the password, the security or login method, the account's name, the
 * protocol. Not "encryption" nor « sécurité » alone: "Encryption required" is a server's demand (tls.required).
 */
export const SETTING_FIELD: Concept = {
  en: [
    'server name',
    'server address',
    'host name',
    'hostname',
    'incoming server',
    'outgoing server',
    'port',
    'port number',
    'user name',
    'username',
    'login name',
    'email address',
    'e-mail address',
    'mail address',
    'password',
    'security type',
    'security setting*',
    'connection security',
    'encryption type',
    'encryption method',
    'authentication method',
    'account name',
    'protocol',
  ],
  fr: [
    'nom du serveur',
    'nom de serveur',
    'adresse du serveur',
    "nom d'hôte",
    'serveur entrant',
    'serveur sortant',
    'serveur de réception',
    'port',
    'numéro de port',
    "nom d'utilisateur",
    'identifiant',
    'adresse e-mail',
    'adresse électronique',
    'adresse courriel',
    'adresse de courriel',
    'adresse mail',
    'mot de passe',
    'type de sécurité',
    'sécurité de la connexion',
    'type de chiffrement',
    "méthode d'authentification",
    'nom du compte',
    'nom de compte',
    'protocole',
  ],
  vi: [
    'tên máy chủ',
    'địa chỉ máy chủ',
    'máy chủ thư đến',
    'máy chủ đến',
    'máy chủ gửi đi',
    'cổng',
    'số cổng',
    'tên người dùng',
    'tên đăng nhập',
    'địa chỉ email',
    'địa chỉ e-mail',
    'địa chỉ thư',
    'mật khẩu',
    'loại bảo mật',
    'bảo mật kết nối',
    'loại mã hóa',
    'phương thức xác thực',
    'tên tài khoản',
    'giao thức',
  ],
};
/**
 * What a form or a configuration check says of a field it needs: required, missing, empty, not set, or a value
 * of the wrong kind ("must be a number"). Not "must be" alone: "the port must be 995" is advice.
 */
export const VALUE_REQUIRED: Concept = {
  en: [
    'is required',
    'are required',
    'required',
    'missing',
    'is empty',
    'empty',
    'cannot be empty',
    "can't be empty",
    'must not be empty',
    'must be entered',
    'must be filled*',
    'must be specified',
    'must be provided',
    'must be set',
    'must be a number',
    'must be numeric',
    'must be a valid',
    'must be between',
    'must not contain',
    'cannot contain',
    'not configured',
    'not set',
  ],
  fr: [
    'obligatoire',
    'requis*',
    'manquant*',
    'vide',
    'vides',
    'ne peut pas être vide',
    'ne doit pas être vide',
    'doit être renseigné*',
    'doit être saisi*',
    'doit être indiqué*',
    'doit être spécifié*',
    'doit être un nombre',
    'doit être compris*',
    'ne doit pas contenir',
    'ne peut pas contenir',
    'non configuré*',
    'pas configuré*',
    'non renseigné*',
  ],
  vi: [
    'bắt buộc',
    'cần có',
    'cần nhập',
    'còn trống',
    'để trống',
    'bị trống',
    'trống',
    'rỗng',
    'phải là số',
    'phải là một số',
    'phải được nhập',
    'phải nằm trong',
    'không được chứa',
    'chưa cấu hình',
    'chưa được cấu hình',
    'chưa nhập',
    'thiếu',
  ],
};
/**
 * The requirement said as advice or asked as a question: what a field is needed for ("the password is required
 * to log in", « obligatoire pour se connecter », "bắt buộc để đăng nhập") or which value it takes.
 */
export const REQUIRED_FOR: readonly string[] = [
  'required to',
  'required for',
  'which',
  'what',
  'whether',
  'requis pour',
  'requise pour',
  'obligatoire pour',
  'quel',
  'quelle',
  'quels',
  'quelles',
  'bắt buộc để',
  'cần có để',
  'cần để',
  'có cần',
  'có bắt buộc',
  'gì',
  // A home network's settings, not a mail account's: « Le mot de passe du wifi n'est pas configuré ».
  'wifi',
  'wi-fi',
  'router',
  'routeur',
  'modem',
  'bluetooth',
  'vpn',
  'printer',
  'imprimante',
  'máy in',
];
/** A form's plea to fill in the fields it requires. */
export const REQUIRED_FIELDS: Concept = {
  en: ['fill in all required', 'fill in the required', 'fill out all required', 'all required fields'],
  fr: ['remplir tous les champs', 'remplissez tous les champs', 'champs obligatoires', 'champs requis'],
  vi: ['điền vào tất cả các trường', 'điền đầy đủ các trường', 'các trường bắt buộc', 'trường bắt buộc'],
};
/** A value a setting holds that the program does not know: "Unknown security setting". */
export const SETTING_KIND: Concept = {
  en: ['security setting*', 'security type', 'connection security', 'encryption type', 'encryption setting*'],
  fr: ['paramètre de sécurité', 'type de sécurité', 'sécurité de la connexion', 'type de chiffrement'],
  vi: ['cài đặt bảo mật', 'loại bảo mật', 'bảo mật kết nối', 'loại mã hóa'],
};
/** An incoming server the account never got: "No incoming server configured". */
export const NO_SERVER_CONFIGURED: Concept = {
  en: ['no …2 server configured', 'no …2 server set up', 'no …2 server defined'],
  fr: ['aucun serveur …2 configuré', 'aucun serveur …2 défini', 'serveur …2 non configuré'],
  vi: ['chưa cấu hình máy chủ', 'chưa thiết lập máy chủ', 'không có máy chủ …3 được cấu hình'],
};
/**
 * A login method the two sides share none of: "No compatible authentication mechanism", « Aucun mécanisme
 * d'authentification approprié », "Không tìm ra phương thức đăng nhập phù hợp".
 */
export const NONE_IN_COMMON: Concept = {
  en: [
    'no compatible',
    'no common',
    'no suitable',
    'no acceptable',
    'no usable',
    'no matching',
    'none of the',
    'could not negotiate',
    'cannot negotiate',
    'unable to negotiate',
    'failed to negotiate',
    'incompatible',
    'not compatible',
    'does not offer',
    "doesn't offer",
    'offers no',
    'not offered',
    // Cyrus SASL's "No worthy mechs found"; a method the server finds too weak.
    'no worthy',
    'too weak',
  ],
  fr: [
    'trop faible',
    'aucun …4 compatible*',
    'aucune …4 compatible*',
    'aucun …4 commun',
    'aucune …4 commune',
    'aucun …4 approprié*',
    'aucune …4 approprié*',
    'aucun …4 adéquat*',
    'aucune …4 adéquate*',
    'aucun …4 utilisable*',
    'aucune …4 utilisable*',
    'incompatible*',
    'pas compatible*',
    'ne propose pas',
    'ne propose aucun*',
    "n'offre pas",
    "n'offre aucun*",
    'impossible de négocier',
    // "No supported … found": « Impossible de trouver un mécanisme … pris en charge ».
    'impossible de trouver …5 pris en charge',
    'échec de la négociation',
  ],
  vi: [
    'không tương thích',
    'không có …3 chung',
    'không có …5 phù hợp',
    'không tìm ra …5 phù hợp',
    'không tìm thấy …5 phù hợp',
    'không …2 cung cấp',
    'không thể thương lượng',
    'không thương lượng được',
    'không thể thỏa thuận',
    'không tìm thấy …4 được hỗ trợ',
    'không sẵn sàng',
    'quá yếu',
  ],
};
/** A login method named by what it protects: "secure authentication" (Thunderbird's, Outlook's). */
export const SECURE_AUTH: Concept = {
  en: ['secure authentication', 'secure password authentication', 'login method', 'logon method'],
  fr: ['authentification sécurisée', 'méthode de connexion', "méthode d'identification"],
  vi: ['xác thực bảo mật', 'xác thực an toàn', 'phương thức đăng nhập'],
};
/** Saving, writing, copying, moving or creating where the program keeps what it downloaded. */
export const STORE: Concept = {
  // The participles too ("could not be written", « n'a pas pu être enregistré »), and a message appended or
  // appended to a mailbox file. Not "add": a message added to a list is no message stored.
  en: [
    'save',
    'saving',
    'saved',
    'write',
    'writing',
    'written',
    'store',
    'storing',
    'stored',
    'copy',
    'copying',
    'copied',
    'move',
    'moving',
    'moved',
    'create',
    'creating',
    'created',
    'append',
    'appending',
    'appended',
  ],
  fr: [
    'enregistrer',
    'enregistrement',
    'enregistré*',
    'sauvegarder',
    'sauvegarde',
    'écrire',
    'écriture',
    'écrit',
    'écrite',
    'stocker',
    'stocké*',
    'copier',
    'copié*',
    'déplacer',
    'déplacé*',
    'créer',
    'création',
    'créé*',
  ],
  // Not "chuyển" alone: "chuyển thư" is also to pass a message on (deliver, forward).
  vi: ['lưu', 'ghi', 'sao chép', 'chép', 'di chuyển', 'tạo'],
};
/** What a mail program keeps locally: a message, a file, a folder, its disk. */
export const LOCAL_MAIL: Concept = {
  en: ['message', 'messages', 'mail', 'email', 'file', 'folder', 'directory', 'maildir', 'mbox', 'disk'],
  fr: ['message', 'messages', 'courriel', 'fichier', 'dossier', 'répertoire', 'maildir', 'mbox', 'disque'],
  vi: ['thư', 'tin nhắn', 'tệp', 'tập tin', 'thư mục', 'maildir', 'mbox', 'đĩa'],
};
/**
 * A folder or a file named as the local one, on this device ("Local folder not found", « dossier local »,
 * "thư mục cục bộ"). Not "local" alone: a path's /usr/local is no folder of mail.
 */
export const LOCAL_PLACE: Concept = {
  en: ['local folder*', 'local file*', 'local mailbox*', 'local director*', 'local storage', 'local cache'],
  fr: [
    'dossier local',
    'dossiers locaux',
    'fichier local',
    'fichiers locaux',
    'boîte locale',
    'répertoire local',
    'stockage local',
  ],
  vi: ['thư mục cục bộ', 'tệp cục bộ', 'tập tin cục bộ', 'hộp thư cục bộ', 'bộ nhớ cục bộ'],
};
/** The disk ran out, in the words a program uses for it. */
export const OUT_OF_SPACE: Concept = {
  en: ['out of disk space', 'out of storage', 'out of space'],
  fr: ["manque d'espace", "manque d'espace disque", "plus d'espace", 'le disque est plein', 'stockage plein'],
  vi: ['hết đĩa', 'hết dung lượng lưu trữ', 'hết bộ nhớ lưu trữ', 'đĩa đã đầy', 'bộ nhớ đã đầy'],
};
/** A program telling the user to name a setting it lacks: "You must specify a server". */
export const MUST_SPECIFY: Concept = {
  en: ['must specify', 'must provide', 'must enter'],
  fr: ['devez indiquer', 'devez spécifier', 'devez saisir', 'devez renseigner', 'devez fournir'],
  vi: ['phải chỉ định', 'phải cung cấp', 'phải nhập'],
};
/** A file opened to be written: only a local one is (a server's mailbox is read over the connection). */
export const FOR_WRITING: Concept = {
  en: ['for writing', 'for write', 'for append*'],
  fr: ['en écriture', 'pour écriture', "pour l'écriture", 'en ajout'],
  vi: ['để ghi', 'cho việc ghi', 'chế độ ghi'],
};
/** What a server does not allow or refused: said of a login method, the method is what it refused. */
export const NOT_ALLOWED: Concept = {
  en: [
    'not allowed',
    'does not allow',
    "doesn't allow",
    'disallowed',
    'not permitted',
    'refused',
    'rejected',
  ],
  fr: ["n'autorise pas", 'pas autorisé*', 'non autorisé*', 'interdit*', 'refusé*', 'rejeté*'],
  vi: ['không cho phép', 'không được phép', 'từ chối', 'bị từ chối'],
};
/** Free space, said of a disk: "Not enough free space on the disk". */
export const FREE_SPACE: Concept = {
  en: ['free space', 'free disk space'],
  fr: ['espace libre', "d'espace libre"],
  vi: ['dung lượng trống', 'chỗ trống'],
};
