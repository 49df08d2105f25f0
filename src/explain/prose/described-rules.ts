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

// The same rule told as what the provider does to the logins that come too often: it throttles them ("Hotmail
// throttles me (when calling authenticate with POP3 …)", "logins are rate-limited"), « le serveur bride /
// limite la fréquence des connexions », "máy chủ giới hạn số lần đăng nhập". Only the logins, connections and
// checks: a throttled download speed or a rate-limited sending is another matter.
const LOGIN = String.raw`(?:log ?ins?|logging in|sign(?:ing)? ?ins?|authenticat\w*|auth\b|connect(?:s|ing|ions?)?\b|polls?\b|polling|checks?\b|checking)`;
const THROTTLE_RULES: readonly RegExp[] = [
  // "Hotmail throttles me (when calling authenticate …)", "throttling my logins"
  new RegExp(String.raw`\bthrottl(?:e|es|ed|ing)\b.{0,50}?\b${LOGIN}`),
  // "my logins are throttled", "connections get rate-limited"
  new RegExp(String.raw`\b${LOGIN}.{0,30}?\b(?:throttled|rate.?limited)\b`),
  // « bride les connexions », « limite la fréquence des connexions / relèves »
  /\b(?:bride|brident|bridee?s?|limite|limitent|limitee?s?) (?:la frequence des |le nombre de |les )?(?:connexions|authentifications|releves)\b/,
  /\b(?:connexions|authentifications|releves) (?:sont |est )?(?:bridee?s|limitee?s en frequence)\b/,
  // "giới hạn số lần đăng nhập", "bị giới hạn tần suất kết nối"
  /\bgioi han (?:so lan|tan suat) (?:dang nhap|ket noi|lay thu|nhan thu)\b/,
];

const LOGIN_DELAY_RULES: readonly RegExp[] = [...INTERVAL_RULES, ...THROTTLE_RULES];

/** The words of a sentence that the first of the rules that reads it matched (accents folded, lower case). */
function toldBy(rules: readonly RegExp[], sentence: string): string | undefined {
  const folded = foldAccents(sentence);
  for (const rule of rules) {
    const m = rule.exec(folded);
    // foldAccents keeps the length of most text; the words are shown from the folded form when it does not.
    if (m) return folded.length === sentence.length ? sentence.slice(m.index, m.index + m[0].length) : m[0];
  }
  return undefined;
}

/** The words of a sentence that tell a minimum interval between mail checks, if it tells one. */
export function toldLoginDelay(sentence: string): string | undefined {
  return toldBy(LOGIN_DELAY_RULES, sentence);
}

// One message the program cannot download while the others come ("Had one email that osticket could not pop",
// "Thunderbird gets stuck on the same message every time"), « un message que Thunderbird n'arrive pas à
// relever », "một thư không tải về được": the server cannot hand over that one message (a damaged or missing file
// behind it), whatever the program's own error says around it.
const ONE_MESSAGE = String.raw`(?:one|an?|a single|a certain|a particular|a specific|the same|this|that) (?:e-?mail|message|mail|msg)`;
const NOT_FETCHED = String.raw`(?:could ?n.?t|can ?not|can.?t|won.?t|would ?n.?t|fails? to|failed to|unable to|not able to|never) (?:be )?(?:pop(?:ped)?|download(?:ed)?|retriev(?:e|ed)|fetch(?:ed)?)\b`;
const STUCK_MESSAGE_RULES: readonly RegExp[] = [
  new RegExp(String.raw`\b${ONE_MESSAGE}\b.{0,40}?\b${NOT_FETCHED}`),
  new RegExp(
    String.raw`\b(?:stuck|hangs?|hanging|stops?|bombs? out|chokes?) (?:at|on) (?:one|the same|a single|a certain|this|that) (?:e-?mail|message|mail|msg)\b`,
  ),
  /\bun (?:seul )?(?:message|courriel|mail) (?:que|qui)\b.{0,40}?\b(?:ne peut pas|n.arrive pas a|impossible de|refuse de) (?:etre )?(?:relever|releve|telecharger|telecharge|recuperer|recupere)\b/,
  /\bbloque (?:sur|a) (?:un|le meme) (?:message|courriel|mail)\b/,
  /\bmot (?:thu|email|e-mail)\b.{0,30}?\b(?:khong|ko) (?:tai|nhan|lay) (?:ve )?duoc\b/,
  /\bbi ket (?:o|tai) (?:mot|cung mot) (?:thu|email)\b/,
];

/** The words of a sentence that tell one message the program cannot download, if it tells one. */
export function toldStuckMessage(sentence: string): string | undefined {
  return toldBy(STUCK_MESSAGE_RULES, sentence);
}

// STLS sent to a server that has no TLS ("Connecting to a POP3 mailserver without TLS fails … the stls function
// is called even if enabletls is false. This throws an stls error"), « STLS envoyé à un serveur sans TLS »,
// "gửi STLS tới máy chủ không có TLS": the server cannot switch to encryption (RFC 2595 §4), which is what the
// program's STLS error says.
const SERVER_WITHOUT_TLS = String.raw`(?:(?:mail ?)?server|serveur|may chu)\b.{0,20}?\b(?:without|sans|khong co|khong ho tro) (?:tls|ssl|starttls|stls|encryption|chiffrement|ma hoa)\b`;
const STLS_FAILS = String.raw`(?:\b(?:stls|starttls)\b.{0,40}?\b(?:error|errors|fails?|failed|refused|rejected|not supported|erreur|echoue|refuse|loi|bi tu choi)\b|\b(?:error|erreur|loi)\b.{0,30}?\b(?:stls|starttls)\b)`;
const STLS_UNAVAILABLE_RULES: readonly RegExp[] = [
  new RegExp(String.raw`\b${SERVER_WITHOUT_TLS}.{0,240}?${STLS_FAILS}`),
  new RegExp(String.raw`${STLS_FAILS}.{0,240}?\b${SERVER_WITHOUT_TLS}`),
];

/** The words of a sentence that tell STLS refused by a server without TLS, if it tells it. */
export function toldStlsWithoutTls(sentence: string): string | undefined {
  return toldBy(STLS_UNAVAILABLE_RULES, sentence);
}
