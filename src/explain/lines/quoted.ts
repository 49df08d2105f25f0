import { foldAccents } from '../normalize.js';
import type { LineKind } from './line-kind.js';

/** Server replies and greetings quoted inside other text: a traceback, a client's dialog, a client's log. */

// Not a -ERR written as a regular expression ("^-ERR", "\\(-ERR\\|+OK\\)"): Emacs's backtrace prints pop3.el's
// reply patterns in its frames, which are code, not a reply.
const EMBEDDED_ERR = /(?:^|[^\w+-])(?<!\^)(-ERR|-SE TROMPER)(?![a-z])(?!\\+\|)[\s:]*(.*)$/i;

// A server reply quoted inside a client's own message: Thunderbird, Apple Mail, Outlook dialogs, mailcheck's
// "Server said …", in en/fr/vi (matched on accent-folded, lowercase text).
const QUOTED_REPLY =
  /(?:\bresponded|\breplied|\bunexpected data|\bserver response|\ba repondu|\ba renvoye(?: l.?erreur)?|\breponse du serveur|\bda tra loi|\bda phan hoi|\bphan hoi cua may chu|\bcommand failed|exception)\s*:\s*(.+)$|\b(?:returned|reported)(?: the| an)? error\s*:?\s*(["'\u201c\u00ab].+)$|\bserver said:?\s+(.+)$/;
// A program's failure message that names the command and gives the server's reply after a colon, its "-ERR"
// taken off: Mutt's and NeoMutt's "Login failed. PASS: [AUTH] …" (« La connexion a échoué. PASS: … »), Perl
// Mail::POP3Client's "PASS failed: OK Logged in.". The reply answers the command named (accent-folded text).
const COMMAND_VERB = 'user|pass|apop|auth|stat|list|retr|top|uidl|dele|capa|stls|noop|rset|quit';
const FAILED_THEN_REPLY = new RegExp(
  String.raw`\b(?:failed|failure|error|echoue|erreur|that bai|bi loi)[.!]?\s+(${COMMAND_VERB})\s*:\s*(.+)$|\b(${COMMAND_VERB})\s+(?:failed|a echoue|that bai|bi loi)\s*:\s*(.+)$`,
);
// The word that tells which command a client's message was about, in en/fr/vi.
const ABOUT_PASSWORD = /\b(?:password|mot de passe|mat khau)\b/;
const ABOUT_USER = /\b(?:user ?name|username|nom d.?utilisateur|ten (?:nguoi dung|dang nhap))\b/;

export const OTHER_PROTOCOL = /^(?:220[ -]|\* (?:OK|PREAUTH|BYE)\b|HTTP\/\d|SSH-\d|<!doctype|<html)/i;
// Also a Python bytes repr inside a program's error, as getmail prints it: "POP error (b'220 … ESMTP …')", and
// a greeting a library quotes after a colon ("The response was: \"* OK … IMAP4rev1 server ready\"").
const QUOTED_GREETING =
  /(?:greeting|banner)(?: from (?:the )?server)?\s*:\s*(.+)$|(?:^|:\s*|["'\u201c\u00ab]\s*|\(b?['"])((?:\* OK\b|220[ -]\S).*?)\s*["'\u201d\u00bb]?$/i;

// "+ERR" is no status of POP (RFC 1939 §3: +OK or -ERR): quoted in a message ("the server responded with
// \"+ERR Server error …\""), it is a reply that breaks the protocol.
const EMBEDDED_BROKEN = /(?:^|[\s"'`\u201c\u00ab(:])(\+ERR\b[^"`\u201d\u00bb]*)/;

/** A reply with a status POP does not have ("+ERR …") quoted inside a longer line. */
export function embeddedBrokenStatus(content: string): string | undefined {
  return content.includes('+ERR') ? EMBEDDED_BROKEN.exec(content)?.[1]?.trim() : undefined;
}

// What opens a wrapped reply; the quotes and brackets that may close it.
const OPENERS = `'"\u201c\u00ab\u2018\u2039([`;
const CLOSERS = `'"\u201d\u00bb\u2019\u203a)]`;
const OPENING_BRACKET: Readonly<Record<string, string>> = { ')': '(', ']': '[' };

/** The text after a -ERR that stands inside a longer line. */
export function embeddedError(content: string): string | undefined {
  const m = EMBEDDED_ERR.exec(content);
  if (!m) return undefined;
  const reply = m[2] ?? '';
  const before = content[m.index + m[0].indexOf(m[1] ?? '') - 1] ?? '';
  return OPENERS.includes(before) ? unwrap(reply) : reply;
}

/**
 * A reply a program wrapped (getmail's `(POP error (b'-ERR failed: Login Disabled'))`, « … ») ends where its
 * wrapping closes: the closers after it are the program's, not the server's words. A bracket the reply itself
 * opened stays ("-ERR Authentication failed (bad password?)", popa3d's).
 */
function unwrap(reply: string): string {
  let end = reply.trimEnd().length;
  while (end > 0) {
    const closer = reply[end - 1]!;
    if (!CLOSERS.includes(closer)) break;
    const opening = OPENING_BRACKET[closer];
    if (opening && count(reply, opening, end) >= count(reply, closer, end)) break;
    end = reply.slice(0, end - 1).trimEnd().length;
  }
  return reply.slice(0, end);
}

function count(text: string, char: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (text[i] === char) n++;
  return n;
}

/** The reply a client's message quotes ("The server responded: …"), and the command its words name. */
export function quotedByMessage(content: string): { text: string; about?: 'PASS' | 'USER' } | undefined {
  const folded = foldAccents(content);
  const m = QUOTED_REPLY.exec(folded);
  const text = m ? (m[1] ?? m[2] ?? m[3] ?? '') : '';
  if (text.length <= 1) return failedCommandReply(folded);
  // Matching folds accents and case anyway; the line shown to the user is the original.
  const about = ABOUT_PASSWORD.test(folded) ? 'PASS' : ABOUT_USER.test(folded) ? 'USER' : undefined;
  return about ? { text, about } : { text };
}

function failedCommandReply(folded: string): { text: string; about?: 'PASS' | 'USER' } | undefined {
  const m = FAILED_THEN_REPLY.exec(folded);
  const text = (m?.[2] ?? m?.[4] ?? '').trim();
  if (text.length <= 1) return undefined;
  const verb = (m?.[1] ?? m?.[3] ?? '').toUpperCase();
  return verb === 'PASS' || verb === 'USER' ? { text, about: verb } : { text };
}

// A status word without its sign ("OK Logged in."): a reply that is neither +OK nor -ERR (RFC 1939 §3). The
// quoted text comes accent- and case-folded.
const UNSIGNED_STATUS = /^(?:OK|ERR)\b(?![-/])/i;

/**
 * What a reply quoted in a program's message is: another protocol's greeting ("unexpected data: 220 …
 * ESMTP"), a reply without its status sign ("unexpected data: OK Logged in.", fdm), or the reply of a step.
 */
export function quotedReplyKind(quoted: { text: string; about?: 'PASS' | 'USER' }): LineKind {
  if (OTHER_PROTOCOL.test(quoted.text)) return { kind: 'other-protocol', text: quoted.text, quoted: true };
  if (UNSIGNED_STATUS.test(quoted.text)) return { kind: 'server-text', text: quoted.text, quoted: true };
  return { kind: 'quoted-reply', via: 'message', ...quoted };
}

/** Another protocol's greeting quoted by a client ("Unexpected greeting from server: 220 … ESMTP"). */
export function quotedGreeting(content: string): string | undefined {
  const m = QUOTED_GREETING.exec(content);
  if (!m) return undefined;
  const text = (m[1] ?? m[2] ?? '').trim();
  return OTHER_PROTOCOL.test(text) ? text : undefined;
}
