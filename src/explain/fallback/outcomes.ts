import {
  ABNORMAL_END,
  CERTIFICATE,
  CERTIFICATE_NAME,
  ERROR_OCCURRED,
  DISK_SPACE,
  REVOKED,
  ABRUPTLY,
  END_OF_STREAM,
  CERTIFICATE_STATE,
  ENDED,
  FATAL_ALERT,
  NEGATION,
  PROPERLY,
  SUCCEEDED,
  MISSING_CODE,
  SERVER_IDENTITY,
  LOCAL_FILE,
  MISMATCH,
  NOT_RECEIVED,
  NOT_VERIFIED,
  PERMISSION_DENIED,
  PROTOCOL_ERROR,
  WRITE,
  BUSY,
  type Concept,
  CONNECTION,
  DELIVERY,
  EMPTY,
  EXCEEDED,
  FAILED,
  FULL,
  GREETING,
  INITIALIZATION,
  INVALID,
  LOCK,
  LOGIN,
  LOGIN_METHOD,
  LOGIN_METHOD_NAME,
  NAME_LOOKUP,
  NETWORK,
  NOT_BUILT_IN,
  NOT_GIVEN,
  NO_SERVER_SET,
  PREMATURE_END,
  LISTING,
  SIZE_LIMIT,
  PASSWORD_OR_USER,
  PIPE,
  REFUSED,
  REPLY,
  RESET,
  SECURE_CHANNEL,
  SERVER,
  SPACE,
  TIME_LIMIT,
  TIMED_OUT,
  termsOf,
  UNREACHABLE,
  UNSUPPORTED,
  TEMPORARY_ERROR,
  MISSING,
  ANOTHER,
  IN_PROGRESS,
  UNTRUSTED,
  TRUST_PROMPT,
  INSECURE,
  APP_PASSWORD,
  NEEDED,
  SETTING_VALUE,
  ENTER_VALID,
  TRANSFER,
  AUTH_METHOD,
  UNKNOWN_THING,
  CHECK_ADVICE,
  ENCRYPTION_SETTING,
  SECURITY_ERROR,
  CREDENTIALS_PAIR,
  NO_LONGER,
  MAY_HAVE_CHANGED,
  ASKED_FOR,
  MAIL_FOLDER,
  DOES_NOT_EXIST,
  MESSAGE_LIST,
  MAIL_PROTOCOL,
  NOT_ENABLED,
  ADMINISTRATOR,
  WEB_LOGIN,
  MANUAL_SETTINGS,
  TRY_LATER,
  NEXT_METHOD,
  SUPPORTED_BY_NOT,
  TO_DISK,
  SETTING_FIELD,
  VALUE_REQUIRED,
  REQUIRED_FOR,
  REQUIRED_FIELDS,
  SETTING_KIND,
  NO_SERVER_CONFIGURED,
  NONE_IN_COMMON,
  SECURE_AUTH,
  STORE,
  LOCAL_MAIL,
  LOCAL_PLACE,
  OUT_OF_SPACE,
  MUST_SPECIFY,
  FOR_WRITING,
  NOT_ALLOWED,
  FREE_SPACE,
} from './concepts.js';
import { type Cue, frame } from './lexicon.js';

type Slot = Concept | readonly string[];
const terms = (slot: Slot): readonly string[] => (Array.isArray(slot) ? slot : termsOf(slot as Concept));

/** Objects no ordinary sentence names: a pair with one of them is about a mail program's connection. */
const TECHNICAL: ReadonlySet<Slot> = new Set<Slot>([
  SECURE_CHANNEL,
  LOGIN_METHOD_NAME,
  NAME_LOOKUP,
  CERTIFICATE,
  CERTIFICATE_NAME,
  NOT_BUILT_IN,
  TIMED_OUT,
]);

/**
 * A cue that names a thing and what happened to it: the pair says that something went wrong, so a program's
 * line needs no other failure word ("Ống dẫn bị hỏng": a pipe, broken). Most objects are everyday words too
 * (a server at a restaurant, a broken pipe under the sink, a refused delivery): unless the pair names a
 * technical object, the line must show it comes from a mail program (see `anchored` in classify.ts).
 */
const pair = (category: string, weight: number, slots: readonly Slot[], only?: 'server' | 'client'): Cue => ({
  category,
  weight,
  all: slots.map(terms),
  outcome: true,
  ...(slots.some((s) => TECHNICAL.has(s)) ? {} : { anchor: true as const }),
  ...(only ? { for: only } : {}),
});
/** A pair whose words are technical by themselves (errno names, a POP command named as such). */
const technical = (cue: Cue): Cue => {
  const { anchor: _, ...rest } = cue;
  return rest;
};

/** Errno and resolver constants, as programs print them (EAI_AGAIN is read as the words "eai again"). */
const ERRNO: Readonly<Record<string, readonly string[]>> = {
  'connect.refused': ['econnrefused', 'wsaeconnrefused'],
  'connect.timeout': [
    'etimedout',
    'wsaetimedout',
    'ehostunreach',
    'enetunreach',
    'ehostdown',
    'enetdown',
    'wsaehostunreach',
    'wsaenetunreach',
  ],
  'connect.reset': ['econnreset', 'econnaborted', 'epipe', 'wsaeconnreset', 'wsaeconnaborted'],
  'connect.dns': [
    'enotfound',
    'eai again',
    'eai noname',
    'eai nodata',
    'eai fail',
    'wsahost not found',
    'gaierror',
  ],
  'client.storage': ['enospc', 'edquot'],
};

