import { defineCatalogue } from './catalogue.js';

/** Words every chat adapter shares (Slack, Discord, the shell). Platform-specific wording lives with the adapter. */
export const chat = defineCatalogue('chat', {
  en: {
    help: `I explain POP3 email errors. Paste a -ERR line, a POP session (C:/S:, telnet, openssl s_client, fetchmail -v, curl -v) or your mail program's error message, and I reply with what it means, the likely causes, and what to do — for you and for your mail admin.
Commands: /poperror TEXT (explain a pasted error, or show an entry by its code such as mailbox.locked), /popcheck HOST [PORT] (check a POP server live: DNS, TLS and certificate, greeting, capabilities).
Add lang:fr or lang:vi to get the answer in French or Vietnamese.`,
    'too-large':
      'That is too large for me to read in chat ({size}). Paste the part around the error (a few dozen lines).',
    checking: 'Checking {target}…',
    'probe.failed': 'The check could not run: {reason}',
    'internal-error': 'Something went wrong on my side; please try again in a moment.',
    'password-in-command':
      'I did not use that: it looks like a password was typed into the command. Passwords never go in command text. Change that password now, since it was sent through chat.',
    'chat-login-disabled':
      'Login tests through chat are switched off in this workspace. I can check the server without logging in: /popcheck HOST [PORT].',
    'chat-login-warning':
      'Warning: this field is not masked, and the password you type passes through the chat platform. Prefer a test account or an app password that you revoke afterwards.',
    'entry-not-found': 'No knowledge-base entry or category "{code}".',
    'usage.popcheck': 'Usage: /popcheck HOST [PORT] [public] [lang:fr|lang:vi]',
    'usage.poperror':
      'Usage: /poperror TEXT|CODE [lang:fr|lang:vi] — paste an error, or give a code such as mailbox.locked.',
  },
  fr: {
    help: `J'explique les erreurs de messagerie POP3. Collez une ligne -ERR, une session POP (C:/S:, telnet, openssl s_client, fetchmail -v, curl -v) ou le message d'erreur de votre logiciel de messagerie, et je réponds avec ce qu'elle signifie, les causes probables et ce qu'il faut faire — pour vous et pour l'administrateur de votre messagerie.
Commandes\u00a0: /poperror TEXTE (explique une erreur collée, ou affiche une entrée par son code, par exemple mailbox.locked), /popcheck HÔTE [PORT] (teste un serveur POP en direct\u00a0: DNS, TLS et certificat, accueil, capacités).
Ajoutez lang:fr ou lang:vi pour obtenir la réponse en français ou en vietnamien.`,
    'too-large':
      "C'est trop long pour que je le lise ici ({size}). Collez la partie autour de l'erreur (quelques dizaines de lignes).",
    checking: 'Vérification de {target}…',
    'probe.failed': "Le test n'a pas pu être lancé\u00a0: {reason}",
    'internal-error': 'Un problème est survenu de mon côté\u202f; réessayez dans un instant.',
    'password-in-command':
      "Je ne l'ai pas utilisé\u00a0: un mot de passe semble avoir été tapé dans la commande. Un mot de passe ne doit jamais figurer dans le texte d'une commande. Changez ce mot de passe dès maintenant, puisqu'il a transité par la messagerie instantanée.",
    'chat-login-disabled':
      "Les tests d'identification via la messagerie instantanée sont désactivés dans cet espace. Je peux tester le serveur sans m'identifier\u00a0: /popcheck HÔTE [PORT].",
    'chat-login-warning':
      "Attention\u00a0: ce champ n'est pas masqué et le mot de passe saisi transite par la plateforme de discussion. Utilisez de préférence un compte de test ou un mot de passe d'application que vous révoquerez ensuite.",
    'entry-not-found': 'Aucune entrée ni catégorie «\u00a0{code}\u00a0» dans la base de connaissances.',
    'usage.popcheck': 'Utilisation\u00a0: /popcheck HÔTE [PORT] [public] [lang:fr|lang:vi]',
    'usage.poperror':
      'Utilisation\u00a0: /poperror TEXTE|CODE [lang:fr|lang:vi] — collez une erreur, ou donnez un code comme mailbox.locked.',
  },
  vi: {
    help: `Tôi giải thích các lỗi email POP3. Hãy dán dòng -ERR, một phiên POP (C:/S:, telnet, openssl s_client, fetchmail -v, curl -v) hoặc thông báo lỗi của phần mềm thư, tôi sẽ trả lời lỗi đó nghĩa là gì, nguyên nhân thường gặp và cách xử lý — cho bạn và cho quản trị viên thư.
Lệnh: /poperror NỘI DUNG (giải thích lỗi được dán vào, hoặc xem một mục theo mã, ví dụ mailbox.locked), /popcheck MÁY_CHỦ [CỔNG] (kiểm tra trực tiếp máy chủ POP: DNS, TLS và chứng chỉ, lời chào, các tính năng).
Thêm lang:fr hoặc lang:vi để nhận câu trả lời bằng tiếng Pháp hoặc tiếng Việt.`,
    'too-large':
      'Nội dung quá dài để tôi đọc trong cuộc trò chuyện ({size}). Hãy dán phần quanh lỗi (vài chục dòng).',
    checking: 'Đang kiểm tra {target}…',
    'probe.failed': 'Không chạy được bước kiểm tra: {reason}',
    'internal-error': 'Đã có lỗi xảy ra ở phía tôi; vui lòng thử lại sau giây lát.',
    'password-in-command':
      'Tôi không dùng nội dung đó: có vẻ bạn đã gõ mật khẩu vào lệnh. Không bao giờ đưa mật khẩu vào nội dung lệnh. Hãy đổi mật khẩu đó ngay vì nó đã đi qua kênh trò chuyện.',
    'chat-login-disabled':
      'Tính năng thử đăng nhập qua kênh trò chuyện đang tắt trong không gian làm việc này. Tôi vẫn có thể kiểm tra máy chủ mà không cần đăng nhập: /popcheck MÁY_CHỦ [CỔNG].',
    'chat-login-warning':
      'Lưu ý: ô này không che ký tự, và mật khẩu bạn nhập sẽ đi qua nền tảng trò chuyện. Nên dùng tài khoản thử nghiệm hoặc mật khẩu ứng dụng rồi thu hồi sau khi kiểm tra.',
    'entry-not-found': 'Không có mục hay loại lỗi "{code}" trong cơ sở tri thức.',
    'usage.popcheck': 'Cách dùng: /popcheck MÁY_CHỦ [CỔNG] [public] [lang:fr|lang:vi]',
    'usage.poperror':
      'Cách dùng: /poperror NỘI DUNG|MÃ [lang:fr|lang:vi] — dán lỗi, hoặc nhập mã như mailbox.locked.',
  },
});
