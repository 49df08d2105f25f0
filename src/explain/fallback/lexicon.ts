/**
 * The fallback's lexicon: words and phrases that decide a category when no knowledge-base entry knows the
 * wording, in English, French and Vietnamese, written as people write them (accents are folded when the
 * lexicon is compiled, so "verrouillée", "verrouillee" and "VERROUILLÉE" all meet "verrouill*").
 *
 * A cue fires when every one of its terms appears in the text (in any order); a term is a phrase of words,
 * and a word ending in `*` matches any ending ("lock*": lock, locked, locking); `#hostname` is a host name or
 * an address in the text. The scores of the cues that
 * fire add up per category. A cue of two terms says more than one of one: its weight is higher.
 * `for` limits a cue to a server's reply (`-ERR …`) or a program's own message.
 */
export interface Cue {
  category: string;
  all: readonly (readonly string[])[];
  weight: number;
  for?: 'server' | 'client';
  /** Its terms name a thing and what went wrong with it (outcomes.ts): that says failure by itself. */
  outcome?: true;
  /** Its words are everyday words too: a program's line must show it is one (a host, a port, a POP word…). */
  anchor?: true;
  /** It frames what the program was doing ("an error occurred with the server"): it decides only alone. */
  frame?: true;
  /** Terms that, anywhere in the text, say the cue's words mean something else (see outcomes.ts). */
  unless?: readonly string[];
}

type Terms = readonly string[];
const cue = (category: string, weight: number, all: readonly Terms[], only?: 'server' | 'client'): Cue =>
  only ? { category, weight, all, for: only } : { category, weight, all };
/** A cue that frames what the program was doing: it decides only when nothing else is said. */
export const frame = (framing: Cue): Cue => ({ ...framing, frame: true });
/** A cue whose terms name a thing and what went wrong with it (see outcomes.ts). */
const outcome = (
  category: string,
  weight: number,
  all: readonly Terms[],
  only?: 'server' | 'client',
): Cue => ({
  ...cue(category, weight, all, only),
  outcome: true,
});

// Word families used by several cues.
const MAILBOX: Terms = [
  'mailbox',
  'maildrop',
  'inbox',
  'mail drop',
  'mail box',
  'boîte',
  'hộp thư',
  'hòm thư',
];
const ACCOUNT: Terms = ['account', 'compte', 'tài khoản', 'user account'];
const USER: Terms = [
  'user',
  'username',
  'user name',
  'login name',
  'account name',
  'utilisateur',
  'identifiant',
  'nom de compte',
  'người dùng',
  'tên đăng nhập',
  'tên người dùng',
  'tên tài khoản',
];
// Not "mail" nor the Vietnamese "thư" alone: they also name the server and the mailbox ("hộp thư").
const MESSAGE: Terms = [
  'message',
  'msg',
  // A message's number, abbreviated as some servers print it ("mail nr not found").
  'mail nr',
  'msg nr',
  'courriel',
  'thư số',
  'bức thư',
  'lá thư',
  'thư điện tử',
  'tin nhắn',
];
const COMMAND: Terms = ['command', 'cmd', 'commande', 'lệnh', 'câu lệnh'];
const POP: Terms = ['pop', 'pop3', 'pop3s'];
const TLS: Terms = [
  'tls',
  'ssl',
  'starttls',
  'stls',
  'encrypt*',
  'chiffr*',
  'mã hóa',
  'secure connection',
  'connexion sécurisée',
  'kết nối bảo mật',
  // "An toàn" (safe) as translators also write "secure": "kết nối an toàn".
  'kết nối an toàn',
];
const PASSWORD: Terms = ['password', 'passwd', 'mot de passe', 'mật khẩu'];
const NOT_ALLOWED: Terms = [
  'not allowed',
  'disallowed',
  'not permitted',
  'disabled',
  'not enabled',
  'denied',
  'forbidden',
  'prohibited',
  'blocked',
  'non autorisé*',
  'pas autorisé*',
  'interdit*',
  'désactivé*',
  'pas activé*',
  'non activé*',
  'refusé*',
  'bloqué*',
  'không được phép',
  'bị vô hiệu',
  'vô hiệu hóa',
  'chưa bật',
  'chưa được bật',
  'bị tắt',
  'đã tắt',
  'bị chặn',
  'bị từ chối',
  'không cho phép',
];
// What is wrong with a thing, said right beside it (see `qualified`).
const WRONG: Terms = [
  'invalid',
  'incorrect',
  'wrong',
  'bad',
  'invalide',
  'non valide*',
  'incorrect*',
  'erroné*',
  'mauvais',
  'không hợp lệ',
  'không đúng',
  'không chính xác',
  'sai',
];
/**
 * A thing and the state that qualifies it, next to each other in either order ("invalid password", « mot de
 * passe incorrect », "mật khẩu sai", "sai mật khẩu"), a verb "to be" allowed between ("password is wrong",
 * « le mot de passe est erroné »).
 */
