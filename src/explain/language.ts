import type { Lang } from '../i18n/lang.js';
import { POP_VERB_ALTERNATION } from './pop-commands.js';

/**
 * Guesses whether the person wrote in French or Vietnamese, from the words around the error. Protocol lines
 * are English whatever the user's language, so they do not count; only a clear signal changes the answer.
 */

// Letters that exist in Vietnamese and not in French: ă ơ ư đ and the dot-below / hook-above vowels.
const VIETNAMESE_LETTERS = /[ăĂơƠưƯđĐ\u1EA0-\u1EF9]/g;
// `\b` knows only ASCII letters ("là", "bị", "thư" would never match): words are bounded by any letter.
const words = (list: string) => new RegExp(`(?<![\\p{L}\\p{M}])(?:${list})(?![\\p{L}\\p{M}])`, 'giu');
const VIETNAMESE_WORDS = words(
  'không|được|của|và|là|tôi|bị|lỗi|máy chủ|mật khẩu|tài khoản|thư|gửi|nhận|kết nối|đăng nhập|cho|này|với|khi|em|anh|chị|ạ',
);
const FRENCH_WORDS = words(
  "le|la|les|des|du|une|est|sont|je|j'ai|mon|ma|mes|ne|pas|avec|pour|dans|sur|qui|que|quand|mais|bonjour|merci|erreur|serveur|courrier|boîte|boite|mot de passe|connexion|supprimés|verrouiller|inconnu|relève|réception|compte|aide|svp|s'il vous plaît",
);
const FRENCH_LETTERS = /[éèêàçùûôîœ]/gi;
// Commands and +OK lines are English whatever the user speaks; -ERR texts stay in (a French server or the
// seed's French forms say something about the reader).
const PROTOCOL_LINE = new RegExp(
  `^\\s*(?:[CS]:\\s*(?:\\+OK|[A-Z]{3,4}\\b)|[<>]\\s*(?:\\+OK|[A-Z]{3,4}\\b)|\\+OK|\\*(?:cmd|put)\\*|POP3>|-->|(?:${POP_VERB_ALTERNATION})\\b)`,
);

function count(re: RegExp, text: string): number {
  return text.match(re)?.length ?? 0;
}

export function detectLanguage(input: string): Lang | undefined {
  // Look at a bounded sample: the language shows in the first lines people write.
  const sample = input.length > 20_000 ? input.slice(0, 20_000) : input;
  const prose = sample
    .split(/\r\n|\r|\n/)
    .filter((line) => !PROTOCOL_LINE.test(line))
    .join('\n');
  const vi = count(VIETNAMESE_LETTERS, prose) + 2 * count(VIETNAMESE_WORDS, prose);
  if (vi >= 3) return 'vi';
  const fr = count(FRENCH_WORDS, prose) + count(FRENCH_LETTERS, prose);
  const words = prose.split(/\s+/).filter(Boolean).length;
  if (fr >= 2 && fr >= words * 0.08) return 'fr';
  return undefined;
}
