import { defineCatalogue } from './catalogue.js';

/**
 * Words only the Slack adapter shows: the login modal, the message shortcut, shutdown. Slack limits a modal's
 * title and buttons to 24 characters, so those stay short in every language.
 */
export const slackMessages = defineCatalogue('slack', {
  en: {
    'modal.title': 'POP login check',
    'modal.submit': 'Check',
    'modal.close': 'Cancel',
    'modal.intro': 'Log in to *{host}* (port {port}) as *{user}*, then list the mailbox.',
    'modal.password': 'Password',
    'modal.password-empty': 'Type the password, or cancel.',
    'modal.port-auto': 'auto',
    'shortcut.empty': 'This message has no text I can explain.',
    stopping: 'popbot is restarting. Try again in a minute.',
    'report.more-steps': '…and {count} more steps.',
  },
  fr: {
    'modal.title': 'Test de connexion POP',
    'modal.submit': 'Tester',
    'modal.close': 'Annuler',
    'modal.intro':
      'Connexion à *{host}* (port {port}) en tant que *{user}*, puis lecture de la boîte aux lettres.',
    'modal.password': 'Mot de passe',
    'modal.password-empty': 'Saisissez le mot de passe, ou annulez.',
    'modal.port-auto': 'auto',
    'shortcut.empty': "Ce message n'a pas de texte que je puisse expliquer.",
    stopping: 'popbot redémarre. Réessayez dans une minute.',
    'report.more-steps': '… et {count} étapes de plus.',
  },
  vi: {
    'modal.title': 'Kiểm tra đăng nhập POP',
    'modal.submit': 'Kiểm tra',
    'modal.close': 'Hủy',
    'modal.intro': 'Đăng nhập vào *{host}* (cổng {port}) bằng tài khoản *{user}*, rồi xem hộp thư.',
    'modal.password': 'Mật khẩu',
    'modal.password-empty': 'Hãy nhập mật khẩu, hoặc hủy.',
    'modal.port-auto': 'tự động',
    'shortcut.empty': 'Tin nhắn này không có nội dung nào để tôi giải thích.',
    stopping: 'popbot đang khởi động lại. Vui lòng thử lại sau một phút.',
    'report.more-steps': '… và {count} bước nữa.',
  },
});
