import { showsAProgram } from './fallback/classify.js';
import { foldAccents } from './normalize.js';
import { speaksOfMail } from './prose/quoted-alone.js';
import { splitLogHeader } from './server-log/header.js';
import type { FindingData } from './types.js';

/**
 * Whether a chat message is about mail at all. A watched channel's bot answers only such messages: "the
 * meeting timed out waiting for Bob" and « Impossible de se connecter au wifi » hold the words of a
 * connection failure and are no one's mail problem. A message is about mail when it quotes a POP reply or a
 * program's own line (a prefix such as "fetchmail: ", a host name, a port, an errno, an exception, a log
 * line), names a mail program, server, provider or mail itself, or holds a mail program's documented message
 * (not two or three words any program could print).
 */

// Besides the words a sentence about receiving mail uses (prose/quoted-alone.ts): the servers, providers and
// programs people name when they paste an error (accents folded, lowercase).
const MORE_MAIL_NAMES =
  /\b(?:fairemail|kmail|alpine|javamail|jakarta mail|googlemail|office ?365|microsoft 365|exchange|gmx|web\.de|orange|wanadoo|laposte|free\.fr|icloud|dovecot|courier|cyrus|qmail|postfix|hmailserver|mdaemon|zimbra|pop3d|popa3d|ipop3d|qpopper|popper|authdaemond|vchkpw|perdition|pop3-login|webmail|mel)\b/;
// The Vietnamese word for mail, compared with its accent: folded, it would be "thử" (try) too.
const THU = /(?<!\p{L})thư(?!\p{L})/iu;
// A POP reply's sign or response code, a command in capitals ("user" and "pass" are words of any sentence),
// an Outlook error number.
const POP_SIGNS =
  /(?:^|[\s"'`«“(])[-+](?:ERR|OK)\b|\[(?:LOGIN-DELAY|IN-USE|SYS\/TEMP|SYS\/PERM|AUTH|UTF8)\]|\b(?:USER|PASS|LIST|RETR|UIDL|STAT|DELE|APOP|CAPA|STLS)\b|\b0x800(?:CCC|4)[0-9A-Fa-f]{2,4}\b/;
// Enough lines to find a program's line in a long paste; a watched message is at most a few screens.
const MAX_LINES = 200;
// A documented message this long is a mail program's own ("Sending of username did not succeed."), not words
// any program could print ("timed out", "Connection refused").
const SPECIFIC_WORDING_CHARS = 24;

export function isAboutMail(text: string, findings: readonly FindingData[] = []): boolean {
  if (POP_SIGNS.test(text)) return true;
  if (speaksOfMail(text) || MORE_MAIL_NAMES.test(foldAccents(text)) || THU.test(text.normalize('NFC')))
    return true;
  const specific = (f: FindingData) =>
    f.evidence.rule !== undefined ||
    (f.evidence.basis === 'wording' && (f.evidence.words ?? []).join(' ').length >= SPECIFIC_WORDING_CHARS);
  if (findings.some(specific)) return true;
  const lines = text.split('\n', MAX_LINES);
  // A program's line, or a line of a log (a time, then the program that wrote it).
  return lines.some(
    (line) => line.trim() !== '' && (showsAProgram(line) || splitLogHeader(line).time !== undefined),
  );
}
