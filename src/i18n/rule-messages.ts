import { defineCatalogue } from './catalogue.js';

/**
 * The "because" line of each reasoning rule (src/explain/rules/session-rules.ts, key = rule id), and of the
 * free-text fallback: why popbot concluded what it did from the session rather than from the wording.
 */
export const rules = defineCatalogue('rules', {
  en: {
    'label.because': 'Because',
    'client-timeout-awaiting-reply':
      'the client gave up while it was still waiting for the server (its greeting, or the reply to a command it had sent): the server did not answer in time.',
    'command-line-too-long':
      'the {command} line sent was {length} octets long; a POP command line may be at most 255 octets, so it was refused for its length.',
    'login-method-not-listed':
      'the server’s refusal lists the commands it takes here ({listed}) and {command} is not among them: it does not offer this login method.',
    'login-method-called-unknown':
      '{command} starts one of POP’s ways of logging in, and the server called it unknown before the login: it does not offer this login method.',
    'library-reply-not-status':
      'the POP library’s own exception shows the line the server sent ({symptom}): neither +OK nor -ERR, so the reply broke the protocol.',
    'library-no-reply':
      'the POP library’s own exception shows that no reply was read at all ({symptom}): the server sent nothing in time, or closed.',
    'library-login-failed':
      'the POP library failed in the step that reads the server’s refusal of the login ({symptom}): the login was refused.',
    'library-pop-failed':
      'the POP library says a POP command failed ({symptom}); the server’s reply is not in the paste.',
    'message-past-count':
      'the output says how many messages the mailbox holds and that a command failed on a number past that count ({symptom}); POP numbers the messages from 1 to that count, so this number names no message.',
    'other-protocol-command':
      'the server greeted with POP’s +OK and the client answered with {command}, an {protocol} command: the program speaks another protocol to the POP port.',
    'command-not-in-pop':
      '{command} is no POP command (POP starts encryption with STLS): the server does not know it, whatever its reply suggests.',
    'transaction-command-before-login':
      'the session shows {command} sent before the login succeeded; {command} is only allowed after logging in, whatever the server called it.',
    'login-command-after-login':
      'the session shows {command} sent after the login had already succeeded; login commands are only allowed before it.',
    'pass-without-user':
      'the session shows PASS sent without an accepted USER before it; PASS must come right after a successful USER.',
    'stls-while-tls-active':
      'the connection was already encrypted when STLS was sent; STLS can only start encryption once.',
    'stls-after-login': 'STLS was sent after logging in; encryption must be started before the login.',
    'stls-not-offered':
      'the server does not list STLS among its capabilities (line {line}): it cannot encrypt this connection.',
    'stls-refused':
      'the server refused STLS, the step that starts encryption, before the login: whatever its words, it cannot encrypt this connection.',
    'extension-command-refused':
      '{command} is no command of the current POP standard (LAST was dropped by RFC 1725, XTND is one server’s extension): this server does not have it.',
    'arguments-missing':
      '“{command}” lacks an argument the command needs (“{usage}”): it was refused for its form, whatever the server called the error.',
    'rpop-refused':
      'RPOP, the old login that trusted the client’s port instead of a password, was dropped from POP by RFC 1725: the server does not offer this login method.',
    'arguments-malformed':
      '“{command}” does not fit the form “{usage}” (message numbers and line counts are numbers): its arguments are malformed, whatever the server called the error.',
    'message-already-deleted':
      'message {number} was deleted with DELE on line {line} of this session; a deleted message cannot be used again before RSET.',
    'message-number-out-of-range':
      'the server said the mailbox holds {count} messages; there is no message {number}.',
    'auth-mechanism-not-offered':
      'the server offers only {offered} (capability list on line {line}), not {mechanism}.',
    'auth-mechanism-not-announced':
      'the server’s capability list (line {line}) names no SASL mechanism: it does not offer AUTH {mechanism}, whatever it answered to it.',
    'auth-without-capa':
      'the server refused CAPA (line {line}); a server that offers AUTH lists its mechanisms there, so this one does not implement AUTH.',
    'user-pass-before-tls':
      'before encryption the server announced {capability} (line {line}): it accepts a user name and password only after STLS.',
    'login-wrong-state-before-tls':
      'the server called {command} wrong for the session’s state, yet {command} is the first command a session allows; over an unencrypted connection the step it waits for is STLS.',
    'user-not-offered':
      'the server does not list USER among its capabilities (line {line}): it does not accept a plain user name and password.',
    'apop-without-timestamp':
      'the server greeting has no <…@…> timestamp, which a server offering APOP must send.',
    'optional-command-not-offered':
      'the server does not list {command} among its capabilities (line {line}): it does not implement it.',
    'no-login-method-before-tls':
      'before encryption the server offered STLS and no way to log in (capability list on line {line}): the client found no login method because the server accepts one only after STLS.',
    'plain-to-tls-port':
      'the client spoke plain text to port {port} ({setting}), where the server expects TLS from the first byte, and got no greeting ({symptom}).',
    'tls-to-plain-port':
      'the client started TLS at once on port {port} ({setting}), where the server speaks plain POP first and offers TLS only through STLS ({symptom}).',
    'eof-before-greeting':
      'the connection closed before the server sent any greeting ({symptom}): it was dropped before POP began.',
    'quit-refused-after-login':
      'the server refused QUIT after the login, when it removes the messages marked for deletion: its only refusal there means some of them were not removed.',
    'maildrop-unreadable-at-login':
      'no command had named a message yet: answering “{command}”, the server could not read the mailbox it opens once the login is accepted, whatever its words say of a message.',
    'message-read-refused':
      'after the login, “{command}” can fail only for the message it names: the server could not read that message, whatever its words suggest.',
    fallback: 'no documented message matches; these words decided it: {words}.',
    'fallback-alone':
      'no documented message matches, and the text names no mail program, server or protocol: it was read from its words alone ({words}), so take this reading as a likely guess.',
  },
  fr: {
    'label.because': 'Pourquoi',
    'client-timeout-awaiting-reply':
      "le client a abandonné alors qu'il attendait encore le serveur (son message d'accueil, ou la réponse à une commande envoyée)\u00a0: le serveur n'a pas répondu à temps.",
    'command-line-too-long':
      'la ligne {command} envoyée faisait {length}\u00a0octets\u202f; une ligne de commande POP ne peut dépasser 255\u00a0octets, elle a donc été refusée pour sa longueur.',
    'login-method-not-listed':
      "le refus du serveur énumère les commandes qu'il accepte à cette étape ({listed}) et {command} n'en fait pas partie\u00a0: il ne propose pas cette méthode d'authentification.",
    'login-method-called-unknown':
      "{command} ouvre l'une des méthodes d'authentification de POP, et le serveur l'a dite inconnue avant l'authentification\u00a0: il ne propose pas cette méthode.",
    'library-reply-not-status':
      "l'exception de la bibliothèque POP montre la ligne envoyée par le serveur ({symptom})\u00a0: ni +OK ni -ERR, la réponse enfreint donc le protocole.",
    'library-no-reply':
      "l'exception de la bibliothèque POP montre qu'aucune réponse n'a été lue ({symptom})\u00a0: le serveur n'a rien envoyé à temps, ou a fermé la connexion.",
    'library-login-failed':
      "la bibliothèque POP a échoué à l'étape qui lit le refus de l'authentification par le serveur ({symptom})\u00a0: l'authentification a été refusée.",
    'library-pop-failed':
      "la bibliothèque POP signale l'échec d'une commande POP ({symptom})\u202f; la réponse du serveur ne figure pas dans le texte collé.",
    'message-past-count':
      "le texte indique combien de messages contient la boîte aux lettres et qu'une commande a échoué sur un numéro supérieur à ce nombre ({symptom})\u202f; POP numérote les messages de 1 à ce nombre, ce numéro ne désigne donc aucun message.",
    'other-protocol-command':
      'le serveur a accueilli la session avec le +OK de POP et le client a répondu par {command}, une commande {protocol}\u00a0: le logiciel parle un autre protocole au port POP.',
    'command-not-in-pop':
      "{command} n'est pas une commande POP (POP démarre le chiffrement par STLS)\u00a0: le serveur ne la connaît pas, quoi que suggère sa réponse.",
    'transaction-command-before-login':
      "la session montre {command} envoyée avant que l'authentification ait réussi\u202f; {command} n'est permise qu'une fois connecté, quel que soit le nom que le serveur donne à l'erreur.",
    'login-command-after-login':
      "la session montre {command} envoyée alors que l'authentification avait déjà réussi\u202f; les commandes d'authentification ne sont permises qu'avant.",
    'pass-without-user':
      'la session montre PASS envoyée sans commande USER acceptée juste avant\u202f; PASS doit suivre immédiatement un USER réussi.',
    'stls-while-tls-active':
      'la connexion était déjà chiffrée quand STLS a été envoyée\u202f; STLS ne peut démarrer le chiffrement qu’une fois.',
    'stls-after-login':
      "STLS a été envoyée après l'authentification\u202f; le chiffrement doit démarrer avant celle-ci.",
    'stls-not-offered':
      'le serveur ne cite pas STLS dans ses capacités (ligne {line})\u00a0: il ne peut pas chiffrer cette connexion.',
    'stls-refused':
      "le serveur a refusé STLS, l'étape qui démarre le chiffrement, avant l'authentification\u00a0: quels que soient ses mots, il ne peut pas chiffrer cette connexion.",
    'extension-command-refused':
      "{command} n'est pas une commande de la norme POP actuelle (LAST a été retirée par la RFC\u00a01725, XTND est l'extension d'un seul serveur)\u00a0: ce serveur ne l'a pas.",
    'arguments-missing':
      '«\u00a0{command}\u00a0» n’a pas un argument dont la commande a besoin («\u00a0{usage}\u00a0»)\u00a0: elle a été refusée pour sa forme, quel que soit le nom que le serveur donne à l’erreur.',
    'rpop-refused':
      "RPOP, l'ancienne authentification qui se fiait au port du client au lieu d'un mot de passe, a été retirée de POP par la RFC\u00a01725\u00a0: le serveur ne propose pas cette méthode d'authentification.",
    'arguments-malformed':
      '«\u00a0{command}\u00a0» ne respecte pas la forme «\u00a0{usage}\u00a0» (numéros de message et nombres de lignes sont des nombres)\u00a0: ses arguments sont mal formés, quel que soit le nom que le serveur donne à l’erreur.',
    'message-already-deleted':
      'le message {number} a été supprimé par DELE à la ligne {line} de cette session\u202f; un message supprimé ne peut plus servir avant RSET.',
    'message-number-out-of-range':
      "selon le serveur, la boîte aux lettres contient {count} messages\u202f; il n'y a pas de message {number}.",
    'auth-mechanism-not-offered':
      'le serveur ne propose que {offered} (liste de capacités, ligne {line}), pas {mechanism}.',
    'auth-mechanism-not-announced':
      'la liste de capacités du serveur (ligne {line}) ne cite aucun mécanisme SASL\u00a0: il ne propose pas AUTH {mechanism}, quelle que soit sa réponse.',
    'auth-without-capa':
      'le serveur a refusé CAPA (ligne {line})\u202f; un serveur qui propose AUTH y annonce ses mécanismes\u00a0: celui-ci n’implémente pas AUTH.',
    'user-pass-before-tls':
      "avant le chiffrement, le serveur a annoncé {capability} (ligne {line})\u00a0: il n'accepte un identifiant et un mot de passe qu'après STLS.",
    'login-wrong-state-before-tls':
      "le serveur a jugé {command} invalide dans l'état de la session, alors que {command} est la première commande qu'une session permet\u202f; sur une connexion non chiffrée, l'étape qu'il attend est STLS.",
    'user-not-offered':
      "le serveur ne cite pas USER dans ses capacités (ligne {line})\u00a0: il n'accepte pas d'identifiant ni de mot de passe en clair.",
    'apop-without-timestamp':
      "le message d'accueil du serveur ne contient pas d'horodatage <…@…>, que tout serveur proposant APOP doit envoyer.",
    'optional-command-not-offered':
      "le serveur ne cite pas {command} dans ses capacités (ligne {line})\u00a0: il ne l'implémente pas.",
    'no-login-method-before-tls':
      "avant le chiffrement, le serveur proposait STLS et aucun moyen de s'identifier (liste de capacités, ligne {line})\u00a0: le client n'a trouvé aucune méthode d'identification parce que le serveur n'en accepte qu'après STLS.",
    'plain-to-tls-port':
      "le client a parlé en clair au port {port} ({setting}), où le serveur attend TLS dès le premier octet, et n'a reçu aucun message d'accueil ({symptom}).",
    'tls-to-plain-port':
      "le client a démarré TLS d'emblée sur le port {port} ({setting}), où le serveur parle d'abord POP en clair et ne propose TLS que par STLS ({symptom}).",
    'eof-before-greeting':
      "la connexion a été fermée avant tout message d'accueil du serveur ({symptom})\u00a0: elle a été coupée avant que POP ne commence.",
    'quit-refused-after-login':
      "le serveur a refusé QUIT après l'authentification, au moment où il supprime les messages marqués pour suppression\u00a0: son seul refus possible à cette étape signifie que certains n'ont pas été supprimés.",
    'maildrop-unreadable-at-login':
      "aucune commande n'avait encore désigné de message\u00a0: en réponse à «\u00a0{command}\u00a0», le serveur n'a pas pu lire la boîte aux lettres qu'il ouvre une fois l'authentification acceptée, quoi que disent ses mots d'un message.",
    'message-read-refused':
      "après l'authentification, «\u00a0{command}\u00a0» ne peut échouer qu'à cause du message qu'il désigne\u00a0: le serveur n'a pas pu lire ce message, quels que soient ses mots.",
    fallback: 'aucun message documenté ne correspond\u202f; ces mots ont décidé\u00a0: {words}.',
    'fallback-alone':
      'aucun message documenté ne correspond, et le texte ne nomme ni logiciel de messagerie, ni serveur, ni protocole\u00a0: il a été lu à partir de ses seuls mots ({words})\u202f; prenez cette lecture pour une hypothèse vraisemblable.',
  },
  vi: {
    'label.because': 'Lý do',
    'client-timeout-awaiting-reply':
      'phần mềm thư đã ngừng chờ khi vẫn chưa nhận được gì từ máy chủ (lời chào, hoặc phản hồi cho một lệnh đã gửi): máy chủ không trả lời kịp thời.',
    'command-line-too-long':
      'dòng lệnh {command} đã gửi dài {length} byte; một dòng lệnh POP dài tối đa 255 byte, nên nó bị từ chối vì quá dài.',
    'login-method-not-listed':
      'lời từ chối của máy chủ liệt kê các lệnh nó nhận ở bước này ({listed}) và {command} không có trong đó: máy chủ không hỗ trợ cách đăng nhập này.',
    'login-method-called-unknown':
      '{command} là lệnh mở đầu một cách đăng nhập của POP, và máy chủ gọi nó là lệnh không biết trước khi đăng nhập: máy chủ không hỗ trợ cách đăng nhập này.',
    'library-reply-not-status':
      'ngoại lệ của thư viện POP cho thấy dòng máy chủ đã gửi ({symptom}): không phải +OK cũng không phải -ERR, nên phản hồi vi phạm giao thức.',
    'library-no-reply':
      'ngoại lệ của thư viện POP cho thấy không đọc được phản hồi nào ({symptom}): máy chủ không gửi gì kịp thời, hoặc đã đóng kết nối.',
    'library-login-failed':
      'thư viện POP gặp lỗi ở bước đọc lời từ chối đăng nhập của máy chủ ({symptom}): đăng nhập đã bị từ chối.',
    'library-pop-failed':
      'thư viện POP báo một lệnh POP thất bại ({symptom}); phản hồi của máy chủ không có trong đoạn đã dán.',
    'message-past-count':
      'đoạn đã dán cho biết hộp thư có bao nhiêu thư và một lệnh đã thất bại với số thứ tự lớn hơn số đó ({symptom}); POP đánh số thư từ 1 đến số đó, nên số này không chỉ thư nào cả.',
    'other-protocol-command':
      'máy chủ chào bằng +OK của POP nhưng phần mềm thư trả lời bằng {command}, một lệnh {protocol}: phần mềm đang nói một giao thức khác với cổng POP.',
    'command-not-in-pop':
      '{command} không phải là lệnh POP (POP bật mã hóa bằng STLS): máy chủ không biết lệnh này, dù câu trả lời của nó gợi ý điều gì.',
    'transaction-command-before-login':
      'phiên cho thấy lệnh {command} được gửi trước khi đăng nhập thành công; {command} chỉ được dùng sau khi đăng nhập, dù máy chủ gọi lỗi này là gì.',
    'login-command-after-login':
      'phiên cho thấy lệnh {command} được gửi khi đã đăng nhập thành công; các lệnh đăng nhập chỉ được dùng trước đó.',
    'pass-without-user':
      'phiên cho thấy lệnh PASS được gửi mà trước đó không có lệnh USER nào được chấp nhận; PASS phải theo ngay sau một lệnh USER thành công.',
    'stls-while-tls-active':
      'kết nối đã được mã hóa khi lệnh STLS được gửi; STLS chỉ bật mã hóa được một lần.',
    'stls-after-login': 'lệnh STLS được gửi sau khi đăng nhập; phải bật mã hóa trước khi đăng nhập.',
    'stls-not-offered':
      'máy chủ không liệt kê STLS trong danh sách tính năng (dòng {line}): máy chủ không thể mã hóa kết nối này.',
    'stls-refused':
      'máy chủ từ chối STLS (bước bật mã hóa) trước khi đăng nhập: dù dùng từ ngữ nào, máy chủ không thể mã hóa kết nối này.',
    'extension-command-refused':
      '{command} không phải là lệnh của chuẩn POP hiện hành (LAST đã bị RFC 1725 bỏ, XTND là phần mở rộng của riêng một máy chủ): máy chủ này không có lệnh đó.',
    'arguments-missing':
      '“{command}” thiếu tham số mà lệnh cần (“{usage}”): lệnh bị từ chối vì sai dạng, dù máy chủ gọi lỗi này là gì.',
    'rpop-refused':
      'RPOP, cách đăng nhập cũ tin vào cổng của phần mềm thư thay cho mật khẩu, đã bị RFC 1725 loại khỏi POP: máy chủ không hỗ trợ phương thức đăng nhập này.',
    'arguments-malformed':
      '“{command}” không đúng dạng “{usage}” (số thứ tự thư và số dòng phải là số): tham số của lệnh sai dạng, dù máy chủ gọi lỗi này là gì.',
    'message-already-deleted':
      'thư số {number} đã bị xóa bằng lệnh DELE ở dòng {line} của phiên này; thư đã xóa không dùng lại được trước lệnh RSET.',
    'message-number-out-of-range': 'theo máy chủ, hộp thư có {count} thư; không có thư số {number}.',
    'auth-mechanism-not-offered':
      'máy chủ chỉ hỗ trợ {offered} (danh sách tính năng ở dòng {line}), không hỗ trợ {mechanism}.',
    'auth-mechanism-not-announced':
      'danh sách tính năng của máy chủ (dòng {line}) không nêu cơ chế SASL nào: máy chủ không hỗ trợ AUTH {mechanism}, dù nó trả lời thế nào.',
    'auth-without-capa':
      'máy chủ đã từ chối lệnh CAPA (dòng {line}); máy chủ hỗ trợ AUTH phải liệt kê các cơ chế xác thực trong CAPA, nên máy chủ này không hỗ trợ AUTH.',
    'user-pass-before-tls':
      'trước khi mã hóa, máy chủ đã báo {capability} (dòng {line}): máy chủ chỉ nhận tên người dùng và mật khẩu sau STLS.',
    'login-wrong-state-before-tls':
      'máy chủ cho rằng lệnh {command} không hợp lệ ở trạng thái hiện tại, trong khi {command} là lệnh đầu tiên mà phiên cho phép; trên kết nối không mã hóa, bước máy chủ chờ là STLS.',
    'user-not-offered':
      'máy chủ không liệt kê USER trong danh sách tính năng (dòng {line}): máy chủ không nhận tên người dùng và mật khẩu dạng thường.',
    'apop-without-timestamp':
      'lời chào của máy chủ không có dấu thời gian <…@…>, thứ mà máy chủ hỗ trợ APOP bắt buộc phải gửi.',
    'optional-command-not-offered':
      'máy chủ không liệt kê {command} trong danh sách tính năng (dòng {line}): máy chủ không hỗ trợ lệnh này.',
    'no-login-method-before-tls':
      'trước khi mã hóa, máy chủ chỉ đưa ra STLS mà không có cách đăng nhập nào (danh sách tính năng ở dòng {line}): phần mềm thư không tìm được phương thức đăng nhập vì máy chủ chỉ nhận đăng nhập sau STLS.',
    'plain-to-tls-port':
      'phần mềm thư gửi dữ liệu không mã hóa tới cổng {port} ({setting}), trong khi máy chủ ở cổng này chờ TLS ngay từ byte đầu tiên, nên không nhận được lời chào nào ({symptom}).',
    'tls-to-plain-port':
      'phần mềm thư bắt đầu TLS ngay trên cổng {port} ({setting}), nhưng máy chủ ở cổng này dùng POP không mã hóa trước và chỉ bật TLS qua lệnh STLS ({symptom}).',
    'eof-before-greeting':
      'kết nối bị đóng trước khi máy chủ gửi lời chào ({symptom}): kết nối bị ngắt trước khi POP bắt đầu.',
    'quit-refused-after-login':
      'máy chủ từ chối QUIT sau khi đăng nhập, đúng lúc nó xóa các thư đã đánh dấu xóa: lời từ chối duy nhất có thể có ở bước này nghĩa là một số thư chưa được xóa.',
    'maildrop-unreadable-at-login':
      'chưa có lệnh nào chỉ định một thư: khi trả lời “{command}”, máy chủ không đọc được hộp thư mà nó mở sau khi chấp nhận đăng nhập, dù phản hồi nói gì về một thư.',
    'message-read-refused':
      'sau khi đăng nhập, “{command}” chỉ có thể thất bại vì chính thư mà lệnh chỉ định: máy chủ không đọc được thư đó, dù phản hồi viết gì.',
    fallback: 'không có thông báo nào đã biết khớp; các từ sau quyết định kết quả: {words}.',
    'fallback-alone':
      'không có thông báo nào đã biết khớp, và văn bản không nêu tên phần mềm thư, máy chủ hay giao thức nào: kết quả chỉ dựa vào chính các từ của nó ({words}), vì vậy hãy xem đây là một phỏng đoán có khả năng đúng.',
  },
});

export type RuleMessageKey = keyof (typeof rules.messages)['en'];
