import { defineCatalogue } from './catalogue.js';

/** The explainer's own words and the labels every renderer shares. */
export const core = defineCatalogue('core', {
  en: {
    'outcome.empty':
      'Nothing to explain: the message is empty. Paste the error line or the POP session around it.',
    'outcome.no-error':
      'No POP error found: the server answered +OK to everything shown. If something still fails, paste the lines around the error, or the session up to the failure.',
    'outcome.not-pop':
      'No POP error found in this text. Paste the line that starts with -ERR, the error dialog of your mail program, or the POP session (telnet / openssl s_client) around the failure.',
    'outcome.too-large':
      'This is too large to explain in one go ({size}). Paste the part around the error (a few dozen lines), or run `popbot explain --summary FILE` for counts per category.',
    'warning.secret.exposed':
      'This paste contains a password or login token. It is masked in this answer, but it was shared: delete the message and change the password.',
    'warning.input.truncated': 'Only the first {lines} lines were read.',
    'warning.input.binary': 'Part of this input is binary data; it was skipped.',
    'warning.findings.capped': '…and {count} more errors, not shown: only the first {shown} are listed.',
    'label.meaning': 'What it means',
    'label.causes': 'Likely causes',
    'label.userSteps': 'What you can do',
    'label.adminSteps': 'For the mail administrator',
    'label.retry': 'Retry',
    'label.references': 'References',
    'label.category': 'category',
    'label.entry': 'entry',
    'label.command': 'answer to',
    'label.state': 'state',
    'label.line': 'line',
    'label.confidence': 'confidence',
    'retry.yes': 'Trying again in a few minutes should work, because the problem is temporary.',
    'retry.no': 'Trying again will not help until the cause is fixed.',
    'more.findings': '…and {count} more.',
    'summary.header': '{errors} error lines in {lines} lines read',
    'summary.none': 'No POP error found in {lines} lines read.',
  },
  fr: {
    'outcome.empty':
      "Rien à expliquer\u00a0: le message est vide. Collez la ligne d'erreur ou la session POP qui l'entoure.",
    'outcome.no-error':
      "Aucune erreur POP trouvée\u00a0: le serveur a répondu +OK à tout ce qui est montré. Si quelque chose échoue encore, collez les lignes autour de l'erreur, ou la session jusqu'à l'échec.",
    'outcome.not-pop':
      "Aucune erreur POP trouvée dans ce texte. Collez la ligne qui commence par -ERR, le message d'erreur de votre logiciel de messagerie, ou la session POP (telnet / openssl s_client) autour de l'échec.",
    'outcome.too-large':
      "Ce texte est trop long pour être expliqué d'un coup ({size}). Collez la partie autour de l'erreur (quelques dizaines de lignes), ou lancez `popbot explain --summary FICHIER` pour un décompte par catégorie.",
    'warning.secret.exposed':
      'Ce texte contient un mot de passe ou un jeton de connexion. Il est masqué dans cette réponse, mais il a été partagé\u00a0: supprimez le message et changez le mot de passe.',
    'warning.input.truncated': 'Seules les {lines} premières lignes ont été lues.',
    'warning.input.binary': 'Une partie de ce texte est binaire\u202f; elle a été ignorée.',
    'warning.findings.capped':
      '… et {count} autres erreurs, non affichées\u00a0: seules les {shown} premières sont listées.',
    'label.meaning': 'Ce que cela signifie',
    'label.causes': 'Causes probables',
    'label.userSteps': 'Ce que vous pouvez faire',
    'label.adminSteps': "Pour l'administrateur de la messagerie",
    'label.retry': 'Nouvel essai',
    'label.references': 'Références',
    'label.category': 'catégorie',
    'label.entry': 'entrée',
    'label.command': 'réponse à',
    'label.state': 'état',
    'label.line': 'ligne',
    'label.confidence': 'confiance',
    'retry.yes': 'Réessayer dans quelques minutes devrait fonctionner, car le problème est passager.',
    'retry.no': 'Réessayer ne servira à rien tant que la cause n’est pas corrigée.',
    'more.findings': '… et {count} de plus.',
    'summary.header': "{errors} lignes d'erreur sur {lines} lignes lues",
    'summary.none': 'Aucune erreur POP trouvée dans les {lines} lignes lues.',
  },
  vi: {
    'outcome.empty':
      'Không có gì để giải thích: tin nhắn trống. Hãy dán dòng báo lỗi hoặc phiên POP quanh lỗi đó.',
    'outcome.no-error':
      'Không tìm thấy lỗi POP: máy chủ đã trả lời +OK cho mọi lệnh được hiển thị. Nếu vẫn còn lỗi, hãy dán các dòng quanh lỗi, hoặc cả phiên làm việc cho đến lúc lỗi xảy ra.',
    'outcome.not-pop':
      'Không tìm thấy lỗi POP trong đoạn văn bản này. Hãy dán dòng bắt đầu bằng -ERR, hộp thoại báo lỗi của phần mềm thư, hoặc phiên POP (telnet / openssl s_client) quanh lúc lỗi.',
    'outcome.too-large':
      'Nội dung quá lớn để giải thích một lần ({size}). Hãy dán phần quanh lỗi (vài chục dòng), hoặc chạy `popbot explain --summary TỆP` để đếm lỗi theo từng loại.',
    'warning.secret.exposed':
      'Nội dung này có chứa mật khẩu hoặc token đăng nhập. Nó đã được che trong câu trả lời, nhưng đã bị chia sẻ: hãy xóa tin nhắn và đổi mật khẩu.',
    'warning.input.truncated': 'Chỉ {lines} dòng đầu tiên được đọc.',
    'warning.input.binary': 'Một phần nội dung là dữ liệu nhị phân nên đã được bỏ qua.',
    'warning.findings.capped': '… và {count} lỗi khác không được hiển thị: chỉ liệt kê {shown} lỗi đầu tiên.',
    'label.meaning': 'Ý nghĩa',
    'label.causes': 'Nguyên nhân thường gặp',
    'label.userSteps': 'Bạn có thể làm gì',
    'label.adminSteps': 'Dành cho quản trị viên thư',
    'label.retry': 'Thử lại',
    'label.references': 'Tài liệu tham khảo',
    'label.category': 'loại lỗi',
    'label.entry': 'mục',
    'label.command': 'trả lời cho lệnh',
    'label.state': 'trạng thái',
    'label.line': 'dòng',
    'label.confidence': 'độ tin cậy',
    'retry.yes': 'Thử lại sau vài phút nhiều khả năng sẽ được, vì sự cố chỉ là tạm thời.',
    'retry.no': 'Thử lại cũng không được cho đến khi nguyên nhân được khắc phục.',
    'more.findings': '…và {count} lỗi khác.',
    'summary.header': '{errors} dòng lỗi trong {lines} dòng đã đọc',
    'summary.none': 'Không tìm thấy lỗi POP nào trong {lines} dòng đã đọc.',
  },
});