function qualified(things: Terms, states: Terms): Terms {
  return things.flatMap((thing) => states.flatMap((state) => [`${state} ${thing}`, `${thing} …1 ${state}`]));
}
const NOT_FOUND: Terms = [
  'unknown',
  'not found',
  'no such',
  'does not exist',
  "doesn't exist",
  'nonexistent',
  'non-existent',
  'invalid',
  'not exist',
  'inconnu*',
  'introuvable',
  "n'existe pas",
  'inexistant*',
  'invalide',
  'non valide*',
  'không tồn tại',
  'không tìm thấy',
  'không xác định',
  'không hợp lệ',
];
const FAILED: Terms = [
  'fail*',
  'unsuccessful',
  'refused',
  'rejected',
  'denied',
  'incorrect',
  'invalid',
  'wrong',
  'bad',
  'échec',
  'échoué*',
  'refusé*',
  'rejeté*',
  'incorrect*',
  'invalide',
  'non valide*',
  'pas valide*',
  'erroné*',
  'thất bại',
  'không thành công',
  'bị từ chối',
  'sai',
  'không đúng',
  'không hợp lệ',
];
// The frame "an error while doing X": X failed (« Erreur lors du téléchargement », "Lỗi khi tải thư").
const FAILED_WHILE: Terms = [
  'error while',
  'error during',
  'failed to',
  'erreur lors',
  'erreur pendant',
  'échec de',
  'échec du',
  'échec lors',
  'lỗi khi',
  'lỗi trong khi',
];
// Getting a message from the server, however the program says it.
const RETRIEVE: Terms = [
  'retriev*',
  'download*',
  // « Impossible de charger le courriel depuis le serveur » (Roundcube), "Could not load the message".
  'load',
  'charger',
  'fetch*',
  'récupér*',
  'télécharg*',
  'relever',
  'relève',
  'tải',
  'lấy',
  'nhận',
];
const CANNOT: Terms = [
  'cannot',
  "can't",
  'can not',
  'unable',
  'could not',
  "couldn't",
  'failed',
  'failure',
  'error',
  'impossible',
  'échec',
  'échoué*',
  'erreur',
  'ne peut',
  'pas pu',
  // « Ne parvient pas à résoudre … », « n'a pas réussi à … »: French says "could not" with these verbs too.
  'ne parvien* pas',
  'pas parvenu*',
  'pas réussi*',
  'không thể',
  'không mở được',
  'không truy cập được',
  'lỗi',
  'thất bại',
];
const TIMEOUT: Terms = [
  'timeout',
  'timed out',
  'time out',
  'time-out',
  'délai dépassé',
  // The limit is named between: « Délai de connexion dépassé », « délai d'attente … expiré ».
  'délai …2 dépassé',
  'délai …2 expiré',
  // The time limit of a connection or a reply, the thing named between: « Le délai de connexion est dépassé ».
  'délai de connexion …2 dépassé',
  'délai de réponse …2 dépassé',
  'dépassement du délai',
  'délai écoulé',
  "délai d'attente",
  // Not « expiré » alone: English and Vietnamese say a time limit ran out only with it ("timed out", "hết thời
  // gian"); « Les données d'authentification ont expiré » is a login that lapsed.
  'hết thời gian',
  'quá thời gian',
  'hết hạn chờ',
  // The waiting time's limit said whole: "Quá thời hạn chờ khi phân giải …" (gvfs), "hết thời hạn chờ".
  'quá thời hạn chờ',
  'hết thời hạn chờ',
  // What the connection was to, named between: « Délai de connexion au port de données dépassé » (apt).
  'délai de connexion …5 dépassé',
  'hors délai*',
  'temps limite',
  'hết giờ',
  'quá giờ',
  'quá hạn',
  // "too long" of a wait ("chờ quá lâu", "quá lâu không đáp ứng"); a length is "quá dài".
  'quá lâu',
];
const IDLE: Terms = [
  'inactivity',
  'idle',
  'autologout',
  'inactivité',
  'inactif',
  'không hoạt động',
  'nhàn rỗi',
];
const TOO_MANY: Terms = [
  'too many',
  'maximum',
  'limit',
  'exceeded',
  'trop de',
  // « Trop d'échecs d'authentification »: the article elided.
  'trop d',
  'limite',
  'dépassé*',
  'quá nhiều',
  'vượt quá',
  'giới hạn',
  'tối đa',
];
const CONNECTIONS: Terms = ['connection*', 'session*', 'connexion*', 'kết nối', 'phiên'];
/** Words of TOO_MANY that say a limit was passed without naming a count: a time limit may be what was passed. */
const EXCEEDED: Terms = ['exceeded', 'dépassé*', 'vượt quá'];
/** A time limit named as such: what was exceeded is then a time, not a count. */
const TIME_LIMIT: Terms = [
  'délai',
  'timeout',
  'time-out',
  'time out',
  'timed out',
  'time limit',
  'temps',
  'thời gian',
  'hết giờ',
  'quá giờ',
];
const LOGINS: Terms = [
  'login*',
  'logon*',
  'attempt*',
  'failure*',
  'tentative*',
  'échec*',
  'lần đăng nhập',
  'đăng nhập sai',
  'lần thử',
  // Failures of what: "too many authentication failures", « trop d'échecs d'authentification »,
  // "quá nhiều lỗi khi xác thực".
  'authentication*',
  'authentification*',
  'xác thực',
];

// Words of a program's own message about its network, TLS and login (client lines).
const HOST: Terms = [
  'host',
  'hostname',
  'host name',
  'server name',
  'hôte',
  "nom d'hôte",
  'máy chủ',
  'tên máy',
  'máy',
  'máy phục vụ',
];
const CERTIFICATE: Terms = [
  'certificate*',
  'certificat*',
  'cert',
  'x509',
  'x.509',
  'chứng chỉ',
  'chứng nhận',
  'certification authority',
  'autorité de certification',
  'issuer',
  'émetteur',
  'pkix',
  'subject alternative',
  'common name',
  'commonname',
  'trust anchor',
  'unknown ca',
  'ca is unknown',
  'untrusted ca',
];

const HANDSHAKE: Terms = [
  'handshake',
  'negotiat*',
  'poignée de main',
  'négociation',
  'négocier',
  'bắt tay',
  'thương lượng',
  'thỏa thuận',
  'thoả thuận',
];
const REMOTE: Terms = [
  'remote host',
  'remote party',
  'remote side',
  'remote end',
  // Not telnet's "foreign host": "Connection closed by foreign host." is how every session ends.
  'peer',
  'hôte distant',
  'pair',
  'serveur distant',
  'máy ở xa',
  'máy từ xa',
  'phía bên kia',
  'correspondant',
  'interlocuteur',
  // « L'hôte a fermé la connexion », "Máy đã đóng kết nối" (not the English "host": telnet's "Connection
  // closed by foreign host." above).
  'hôte',
  'máy',
  'ngang hàng',
  'server',
  'serveur',
  'máy chủ',
  'máy phục vụ',
];
const ENDED: Terms = [
  'closed',
  'terminated',
  'aborted',
  'ended',
  'fermé*',
  'terminé*',
  'interrompu*',
  'a mis fin',
  'bị đóng',
  'đã đóng',
  'đóng',
  'kết thúc',
  'ngắt',
  'bị hủy',
];
const TRANSFER: Terms = [
  'read*',
  'writ*',
  'send*',
  'receiv*',
  'lecture',
  'écriture',
  'lire',
  'écrire',
  'envoi',
  'réception',
  // Not "gửi" (send) nor "nhận" (receive) alone: a password is sent too, and "chấp nhận" is accept.
  'đọc dữ liệu',
  'ghi dữ liệu',
  'gửi dữ liệu',
  'nhận dữ liệu',
];
const CHANNEL: Terms = [
  'socket',
  'transport',
  'stream',
  'connection',
  'connecteur',
  'connexion',
  'flux',
  'kết nối',
  'luồng',
  'ổ cắm',
];
const UNSUPPORTED: Terms = [
  'unsupported',
  'does not support',
  'do not support',
  "doesn't support",
  'not supported',
  'not available',
  'no supported',
  'non supporté*',
  'non pris en charge',
  "n'est pas pris* en charge",
  'pas prise en charge',
  'pas pris en charge',
  'ne prend pas en charge',
  'ne supporte pas',
  "n'est pas supporté*",
  'ne gère pas',
  // A pronoun may stand inside the negation: « ce serveur ne la prend pas en charge », « ne le gère pas ».
  'ne …1 prend pas en charge',
  'ne …1 supporte pas',
  'ne …1 gère pas',
  'indisponible',
  'không hỗ trợ',
  'không được hỗ trợ',
  // What the other side does not offer: "Authentication not possible (not offered by the service)" (Zammad).
  'not offered',
  'non proposé*',
  'pas proposé*',
  'non offert*',
  'pas offert*',
  'không được cung cấp bởi',
];

