/**
 * The command a client's message says failed, in the client's language: "USER command failed", "la commande
 * PASS a échoué", "lệnh RETR bị lỗi", "error sending PASS", Thunderbird's "Sending of password did not
 * succeed" / « L'envoi du mot de passe a échoué » / "Gửi mật khẩu không thành công". The reply quoted in the
 * same message answers that command.
 */
const VERBS = 'USER|PASS|APOP|AUTH|STAT|LIST|RETR|DELE|NOOP|RSET|QUIT|TOP|UIDL|CAPA|STLS|UTF8|XTND|LAST';

const NAMED_VERB: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:the\s+)?(${VERBS})\s+command\b`),
  new RegExp(String.raw`\bcommand\s+['"“«]?(${VERBS})\b`),
  new RegExp(String.raw`\b(?:la\s+)?commande\s+['"“«]?\s?(${VERBS})\b`),
  new RegExp(String.raw`\blệnh\s+['"“«]?(${VERBS})\b`, 'u'),
  new RegExp(String.raw`\blenh\s+['"“«]?(${VERBS})\b`),
  new RegExp(
    String.raw`\b(?:error|failure|failed|problem)\s+(?:sending|after|on|in response to|while sending)\s+(?:the\s+)?(${VERBS})\b`,
    'i',
  ),
  new RegExp(String.raw`\b(?:en réponse à|après|lors de l.envoi de)\s+(${VERBS})\b`, 'iu'),
  new RegExp(String.raw`\b(?:sau|khi gửi|khi gui|sau lệnh)\s+(${VERBS})\b`, 'iu'),
  new RegExp(
    String.raw`\b(${VERBS})\s+(?:failed|error|rejected|refused|a échoué|échoué|bị lỗi|thất bại|bị từ chối)`,
    'u',
  ),
  // mpop: "authentication failed (method USER)", « échec d'authentification (méthode USER) ».
  new RegExp(String.raw`\((?:method|méthode|phương thức)\s+(${VERBS})\)`, 'u'),
];

// Clients that name the step in words rather than the verb.
const NAMED_STEP: readonly { verb: 'USER' | 'PASS'; re: RegExp }[] = [
  {
    verb: 'PASS',
    re: /\b(?:sending (?:of )?(?:the )?password|error sending password|password (?:was )?(?:rejected|refused|not accepted))/i,
  },
  {
    verb: 'USER',
    re: /\b(?:sending (?:of )?(?:the )?(?:user ?name|login)|error sending username|user ?name (?:was )?(?:rejected|refused|not accepted))/i,
  },
  { verb: 'PASS', re: /envoi du mot de passe|mot de passe (?:a été )?(?:refusé|rejeté)/iu },
  { verb: 'USER', re: /envoi du nom d.utilisateur|nom d.utilisateur (?:a été )?(?:refusé|rejeté)/iu },
  { verb: 'PASS', re: /gửi mật khẩu|gui mat khau|mật khẩu bị từ chối/iu },
  {
    verb: 'USER',
    re: /gửi tên (?:người dùng|đăng nhập)|gui ten (?:nguoi dung|dang nhap)|tên (?:người dùng|đăng nhập) bị từ chối/iu,
  },
];

export interface NamedCommand {
  verb: string;
  /** The words that named it. */
  evidence: string;
}

export function commandNamedBy(message: string): NamedCommand | undefined {
  const text = message.slice(0, 1000);
  for (const re of NAMED_VERB) {
    const m = re.exec(text);
    if (m?.[1]) return { verb: m[1].toUpperCase(), evidence: m[0] };
  }
  for (const { verb, re } of NAMED_STEP) {
    const m = re.exec(text);
    if (m) return { verb, evidence: m[0] };
  }
  return undefined;
}
