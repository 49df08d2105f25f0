import { defineCatalogue } from './catalogue.js';

/**
 * Discord's own words: command names and descriptions (Discord: names ≤ 32 characters, lower case for slash
 * commands; descriptions ≤ 100), the login modal (title and label ≤ 45, label description ≤ 100), and the
 * `popbot discord` CLI. The words every chat adapter shares live in chat-messages.ts.
 */
export const discordMessages = defineCatalogue('discord', {
  en: {
    'cmd.popcheck.name': 'popcheck',
    'cmd.popcheck.description': 'Check a POP server live: DNS, TLS and certificate, greeting, capabilities',
    'cmd.poperror.name': 'poperror',
    'cmd.poperror.description': 'Explain a pasted POP error, or show a knowledge-base entry by its code',
    'cmd.explain-message.name': 'Explain POP error',
    'opt.host.name': 'host',
    'opt.host.description': 'POP server host name, IP address, or an email address to find its server',
    'opt.port.name': 'port',
    'opt.port.description': 'Port to check (default: 995 with TLS, then 110 with STARTTLS)',
    'opt.user.name': 'user',
    'opt.user.description': 'User name to test a login with; I ask for the password in a form',
    'opt.public.name': 'public',
    'opt.public.description': 'Show the answer to the whole channel (default: only you see it)',
    'opt.text.name': 'text',
    'opt.text.description': 'The error line or session to explain, or an entry code such as mailbox.locked',
    'modal.title': 'POP login test',
    'modal.password.label': 'Password for {user}',
    'modal.password.description':
      'Not masked: prefer a test account or an app password you revoke afterwards.',
    'login.expired': 'This login form has expired. Run /popcheck again.',
    'login.other-user': 'This form belongs to someone else.',
    'no-text': 'This message has no text I can read (only attachments or embeds).',
    'probe.attempt': 'Port {port}, {encryption}',
    'cli.usage':
      'Usage: popbot discord register\n  Registers (overwrites) the slash and context-menu commands: in the guild DISCORD_GUILD_ID when it is set (instant, for development), otherwise globally.',
    'cli.registered-guild': 'Registered {count} commands in guild {guild}.',
    'cli.registered-global': 'Registered {count} commands globally.',
    'cli.unreachable':
      'could not reach Discord ({api}: {code}); nothing was registered. Check the network connection and try again.',
    'cli.register-failed': 'Discord refused the registration: {reason}',
  },
  fr: {
    'cmd.popcheck.name': 'vérifier-pop',
    'cmd.popcheck.description':
      'Teste un serveur POP en direct\u00a0: DNS, TLS et certificat, accueil, capacités',
    'cmd.poperror.name': 'erreur-pop',
    'cmd.poperror.description':
      'Explique une erreur POP collée, ou affiche une entrée de la base par son code',
    'cmd.explain-message.name': 'Expliquer l’erreur POP',
    'opt.host.name': 'hôte',
    'opt.host.description':
      'Nom d’hôte ou adresse IP du serveur POP, ou une adresse e-mail pour trouver son serveur',
    'opt.port.name': 'port',
    'opt.port.description': 'Port à tester (par défaut\u00a0: 995 avec TLS, puis 110 avec STARTTLS)',
    'opt.user.name': 'utilisateur',
    'opt.user.description':
      'Identifiant pour tester la connexion\u202f; le mot de passe est demandé dans un formulaire',
    'opt.public.name': 'public',
    'opt.public.description': 'Montrer la réponse à tout le salon (par défaut\u00a0: vous seul la voyez)',
    'opt.text.name': 'texte',
    'opt.text.description':
      'La ligne d’erreur ou la session à expliquer, ou un code d’entrée comme mailbox.locked',
    'modal.title': 'Test de connexion POP',
    'modal.password.label': 'Mot de passe de {user}',
    'modal.password.description':
      'Non masqué\u00a0: utilisez un compte de test ou un mot de passe d’application à révoquer.',
    'login.expired': 'Ce formulaire de connexion a expiré. Relancez /popcheck.',
    'login.other-user': 'Ce formulaire appartient à quelqu’un d’autre.',
    'no-text':
      'Ce message ne contient aucun texte que je puisse lire (seulement des pièces jointes ou des intégrations).',
    'probe.attempt': 'Port {port}, {encryption}',
    'cli.usage':
      'Utilisation\u00a0: popbot discord register\n  Enregistre (en les remplaçant) les commandes slash et de menu contextuel\u00a0: dans le serveur DISCORD_GUILD_ID s’il est défini (immédiat, pour le développement), sinon globalement.',
    'cli.registered-guild': '{count} commandes enregistrées dans le serveur {guild}.',
    'cli.registered-global': '{count} commandes enregistrées globalement.',
    'cli.unreachable':
      'impossible de joindre Discord ({api}\u00a0: {code})\u00a0; rien n’a été enregistré. Vérifiez la connexion réseau et réessayez.',
    'cli.register-failed': 'Discord a refusé l’enregistrement\u00a0: {reason}',
  },
  vi: {
    'cmd.popcheck.name': 'kiểm-tra-pop',
    'cmd.popcheck.description':
      'Kiểm tra trực tiếp máy chủ POP: DNS, TLS và chứng chỉ, lời chào, các tính năng',
    'cmd.poperror.name': 'lỗi-pop',
    'cmd.poperror.description':
      'Giải thích lỗi POP được dán vào, hoặc xem một mục trong cơ sở tri thức theo mã',
    'cmd.explain-message.name': 'Giải thích lỗi POP',
    'opt.host.name': 'máy-chủ',
    'opt.host.description': 'Tên máy chủ hoặc địa chỉ IP của máy chủ POP, hoặc địa chỉ email để tìm máy chủ',
    'opt.port.name': 'cổng',
    'opt.port.description': 'Cổng cần kiểm tra (mặc định: 995 với TLS, rồi 110 với STARTTLS)',
    'opt.user.name': 'tài-khoản',
    'opt.user.description': 'Tên người dùng để thử đăng nhập; mật khẩu sẽ được hỏi trong một biểu mẫu',
    'opt.public.name': 'công-khai',
    'opt.public.description': 'Hiện câu trả lời cho cả kênh (mặc định: chỉ mình bạn thấy)',
    'opt.text.name': 'nội-dung',
    'opt.text.description': 'Dòng lỗi hoặc phiên làm việc cần giải thích, hoặc mã mục như mailbox.locked',
    'modal.title': 'Thử đăng nhập POP',
    'modal.password.label': 'Mật khẩu của {user}',
    'modal.password.description':
      'Không được che: nên dùng tài khoản thử hoặc mật khẩu ứng dụng rồi thu hồi sau.',
    'login.expired': 'Biểu mẫu đăng nhập này đã hết hạn. Hãy chạy lại /popcheck.',
    'login.other-user': 'Biểu mẫu này thuộc về người khác.',
    'no-text': 'Tin nhắn này không có nội dung văn bản để tôi đọc (chỉ có tệp đính kèm hoặc nội dung nhúng).',
    'probe.attempt': 'Cổng {port}, {encryption}',
    'cli.usage':
      'Cách dùng: popbot discord register\n  Đăng ký (ghi đè) các lệnh slash và lệnh trong menu ngữ cảnh: trong máy chủ DISCORD_GUILD_ID nếu biến này được đặt (có hiệu lực ngay, dùng khi phát triển), nếu không thì đăng ký toàn cục.',
    'cli.registered-guild': 'Đã đăng ký {count} lệnh trong máy chủ {guild}.',
    'cli.registered-global': 'Đã đăng ký {count} lệnh toàn cục.',
    'cli.unreachable':
      'không kết nối được tới Discord ({api}: {code}); chưa có lệnh nào được đăng ký. Hãy kiểm tra kết nối mạng rồi thử lại.',
    'cli.register-failed': 'Discord từ chối việc đăng ký: {reason}',
  },
});
