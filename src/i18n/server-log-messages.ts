import type { LogCause } from '../explain/server-log/cause.js';
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
    'cause.error': 'the server wrote its own cause, {error}',
    'cause.call': ' ({call} of {path})',
    'cause.file': ' (in {file})',
    'cause.denied': '; the process ran as euid {runAs} and lacks the +{missing} permission on {on}',
    'cause.owner': ', owned by {owner} with mode {mode}',
    'cause.setting': '; the setting to check: {setting}',
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
    'cause.error': 'le serveur a écrit lui-même la cause, {error}',
    'cause.call': ' ({call} sur {path})',
    'cause.file': ' (dans {file})',
    'cause.denied':
      "\u202f; le processus tournait avec l'euid {runAs} et n'a pas le droit +{missing} sur {on}",
    'cause.owner': ', qui appartient à {owner} avec le mode {mode}',
    'cause.setting': '\u202f; le paramètre à vérifier\u00a0: {setting}',
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
    'cause.error': 'chính máy chủ đã ghi nguyên nhân là {error}',
    'cause.call': ' ({call} trên {path})',
    'cause.file': ' (trong {file})',
    'cause.denied': '; tiến trình chạy với euid {runAs} và thiếu quyền +{missing} trên {on}',
    'cause.owner': ', thư mục này thuộc {owner} với chế độ {mode}',
    'cause.setting': '; thiết lập cần kiểm tra: {setting}',
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

// French quotes with « » and no-break spaces inside; English and Vietnamese with curly double quotes.
const quote = (text: string, lang: Lang): string => (lang === 'fr' ? `«\u00a0${text}\u00a0»` : `“${text}”`);

/**
 * What a server's error line says happened, as one clause of the "because" line: the server's own cause (the
 * system error, quoted as written), the call and path it hit, who the process ran as and the permission it
 * lacked, the owner and mode of that directory, the setting the line names.
 */
export function describeCause(c: LogCause, lang: Lang): string {
  let text = serverLog.t(lang, 'cause.error', { error: quote(c.error, lang) });
  if (c.call && c.path) text += serverLog.t(lang, 'cause.call', { call: c.call, path: c.path });
  else if (c.file) text += serverLog.t(lang, 'cause.file', { file: c.file });
  if (c.runAs && c.missing && c.missingOn) {
    text += serverLog.t(lang, 'cause.denied', { runAs: c.runAs, missing: c.missing, on: c.missingOn });
    if (c.owner && c.mode) text += serverLog.t(lang, 'cause.owner', { owner: c.owner, mode: c.mode });
  }
  if (c.setting) text += serverLog.t(lang, 'cause.setting', { setting: c.setting });
  return `${text}.`;
}
