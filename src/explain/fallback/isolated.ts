import { foldAccents } from '../normalize.js';
import { splitLogHeader } from '../server-log/header.js';
import { readsLikeError } from './learned-gate.js';

/**
 * The isolated message: a paste of one or two short lines in a program's voice — no chat prose, no session, no
 * log — is what a user copied from a dialog into a POP bot, even when it names no mail program, server or
 * protocol ("Unable to find host …", « Le délai de connexion est dépassé »). Such a message is read from its
 * words alone when they name what fails in receiving mail: a connection, a host or server, an account or
 * password, a certificate or TLS, a port, a time limit, a mailbox, a folder or a disk. The reading says so to
 * the user, with a lower confidence (learned-finding.ts).
 */

/** Lines of an isolated message, and the characters of each and of all. */
const MAX_LINES = 2;
const MAX_LINE_CHARS = 160;
const MAX_CHARS = 240;

// A person's voice: a first person, a question, a greeting or thanks (folded, lowercase).
const PERSON =
  /(?<![\p{L}\p{N}])(?:i|i'm|i've|my|me|we|our|je|j'ai|mon|ma|mes|nous|toi|minh|em|anh|hi|hello|thanks|thank you|bonjour|merci|chao|cam on)(?![\p{L}\p{N}])|\?\s*$/imu;
// A session's line, or code.
const NOT_A_MESSAGE = /^\s*(?:[CS]:|[+-](?:OK|ERR)\b|\$ |>|at [\w$.<>]+\(|File "|\{|\})/m;

/** What a message must name, in the three languages (accents folded, lowercase). */
const THING = new RegExp(
  [
    // English
    String.raw`\b(?:connect\w*|host\w*|server\w*|account\w*|password\w*|passwd|login|log in|logon|sign in|credentials?|certificat\w*|ssl|tls|starttls|handshake|port|time ?out|timed out|mailbox\w*|folder\w*|inbox|disk|storage|quota)\b`,
    // French
    String.raw`\b(?:connexion\w*|hote|serveur\w*|compte\w*|mot de passe|identifiant\w*|authentification|certificat\w*|delai|boite|dossier\w*|disque|stockage)\b`,
    // Vietnamese (folded: "kết nối" → "ket noi", "máy chủ" → "may chu", "chứng chỉ" → "chung chi")
    String.raw`\b(?:ket noi|may chu|may phuc vu|tai khoan|mat khau|dang nhap|chung chi|chung nhan|chung thu|thoi gian cho|het thoi gian|hop thu|thu muc|o dia)\b`,
  ].join('|'),
);

// Things of everyday networks and homes that a mail program does not name: a sentence about them is not a mail
// program's message (« Le mot de passe du wifi n'est pas configuré. »).
const ELSEWHERE =
  /\b(?:wi-?fi|router|routeur|modem|bluetooth|vpn|printer|imprimante|may in|restaurant|cafe|hopital|benh vien|colis|parcel|photos?)\b/;

/** The message of a paste that is an isolated program message naming what fails, or undefined. */
export function isolatedMessage(lines: readonly string[]): string | undefined {
  const said: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (said.length === MAX_LINES) return undefined;
    said.push(trimmed);
  }
  if (said.length === 0) return undefined;
  if (said.some((l) => l.length > MAX_LINE_CHARS)) return undefined;
  const text = said.join('\n');
  if (text.length > MAX_CHARS || NOT_A_MESSAGE.test(text)) return undefined;
  if (said.some((l) => splitLogHeader(l).time !== undefined)) return undefined;
  const folded = foldAccents(text).toLowerCase();
  if (PERSON.test(folded) || !THING.test(folded) || ELSEWHERE.test(folded)) return undefined;
  // It says that something failed, in the words the learned gate knows (a state alone is no message).
  return readsLikeError(text) ? text : undefined;
}