export const LEXICON: readonly Cue[] = [
  // mailbox.locked: a lock, a mailbox in use by another session.
  cue('mailbox.locked', 2, [
    // Not "khóa" alone: it is also a key ("sử dụng khoá trong chứng nhận", a certificate's key usage).
    [
      'lock*',
      'verrou*',
      'khóa hộp thư',
      'tệp khóa',
      'tập tin khóa',
      'in use',
      'in-use',
      'busy',
      'đang được sử dụng',
      'đang bận',
      'đang dùng',
      // Held, as Vietnamese says it of a file or a device: "… bị khóa", "… đang được (hệ thống) dùng".
      'bị khóa',
      'đang được …5 dùng',
      'đang được …5 sử dụng',
    ],
  ]),
  // A mailbox named, or its file named by its path ("/var/mail/alice đang được dùng").
  cue('mailbox.locked', 3, [
    [...MAILBOX, '#mailbox-path'],
    [
      'lock*',
      'verrou*',
      'khóa',
      'in use',
      'busy',
      'occupé*',
      'utilisé*',
      'đang được sử dụng',
      'đang bận',
      'đang được …5 dùng',
      'đang được …5 sử dụng',
    ],
  ]),
  cue('mailbox.locked', 3, [
    [
      'another session',
      'other session',
      'another process',
      'autre session',
      'autre processus',
      'phiên khác',
      'phiên … khác',
      'tiến trình khác',
      'already open',
      'déjà ouverte',
      // Locked by someone else: « verrouillé par un autre utilisateur », "bị người dùng khác khóa".
      'another user',
      'autre utilisateur',
      'người dùng khác',
      // Held by another program: « utilisée par un autre programme », "bị ngăn cản bởi một ứng dụng".
      'another program',
      'another application',
      'by an application',
      'autre programme',
      'autre application',
      'par une application',
      'chương trình khác',
      'ứng dụng khác',
      'bởi một ứng dụng',
    ],
  ]),
  // auth.pop-disabled: POP switched off for the account, domain or server.
  cue('auth.pop-disabled', 4, [POP, NOT_ALLOWED]),
  // auth.account-disabled
  cue('auth.account-disabled', 4, [
    ACCOUNT,
    [
      ...NOT_ALLOWED,
      'lock*',
      'suspend*',
      'expired',
      'inactive',
      'verrouillé*',
      'suspendu*',
      'expiré*',
      'bị khóa',
      'tạm ngưng',
      'đình chỉ',
      'hết hạn',
    ],
  ]),
  // The account itself switched off: "Account disabled", « Compte désactivé », "Tài khoản bị vô hiệu hóa" (no
  // POP switched off, though a program's "POP3:" prefix names POP).
  cue('auth.account-disabled', 3, [USER, ['suspend*', 'disabled', 'désactivé*', 'bị khóa', 'bị vô hiệu']]),
  // The state right beside the account qualifies the account, whatever protocol a prefix names ("POP3 …:
  // Tài khoản bị vô hiệu hóa"); "POP3 access is disabled for this account" qualifies the access.
  cue('auth.account-disabled', 6, [
    qualified(ACCOUNT, [
      'disabled',
      'suspended',
      'désactivé*',
      'suspendu*',
      'bị vô hiệu hóa',
      'bị vô hiệu hoá',
      'bị khóa',
      'bị tạm ngưng',
      'bị đình chỉ',
    ]),
  ]),
  // auth.unknown-user / auth.bad-password / auth.failed
  cue('auth.unknown-user', 4, [[...USER, ...ACCOUNT, ...MAILBOX], NOT_FOUND]),
  cue('auth.bad-password', 4, [PASSWORD, [...FAILED, 'mismatch', 'không khớp']]),
  cue('auth.failed', 2, [
    [
      'auth*',
      'login',
      'logon',
      'log in',
      'sign in',
      'credentials',
      'identification',
      'authentification',
      'identifiants',
      'connexion',
      'xác thực',
      'đăng nhập',
      'thông tin đăng nhập',
      'thông tin xác thực',
      'giấy ủy nhiệm',
    ],
    FAILED,
  ]),
  // French "connexion" is a login where the user it was for is named in the same sentence (« Échec de la
  // connexion … avec le nom d’utilisateur alice »); without one it stays the connection (the frame below).
  cue(
    'auth.failed',
    5,
    [['connexion', 'se connecter'], USER, [...FAILED, 'échec', 'impossible', 'pas pu']],
    'client',
  ),
  // A message that names both the user and the password refuses the pair without saying which part is
  // wrong ("Invalid user and password combination"): that is auth.failed, not either of the two above.
  cue('auth.failed', 6, [USER, PASSWORD]),
  // The verb before its object: "Máy chủ từ chối (việc) đăng nhập của alice", "the server refused the login";
  // a classifier ("việc", "sự") may stand between.
  cue('auth.failed', 4, [
    [
      'từ chối …2 đăng nhập',
      'từ chối …2 xác thực',
      'refused …2 login',
      'rejected …2 login',
      'refused …2 authentication',
      'rejected …2 authentication',
    ],
  ]),
  // Which word the state qualifies is where it stands: next to the password ("Invalid password with username
  // …", « Mot de passe non valide pour l'utilisateur … », "Mật khẩu không hợp lệ với tài khoản …"), the user
  // named after it is only whose password it was; joined by "or" to the user ("user name or password
  // incorrect", « identifiant ou mot de passe incorrect »), the pair is refused without saying which.
  cue('auth.bad-password', 5, [qualified(PASSWORD, WRONG)]),
  // Expired said of a password, an account or a user is the account's state, not a time limit: « Votre compte
  // a expiré » is no timeout, "Mật khẩu đã hết hạn" no lapse of a wait (Linux-PAM's "User account has
  // expired"; `sasl-passphrase-expired` in English). Credentials alone that expired are a token's (below).
  cue('auth.account-disabled', 7, [
    qualified(
      [...PASSWORD, ...ACCOUNT, ...USER],
      ['expired', 'expiré*', 'hết hạn', 'quá hạn', 'hết hiệu lực'],
    ),
  ]),
  // Access refused after a protocol's prefix ("POP3: Accès refusé", "POP3: Truy cập bị từ chối") is the
  // login refused, as "Access denied" is in English; POP named between ("Accès POP refusé") stays POP off.
  cue('auth.failed', 5, [POP, ['accès refusé', 'accès interdit', 'truy cập bị từ chối', 'từ chối truy cập']]),
  cue('auth.failed', 5, [
    [
      'user …2 or password',
      'login or password',
      'account or password',
      'identifiant ou …1 mot de passe',
      'utilisateur ou …1 mot de passe',
      'người dùng hoặc mật khẩu',
      'đăng nhập hoặc mật khẩu',
      'tài khoản hoặc mật khẩu',
    ],
  ]),
  cue('auth.failed', 3, [
    [
      'invalid credentials',
      'bad credentials',
      'identifiants incorrects',
      'identifiants invalides',
      'sai thông tin đăng nhập',
      // "Login incorrect" as Vietnamese says it (mc's "Đăng nhập không đúng").
      'đăng nhập không đúng',
    ],
  ]),
  // Credentials named with what is wrong with them, in either order: « Informations d'authentification non
  // valides pour … », "Giấy ủy nhiệm không hợp lệ cho …", "credentials were rejected".
  cue('auth.failed', 3, [
    [
      'credentials',
      'identifiants',
      'informations …1 identification',
      'informations …1 authentification',
      'données …1 authentification',
      'thông tin đăng nhập',
      'thông tin xác thực',
      'giấy ủy nhiệm',
    ],
    FAILED,
  ]),
  cue('auth.too-many-failures', 5, [TOO_MANY, LOGINS]),
  // A program that counts its failed logins ("Too many authentication failures", « Trop d'échecs
  // d'authentification », "Quá nhiều lỗi khi xác thực"): the count decides, not the failure it counts.
  cue('auth.too-many-failures', 7, [['too many', 'trop de', 'trop d', 'quá nhiều'], LOGINS], 'client'),
  cue('auth.too-many-failures', 3, [
    ['brute force', 'temporarily blocked', 'bloqué temporairement', 'tạm thời bị chặn', 'banned', 'banni'],
  ]),
  cue('auth.login-delay', 4, [
    [
      'login-delay',
      'login delay',
      'too soon',
      'trop tôt',
      'quá sớm',
      'too frequent*',
      'trop fréquent*',
      'quá thường xuyên',
    ],
  ]),
  cue('auth.app-password', 4, [
    [
      'app password',
      'application password',
      'application-specific',
      'app-specific',
      "mot de passe d'application",
      'mật khẩu ứng dụng',
      'web login',
      'connexion web',
      'đăng nhập web',
      'basic auth*',
    ],
  ]),
  cue('auth.oauth-token', 4, [
    ['oauth*', 'xoauth2', 'token', 'jeton', 'mã thông báo'],
    [...FAILED, 'expired', 'expiré*', 'hết hạn'],
  ]),
  cue('auth.mechanism', 4, [
    [
      'mechanism*',
      'mécanisme*',
      'cơ chế',
      'sasl',
      'apop',
      'method',
      'méthode',
      'phương thức',
      'cách xác thực',
      'cram',
      'digest',
      'gssapi',
      'kerberos',
      'ntlm',
    ],
    [
      'unsupported',
      'not supported',
      'not available',
      'non supporté*',
      'non pris en charge',
      'pas pris en charge',
      'indisponible',
      'không hỗ trợ',
      'không được hỗ trợ',
      // None of them supported: "Không có cách xác thực được hỗ trợ nào".
      'không có …4 được hỗ trợ',
      ...NOT_ALLOWED,
    ],
  ]),
  // A login method the other side lacks: "authentication not supported", not a refused login.
  outcome('auth.mechanism', 5, [
    ['authenticat*', 'authentification', 'authentifier', 'xác thực', 'auth'],
    UNSUPPORTED,
  ]),
  // Authentication the service itself switched off: « Authentification impossible (désactivé par le
  // service) » is the login method the service does not allow, not a refused password.
  outcome(
    'auth.mechanism',
    6,
    [
      ['authenticat*', 'authentification', 'xác thực'],
      [
        'disabled by the service',
        'disabled by the server',
        'désactivé* par le service',
        'désactivé* par le serveur',
        'bị dịch vụ vô hiệu hóa',
        'bị máy chủ vô hiệu hóa',
      ],
    ],
    'client',
  ),
  // A program that could not log in ("Could not login", "Không đăng nhập được"): the login was refused.
  // French "connexion" is a login where it names who logs in (« Connexion en tant que … impossible »).
  cue('auth.failed', 4, [
    [
      'login',
      'log in',
      'logon',
      'authenticat*',
      'authentifi*',
      'connexion en tant que',
      'connecter en tant que',
      'đăng nhập',
      'xác thực',
    ],
    // Vietnamese says "could not" around the verb: "không đăng nhập được".
    [
      'could not',
      "couldn't",
      'cannot',
      "can't",
      'can not',
      'unable',
      'impossible',
      'không thể',
      'không …2 được',
      ...FAILED_WHILE,
    ],
  ]),
  // A message the program could not get, or a mailbox it could not open, said in a frame a new verb fits
  // (« Impossible de récupérer le message 5 », "Không thể tải thư số 5", "Failed to download message 5"). A
  // frame: a line that says why (a reset, a refused login) decides over it.
  frame(cue('message.unavailable', 5, [MESSAGE, RETRIEVE, [...CANNOT, ...FAILED_WHILE]], 'client')),
  frame(
    cue(
      'mailbox.unavailable',
      5,
      [
        MAILBOX,
        ['open*', 'ouvr*', 'ouverture', 'mở', 'access', 'accéder', 'truy cập'],
        [...CANNOT, ...FAILED_WHILE],
      ],
      'client',
    ),
  ),
  // No usable login method: the method is what failed, not the password.
  cue('auth.mechanism', 5, [
    [
      'authentication method',
      'auth method',
      "méthode d'authentification",
      'phương thức xác thực',
      'cơ chế xác thực',
      'mechanism*',
      'mécanisme*',
      // The program's login modules: "No authenticators available", « Pas d'authentificateurs disponibles ».
      'authenticator*',
      'authentificateur*',
    ],
    [
      ...CANNOT,
      'no usable',
      'aucune',
      // "does not use any supported authentication method": not any is none.
      'any supported',
      'no supported',
      'bất kỳ …4 được hỗ trợ',
      'no … available',
      'pas …2 disponible*',
      'invalid',
      'non valide*',
      'không hợp lệ',
    ],
  ]),
  // tls
  cue('tls.required', 5, [
    [
      'plaintext',
      'plain text',
      'clear text',
      'cleartext',
      'en clair',
      'texte clair',
      'texte brut',
      'nhập thô',
      'văn bản thô',
      'không mã hóa',
      'văn bản thuần',
    ],
    [...NOT_ALLOWED, 'required', 'must', 'only'],
  ]),
  cue('tls.required', 4, [
    TLS,
    [
      'required',
      'must',
      'mandatory',
      'needed',
      'first',
      'obligatoire',
      'requis*',
      'nécessaire',
      'exigé*',
      'bắt buộc',
      'phải',
      'cần phải',
      'yêu cầu',
    ],
  ]),
  cue('tls.unavailable', 3, [
    TLS,
    [
      'unavailable',
      'not available',
      'not supported',
      'unsupported',
      'not compiled',
      'not offered',
      'indisponible',
      'non disponible',
      'non supporté*',
      'pas disponible',
      'không khả dụng',
      'không hỗ trợ',
      'không có sẵn',
      'disabled',
      'désactivé*',
    ],
  ]),
  // A program that needs TLS says the server refused CAPA, without which it cannot ask for STLS (fetchmail
  // "STLS is mandatory for this session, but server refused CAPA command", and its fr/vi catalogues): the
  // server cannot encrypt, which outweighs the "mandatory" of the cue above.
  cue('tls.unavailable', 6, [TLS, ['refus*', 'rejected', 'rejet*', 'từ chối'], ['capa']], 'client'),
  cue('tls.certificate', 5, [CERTIFICATE], 'client'),
  // What a program says of a certificate it did not accept: this outweighs a handshake or an expiry alone.
  outcome(
    'tls.certificate',
    4,
    [
      [
        ...CERTIFICATE,
        'self-signed',
        'auto-signé*',
        'tự ký',
        'verif*',
        'vérifi*',
        'xác minh',
        'trust*',
        'approuvé*',
        'tin cậy',
      ],
      [
        'expired',
        'expiré*',
        'hết hạn',
        'not yet valid',
        'pas encore valide',
        'chưa hợp lệ',
        'chưa có hiệu lực',
        'untrusted',
        'not trusted',
        'non approuvé*',
        'non fiable',
        'không tin cậy',
        'không đáng tin',
        'self-signed',
        'auto-signé*',
        'tự ký',
        'unknown',
        'inconnu*',
        'không rõ',
        'chưa biết',
        'không xác định',
        'không nhận ra',
        'bad',
        'mauvais',
        'sai',
        'invalid',
        'invalide',
        'không hợp lệ',
        'revoked',
        'révoqué*',
        'thu hồi',
        'did not match',
        'does not match',
        'mismatch',
        'ne correspond*',
        'does not correspond',
        'không khớp',
        'không tương ứng',
        'could not be verified',
        "n'a pu être vérifié",
        'verification failed',
        'không thể xác minh',
        'did not present',
        'no certificate',
        'pas approuvé*',
        'not known',
        'in the future',
        'dans le futur',
        'trong tương lai',
        'path building',
        'quá hạn',
        'missing',
        'manquant*',
        'thiếu',
        'broken',
        'rompue',
        'aucun certificat',
        'không có chứng chỉ',
      ],
    ],
    'client',
  ),
  // A refused login, as a program says it (a server's "-ERR" says it with fewer words: weight 2 above).
  cue(
    'auth.failed',
    2,
    [['authenticat*', 'authentifi*', 'identification', 'xác thực', 'login'], FAILED],
    'client',
  ),
  // A program whose server lacks TLS, or whose TLS connection could not be made at all.
  outcome('tls.unavailable', 4, [TLS, UNSUPPORTED], 'client'),
  cue(
    'tls.mismatch',
    4,
    [
      [...TLS, 'mode sécurisé', 'secure mode', 'chế độ an toàn'],
      ['connect', 'connection', 'connexion', 'kết nối'],
      [...FAILED, ...CANNOT],
    ],
    'client',
  ),
  // TLS that could not be set up: the handshake failed or was cut, no common protocol version or cipher.
  cue('tls.unavailable', 4, [HANDSHAKE, [...FAILED, ...CANNOT, 'échouée']], 'client'),
  // The STARTTLS step itself failed ("STARTTLS failed!", « échec de STARTTLS ! », "STARTTLS gặp lỗi!", wget's):
  // the upgrade to TLS did not happen.
  cue(
    'tls.unavailable',
    4,
    [
      ['starttls', 'stls'],
      [...FAILED, 'échec', 'échouée', 'gặp lỗi'],
    ],
    'client',
  ),
  outcome(
    'tls.unavailable',
    6,
    [HANDSHAKE, ['terminated', 'aborted', 'interrompu*', 'bị ngắt', 'bị hủy']],
    'client',
  ),
  cue('tls.unavailable', 3, [['fatal alert', 'alert', 'alerte', 'cảnh báo']], 'client'),
  cue(
    'tls.unavailable',
    5,
    [
      [
        'protocol version',
        'version de protocole',
        'version du protocole',
        'phiên bản giao thức',
        'insufficient security',
        'sécurité insuffisante',
        'không đủ bảo mật',
      ],
    ],
    'client',
  ),
  outcome(
    'tls.unavailable',
    5,
    [
      ['cipher*', 'chiffrement', 'mật mã'],
      [...UNSUPPORTED, ...NOT_FOUND, 'no common', 'aucun*', 'aucune'],
    ],
    'client',
  ),
  // Bytes that are no TLS record: one side speaks TLS, the other plain text (or another protocol).
  outcome(
    'tls.mismatch',
    6,
    [
      ['packet', 'record', 'paquet', 'enregistrement', 'gói tin', 'bản ghi'],
      [
        'unexpected',
        'invalid',
        'incorrect*',
        'decod*',
        'décod*',
        'too long',
        'trop long*',
        'malformed',
        'mal formé*',
        'does not look like',
        'inattendu*',
        'bất thường',
        'không hợp lệ',
        'không mong đợi',
        'giải mã',
        'quá dài',
      ],
    ],
    'client',
  ),
  // mailbox.unavailable: cannot open the mailbox, storage, quota, corruption.
  cue('mailbox.unavailable', 3, [
    MAILBOX,
    [
      ...CANNOT,
      'access',
      'accès',
      'truy cập',
      'open',
      'ouvrir',
      'mở hộp thư',
      'corrupt*',
      'endommagé*',
      'bị hỏng',
      'crash*',
      'missing',
      'manquant*',
      'bị thiếu',
    ],
  ]),
  cue(
    'mailbox.unavailable',
    3,
    [
      [
        'quota',
        'over quota',
        'disk full',
        'storage full',
        'mailbox full',
        'espace disque',
        'plein*',
        'dung lượng',
        'bị đầy',
        'đã đầy',
      ],
    ],
    'server',
  ),
  cue(
    'mailbox.unavailable',
    2,
    [
      [
        'storage',
        'stockage',
        'lưu trữ',
        'i/o error',
        'io error',
        'permission denied',
        'permission refusée',
        'không có quyền',
      ],
    ],
    'server',
  ),
  // mailbox.too-many-sessions
  cue('mailbox.too-many-sessions', 5, [TOO_MANY.filter((t) => !EXCEEDED.includes(t)), CONNECTIONS]),
  // "Exceeded" with a connection is a count of sessions only when no time limit is named: « Le délai de
  // connexion est dépassé », "connection timeout exceeded" are timeouts.
  { ...cue('mailbox.too-many-sessions', 5, [EXCEEDED, CONNECTIONS]), unless: TIME_LIMIT },
  cue('mailbox.too-many-sessions', 3, [['simultaneous', 'concurrent', 'simultané*', 'đồng thời']]),
  // message.*
  cue('message.not-found', 3, [MESSAGE, [...NOT_FOUND, 'out of range', 'hors limites', 'ngoài phạm vi']]),
  cue('message.deleted', 4, [
    MESSAGE,
    [
      'deleted',
      'already deleted',
      'marked for deletion',
      'supprimé*',
      'marqué* pour suppression',
      'đã bị xóa',
      'đã xóa',
      'đánh dấu xóa',
    ],
  ]),
  cue('message.unavailable', 3, [
    MESSAGE,
    [...CANNOT, 'corrupt*', 'endommagé*', 'bị hỏng', 'cannot load', 'illisible', 'không đọc được'],
  ]),
  // update.delete-failed
  cue('update.delete-failed', 5, [
    ['delet*', 'remov*', 'expunge*', 'supprim*', 'suppression', 'effac*', 'xóa'],
    [
      'not removed',
      'could not',
      'failed',
      'non supprimé*',
      'pas pu',
      'échoué*',
      'impossible',
      'không thể',
      'không xóa được',
      'thất bại',
      ...FAILED_WHILE,
    ],
  ]),
  // command.*
  cue('command.unknown', 4, [
    COMMAND,
    [
      'unknown',
      'not understood',
      'unrecognized',
      'unrecognised',
      'not implemented',
      'not supported',
      'unsupported',
      'not enabled',
      'invalid',
      // « Commande invalide » (lftp, git), "Lệnh không hợp lệ": what English "Invalid command" says.
      'invalide',
      'non valide',
      'không hợp lệ',
      'inconnue',
      'non comprise',
      'incomprise',
      'non reconnue',
      'non implémentée',
      'non supportée',
      'non prise en charge',
      'không hiểu',
      'không nhận ra',
      'không được hỗ trợ',
      'không hỗ trợ',
      'không xác định',
      'không hợp lệ',
      'chưa bật',
      'ne gère pas',
      'ne supporte pas',
      'ne prend pas en charge',
    ],
  ]),
  cue('command.state', 5, [
    COMMAND,
    [
      'not allowed',
      'not valid',
      'not permitted',
      'wrong state',
      'this state',
      'not now',
      'out of sequence',
      'non autorisée',
      'pas permise',
      'cet état',
      'không được phép',
      'trạng thái này',
      'sai trạng thái',
    ],
  ]),
  cue('command.state', 4, [
    [
      'not logged in',
      'not authenticated',
      'login first',
      'log in first',
      'already authenticated',
      'already logged in',
      'non authentifié',
      'pas connecté',
      'déjà authentifié',
      'chưa đăng nhập',
      'chưa xác thực',
      'đã đăng nhập rồi',
      'đã xác thực',
    ],
  ]),
  // TLS started twice: the command came in the wrong state, whatever words say "TLS".
  cue('command.state', 5, [TLS, ['already', 'déjà', 'đã được thiết lập', 'đã bật', 'đã được bật']], 'server'),
  cue('command.syntax', 3, [
    [
      'syntax',
      'syntaxe',
      'cú pháp',
      'argument*',
      'parameter*',
      'paramètre*',
      'tham số',
      'line too long',
      'ligne trop longue',
      'dòng quá dài',
      'noise after',
    ],
  ]),
  // session / server
  cue('session.timeout', 3, [[...TIMEOUT, ...IDLE]], 'server'),
  cue('session.timeout', 2, [IDLE], 'client'),
  cue('server.shutdown', 4, [
    [
      'shutting down',
      'shutdown',
      'restart*',
      'going down',
      'arrêt* du serveur',
      'redémarr*',
      'đang tắt',
      'khởi động lại',
      'tắt máy chủ',
    ],
  ]),
  cue('server.shutdown', 2, [['maintenance', 'bảo trì']]),
  cue('server.temporary', 3, [
    [
      'temporar*',
      'try again later',
      'try later',
      'retry later',
      'temporairement',
      'réessayez plus tard',
      'tạm thời',
      'thử lại sau',
    ],
  ]),
  cue('server.temporary', 3, [
    [
      'internal error',
      'internal server error',
      'erreur interne',
      'lỗi nội bộ',
      'crash*',
      'planté',
      'segfault',
      'backend',
      'database',
      'base de données',
      'cơ sở dữ liệu',
    ],
  ]),
  cue('server.temporary', 2, [
    ['unavailable', 'indisponible', 'không khả dụng', 'overload*', 'surcharg*', 'quá tải'],
  ]),
  cue('server.permanent', 2, [['permanent*', 'vĩnh viễn']]),
  // A program's own message about its connection.
  outcome(
    'connect.refused',
    5,
    [['connection refused', 'econnrefused', 'connexion refusée', 'kết nối bị từ chối', 'từ chối kết nối']],
    'client',
  ),
  // Time ran out, whatever else the line names (a handshake, a connection being set up).
  cue('connect.timeout', 6, [TIMEOUT], 'client'),
  // A host or network that cannot be reached: nothing answered (the capture's "no route" scenarios time out).
  outcome(
    'connect.timeout',
    5,
    [
      [
        // "There is no route to this host" (Zammad): a determiner may stand before the host.
        'no route to …1 host',
        'unreachable',
        'host is down',
        // As the C library's translators write EHOSTDOWN: « L'hôte cible est arrêté ou en panne », "Máy không chạy".
        'hôte …2 arrêté',
        'hôte …2 en panne',
        'máy không chạy',
        'máy chủ không chạy',
        'not reachable',
        'injoignable',
        'inaccessible',
        "n'est pas accessible",
        'pas accessible',
        'aucune route',
        'aucun chemin',
        'không có đường dẫn',
        'không có tuyến',
        'không thể tiếp cận',
        'không tiếp cận được',
        'không thể truy cập mạng',
      ],
    ],
    'client',
  ),
  outcome(
    'connect.timeout',
    4,
    [
      ['no answer', 'pas de réponse', 'aucune réponse', 'không có phản hồi', 'không có trả lời'],
      [...HOST, 'serveur', 'server'],
    ],
    'client',
  ),
  outcome(
    'connect.timeout',
    4,
    [
      [
        'not responding',
        'no response',
        'ne répond pas',
        'aucune réponse',
        'không phản hồi',
        'không trả lời',
        // No reply received: "Không nhận được phản hồi/trả lời".
        'không nhận được phản hồi',
        'không nhận được trả lời',
      ],
    ],
    'client',
  ),
  outcome(
    'connect.reset',
    4,
    [
      [
        'connection reset',
        'reset by peer',
        'econnreset',
        'broken pipe',
        // EPIPE as the C library's translators write it: « Relais brisé (pipe) », "Ống dẫn bị hỏng".
        'relais brisé',
        'tube brisé',
        'tube cassé',
        'ống dẫn bị hỏng',
        'đường ống bị hỏng',
        'epipe',
        'closed unexpectedly',
        'unexpected eof',
        'eof',
        'connexion interrompue',
        'réinitialisée',
        'kết nối bị ngắt',
        'ngắt kết nối',
        // Lost, the verb first as Vietnamese says it: "Mất kết nối đến máy chủ" (Tuta), "kết nối bị mất".
        'mất kết nối',
        'kết nối bị mất',
      ],
    ],
    'client',
  ),
  outcome(
    'connect.reset',
    4,
    [
      ['connection', 'connexion', 'kết nối'],
      [
        'reset',
        'dropped',
        'interrupted',
        'abort*',
        'interrompue',
        'réinitialisé*',
        'ré-initialisé*',
        'coupée',
        'abandon*',
        'bị ngắt',
        'bị cắt',
        'đặt lại',
        'gián đoạn',
        'hủy bỏ',
      ],
    ],
    'client',
  ),
  // A connection closed is the normal end of a session ("Connection closed by foreign host" after QUIT):
  // only an unexpected close says something went wrong.
  outcome(
    'connect.reset',
    4,
    [
      ['connection', 'connexion', 'kết nối'],
      // Or cut off: "Kết nối ngắt bất ngờ" (libsoup's Vietnamese for "Connection terminated unexpectedly").
      [
        'closed',
        'fermée',
        'fermé',
        'bị đóng',
        'đóng',
        'terminated',
        'ended',
        'terminée',
        'kết thúc',
        'ngắt',
        'bị ngắt',
      ],
      ['unexpected*', 'prematurely', 'inattendu*', 'prématurément', 'bất ngờ', 'đột ngột'],
    ],
    'client',
  ),
  outcome(
    'connect.dns',
    5,
    // With the host it names: "the host of the party is unknown" is no lookup.
    [
      HOST,
      [
        'unknown',
        'not found',
        'inconnu*',
        'introuvable',
        'không rõ',
        'không tìm thấy',
        'không xác định',
        // A host the program could not find: "Unable to find host …", « Impossible de trouver l'hôte … ».
        'unable to find',
        'cannot find',
        "can't find",
        'could not find',
        "couldn't find",
        'failed to find',
        'impossible de trouver',
        'không tìm được',
      ],
      ['#hostname'],
    ],
    'client',
  ),
  cue(
    'connect.dns',
    5,
    [
      [
        'resolv*',
        'résoudre',
        'résolution',
        'phân giải',
        'dns',
        'getaddrinfo',
        'gethostbyname',
        'nxdomain',
        'name or service',
        'no address associated',
      ],
    ],
    'client',
  ),
  outcome(
    'connect.dns',
    5,
    [
      [
        'unknown host',
        'no such host',
        'locate host',
        'host not found',
        'could not resolve',
        "couldn't resolve",
        'name or service not known',
        'enotfound',
        'eai_again',
        'hôte inconnu',
        'hôte introuvable',
        'không phân giải',
        // "Host unknown" as translators write it: "Không biết máy", "Máy không rõ".
        'không biết máy',
        'máy không rõ',
        'không tìm thấy máy chủ',
      ],
    ],
    'client',
  ),
  outcome(
    'connect.refused',
    5,
    [CHANNEL, ['refused', 'refusée', 'refusé', 'bị từ chối', 'từ chối']],
    'client',
  ),
  // A program that could not open its connection and says no more ("Connection failed.", « La connexion a
  // échoué », "Kết nối thất bại", "Could not connect"): nothing took the connection. The weakest reading of
  // a connection failure, below any cause the line names (a time-out, a name, TLS, a reset): the least a
  // program's line must score to decide. A frame: Evolution's "Unable to connect to POP server …" heads a
  // dialog whose next line says what failed (a refused password).
  frame(
    cue(
      'connect.refused',
      4,
      [
        ['connect', 'connection', 'connexion', 'se connecter', 'kết nối'],
        [
          'cannot',
          "can't",
          'unable',
          'could not',
          "couldn't",
          'failed',
          'impossible',
          'échec',
          'échoué*',
          'pas pu',
          'không thể',
          'thất bại',
        ],
      ],
      'client',
    ),
  ),
  outcome(
    'connect.reset',
    5,
    [
      ['disconnected', 'déconnecté*', 'ngắt kết nối', 'mất kết nối'],
      ['unexpected*', 'inattendu*', 'bất ngờ', 'đột ngột'],
    ],
    'client',
  ),
  // A POP server (a proxy, a front end) that says it could not connect could not reach the server behind it
  // ("-ERR failed: Could not connect to server", perdition with its back end down): the service is down for
  // now, whatever the client does.
  cue(
    'server.temporary',
    3,
    [
      ['connect', 'connexion', 'se connecter', 'kết nối'],
      ['could not', "couldn't", 'cannot', 'unable', 'failed', 'impossible', 'không thể'],
    ],
    'server',
  ),
  // A connection the program had and lost ("Connection to server lost.", « Interruption de la connexion au
  // serveur », "Mất kết nối tới máy chủ"): dropped mid-way.
  outcome('connect.reset', 5, [CHANNEL, ['lost', 'perdu*', 'interruption', 'bị mất']], 'client'),
  // The other side closed or cut the connection mid-way, or reading and writing on it failed.
  // Only with the connection named: "the server closed the door" is no network error.
  outcome('connect.reset', 5, [REMOTE, ENDED, CHANNEL], 'client'),
  cue('connect.reset', 5, [TRANSFER, CHANNEL, [...CANNOT, 'failure']], 'client'),
  cue(
    'connect.reset',
    5,
    [
      ['push', 'pull'],
      ['function', 'fonction', 'hàm'],
    ],
    'client',
  ),
  outcome(
    'connect.reset',
    4,
    [
      ['connection', 'connexion', 'kết nối'],
      // "was closed": Twisted's ConnectionDone, "Connection was closed cleanly." (the other side closed it).
      [
        'broken',
        'is closed',
        'was closed',
        'est fermée',
        'a été fermée',
        'coupé*',
        'bị đứt',
        'đứt',
        'đã bị đóng',
      ],
    ],
    'client',
  ),
  outcome(
    'tls.mismatch',
    5,
    [['wrong version number', 'unknown protocol', 'packet length too long', 'record layer failure']],
    'client',
  ),
  // The account's storage limit at the provider, not the local disk: "Your storage limit has been exceeded. You
  // can no longer receive or send emails" (Tuta), « Votre limite de stockage a été dépassée », "vượt quá giới hạn
  // lưu trữ": the mailbox is over its quota (a disk quota stays the local disk's).
  outcome(
    'mailbox.unavailable',
    6,
    [
      ['storage limit', 'limite de stockage', 'giới hạn lưu trữ'],
      ['exceeded', 'reached', 'dépassé*', 'atteinte', 'vượt quá', 'đã đạt'],
    ],
    'client',
  ),
  outcome(
    'client.storage',
    4,
    [
      [
        'disk full',
        'no space',
        'not enough disk space',
        // Not "write error", « erreur d'écriture », "không thể ghi": writing failed is storage only when
        // what was written to is no server (outcomes.ts reads the two).
        'disque plein',
        'espace disque insuffisant',
        'hết dung lượng',
        'không đủ dung lượng',
        'no space left',
        'aucun espace',
        "quota d'espace disque",
        'không đủ chỗ',
        'hết chỗ',
        // "No longer enough": "Không còn đủ chỗ", « plus assez de place ».
        'không còn đủ chỗ',
        'không còn chỗ',
        'không còn đủ dung lượng',
        'pas assez de place',
        "pas assez d'espace",
        'plus assez de place',
        "plus assez d'espace",
        'not enough space',
        // A capacity (« sức chứa ») that ran out.
        'không đủ sức chứa',
        'hết sức chứa',
      ],
    ],
    'client',
  ),
  // A disk full, in a program's line: "Ổ đĩa đầy ảnh cũ" is a disk full of old photos.
  {
    ...outcome('client.storage', 4, [['đĩa đầy', 'đĩa đã đầy', 'đầy đĩa']], 'client'),
    anchor: true,
  },
  // Where the program writes accepts no writing: "The destination is read-only", « en lecture seule », "chỉ
  // (cho phép) đọc". A mailbox the server opens read-only is the server's (mailbox.unavailable).
  {
    ...outcome(
      'client.storage',
      4,
      [['read-only', 'lecture seule', 'chỉ đọc', 'chỉ cho đọc', 'chỉ cho phép đọc']],
      'client',
    ),
    unless: MAILBOX,
  },
  // A disk quota is storage, even where Vietnamese writes it after "vượt quá" ("vượt quá hạn ngạch đĩa" holds
  // "quá hạn", overdue): it outweighs a time limit.
  outcome(
    'client.storage',
    7,
    [['disk quota', 'quota disque', "quota d'espace disque", 'hạn ngạch đĩa', 'hạn mức đĩa']],
    'client',
  ),
  // The local delivery agent (MDA) that takes each downloaded message failed or refused it.
  outcome(
    'client.storage',
    5,
    [
      ['mda', 'delivery agent', 'agent de livraison', 'programme de livraison', 'chương trình phát thư'],
      [...FAILED, ...CANNOT, 'killed', 'tué', 'non-zero', 'non nul', 'gặp lỗi', 'bị giết'],
    ],
    'client',
  ),
  // The program itself lacks the feature (TLS, a login method): it was built without it.
  outcome(
    'client.unsupported',
    5,
    [
      [
        'not compiled',
        'compiled without',
        'built without',
        'not built',
        'pas compilé*',
        'pas été activé à la compilation',
        'non inclus',
        'non compilé*',
        'chưa biên dịch',
        'không được biên dịch',
        'chưa được biên dịch',
      ],
    ],
    'client',
  ),
  // A library or module the program needs for TLS or a login method is missing or cannot start ("Could not
  // load IO::Socket::SSL", "cannot initialize the SASL library"): the program lacks the feature.
  cue(
    'client.unsupported',
    6,
    [
      ['library', 'module', 'bibliothèque', 'thư viện', 'mô-đun'],
      ['load', 'initiali*', 'locate', 'charger', 'initialiser', 'nạp', 'khởi tạo'],
      [...CANNOT, 'missing', 'manquant*', 'thiếu'],
    ],
    'client',
  ),
  // Session 10 (servers-source): what POP servers no set had seen say, in words of their own, of a command's
  // turn, of its form and of a message's fate. Each is a server's reply only.
  // A login step sent before its turn (PASS before USER, a command before the login) or a second time.
  cue(
    'command.state',
    5,
    [
      USER,
      [
        'not specified',
        'not provided',
        'was not provided',
        'not given',
        'first',
        'non indiqué*',
        'non fourni*',
        'pas été fourni*',
        "d'abord",
        'chưa được cung cấp',
        'chưa chỉ định',
        'trước',
      ],
    ],
    'server',
  ),
  cue(
    'command.state',
    5,
    [
      [
        'already specified',
        'already said',
        'already given',
        'login twice',
        'log in twice',
        'authenticate twice',
        'first log in',
        'connectez-vous d’abord',
        'hãy đăng nhập trước',
        'déjà indiqué*',
        'déjà spécifié*',
        'déjà donné*',
        'deux fois',
        'đã chỉ định rồi',
        'hai lần',
      ],
    ],
    'server',
  ),
  // "available only in AUTHORIZATION state", « uniquement dans l'état AUTHORIZATION ».
  cue(
    'command.state',
    5,
    [
      COMMAND,
      [
        'only in',
        'available only',
        'only valid in',
        'only allowed in',
        'uniquement dans',
        'uniquement en',
        'seulement dans',
        'chỉ dùng được',
        'chỉ hợp lệ',
        'chỉ được phép',
      ],
      ['state', 'état', 'trạng thái'],
    ],
    'server',
  ),
  // The messages are not loaded yet: no login opened the mailbox ("Message list not loaded").
  cue(
    'command.state',
    5,
    [
      [...MESSAGE, 'messages', 'message list', 'list', 'liste', 'danh sách'],
      ['not loaded', 'pas chargé*', 'non chargé*', 'chưa được tải', 'chưa tải'],
    ],
    'server',
  ),
  // The command's form: malformed, too long, too much data, a number that is not one.
  cue('command.syntax', 4, [['malformed', 'mal formé*', 'sai định dạng', 'sai dạng']], 'server'),
  cue(
    'command.syntax',
    4,
    [
      [...USER, ...PASSWORD, ...COMMAND, 'request', 'requête', 'yêu cầu'],
      ['too long', 'trop long*', 'quá dài'],
    ],
    'server',
  ),
  cue(
    'command.syntax',
    4,
    [['excessive amount of data', 'too much data', 'trop de données', 'quá nhiều dữ liệu']],
    'server',
  ),
  cue(
    'command.syntax',
    3,
    [
      [
        'invalid digit',
        'not numeric',
        'non-numeric',
        'should be numeric',
        'must be numeric',
        'not a number',
        'chiffre invalide',
        'non numérique',
        "n'est pas un nombre",
        'không phải là số',
        'chữ số không hợp lệ',
      ],
    ],
    'server',
  ),
  // A command the standard dropped ("the LAST command was removed in RFC1725").
  cue(
    'command.unknown',
    5,
    [
      COMMAND,
      ['removed', 'obsolete', 'no longer', 'retirée', 'obsolète', 'đã bị bỏ', 'đã bị loại bỏ', 'lỗi thời'],
    ],
    'server',
  ),
  // A message another session deleted after this one listed it (RFC 1939 §8 leaves that to the server).
  cue(
    'message.expunged',
    8,
    [
      ['deleted', 'removed', 'expunged', 'supprimé*', 'effacé*', 'bị xóa', 'đã xóa'],
      [
        'another session',
        'concurrent session',
        'other session',
        'another client',
        'autre session',
        'session concurrente',
        'autre client',
        'phiên khác',
        'phiên đồng thời',
      ],
    ],
    'server',
  ),
  // A number past the count ("must not exceed the number of messages").
  cue(
    'message.not-found',
    5,
    [
      ['exceed*', 'greater than', 'more than', 'dépasse*', 'supérieur*', 'vượt quá', 'lớn hơn'],
      ['number of messages', 'message count', 'nombre de messages', 'số thư', 'số lượng thư'],
    ],
    'server',
  ),
  // Starting TLS failed on the server's side ("Error switching to secure SSL/TLS connection", "STLS error in ssl
  // context"): it cannot encrypt this session. "Already in TLS" says the turn was wrong (command.state, above).
  cue(
    'tls.unavailable',
    4,
    [TLS, ['error', 'failed', 'failure', 'erreur', 'échec', 'échoué*', 'lỗi', 'thất bại']],
    'server',
  ),
  // The POP service switched off for the account ("Access to requested service disabled").
  cue(
    'auth.pop-disabled',
    5,
    [
      ['service', 'dịch vụ'],
      ['disabled', 'désactivé*', 'bị vô hiệu', 'vô hiệu hóa', 'bị tắt'],
    ],
    'server',
  ),
  // The mailbox's list of messages could not be read ("Can't get mail list").
  cue(
    'mailbox.unavailable',
    4,
    [['mail list', 'message list', 'liste des messages', 'liste de messages', 'danh sách thư'], CANNOT],
    'server',
  ),
];
