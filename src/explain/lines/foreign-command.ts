import { popCommand } from '../pop-commands.js';
import { wordsOf } from '../../text/words.js';

/**
 * Commands of the protocols a POP port meets by mistake, read where a transcript shows the client sending them:
 * an IMAP command with its tag (`a1 LOGIN …`, `TAG1 LOGOUT`: RFC 9051 §2.2.1, a client library aimed at the
 * POP port), an SMTP greeting command (`EHLO host`), and STARTTLS, the name IMAP and SMTP give the step POP
 * calls STLS (RFC 2595 §4). POP's own parser leaves them out: they are no POP verbs.
 */

export type ForeignProtocol = 'imap' | 'smtp' | 'none';

export interface ForeignCommand {
  verb: string;
  args: string[];
  protocol: ForeignProtocol;
}

// IMAP verbs a client sends before or at login (RFC 9051 §6.1, §6.2): what an IMAP library says to a POP
// greeting. Verbs POP also has (NOOP, LIST) are read as POP's own.
const IMAP_VERBS = new Set([
  'CAPABILITY',
  'LOGOUT',
  'LOGIN',
  'AUTHENTICATE',
  'STARTTLS',
  'ID',
  'ENABLE',
  'SELECT',
  'EXAMINE',
  'NAMESPACE',
  'STATUS',
  'IDLE',
]);
// SMTP's session openers (RFC 5321 §4.1.1): a mail submission client aimed at the POP port.
const SMTP_VERBS = new Set(['EHLO', 'HELO', 'LHLO']);
// Verbs no POP RFC defines that a client may still send untagged to a POP server (curl once sent STARTTLS).
const OTHER_VERBS = new Set(['STARTTLS']);

const TAGGED = /^([A-Za-z0-9]{1,12})\s+([A-Za-z]{2,14})(?:\s+(.*))?$/;
const UNTAGGED = /^([A-Za-z]{4,10})(?:\s+(.*))?$/;
// The markers a transcript puts before a client line, when the line-shape reader saw no POP verb after them.
const CLIENT_MARKER = /^(?:>{1,3}|C:|client:)\s?(.*)$/i;

const words = (rest: string | undefined) => (rest === undefined ? [] : wordsOf(rest));

/** The foreign command a client line holds (its transcript marker taken off already, or `marked` to take it). */
export function foreignCommand(content: string, marked = false): ForeignCommand | undefined {
  const line = marked ? CLIENT_MARKER.exec(content.trim())?.[1]?.trim() : content.trim();
  if (!line) return undefined;
  const tagged = TAGGED.exec(line);
  const tag = tagged?.[1] ?? '';
  const imapVerb = (tagged?.[2] ?? '').toUpperCase();
  // A tag is a client's label, not a verb of either protocol ("LIST 1" is POP's LIST).
  if (
    tagged &&
    IMAP_VERBS.has(imapVerb) &&
    !popCommand(tag.toUpperCase()) &&
    !IMAP_VERBS.has(tag.toUpperCase())
  )
    return { verb: imapVerb, args: words(tagged[3]), protocol: 'imap' };
  const untagged = UNTAGGED.exec(line);
  const verb = (untagged?.[1] ?? '').toUpperCase();
  // Typed in capitals, as clients send commands: "Helo there" is a greeting in prose.
  if (!untagged || untagged[1] !== verb) return undefined;
  if (SMTP_VERBS.has(verb)) return { verb, args: words(untagged[2]), protocol: 'smtp' };
  if (OTHER_VERBS.has(verb)) return { verb, args: words(untagged[2]), protocol: 'none' };
  return undefined;
}
