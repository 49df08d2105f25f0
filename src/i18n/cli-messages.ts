import { defineCatalogue } from './catalogue.js';

/** Words of the command-line interface and the local shell bot. */
export const cli = defineCatalogue('cli', {
  en: {
    usage: `popbot — explains POP3 email errors, and checks a POP server live.

Usage:
  popbot explain [TEXT|-] [--json] [--lang en|fr|vi]   explain a pasted error or session (stdin when no TEXT)
  popbot explain --summary [FILE|-] [--json]           count errors per category in a log of any size
  popbot check TARGET [options]                        live check of a POP server (popbot check --help)
  popbot kb list [--category CODE] [--json]            list the knowledge base
  popbot kb show ID|CATEGORY [--lang L] [--json]       show an entry, or the entries of a category
  popbot kb stats [--json]                             entries per category and language
  popbot kb eval [--set S] [--json]                    accuracy per language and kind: own set, captured, holdout
  popbot shell [--lang L]                              the chat bot, in this terminal
  popbot start                                         start the bot: Slack/Discord when configured, else the shell
  popbot discord register                              register the Discord slash commands
  popbot --version | --help`,
    'error.unknownCommand': 'unknown command "{command}"',
    'error.unknownOption': "unknown option '{option}'",
    'error.optionValue': "option '{option}' needs a value",
    'error.unexpectedArgument': "unexpected argument '{argument}'",
    'error.summaryOneFile': 'explain --summary takes one FILE (or - for stdin)',
    'error.badOption': '{message}',
    'error.badLang': '--lang takes en, fr or vi, not "{value}"',
    'error.badEvalSet': '--set takes project, tuning or holdout, not "{value}"',
    'error.readFile': 'cannot read {file}: {reason}',
    'error.imageAlone': 'explain --image takes one FILE (or - for stdin), and no text or --summary beside it',
    'error.unreachable':
      'could not reach {service} ({host}: {reason}). Check the network connection (DNS, proxy, firewall) and start popbot again.',
    'error.badCategory': 'no category "{value}"; the categories are: {codes}',
    'warning.input.cut':
      'The input is {total}: only its first {read} ({lines}) were explained, the rest was not read. For a whole log, use popbot explain --summary FILE.',
    'count.lines.one': '{count} line',
    'count.lines.other': '{count} lines',
    'error.kbNotFound': 'no entry or category "{id}" (try: popbot kb list)',
    'error.missingArgument': '{what} is missing',
    'error.knowledge': 'the knowledge base is broken: {message}',
    'error.credentialsInTarget':
      'the target holds a password (user:password@host): it was not used and is not shown. A password never goes on a command line, where the shell history and the process list keep it: change that password now, then give the user with --user and the password with --password-stdin or POPBOT_PASSWORD.',
    'hint.usage': 'Run `popbot --help` for usage.',
    'shell.welcome':
      'popbot — paste a POP error, a session transcript or an error dialog (several lines are fine). /help for help, /quit to leave.',
    'shell.help': `Paste anything with a POP error in it: a -ERR line, a C:/S: or telnet session, fetchmail or curl -v output, an Outlook or Thunderbird error. A paste is answered as one message, blank lines included.
Commands:
  /lang en|fr|vi     answer in this language
  /popcheck HOST [PORT]   check a POP server live (DNS, TLS, certificate, capabilities)
  /image FILE        explain a screenshot of an error (PNG, JPEG, WebP or GIF)
  /help              this help
  /quit              leave`,
    'shell.lang': 'I will answer in English.',
    'shell.badLang': 'Languages: en, fr, vi.',
    'shell.unknownCommand': 'Unknown command {command}. /help lists the commands.',
    'shell.imageUsage': 'Give the picture to read: /image FILE (PNG, JPEG, WebP or GIF).',
    'shell.bye': 'Bye.',
    'stats.header': 'Entries per category',
    'stats.thin': 'Thin categories (fewer than {min} entries): {list}',
    'stats.none': 'none',
    'stats.total': '{entries} entries, {patterns} patterns, {examples} examples',
  },
  fr: {
    usage: `popbot — explique les erreurs de messagerie POP3 et teste un serveur POP en direct.

Utilisation\u00a0:
  popbot explain [TEXTE|-] [--json] [--lang en|fr|vi]  explique une erreur ou une session collée (stdin sans TEXTE)
  popbot explain --summary [FICHIER|-] [--json]        compte les erreurs par catégorie dans un journal de toute taille
  popbot check CIBLE [options]                         test en direct d'un serveur POP (popbot check --help)
  popbot kb list [--category CODE] [--json]            liste la base de connaissances
  popbot kb show ID|CATÉGORIE [--lang L] [--json]      affiche une entrée, ou les entrées d'une catégorie
  popbot kb stats [--json]                             entrées par catégorie et par langue
  popbot kb eval [--set S] [--json]                    précision par langue et par forme\u00a0: jeu du projet, capturé, réservé
  popbot shell [--lang L]                              le bot de discussion, dans ce terminal
  popbot start                                         démarre le bot\u00a0: Slack/Discord s'ils sont configurés, sinon le shell
  popbot discord register                              enregistre les commandes slash Discord
  popbot --version | --help`,
    'error.unknownCommand': 'commande inconnue «\u00a0{command}\u00a0»',
    'error.unknownOption': 'option inconnue «\u00a0{option}\u00a0»',
    'error.optionValue': "l'option «\u00a0{option}\u00a0» attend une valeur",
    'error.unexpectedArgument': 'argument inattendu «\u00a0{argument}\u00a0»',
    'error.summaryOneFile': 'explain --summary prend un seul FICHIER (ou - pour stdin)',
    'error.badOption': '{message}',
    'error.badLang': '--lang accepte en, fr ou vi, pas «\u00a0{value}\u00a0»',
    'error.badEvalSet': '--set accepte project, tuning ou holdout, pas «\u00a0{value}\u00a0»',
    'error.readFile': 'impossible de lire {file}\u00a0: {reason}',
    'error.imageAlone': 'explain --image prend un seul FICHIER (ou - pour stdin), sans texte ni --summary',
    'error.unreachable':
      'impossible de joindre {service} ({host}\u00a0: {reason}). Vérifiez la connexion réseau (DNS, proxy, pare-feu) et relancez popbot.',
    'error.badCategory': 'aucune catégorie «\u00a0{value}\u00a0»\u00a0; les catégories sont\u00a0: {codes}',
    'warning.input.cut':
      'Le texte fait {total}\u00a0: seuls les premiers {read} ({lines}) ont été expliqués, la suite n’a pas été lue. Pour un journal entier, utilisez popbot explain --summary FICHIER.',
    'count.lines.one': '{count}\u00a0ligne',
    'count.lines.other': '{count}\u00a0lignes',
    'error.kbNotFound': 'aucune entrée ni catégorie «\u00a0{id}\u00a0» (essayez\u00a0: popbot kb list)',
    'error.missingArgument': '{what} manquant',
    'error.knowledge': 'la base de connaissances est invalide\u00a0: {message}',
    'error.credentialsInTarget':
      'la cible contient un mot de passe (utilisateur:mot_de_passe@hôte)\u00a0: elle n’a pas été utilisée et n’est pas affichée. Un mot de passe ne se donne jamais sur la ligne de commande, que l’historique du shell et la liste des processus conservent\u00a0: changez ce mot de passe dès maintenant, puis donnez l’utilisateur avec --user et le mot de passe avec --password-stdin ou POPBOT_PASSWORD.',
    'hint.usage': "Lancez `popbot --help` pour l'aide.",
    'shell.welcome':
      "popbot — collez une erreur POP, une session ou un message d'erreur (plusieurs lignes possibles). /help pour l'aide, /quit pour quitter.",
    'shell.help': `Collez tout texte contenant une erreur POP\u00a0: une ligne -ERR, une session \`C:\`/\`S:\` ou telnet, une sortie fetchmail ou curl -v, une erreur Outlook ou Thunderbird. Un collage reçoit une seule réponse, lignes vides comprises.
Commandes\u00a0:
  /lang en|fr|vi     répondre dans cette langue
  /popcheck HÔTE [PORT]   tester un serveur POP en direct (DNS, TLS, certificat, capacités)
  /image FICHIER     expliquer une capture d'écran d'erreur (PNG, JPEG, WebP ou GIF)
  /help              cette aide
  /quit              quitter`,
    'shell.lang': 'Je répondrai en français.',
    'shell.badLang': 'Langues\u00a0: en, fr, vi.',
    'shell.unknownCommand': 'Commande inconnue {command}. /help liste les commandes.',
    'shell.imageUsage': "Indiquez l'image à lire\u00a0: /image FICHIER (PNG, JPEG, WebP ou GIF).",
    'shell.bye': 'Au revoir.',
    'stats.header': 'Entrées par catégorie',
    'stats.thin': 'Catégories peu fournies (moins de {min} entrées)\u00a0: {list}',
    'stats.none': 'aucune',
    'stats.total': '{entries} entrées, {patterns} motifs, {examples} exemples',
  },
  vi: {
    usage: `popbot — giải thích lỗi email POP3 và kiểm tra trực tiếp máy chủ POP.

Cách dùng:
  popbot explain [VĂN BẢN|-] [--json] [--lang en|fr|vi]  giải thích lỗi hoặc phiên làm việc được dán vào (đọc stdin nếu không có VĂN BẢN)
  popbot explain --summary [TỆP|-] [--json]              đếm lỗi theo loại trong tệp nhật ký với kích thước bất kỳ
  popbot check ĐÍCH [tùy chọn]                           kiểm tra trực tiếp máy chủ POP (popbot check --help)
  popbot kb list [--category MÃ] [--json]                liệt kê cơ sở tri thức
  popbot kb show ID|LOẠI [--lang L] [--json]             xem một mục, hoặc các mục của một loại lỗi
  popbot kb stats [--json]                               số mục theo loại lỗi và ngôn ngữ
  popbot kb eval [--set S] [--json]                      độ chính xác theo ngôn ngữ và dạng: bộ của dự án, bộ thu thập, bộ giữ riêng
  popbot shell [--lang L]                                bot trò chuyện ngay trong terminal này
  popbot start                                           chạy bot: Slack/Discord nếu đã cấu hình, nếu không thì shell
  popbot discord register                                đăng ký các lệnh slash của Discord
  popbot --version | --help`,
    'error.unknownCommand': 'không có lệnh "{command}"',
    'error.unknownOption': 'không có tùy chọn "{option}"',
    'error.optionValue': 'tùy chọn "{option}" cần một giá trị',
    'error.unexpectedArgument': 'tham số không mong đợi "{argument}"',
    'error.summaryOneFile': 'explain --summary chỉ nhận một TỆP (hoặc - cho stdin)',
    'error.badOption': '{message}',
    'error.badLang': '--lang chỉ nhận en, fr hoặc vi, không nhận "{value}"',
    'error.badEvalSet': '--set chỉ nhận project, tuning hoặc holdout, không nhận "{value}"',
    'error.readFile': 'không đọc được {file}: {reason}',
    'error.imageAlone':
      'explain --image chỉ nhận một TỆP (hoặc - cho stdin), không kèm văn bản hay --summary',
    'error.unreachable':
      'không kết nối được tới {service} ({host}: {reason}). Hãy kiểm tra kết nối mạng (DNS, proxy, tường lửa) rồi khởi động lại popbot.',
    'error.badCategory': 'không có loại lỗi "{value}"; các loại lỗi hiện có: {codes}',
    'warning.input.cut':
      'Dữ liệu đầu vào có dung lượng {total}: chỉ {read} đầu tiên ({lines}) được giải thích, phần còn lại không được đọc. Với cả một tệp nhật ký, hãy dùng popbot explain --summary TỆP.',
    'count.lines.one': '{count} dòng',
    'count.lines.other': '{count} dòng',
    'error.kbNotFound': 'không có mục hay loại lỗi "{id}" (thử: popbot kb list)',
    'error.missingArgument': 'thiếu {what}',
    'error.knowledge': 'cơ sở tri thức bị lỗi: {message}',
    'error.credentialsInTarget':
      'đích có chứa mật khẩu (người_dùng:mật_khẩu@máy_chủ): đích này không được dùng và không được hiển thị. Không bao giờ đưa mật khẩu vào dòng lệnh, vì lịch sử shell và danh sách tiến trình sẽ lưu lại nó: hãy đổi mật khẩu đó ngay, rồi đưa tên người dùng bằng --user và mật khẩu bằng --password-stdin hoặc POPBOT_PASSWORD.',
    'hint.usage': 'Chạy `popbot --help` để xem cách dùng.',
    'shell.welcome':
      'popbot — hãy dán lỗi POP, bản ghi phiên làm việc hoặc hộp thoại báo lỗi (có thể nhiều dòng). /help để xem trợ giúp, /quit để thoát.',
    'shell.help': `Dán bất kỳ nội dung nào có lỗi POP: dòng -ERR, phiên C:/S: hoặc telnet, kết quả của fetchmail hay curl -v, lỗi của Outlook hay Thunderbird. Mỗi lần dán được trả lời như một tin nhắn, kể cả các dòng trống.
Lệnh:
  /lang en|fr|vi     trả lời bằng ngôn ngữ này
  /popcheck MÁY_CHỦ [CỔNG]   kiểm tra trực tiếp máy chủ POP (DNS, TLS, chứng chỉ, tính năng)
  /image TỆP         giải thích ảnh chụp màn hình báo lỗi (PNG, JPEG, WebP hoặc GIF)
  /help              trợ giúp này
  /quit              thoát`,
    'shell.lang': 'Tôi sẽ trả lời bằng tiếng Việt.',
    'shell.badLang': 'Ngôn ngữ: en, fr, vi.',
    'shell.unknownCommand': 'Không có lệnh {command}. Gõ /help để xem danh sách lệnh.',
    'shell.imageUsage': 'Hãy chỉ rõ ảnh cần đọc: /image TỆP (PNG, JPEG, WebP hoặc GIF).',
    'shell.bye': 'Tạm biệt.',
    'stats.header': 'Số mục theo loại lỗi',
    'stats.thin': 'Các loại lỗi còn ít mục (dưới {min} mục): {list}',
    'stats.none': 'không có',
    'stats.total': '{entries} mục, {patterns} mẫu nhận dạng, {examples} ví dụ',
  },
});
