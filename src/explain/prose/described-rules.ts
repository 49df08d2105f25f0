import { foldAccents } from '../normalize.js';

/**
 * A provider's rule told in words rather than quoted: "with Web.de and pop3 access you're only allowed to fetch
 * mails every 720 seconds", « on ne peut relever le courrier qu'une fois toutes les 15 minutes », "chỉ được lấy
 * thư 15 phút một lần". A minimum time between checks is the POP LOGIN-DELAY (RFC 2449 §8.1.1) whatever the
 * words: the server refuses the logins that come sooner. Returns the words that say it, or undefined.
 */

const UNIT = String.raw`(?:seconds?|secs?|s|minutes?|mins?|hours?|h|secondes?|heures?|giay|phut|gio|tieng)`;
const CHECK = String.raw`(?:fetch|check|poll|retrieve|download|get|pull|log ?in|connect|relever|releve[rz]?|recuperer|consulter|se connecter|lay|tai|kiem tra|nhan|dang nhap|ket noi)`;

// Accents folded, lower case.
const INTERVAL_RULES: readonly RegExp[] = [
  // "only allowed to fetch mails every 720 seconds", "can only check once every 15 minutes"
  new RegExp(
    String.raw`\bonly (?:be )?(?:allowed|able|permitted|possible) to ${CHECK}\b.{0,40}?\b(?:once )?every \d+ ?${UNIT}\b`,
  ),
  new RegExp(String.raw`\b(?:can|may) only ${CHECK}\b.{0,40}?\b(?:once )?every \d+ ?${UNIT}\b`),
  // "no more than once every 10 minutes", "at most once every 15 minutes"
  new RegExp(String.raw`\b(?:no more than|at most|not more than) once every \d+ ?${UNIT}\b`),
  // "the minimum time between (two) checks/logins is 15 minutes"
  /\bminimum (?:time|interval|delay) between (?:two )?(?:checks|logins|connections|polls)\b/,
  // « qu'une (seule) fois toutes les 15 minutes », « pas plus d'une fois toutes les 15 minutes »
  new RegExp(
    String.raw`\b(?:qu.?une|pas plus d.?une|au plus une) (?:seule )?fois (?:toutes les|par) \d* ?${UNIT}\b`,
  ),
  // « ${CHECK} … toutes les 15 minutes au maximum / minimum »
  new RegExp(
    String.raw`\b${CHECK}\b.{0,40}?\btoutes les \d+ ?${UNIT} (?:au maximum|au plus|minimum|au minimum)\b`,
  ),
  // "chỉ được lấy thư 15 phút một lần", "mỗi 15 phút chỉ được đăng nhập một lần"
  new RegExp(String.raw`\bchi (?:duoc|cho phep|co the) ${CHECK}\b.{0,30}?\b\d+ ?${UNIT} (?:mot|1) lan\b`),
  new RegExp(String.raw`\bmoi \d+ ?${UNIT} chi (?:duoc|cho phep) ${CHECK}\b.{0,30}?\b(?:mot|1) lan\b`),
];

/** The words of a sentence that tell a minimum interval between mail checks, if it tells one. */
export function toldLoginDelay(sentence: string): string | undefined {
  const folded = foldAccents(sentence);
  for (const rule of INTERVAL_RULES) {
    const m = rule.exec(folded);
    // foldAccents keeps the length of most text; the words are shown from the folded form when it does not.
    if (m) return folded.length === sentence.length ? sentence.slice(m.index, m.index + m[0].length) : m[0];
  }
  return undefined;
}