/** Which category a failure of the command a program names belongs to (RFC 1939: what each one reads). */
const FAILED_COMMAND: Readonly<Record<string, readonly string[]>> = {
  'mailbox.unavailable': ['list', 'stat', 'uidl'],
  'message.unavailable': ['retr', 'top'],
  'message.not-found': ['dele'],
};
const COMMAND_WORD = ['command', 'commande', 'lệnh'];
const LOGIN_FAILED = [
  'fail*',
  'error',
  'unsuccessful',
  'incorrect',
  'wrong',
  'denied',
  'refused',
  'échec',
  'échou*',
  'erreur',
  'refusé*',
  'lỗi',
  'thất bại',
  'không thành công',
  'bị từ chối',
];

export const OUTCOME_CUES: readonly Cue[] = [
  // The connection and the network.
  pair('connect.refused', 5, [CONNECTION, REFUSED], 'client'),
  pair('connect.timeout', 6, [[...termsOf(CONNECTION, SERVER)], TIMED_OUT], 'client'),
  // Time ran out, said as an event ("timeout after 30 s", "hors délai"): whatever was waited for.
  pair('connect.timeout', 4, [TIMED_OUT], 'client'),
  pair('connect.timeout', 5, [TIME_LIMIT, EXCEEDED], 'client'),
  pair('session.timeout', 3, [TIME_LIMIT, EXCEEDED], 'server'),
  pair('connect.timeout', 5, [[...termsOf(NETWORK, SERVER)], UNREACHABLE], 'client'),
  pair(
    'connect.timeout',
    5,
    [NETWORK, ['không thể kết nối', 'cannot connect', 'impossible de se connecter']],
    'client',
  ),
  pair('connect.reset', 5, [CONNECTION, RESET], 'client'),
  // Reading or writing on a socket is the network's, not the disk's.
  technical(
    pair(
      'connect.reset',
      4,
      [
        ['read*', 'writ*', 'lecture', 'écriture', 'lire', 'écrire', 'đọc', 'ghi'],
        ['socket', 'connecteur', 'ổ cắm'],
        FAILED,
      ],
      'client',
    ),
  ),
  technical(pair('connect.timeout', 5, [CONNECTION, ['expired', 'expiré*', 'quá hạn', 'hết hạn']], 'client')),
  technical(pair('connect.reset', 5, [CONNECTION, ENDED, ABRUPTLY], 'client')),
  // The stream ended before its end: "Got unexpected end of stream", « Réception inattendue de fin de flux »,
  // "Kết thúc luồng sớm bất thường".
  pair(
    'connect.reset',
    5,
    [END_OF_STREAM, [...termsOf(ABRUPTLY), 'unexpected', 'premature', 'early', 'sớm', 'bất thường']],
    'client',
  ),
  technical(pair('connect.reset', 5, [CONNECTION, ENDED, NEGATION, PROPERLY], 'client')),
  pair('connect.reset', 5, [PIPE, RESET], 'client'),
  pair('connect.reset', 4, [REPLY, EMPTY], 'client'),
  // A reply the program could not read: the connection gave out before it came ("response reading failed",
  // « Échec de la lecture de la réponse », "Đọc phản hồi thất bại"). Not a reply read and found invalid.
  pair(
    'connect.reset',
    5,
    [REPLY, ['reading', 'read', 'lecture', 'lire', 'đọc'], [...termsOf(FAILED)]],
    'client',
  ),
  // A message that vanished from the server between the list and its download: "Message uid-1 disappeared
  // from POP3 server", « Le message a disparu du serveur », "Thư đã biến mất khỏi máy chủ".
  pair(
    'message.unavailable',
    5,
    [
      ['message', 'messages', 'courriel', 'thư'],
      ['disappeared', 'vanished', 'disparu*', 'biến mất'],
    ],
    'client',
  ),
  // A reply the program could not read is the server's fault, whatever command it answered.
  pair('server.protocol-error', 6, [REPLY, INVALID], 'client'),
  // A list or a reply that stopped before its end (a multi-line answer without its final "."): "POP3 pop_list:
  // Premature end of list", « Fin prématurée de la liste », "Danh sách kết thúc sớm".
  pair('server.protocol-error', 6, [LISTING, PREMATURE_END], 'client'),
  pair(
    'server.protocol-error',
    5,
    [
      [
        'did not respond with',
        "didn't respond with",
        'not respond with',
        'a pas répondu par',
        'không trả lời bằng',
      ],
      REPLY,
    ],
    'client',
  ),
  // A greeting that could not be read is about what answered, not about reading from the network.
  pair('connect.wrong-service', 7, [GREETING, [...termsOf(FAILED, INVALID, NOT_RECEIVED)]], 'client'),
  // "An error occurred with the POP3 mail server" frames what follows: alone, the server had a problem.
  frame(pair('server.temporary', 4, [SERVER, ERROR_OCCURRED], 'client')),
  // "Error occurred while processing mail.": an error of the mail program's, its cause unsaid.
  frame(pair('unknown', 4, [ERROR_OCCURRED], 'client')),
  // An error the program calls temporary: the server's, and it will pass.
  pair('server.temporary', 4, [TEMPORARY_ERROR], 'client'),
  technical(pair('server.protocol-error', 4, [PROTOCOL_ERROR], 'client')),
  // A reply the program could not make sense of: "Could not parse response", « Impossible d'analyser la
  // réponse », "Không thể phân tích đáp ứng" (GVfs).
  pair(
    'server.protocol-error',
    5,
    [REPLY, ['parse', 'interpret', 'analyser', 'interpréter', 'phân tích', 'hiểu'], [...termsOf(FAILED)]],
    'client',
  ),
  // A name lookup that failed for now is the resolver's ("Temporary failure in name resolution", « Erreur
  // temporaire de résolution », "Việc phân giải … bị lỗi tạm thời"), not a server's temporary fault.
  technical(
    pair(
      'connect.dns',
      7,
      [
        ['resolving', 'resolution', 'résolution', 'résoudre', 'phân giải'],
        ['temporary', 'temporaire', 'temporairement', 'tạm thời'],
      ],
      'client',
    ),
  ),
  pair('server.protocol-error', 5, [REPLY, NEGATION, ['valid', 'valide', 'hợp lệ']], 'client'),
  // A connection to a named server or host that could not be made, without saying why: most often nothing
  // listened (refused). Not a wrapper's "Connect failed;" around the exception that says why, nor a dialog's
  // heading "Unable to connect to POP server …" over the line that says why (Evolution).
  pair(
    'connect.refused',
    4,
    [
      CONNECTION,
      [
        'fail*',
        'échou*',
        'thất bại',
        'bị lỗi',
        'could not establish',
        "impossible d'établir",
        'không thể thiết lập',
      ],
      [...termsOf(SERVER), '#host'],
    ],
    'client',
  ),
  // "Error connecting to POP3 server.", « Échec de la connexion au serveur POP3 »: alone, the connection
  // failed; it frames the cause when one follows (« Une erreur est survenue pendant une connexion à … »).
  frame(
    pair(
      'connect.refused',
      4,
      [CONNECTION, ['error', 'erreur', 'échec', 'lỗi'], [...termsOf(SERVER), '#host']],
      'client',
    ),
  ),
  // The session named with its time limit is the session's, whatever else timed out.
  technical(
    pair(
      'session.timeout',
      12,
      [
        ['session', 'phiên', 'phiên làm việc'],
        [
          'timeout',
          'timed out',
          'expired',
          'expirée',
          'expiré',
          'délai',
          'hết giờ',
          'hết thời gian',
          'quá thời gian',
          'hết hạn',
        ],
      ],
      'client',
    ),
  ),
  technical(
    pair(
      'tls.unavailable',
      5,
      [
        SECURE_CHANNEL,
        ['start', 'initiate', 'establish', 'initier', 'démarrer', 'établir', 'khởi động', 'thiết lập'],
        FAILED,
      ],
      'client',
    ),
  ),
  technical(
    pair(
      'tls.unavailable',
      6,
      [
        [
          'security protocol',
          'protocole de sécurité',
          'giao thức bảo mật',
          'protocol version',
          'ssl protocol',
          'protocole ssl',
          'giao thức ssl',
        ],
        [...termsOf(UNSUPPORTED), 'disabled', 'désactivé*', 'vô hiệu hóa', 'bị vô hiệu'],
      ],
      'client',
    ),
  ),
  technical(
    pair(
      'tls.unavailable',
      6,
      [
        ['weak', 'faible', 'yếu'],
        ['key', 'clé', 'diffie-hellman', 'diffie hellman', 'dh'],
      ],
      'client',
    ),
  ),
  technical(
    pair(
      'tls.unavailable',
      5,
      [
        ['encryption algorithm*', 'algorithme* de chiffrement', 'thuật toán mã hóa', 'cipher*'],
        ['no common', 'aucun* algorithme* commun*', 'không dùng chung', 'no shared', 'not shared'],
      ],
      'client',
    ),
  ),
  technical(
    pair(
      'tls.mismatch',
      6,
      [
        ['record', 'enregistrement', 'hồ sơ', 'bản ghi'],
        ['exceeded', 'exceeds', 'too long', 'dépasse*', 'vượt quá', 'trop long*', 'quá dài'],
      ],
      'client',
    ),
  ),
  pair(
    'connect.dns',
    5,
    [
      NAME_LOOKUP,
      [
        'unknown',
        'not known',
        'not found',
        'no address',
        'inconnu*',
        'introuvable',
        'aucune adresse',
        'không rõ',
        'không tìm thấy',
        'không có địa chỉ',
      ],
    ],
    'client',
  ),
  ...Object.entries(ERRNO).map(([category, names]) => technical(pair(category, 6, [names], 'client'))),
  // TLS set up on a connection that had none: the server could not.
  pair(
    'tls.unavailable',
    5,
    [['upgrade*', 'convert*', 'switch*', 'passage', 'nâng cấp', 'chuyển'], SECURE_CHANNEL, FAILED],
    'client',
  ),
  // Logging in.
  pair('auth.mechanism', 5, [LOGIN_METHOD, UNSUPPORTED], 'client'),
  // A named method the server lacks outweighs the failed login it caused.
  pair('auth.mechanism', 7, [LOGIN_METHOD_NAME, UNSUPPORTED], 'client'),
  pair('auth.mechanism', 5, [LOGIN_METHOD_NAME, [...termsOf(REFUSED, PROTOCOL_ERROR)]], 'client'),
  // A program that asks for another login method says the method is what failed.
  pair(
    'auth.mechanism',
    6,
    [
      LOGIN_METHOD,
      ['change*', 'choose a different', 'modifier', 'choisir', 'différente', 'thay đổi', 'chọn'],
    ],
    'client',
  ),
  // What went wrong with the login, not a modal: "cannot find a usable authentication method" is the method's.
  // "Authentication error" says the login failed; "login" near "error" in a sentence says less.
  technical(pair('auth.failed', 2, [LOGIN, LOGIN_FAILED], 'client')),
  technical(
    pair(
      'auth.failed',
      2,
      // « Identification » is the French authentication noun too: « Erreur de login ou d'identification inconnue ».
      [['authenticat*', 'authentifi*', 'identification', 'xác thực', 'authfail'], LOGIN_FAILED],
      'client',
    ),
  ),
  technical(
    pair(
      'auth.mechanism',
      6,
      [['next method', 'méthode suivante', 'phương thức tiếp theo', 'another method', 'autre méthode']],
      'client',
    ),
  ),
  technical(
    pair(
      'auth.oauth-token',
      5,
      [
        [
          'oauth*',
          'access token',
          "jeton d'accès",
          'token',
          'jeton',
          'mã thông báo',
          'credentials',
          "données d'authentification",
          'giấy ủy nhiệm',
        ],
        [...termsOf(EXCEEDED, NOT_RECEIVED), 'not obtained', 'non obtenu', 'không lấy được'],
      ],
      'client',
    ),
  ),
  // Sending the password or the user name failed: the server refused it.
  technical(
    pair(
      'auth.failed',
      6,
      [['sending', 'send', 'envoi', 'gửi'], ['password', 'mot de passe', 'mật khẩu'], FAILED],
      'client',
    ),
  ),
  technical(
    pair(
      'auth.unknown-user',
      6,
      [
        ['sending', 'send', 'envoi', 'gửi'],
        ['username', 'user name', "nom d'utilisateur", 'tên người dùng'],
        FAILED,
      ],
      'client',
    ),
  ),
  // Something the program was never given is its configuration's fault, even when the login then failed.
  pair('client.config', 10, [PASSWORD_OR_USER, NOT_GIVEN], 'client'),
  technical(
    pair(
      'client.config',
      10,
      [
        PASSWORD_OR_USER,
        NEGATION,
        ['provided', 'supplied', 'given', 'fourni', 'fournie*', 'fournis', 'cung cấp'],
      ],
      'client',
    ),
  ),
  // TLS asked for by the configuration that the program was not set up for.
  pair('client.config', 7, [SECURE_CHANNEL, NOT_GIVEN], 'client'),
  // A server the configuration never named: "POP3 connect: No server specified", « Aucun serveur indiqué ».
  // Not NOT_GIVEN's "cannot find": a server that cannot be found is a name lookup.
  pair('client.config', 8, [NO_SERVER_SET], 'client'),
  // A size limit of the program's own settings refused the message (Znuny's PostMasterMaxEmailSize,
  // fetchmail's --limit): its configuration, not the server, skipped it.
  // A message's size named as such is a mail program's word: no other anchor is needed.
  technical(
    pair(
      'client.config',
      7,
      [
        [
          'message size',
          'email size',
          'mail size',
          'taille du message',
          'taille des messages',
          'kích thước thư',
        ],
        SIZE_LIMIT,
      ],
      'client',
    ),
  ),
  // The advice a program gives after a refused password says the password was refused.
  technical(
    pair(
      'auth.failed',
      5,
      [
        PASSWORD_OR_USER,
        [
          'spelled correctly',
          'case sensitive',
          'caps lock',
          'orthographié',
          'sensibles à la casse',
          'verrouillage majuscule',
          'phân biệt chữ hoa',
          'capslock',
        ],
      ],
      'client',
    ),
  ),
  technical(
    pair(
      'auth.failed',
      5,
      [['connexion au compte', 'login to account', 'sign-in to account', 'đăng nhập vào tài khoản'], FAILED],
      'client',
    ),
  ),
  pair('client.config', 5, [['mật khẩu'], ['không tìm thấy']], 'client'),
  // Certificates.
  pair('tls.certificate', 5, [CERTIFICATE_NAME, MISMATCH], 'client'),
  pair('tls.certificate', 4, [CERTIFICATE, NOT_VERIFIED], 'client'),
  pair('tls.certificate', 4, [CERTIFICATE, INVALID], 'client'),
  pair('tls.certificate', 4, [CERTIFICATE, REVOKED], 'client'),
  pair('tls.certificate', 4, [CERTIFICATE, MISMATCH], 'client'),
  technical(
    pair(
      'tls.certificate',
      5,
      [
        ['tls proxy', 'proxy tls'],
        ['intercept*', 'bị chặn'],
      ],
      'client',
    ),
  ),
  // Negated states: "n'a pas renvoyé de certificat valide", "không gửi chứng nhận nào", "did not send any".
  pair('tls.certificate', 4, [CERTIFICATE, NEGATION, CERTIFICATE_STATE], 'client'),
  pair('tls.certificate', 4, [CERTIFICATE, NAME_LOOKUP, NEGATION], 'client'),
  pair(
    'tls.unavailable',
    4,
    [[...termsOf(SECURE_CHANNEL), 'handshake', 'négociation', 'bắt tay'], NEGATION, SUCCEEDED],
    'client',
  ),
  // An alert names what went wrong after it ("Peer sent fatal TLS alert: Certificate expired"): alone it says
  // little, so any reading of what follows outweighs it.
  pair('tls.unavailable', 1, [FATAL_ALERT], 'client'),
  pair('tls.certificate', 5, [SERVER_IDENTITY, NOT_VERIFIED], 'client'),
  // The mailbox lock, a busy server.
  pair('mailbox.locked', 4, [LOCK, BUSY]),
  pair('mailbox.locked', 3, [LOCK, FAILED], 'client'),
  pair(
    'connect.dns',
    5,
    [
      ['host', 'hôte', 'máy', 'máy chủ'],
      ['does not exist', "n'existe pas", 'không tồn tại', 'not exist', 'inexistant*'],
    ],
    'client',
  ),
  // A server, or a host named as such, that is busy: « Erreur « busy » sur pop.example.net » (fetchmail).
  pair('server.temporary', 4, [[...termsOf(SERVER), '#host'], BUSY], 'client'),
  // Storing what was downloaded.
  pair('client.storage', 5, [SPACE, FULL], 'client'),
  technical(pair('client.storage', 5, [DISK_SPACE, FULL], 'client')),
  pair(
    'client.storage',
    4,
    [
      ['saving', 'save', 'enregistr*', 'lưu', 'transferring', 'transfert', 'truyền', 'flush', 'recopier'],
      FAILED,
    ],
    'client',
  ),
  pair('client.storage', 4, [WRITE, FAILED], 'client'),
  // A message the program could not put on its own disk (flushed, copied, saved): the local storage's, and a
  // disk is no everyday word in a failure ("Could not flush message to disk", « Impossible de recopier le
  // message physiquement sur le disque », "Không thể ghi thư xuống đĩa").
  technical(pair('client.storage', 5, [TO_DISK, ['disk', 'disque', 'đĩa', 'ổ đĩa'], FAILED], 'client')),
  pair('client.storage', 5, [LOCAL_FILE, PERMISSION_DENIED], 'client'),
  pair('client.storage', 5, [DELIVERY, [...termsOf(REFUSED, FAILED, ABNORMAL_END)]], 'client'),
  pair('client.storage', 4, [['smtp'], [...termsOf(REFUSED, FAILED)]], 'client'),
  // The program itself lacks it: this outweighs the feature it names.
  pair('client.unsupported', 9, [NOT_BUILT_IN], 'client'),
  pair('client.unsupported', 4, [INITIALIZATION, FAILED], 'client'),
  // A connection that could not be set up is the connection's, not the program's: « Impossible d'initialiser
  // la connexion à … » (apt), "Không thể khởi tạo kết nối đến …", as English "Could not initialize the
  // connection to …" reads.
  pair('connect.refused', 5, [INITIALIZATION, CONNECTION, FAILED], 'client'),
  technical(pair('client.unsupported', 6, [MISSING_CODE], 'client')),
  // The method's name and what is wrong with it: unknown here, no authenticator available, APOP's timestamp.
  technical(
    pair(
      'auth.mechanism',
      5,
      [LOGIN_METHOD_NAME, ['unknown', 'inconnu*', 'không rõ', 'không xác định']],
      'client',
    ),
  ),
  pair('auth.mechanism', 5, [LOGIN_METHOD, NEGATION, ['available', 'disponible*', 'khả dụng']], 'client'),
  technical(
    pair(
      'auth.mechanism',
      6,
      [['timestamp', 'horodatage', 'nhãn giờ', 'nhãn thời gian'], [...termsOf(INVALID, MISSING)]],
      'client',
    ),
  ),
  // A certificate's key too weak is the certificate's, not the TLS setup's.
  technical(
    pair(
      'tls.certificate',
      7,
      [CERTIFICATE, ['weak', 'faible', 'yếu', 'too small', 'trop petit*']],
      'client',
    ),
  ),
  // A command the program names as failed, or an extension the server lacks.
  ...Object.entries(FAILED_COMMAND).map(([category, verbs]) =>
    technical(pair(category, 5, [verbs, COMMAND_WORD, FAILED], 'client')),
  ),
  pair('command.unknown', 4, [['extension*', 'capabilit*'], UNSUPPORTED], 'client'),
  technical(pair('command.unknown', 4, [COMMAND_WORD, UNSUPPORTED], 'client')),
  technical(pair('command.unknown', 4, [['uidl', 'uidls', 'top', 'xtnd'], FAILED], 'client')),
  technical(pair('command.unknown', 5, [['uidl', 'uidls', 'xtnd'], UNSUPPORTED], 'client')),
  // A connection to a port that could not be made: nothing listened there.
  technical(
    pair(
      'connect.refused',
      5,
      [CONNECTION, ['cannot', "can't", 'could not', 'unable', 'impossible', 'không thể'], ['port', 'cổng']],
      'client',
    ),
  ),
  // Reading from or writing to the server failed: the network's, whatever a disk's words say ("Server write
  // error", "Unable to write to pop.example.net on port 995").
  technical(
    pair(
      'connect.reset',
      6,
      [TRANSFER, [...termsOf(FAILED), 'failure'], [...termsOf(SERVER), '#host', 'port', 'cổng']],
      'client',
    ),
  ),
  // Certificates the program does not trust, in its own words; a server or a connection not trusted is one
  // whose certificate was not.
  pair('tls.certificate', 5, [CERTIFICATE, [...termsOf(UNTRUSTED, INSECURE)]], 'client'),
  pair('tls.certificate', 5, [CERTIFICATE, TRUST_PROMPT], 'client'),
  technical(pair('tls.certificate', 5, [[...termsOf(SERVER, CONNECTION)], UNTRUSTED], 'client')),
  technical(pair('tls.certificate', 5, [['certify', 'certifier', 'chứng thực'], FAILED], 'client')),
  // What the provider needs instead of the account's password.
  technical(pair('auth.app-password', 5, [APP_PASSWORD, NEEDED], 'client')),
  // A setting with a wrong value, as a form or a program's check says it.
  technical(pair('client.config', 5, [SETTING_VALUE, INVALID], 'client')),
  technical(pair('client.config', 5, [ENTER_VALID], 'client')),
  technical(
    pair(
      'client.config',
      5,
      [
        [
          'username',
          'user name',
          'login name',
          "nom d'utilisateur",
          'identifiant',
          'tên người dùng',
          'tên đăng nhập',
        ],
        [
          'is required',
          'est requis*',
          'est obligatoire',
          'là bắt buộc',
          // A form's field left empty: « doit être renseigné », "không được để trống".
          'must be entered',
          'must be filled*',
          'cannot be empty',
          'doit être renseigné*',
          'doit être saisi*',
          'doit être rempli*',
          'ne peut pas être vide',
          'phải được nhập',
          'không được để trống',
        ],
      ],
      'client',
    ),
  ),
  // An OAuth sign-in that failed is the token's, not the password's.
  technical({
    ...pair('auth.oauth-token', 6, [['oauth*'], [...termsOf(FAILED), ...LOGIN_FAILED]], 'client'),
    unless: SUPPORTED_BY_NOT,
  }),
  // TLS needed before a login method.
  technical(
    pair('tls.required', 6, [SECURE_CHANNEL, NEEDED, [...termsOf(LOGIN, LOGIN_METHOD_NAME)]], 'client'),
  ),
  technical(pair('auth.mechanism', 5, [AUTH_METHOD, UNKNOWN_THING], 'client')),
  // A program busy with an earlier run or check of the same account.
  pair('client.busy', 5, [ANOTHER, IN_PROGRESS], 'client'),
  pair('client.busy', 5, [['account', 'compte', 'tài khoản'], IN_PROGRESS], 'client'),
  // What a socket reports is the network's.
  technical(pair('connect.reset', 5, [['socket'], ['error', 'erreur', 'lỗi']], 'client')),

  // --- Session 8: what a sentence says failed and why, read from the mail programs' catalogues ---
  // Advice names what the program found wrong: the credentials ("Confirm username, password, and account
  // settings are correct"), or the encryption setting ("Please double check the protocol (SSL/TLS or
  // STARTTLS)", « Veuillez vérifier le protocole », "Hãy kiểm tra giao thức").
  technical(pair('auth.failed', 4, [CHECK_ADVICE, PASSWORD_OR_USER], 'client')),
  technical(pair('tls.mismatch', 5, [CHECK_ADVICE, ENCRYPTION_SETTING], 'client')),
  // The advice names the port's encryption setting: "Check SSL/TLS configuration on server port" (Odoo),
  // « Vérifiez la configuration SSL/TLS sur le port », "Kiểm tra cấu hình SSL/TLS của cổng".
  technical(
    pair(
      'tls.mismatch',
      6,
      [['check', 'verify', 'vérifiez', 'vérifier', 'kiểm tra'], ENCRYPTION_SETTING, ['port', 'cổng']],
      'client',
    ),
  ),
  // A connection that failed "due to a security error": the secure channel failed, most often because the
  // security type does not fit the port.
  technical(pair('tls.mismatch', 7, [CONNECTION, SECURITY_ERROR], 'client')),
  // The user name and the password named together as wrong: the login was refused, which one is not said
  // (a cue for the password alone would say the password).
  technical(
    pair(
      'auth.failed',
      8,
      [CREDENTIALS_PAIR, [...termsOf(INVALID, REFUSED), 'wrong', 'sai', 'không chính xác', 'không đúng']],
      'client',
    ),
  ),
  // A login that used to work and no longer does, or whose password "may have changed".
  technical(pair('auth.failed', 5, [LOGIN, NO_LONGER], 'client')),
  technical(pair('auth.failed', 4, [[...termsOf(LOGIN, PASSWORD_OR_USER)], MAY_HAVE_CHANGED], 'client')),
  // A login that could not be made, said with a modal: "Couldn't sign in", "Unable to log in". A frame: the
  // cause after it decides ("Cannot login to POP server …: SASL Protocol error").
  frame(
    technical(
      pair(
        'auth.failed',
        4,
        [
          ['sign in', 'signin', 'log in', 'login', 'log on', 'đăng nhập'],
          [
            "couldn't",
            'could not',
            "can't",
            'cannot',
            'unable',
            'unsuccessful',
            'không thể',
            'không …2 được',
          ],
        ],
        'client',
      ),
    ),
  ),
  // In French, « se connecter » with no object is to log in (« Impossible de se connecter », Android's
  // "Couldn't sign in"); a connection says what it was to (a server, a host, a port, the network). Not « La
  // connexion a échoué »: NeoMutt's and Roundcube's "Login failed", but also Sylpheed's "Connection failed"
  // after a line that named the server, and the fallback reads one line.
  {
    ...technical(pair('auth.failed', 4, [['impossible de se connecter']], 'client')),
    unless: [...termsOf(SERVER, NETWORK), '#hostname', 'port', 'pop', 'pop3', 'imap'],
  },
  // "Could not connect to the server", « Impossible de se connecter au serveur », "Không kết nối được với máy
  // chủ": a frame, as a dialog's heading over the line that says why ("Error sending password: -ERR …").
  frame(
    technical(
      pair(
        'connect.refused',
        6,
        [
          ['se connecter', 'connect', 'kết nối', 'joindre', 'atteindre'],
          ['impossible', 'cannot', "can't", 'could not', 'unable', 'không thể', 'không …2 được'],
          [...termsOf(SERVER), '#host', 'port', 'cổng'],
        ],
        'client',
      ),
    ),
  ),
  // A form that asks for a setting's value: the account lacks it or holds a wrong one.
  technical(pair('client.config', 5, [ASKED_FOR, [...termsOf(PASSWORD_OR_USER, SETTING_VALUE)]], 'client')),
  technical(pair('client.config', 4, [MANUAL_SETTINGS], 'client')),
  // A mail folder that cannot be opened or does not exist, a message list that cannot be read, a mailbox
  // the account lacks: the mailbox's, on the server.
  technical(pair('mailbox.unavailable', 5, [MAIL_FOLDER, ['open', 'ouvrir', 'mở'], FAILED], 'client')),
  technical(pair('mailbox.unavailable', 5, [MAIL_FOLDER, DOES_NOT_EXIST], 'client')),
  technical(pair('mailbox.unavailable', 5, [MESSAGE_LIST, FAILED], 'client')),
  technical(
    pair(
      'mailbox.unavailable',
      5,
      [
        [
          'no email mailbox',
          'no mailbox',
          'pas de boîte aux lettres',
          'aucune boîte aux lettres',
          'không có hộp thư',
        ],
      ],
      'client',
    ),
  ),
  // A protocol the provider's settings switched off, or an administrator who disabled the configuration.
  technical(pair('auth.pop-disabled', 6, [MAIL_PROTOCOL, NOT_ENABLED], 'client')),
  // Logins switched off on the server, whoever logs in ("-ERR failed: Login Disabled", « Connexions
  // désactivées », "Đăng nhập bị vô hiệu hóa"): not this user's password, nor one account locked. Not
  // « authentification » disabled: that is a login method the service refuses (auth.mechanism); nor a secure
  // connection that is (« Connexion sécurisée impossible car le protocole SSL a été désactivé »).
  {
    ...pair('auth.pop-disabled', 6, [
      ['login', 'logins', 'logon', 'connexion', 'connexions', 'đăng nhập'],
      NOT_ENABLED,
    ]),
    unless: termsOf(SECURE_CHANNEL),
  },
  technical(
    pair(
      'auth.pop-disabled',
      8,
      [ADMINISTRATOR, NOT_ENABLED, [...termsOf(MAIL_PROTOCOL), 'configuration', 'cấu hình']],
      'client',
    ),
  ),
  // A provider that wants a login through its web pages, or OAuth, instead of the password.
  technical(
    pair(
      'auth.app-password',
      6,
      [NEEDED, [...termsOf(LOGIN), 'se connecter', 'vous connecter'], WEB_LOGIN],
      'client',
    ),
  ),
  technical(pair('auth.app-password', 5, [['oauth*'], NEEDED], 'client')),
  // A method that failed while the program tries the next: the method's, not the login's.
  technical(pair('auth.mechanism', 8, [NEXT_METHOD], 'client')),
  // A mail server's error, or a server unavailable, without a cause: the server's, for now. "Try again
  // later" says it will pass; a frame, so that any cause said beside it decides.
  frame(
    pair(
      'server.temporary',
      4,
      [
        [
          'mail server',
          'serveur de messagerie',
          'serveur mail',
          'máy chủ thư',
          'máy chủ email',
          'máy chủ quản lý mail',
        ],
        ['error', 'erreur', 'lỗi'],
      ],
      'client',
    ),
  ),
  // A server or a mail provider said unavailable: "Yahoo is unavailable", « Yahoo est indisponible ».
  technical(
    pair(
      'server.temporary',
      4,
      [
        [...termsOf(SERVER), 'gmail', 'yahoo', 'outlook', 'hotmail', 'icloud'],
        ['unavailable', 'indisponible', 'không khả dụng', 'tạm thời không'],
      ],
      'client',
    ),
  ),
  // A message that could not be downloaded, said the Vietnamese way: "Không thể tải thư từ máy chủ".
  frame(technical(pair('message.unavailable', 5, [['tải thư', 'lấy thư'], FAILED], 'client'))),
  frame(pair('server.temporary', 4, [TRY_LATER], 'client')),
  // STARTTLS or TLS the server does not offer.
  technical(pair('tls.unavailable', 5, [SECURE_CHANNEL, UNSUPPORTED], 'client')),
  // TLS the program required and could not set up: "STLS required but failed" (Jakarta Mail), « STLS requis
  // mais a échoué », "Yêu cầu STLS nhưng thất bại". The failure is TLS's, not a server asking for it.
  technical(
    pair(
      'tls.unavailable',
      7,
      [
        SECURE_CHANNEL,
        ['but failed', 'mais a échoué', 'mais échoué', 'mais en échec', 'nhưng thất bại', 'nhưng bị lỗi'],
      ],
      'client',
    ),
  ),
  // A server that could not be "certified": its certificate could not be checked (gnubiff).
  technical(pair('tls.certificate', 5, [['certify', 'certifier', 'chứng thực'], SERVER], 'client')),
  // A POP connection reported closed is one that dropped.
  technical(pair('connect.reset', 4, [['pop', 'pop3', 'pop3s'], CONNECTION, ENDED], 'client')),
  // Too many connections or sessions on one account.
  technical(
    pair(
      'mailbox.too-many-sessions',
      6,
      [
        ['too many', 'trop de', 'quá nhiều'],
        [...termsOf(CONNECTION), 'session*', 'phiên'],
      ],
      'client',
    ),
  ),
  // A lock another user or process holds: "Tập tin bị người dùng khác khóa", « verrouillé par un autre
  // processus ».
  technical(
    pair(
      'mailbox.locked',
      5,
      [
        LOCK,
        [
          'another user',
          'other user',
          'another process',
          'autre utilisateur',
          'autre processus',
          'người dùng khác',
          'tiến trình khác',
          // "lock busy! Is another session active?" (fetchmail). Not a lock "busy" alone: « Le verrou de la
          // porte est occupé » is a door's.
          'another session',
          'autre session',
          'phiên chạy khác',
        ],
      ],
      'client',
    ),
  ),
  // A local file the program could not create or move (its cache, a message file): the local disk's.
  technical(
    pair(
      'client.storage',
      5,
      [
        [
          'create',
          'creating',
          'move',
          'moving',
          'rename',
          'créer',
          'création',
          'déplacer',
          'déplacement',
          'renommer',
          'tạo',
          'di chuyển',
          'đổi tên',
        ],
        // A directory is the local disk's too; not "thư mục" alone, which is also a mail folder.
        [
          'file',
          'cache',
          'fichier',
          'tệp',
          'tập tin',
          'bộ nhớ đệm',
          'directory',
          'répertoire',
          'temporary folder',
          'dossier temporaire',
          'thư mục tạm thời',
        ],
        FAILED,
      ],
      'client',
    ),
  ),
  // A password the program could not get (from its keyring, its settings): its configuration's.
  technical(
    pair(
      'client.config',
      5,
      [
        ['get', 'obtain', 'retrieve', 'obtenir', 'récupérer', 'lấy'],
        ['password', 'mot de passe', 'mật khẩu'],
        FAILED,
      ],
      'client',
    ),
  ),
  // A program that asks for a NEW password says the one it had was refused ("Please enter a new password for
  // user alice", « Veuillez saisir un nouveau mot de passe », "Vui lòng nhập mật khẩu mới"): the login's, not a
  // setting left empty.
  technical(
    pair(
      'auth.failed',
      6,
      [['new password', 'nouveau mot de passe', 'mật khẩu mới'], [...termsOf(ASKED_FOR, NEEDED)]],
      'client',
    ),
  ),
  // OAuth that the program or the provider does not support: what the program can do, not a token refused.
  technical(pair('client.unsupported', 6, [['oauth*'], UNSUPPORTED], 'client')),
  // A plaintext login refused on a connection that is not encrypted: TLS is required first (« Authentification
  // en texte brut interdite sur les connexions non sécurisées »).
  technical(
    pair(
      'tls.required',
      7,
      [
        ['plaintext', 'plain text', 'cleartext', 'texte brut', 'en clair', 'nhập thô', 'văn bản thuần'],
        ['disallowed', 'not allowed', 'forbidden', 'interdit*', 'pas autorisé*', 'không được phép', 'bị cấm'],
        ['insecure', 'unencrypted', 'non sécurisé*', 'non chiffré*', 'không an toàn', 'không mã hóa'],
      ],
      'client',
    ),
  ),
  // A warning that attackers could steal the password when connecting: the server's certificate was not
  // trusted (K-9 Mail's, like the browsers').
  technical(
    pair(
      'tls.certificate',
      5,
      [
        ['attacker*', 'assaillant*', 'pirate*', 'kẻ xấu', 'kẻ tấn công'],
        ['steal', 'voler', 'dérober', 'đánh cắp', 'lấy cắp', 'lấy được'],
      ],
      'client',
    ),
  ),
  // Access to confirm or grant again, a sign-in to renew: the authorization (OAuth) has lapsed.
  technical(
    pair(
      'auth.oauth-token',
      5,
      [
        [
          'confirm access again',
          'grant access again',
          'reauthorize',
          're-authorize',
          'confirmiez à nouveau',
          'autoriser à nouveau',
          'réautoriser',
          'xác nhận quyền truy cập một lần nữa',
          'cấp quyền lại',
        ],
      ],
      'client',
    ),
  ),
  // --- Session 11: classes read as classes (a setting, a login method, the local store) ---
  // A field the account's settings need, said missing, empty, required or of the wrong kind: "Email address
  // is required", « Le mot de passe est obligatoire », "Tên máy chủ không được để trống", "Cần có mật khẩu".
  // Not what a field is for ("required to log in") nor a question about it ("Which port is required?").
  technical({
    ...pair('client.config', 6, [SETTING_FIELD, VALUE_REQUIRED], 'client'),
    // An app password required is the provider's demand (auth.app-password), not a field left empty.
    unless: [...REQUIRED_FOR, ...termsOf(APP_PASSWORD)],
  }),
  technical(pair('client.config', 5, [REQUIRED_FIELDS], 'client')),
  technical(pair('client.config', 8, [NO_SERVER_CONFIGURED], 'client')),
  technical(
    pair(
      'client.config',
      6,
      [SETTING_KIND, [...termsOf(UNKNOWN_THING, UNSUPPORTED), 'invalid', 'non valide', 'không hợp lệ']],
      'client',
    ),
  ),
  // A login method the two sides share none of, or one switched off: the method's, not the password's.
  technical(
    pair(
      'auth.mechanism',
      7,
      [[...termsOf(AUTH_METHOD, LOGIN_METHOD_NAME, SECURE_AUTH)], NONE_IN_COMMON],
      'client',
    ),
  ),
  technical(
    pair(
      'auth.mechanism',
      7,
      [[...termsOf(AUTH_METHOD, LOGIN_METHOD_NAME, SECURE_AUTH)], NOT_ENABLED],
      'client',
    ),
  ),
  technical(pair('auth.mechanism', 6, [SECURE_AUTH, [...termsOf(UNSUPPORTED, FAILED)]], 'client')),
  // What was downloaded could not be kept: a message, a file or a folder not saved, written, moved or created
  // on this device (« Impossible d'enregistrer le message », "Không thể lưu thư"); not one on the server or
  // sent down a connection.
  technical({
    ...pair('client.storage', 5, [STORE, LOCAL_MAIL, FAILED], 'client'),
    // Nor an account created or added ("Failed to add mail account").
    unless: [
      ...termsOf(SERVER, CONNECTION, NETWORK),
      'imap',
      'smtp',
      'send',
      'envoyer',
      'gửi',
      'account',
      'compte',
      'tài khoản',
    ],
  }),
  technical(pair('client.storage', 7, [LOCAL_PLACE, [...termsOf(DOES_NOT_EXIST, FAILED)]], 'client')),
  technical(pair('client.storage', 6, [OUT_OF_SPACE], 'client')),
  technical(pair('client.storage', 7, [FOR_WRITING, FAILED], 'client')),
  // A method named as such that the server does not support: the method's, whatever the negation says
  // ("Kiểu xác thực không được máy chủ hỗ trợ").
  technical(pair('auth.mechanism', 6, [[...termsOf(AUTH_METHOD, SECURE_AUTH)], UNSUPPORTED], 'client')),
  // The server itself, as a form names the field ("Server is required", « Vous devez indiquer un serveur »,
  // "Vui lòng nhập máy chủ thư đến"); not a secure connection the server requires.
  technical({
    ...pair(
      'client.config',
      6,
      [
        [...termsOf(SERVER, SETTING_FIELD)],
        [
          ...termsOf(MUST_SPECIFY, ASKED_FOR),
          'is required',
          'est obligatoire',
          'est requis',
          'là bắt buộc',
          'cannot be empty',
          'ne peut pas être vide',
          'không được để trống',
        ],
      ],
      'client',
    ),
    unless: [...termsOf(SECURE_CHANNEL, APP_PASSWORD), ...REQUIRED_FOR],
  }),
  // A method the server does not allow or refused: the method's, not the password's ("Le serveur a refusé la
  // méthode d'authentification", "Máy chủ không cho phép phương thức xác thực này"). It outweighs the refused
  // login that the same words add up to ("rejected" + "authentication"); a password refused names no method.
  technical(pair('auth.mechanism', 10, [[...termsOf(AUTH_METHOD, SECURE_AUTH)], NOT_ALLOWED], 'client')),
  // Too little free space on a disk or a device: the local storage's.
  technical(
    pair(
      'client.storage',
      6,
      [FULL, FREE_SPACE, ['disk', 'disque', 'đĩa', 'ổ đĩa', 'device', 'périphérique', 'thiết bị']],
      'client',
    ),
  ),
];
