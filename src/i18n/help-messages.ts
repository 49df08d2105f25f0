import { defineCatalogue } from './catalogue.js';

/**
 * `popbot COMMAND --help`: what each option does, its default, and one example, per command. The one-line
 * overview of every command is `cli.usage` (popbot --help).
 */
export const help = defineCatalogue('help', {
  en: {
    explain: `Usage: popbot explain [TEXT|-] [options]
Explains every POP error in a paste: a -ERR line, a session transcript (C:/S:, telnet, curl -v, fetchmail -v,
mpop --debug, Python poplib), a mail program's error dialog, in English, French or Vietnamese.
Reads TEXT, or standard input when TEXT is - or absent (up to 2 MiB; larger input: use --summary).

Options:
  --json            print the findings as JSON instead of text (default: text)
  --lang en|fr|vi   language of the answer (default: the language of the paste, then LANG, then English)
  --summary [FILE]  count the errors per category in a log of any size, streamed (default FILE: stdin)
  -h, --help        this help

Example:
  popbot explain "-ERR [IN-USE] Unable to lock maildrop"
  fetchmail -v 2>&1 | popbot explain --lang fr`,
    check: `Usage: popbot check TARGET [options]
Checks a POP server live: DNS, TCP, greeting, TLS and certificate, capabilities, optional login, STAT, QUIT,
each step timed and every failure explained. TARGET: host, host:port, [IPv6]:port, an e-mail address or a
domain (SRV records, provider table, pop./pop3./mail. guesses).

Options:
  --port N               port to check (default: 995, then 110 with --tls auto)
  --tls MODE             auto, implicit (SSL/TLS), stls or starttls (STARTTLS), none (default: auto)
  --user U               log in as U (default: no login); the password comes from --password-stdin,
                         POPBOT_PASSWORD or a prompt
  --password-stdin       read the password from standard input (default: off)
  --apop                 log in with APOP instead of USER/PASS (default: off)
  --insecure             go on when the certificate is not trusted, and say so (default: off)
  --allow-plaintext      allow a login over an unencrypted connection (default: off)
  --allow-private        allow private and loopback addresses (default: public servers only)
  --cert-warn-days N     warn when the certificate expires within N days (default: 14)
  --timeout S            the whole check's time limit in seconds (default: 30)
  --transcript           show the POP conversation, passwords masked (default: off)
  --json                 print the report as JSON (default: text)
  --lang en|fr|vi        language of the report (default: LANG, then English)
  -h, --help             this help
Exit codes: 0 OK, 1 WARNING, 2 CRITICAL or bad usage, 3 UNKNOWN.

Example:
  popbot check pop.example.org --user joe`,
    kb: `Usage: popbot kb list|show|stats|eval [options]
Reads the knowledge base of documented POP errors.

  list [--category CODE]   list the entries (default: all categories)
  show ID|CATEGORY         show an entry, or every entry of a category, as a user receives it
  stats                    entries per category and language
  eval                     accuracy on the evaluation sets, per language and kind, with the misses
    [--set project|tuning|holdout]  only these sets (repeatable; default: all three)
    [--source NAME]        only this captured source folder (repeatable: dovecot, proxies, gui …)
    [--holdout-misses]     print the holdout's missed texts too (reading them is tuning on them)

Options:
  --json            print JSON instead of text (default: text)
  --lang en|fr|vi   language of titles and texts (default: LANG, then English)
  -h, --help        this help

Example:
  popbot kb show mailbox.locked --lang vi`,
    shell: `Usage: popbot shell [--lang en|fr|vi]
The chat bot in this terminal: paste a POP error, a session or an error dialog and get the answer.
A paste is one message, blank lines included. Commands: /help, /lang en|fr|vi, /popcheck HOST [PORT], /quit.
With standard input not a terminal, it answers what it reads and exits.

Options:
  --lang en|fr|vi   language of the answers (default: the language of each paste, then LANG, then English)
  -h, --help        this help

Example:
  printf -- '-ERR [AUTH] Authentication failed.\\n' | popbot shell`,
    start: `Usage: popbot start
Starts the bot: Slack when SLACK_* variables are set, Discord when DISCORD_* variables are set, both when
both are, else the local shell. Stops on SIGTERM or SIGINT after finishing the replies in flight.
The environment variables are listed in README.md and docs/slack.md, docs/discord.md.

Options:
  -h, --help        this help

Example:
  SLACK_BOT_TOKEN=xoxb-… SLACK_APP_TOKEN=xapp-… popbot start`,
  },
  fr: {
    explain: `Utilisation\u00a0: popbot explain [TEXTE|-] [options]
Explique chaque erreur POP d’un texte collé\u00a0: une ligne -ERR, la trace d’une session (C:/S:, telnet, curl -v,
fetchmail -v, mpop --debug, poplib de Python), la fenêtre d’erreur d’un logiciel de messagerie, en anglais,
en français ou en vietnamien. Lit TEXTE, ou l’entrée standard si TEXTE vaut - ou est absent (2 Mio au plus\u00a0;
au-delà, utilisez --summary).

Options\u00a0:
  --json            affiche les résultats en JSON au lieu de texte (par défaut\u00a0: texte)
  --lang en|fr|vi   langue de la réponse (par défaut\u00a0: celle du texte collé, puis LANG, puis l’anglais)
  --summary [FICHIER]  compte les erreurs par catégorie dans un journal de toute taille (par défaut\u00a0: stdin)
  -h, --help        cette aide

Exemple\u00a0:
  popbot explain "-ERR [IN-USE] Unable to lock maildrop"
  fetchmail -v 2>&1 | popbot explain --lang fr`,
    check: `Utilisation\u00a0: popbot check CIBLE [options]
Teste un serveur POP en direct\u00a0: DNS, TCP, message d’accueil, TLS et certificat, capacités, identification
facultative, STAT, QUIT\u00a0; chaque étape est chronométrée et chaque échec expliqué. CIBLE\u00a0: hôte, hôte:port,
[IPv6]:port, adresse e-mail ou domaine (enregistrements SRV, table des fournisseurs, essais pop., pop3., mail.).

Options\u00a0:
  --port N               port à tester (par défaut\u00a0: 995, puis 110 avec --tls auto)
  --tls MODE             auto, implicit (SSL/TLS), stls ou starttls (STARTTLS), none (par défaut\u00a0: auto)
  --user U               s’identifier en tant que U (par défaut\u00a0: pas d’identification)\u00a0; le mot de passe
                         vient de --password-stdin, de POPBOT_PASSWORD ou d’une invite
  --password-stdin       lire le mot de passe sur l’entrée standard (par défaut\u00a0: non)
  --apop                 s’identifier avec APOP au lieu de USER/PASS (par défaut\u00a0: non)
  --insecure             continuer si le certificat n’est pas approuvé, en le signalant (par défaut\u00a0: non)
  --allow-plaintext      autoriser l’identification sur une connexion non chiffrée (par défaut\u00a0: non)
  --allow-private        autoriser les adresses privées et locales (par défaut\u00a0: serveurs publics seulement)
  --cert-warn-days N     avertir si le certificat expire dans moins de N jours (par défaut\u00a0: 14)
  --timeout S            durée maximale de tout le test, en secondes (par défaut\u00a0: 30)
  --transcript           afficher l’échange POP, mots de passe masqués (par défaut\u00a0: non)
  --json                 afficher le rapport en JSON (par défaut\u00a0: texte)
  --lang en|fr|vi        langue du rapport (par défaut\u00a0: LANG, puis l’anglais)
  -h, --help             cette aide
Codes de sortie\u00a0: 0 OK, 1 AVERTISSEMENT, 2 CRITIQUE ou mauvaise utilisation, 3 INCONNU.

Exemple\u00a0:
  popbot check pop.example.org --user joe`,
    kb: `Utilisation\u00a0: popbot kb list|show|stats|eval [options]
Consulte la base de connaissances des erreurs POP documentées.

  list [--category CODE]   liste les entrées (par défaut\u00a0: toutes les catégories)
  show ID|CATÉGORIE        affiche une entrée, ou toutes celles d’une catégorie, telles que l’utilisateur les reçoit
  stats                    nombre d’entrées par catégorie et par langue
  eval                     précision sur les jeux d’évaluation, par langue et par type, avec les échecs
    [--set project|tuning|holdout]  seulement ces jeux (répétable\u00a0; par défaut\u00a0: les trois)
    [--source NOM]         seulement ce dossier de textes réels (répétable\u00a0: dovecot, proxies, gui…)
    [--holdout-misses]     affiche aussi les textes manqués du jeu réservé (les lire, c’est s’y ajuster)

Options\u00a0:
  --json            affiche du JSON au lieu de texte (par défaut\u00a0: texte)
  --lang en|fr|vi   langue des titres et des textes (par défaut\u00a0: LANG, puis l’anglais)
  -h, --help        cette aide

Exemple\u00a0:
  popbot kb show mailbox.locked --lang vi`,
    shell: `Utilisation\u00a0: popbot shell [--lang en|fr|vi]
Le bot de discussion dans ce terminal\u00a0: collez une erreur POP, une session ou une fenêtre d’erreur et lisez
la réponse. Un collage forme un seul message, lignes vides comprises. Commandes\u00a0: /help, /lang en|fr|vi,
/popcheck HÔTE [PORT], /quit. Si l’entrée standard n’est pas un terminal, il répond à ce qu’il lit puis s’arrête.

Options\u00a0:
  --lang en|fr|vi   langue des réponses (par défaut\u00a0: celle de chaque collage, puis LANG, puis l’anglais)
  -h, --help        cette aide

Exemple\u00a0:
  printf -- '-ERR [AUTH] Authentication failed.\\n' | popbot shell`,
    start: `Utilisation\u00a0: popbot start
Démarre le bot\u00a0: Slack si des variables SLACK_* sont définies, Discord si des variables DISCORD_* le sont,
les deux si les deux le sont, sinon le shell local. S’arrête sur SIGTERM ou SIGINT après avoir terminé les
réponses en cours. Les variables d’environnement sont décrites dans README.md, docs/slack.md et docs/discord.md.

Options\u00a0:
  -h, --help        cette aide

Exemple\u00a0:
  SLACK_BOT_TOKEN=xoxb-… SLACK_APP_TOKEN=xapp-… popbot start`,
  },
  vi: {
    explain: `Cách dùng: popbot explain [VĂN_BẢN|-] [tùy chọn]
Giải thích mọi lỗi POP trong đoạn văn bản được dán: dòng -ERR, bản ghi phiên làm việc (C:/S:, telnet, curl -v,
fetchmail -v, mpop --debug, poplib của Python), hộp thoại báo lỗi của phần mềm thư, bằng tiếng Anh, tiếng Pháp
hoặc tiếng Việt. Đọc VĂN_BẢN, hoặc đầu vào chuẩn khi VĂN_BẢN là - hay bị bỏ trống (tối đa 2 MiB; lớn hơn thì
dùng --summary).

Tùy chọn:
  --json            in kết quả dạng JSON thay vì văn bản (mặc định: văn bản)
  --lang en|fr|vi   ngôn ngữ của câu trả lời (mặc định: ngôn ngữ của đoạn dán, rồi LANG, rồi tiếng Anh)
  --summary [TỆP]   đếm lỗi theo loại trong tệp nhật ký có kích thước bất kỳ (mặc định: đầu vào chuẩn)
  -h, --help        trợ giúp này

Ví dụ:
  popbot explain "-ERR [IN-USE] Unable to lock maildrop"
  fetchmail -v 2>&1 | popbot explain --lang vi`,
    check: `Cách dùng: popbot check ĐÍCH [tùy chọn]
Kiểm tra trực tiếp máy chủ POP: DNS, TCP, lời chào, TLS và chứng chỉ, các tính năng, đăng nhập (không bắt
buộc), STAT, QUIT; mỗi bước đều được đo thời gian và mỗi lỗi đều được giải thích. ĐÍCH: tên máy chủ,
máy_chủ:cổng, [IPv6]:cổng, địa chỉ email hoặc tên miền (bản ghi SRV, bảng nhà cung cấp, thử pop., pop3., mail.).

Tùy chọn:
  --port N               cổng cần kiểm tra (mặc định: 995, rồi 110 khi dùng --tls auto)
  --tls CHẾ_ĐỘ           auto, implicit (SSL/TLS), stls hoặc starttls (STARTTLS), none (mặc định: auto)
  --user U               đăng nhập bằng tài khoản U (mặc định: không đăng nhập); mật khẩu lấy từ
                         --password-stdin, POPBOT_PASSWORD hoặc lời nhắc nhập
  --password-stdin       đọc mật khẩu từ đầu vào chuẩn (mặc định: tắt)
  --apop                 đăng nhập bằng APOP thay cho USER/PASS (mặc định: tắt)
  --insecure             vẫn tiếp tục khi chứng chỉ không được tin cậy, có ghi rõ (mặc định: tắt)
  --allow-plaintext      cho phép đăng nhập qua kết nối không mã hóa (mặc định: tắt)
  --allow-private        cho phép địa chỉ nội bộ và loopback (mặc định: chỉ máy chủ công khai)
  --cert-warn-days N     cảnh báo khi chứng chỉ hết hạn trong vòng N ngày (mặc định: 14)
  --timeout S            thời gian tối đa cho toàn bộ lần kiểm tra, tính bằng giây (mặc định: 30)
  --transcript           hiển thị nội dung trao đổi POP, mật khẩu được che (mặc định: tắt)
  --json                 in báo cáo dạng JSON (mặc định: văn bản)
  --lang en|fr|vi        ngôn ngữ của báo cáo (mặc định: LANG, rồi tiếng Anh)
  -h, --help             trợ giúp này
Mã thoát: 0 OK, 1 CẢNH BÁO, 2 NGHIÊM TRỌNG hoặc dùng sai lệnh, 3 KHÔNG XÁC ĐỊNH.

Ví dụ:
  popbot check pop.example.org --user joe`,
    kb: `Cách dùng: popbot kb list|show|stats|eval [tùy chọn]
Tra cứu cơ sở tri thức về các lỗi POP đã được ghi nhận.

  list [--category MÃ]     liệt kê các mục (mặc định: mọi loại lỗi)
  show ID|LOẠI             xem một mục, hoặc mọi mục của một loại lỗi, đúng như người dùng nhận được
  stats                    số mục theo loại lỗi và ngôn ngữ
  eval                     độ chính xác trên các bộ đánh giá, theo ngôn ngữ và loại văn bản, kèm các trường hợp nhận sai
    [--set project|tuning|holdout]  chỉ các bộ này (lặp lại được; mặc định: cả ba)
    [--source TÊN]         chỉ thư mục văn bản thực này (lặp lại được: dovecot, proxies, gui…)
    [--holdout-misses]     in cả các văn bản bị nhận sai của bộ để riêng (đọc chúng là điều chỉnh theo chúng)

Tùy chọn:
  --json            in JSON thay vì văn bản (mặc định: văn bản)
  --lang en|fr|vi   ngôn ngữ của tiêu đề và nội dung (mặc định: LANG, rồi tiếng Anh)
  -h, --help        trợ giúp này

Ví dụ:
  popbot kb show mailbox.locked --lang vi`,
    shell: `Cách dùng: popbot shell [--lang en|fr|vi]
Bot trò chuyện ngay trong terminal này: dán lỗi POP, bản ghi phiên làm việc hoặc hộp thoại báo lỗi để nhận
câu trả lời. Mỗi lần dán là một tin nhắn, kể cả các dòng trống. Lệnh: /help, /lang en|fr|vi,
/popcheck MÁY_CHỦ [CỔNG], /quit. Khi đầu vào chuẩn không phải terminal, bot trả lời những gì đọc được rồi thoát.

Tùy chọn:
  --lang en|fr|vi   ngôn ngữ trả lời (mặc định: ngôn ngữ của từng đoạn dán, rồi LANG, rồi tiếng Anh)
  -h, --help        trợ giúp này

Ví dụ:
  printf -- '-ERR [AUTH] Authentication failed.\\n' | popbot shell`,
    start: `Cách dùng: popbot start
Khởi động bot: Slack khi có các biến SLACK_*, Discord khi có các biến DISCORD_*, cả hai khi có cả hai, nếu
không thì chạy shell cục bộ. Dừng khi nhận SIGTERM hoặc SIGINT, sau khi gửi xong các câu trả lời đang xử lý.
Các biến môi trường được mô tả trong README.md, docs/slack.md và docs/discord.md.

Tùy chọn:
  -h, --help        trợ giúp này

Ví dụ:
  SLACK_BOT_TOKEN=xoxb-… SLACK_APP_TOKEN=xapp-… popbot start`,
  },
});

export type HelpTopic = keyof (typeof help.messages)['en'];
