import type { LogVerdict } from '../explain/server-log/judge.js';
import { defineCatalogue } from './catalogue.js';
import type { Lang } from './lang.js';

/** What a whole server log shows about failed logins (`explain --summary`, a pasted log). */
export const serverLog = defineCatalogue('server-log', {
  en: {
    'verdict.header': 'Failed logins, over the whole log:',
    'verdict.password-guessing':
      'Looks like password guessing: {failures} failed logins from {ip} for {distinct} user names ({samples}), lines {first}–{last}. Ban the address (fail2ban) and check that no login from it succeeded.',
    'verdict.user-enumeration':
      'Looks like user-name guessing: {failures} failed logins from {ip}, mostly for names that do not exist ({distinct} names: {samples}), lines {first}–{last}. Ban the address (fail2ban), and make sure none of the names tried is a real account with a weak password.',
    'verdict.distributed-guessing':
      'Looks like password guessing spread over {distinct} addresses against {user}: {failures} failed logins, lines {first}–{last}. Make sure the password is strong, and consider locking the account for a while.',
    'verdict.one-device-failing':
      '{user} failed {failures} times from {ip} (lines {first}–{last}): it looks like one device with an old password rather than an attack. Update the password on that device.',
    'verdict.succeeded':
      'A login from there then succeeded: treat that password as known to the attacker, change it and look at what was downloaded.',
  },
  fr: {
    'verdict.header': "Échecs d'identification, sur l'ensemble du journal\u00a0:",
    'verdict.password-guessing':
      "Cela ressemble à des tentatives de mots de passe\u00a0: {failures} échecs d'identification depuis {ip} pour {distinct} identifiants ({samples}), lignes {first} à {last}. Bannissez l'adresse (fail2ban) et vérifiez qu'aucune identification depuis celle-ci n'a réussi.",
    'verdict.user-enumeration':
      "Cela ressemble à une recherche d'identifiants\u00a0: {failures} échecs d'identification depuis {ip}, surtout pour des identifiants qui n'existent pas ({distinct} identifiants\u00a0: {samples}), lignes {first} à {last}. Bannissez l'adresse (fail2ban) et vérifiez qu'aucun des identifiants essayés n'est un vrai compte au mot de passe faible.",
    'verdict.distributed-guessing':
      "Cela ressemble à des tentatives de mots de passe réparties sur {distinct} adresses contre {user}\u00a0: {failures} échecs d'identification, lignes {first} à {last}. Exigez un mot de passe robuste et envisagez de bloquer le compte un moment.",
    'verdict.one-device-failing':
      "{user} a échoué {failures} fois depuis {ip} (lignes {first} à {last})\u00a0: cela ressemble à un appareil resté sur un ancien mot de passe plutôt qu'à une attaque. Mettez à jour le mot de passe sur cet appareil.",
    'verdict.succeeded':
      "Une identification depuis cette origine a ensuite réussi\u00a0: considérez ce mot de passe comme connu de l'attaquant, changez-le et vérifiez ce qui a été téléchargé.",
  },
  vi: {
    'verdict.header': 'Các lần đăng nhập thất bại, trên toàn bộ nhật ký:',
    'verdict.password-guessing':
      'Có vẻ là dò mật khẩu: {failures} lần đăng nhập thất bại từ {ip} với {distinct} tên người dùng ({samples}), dòng {first}–{last}. Hãy chặn địa chỉ này (fail2ban) và kiểm tra xem có lần đăng nhập nào từ đó đã thành công không.',
    'verdict.user-enumeration':
      'Có vẻ là dò tên người dùng: {failures} lần đăng nhập thất bại từ {ip}, phần lớn với những tên không tồn tại ({distinct} tên: {samples}), dòng {first}–{last}. Hãy chặn địa chỉ này (fail2ban) và bảo đảm không tên nào đã bị thử là tài khoản thật có mật khẩu yếu.',
    'verdict.distributed-guessing':
      'Có vẻ là dò mật khẩu rải trên {distinct} địa chỉ nhắm vào {user}: {failures} lần đăng nhập thất bại, dòng {first}–{last}. Hãy yêu cầu mật khẩu mạnh và cân nhắc tạm khóa tài khoản.',
    'verdict.one-device-failing':
      '{user} thất bại {failures} lần từ {ip} (dòng {first}–{last}): có vẻ là một thiết bị còn dùng mật khẩu cũ hơn là một cuộc tấn công. Hãy cập nhật mật khẩu trên thiết bị đó.',
    'verdict.succeeded':
      'Sau đó đã có một lần đăng nhập thành công từ nguồn này: hãy coi như kẻ tấn công đã biết mật khẩu, đổi mật khẩu và kiểm tra những gì đã bị tải về.',
  },
});

/** One verdict as a sentence in `lang`. */
export function describeVerdict(v: LogVerdict, lang: Lang): string {
  const text = serverLog.t(lang, `verdict.${v.kind}`, {
    failures: v.failures,
    distinct: v.distinct,
    samples: v.samples.join(', '),
    ip: v.ip ?? '?',
    user: v.user ?? '?',
    first: v.firstLine,
    last: v.lastLine,
  });
  return v.succeededAfter ? `${text} ${serverLog.t(lang, 'verdict.succeeded')}` : text;
}
