import { foldAccents } from '../normalize.js';
import { findQuotedErrors } from './quoted-errors.js';

/**
 * The errors a person quotes in a sentence of their own that may be read on their own words, when no entry
 * knows them: a question around a program's message ("Outlook Express keeps failing to get mail … I get
 * "Connection to host lost."", « Gmail relève ma boîte POP3 … il affiche « Error in RETR command: … » »,
 * “Từ khi bật xác minh 2 bước thì Gmail báo …”) is not the error, the quote is. A quote counts when it names
 * POP itself (movemail's « pop://… »), or when the sentence around it is about receiving mail: it names POP,
 * mail or a mailbox, or a mail program. "Internal server error" quoted from a web page, in a sentence about
 * no mail, is read as nothing.
 */

const NAMES_POP = /\bpops?3?\b/i;
// The first colon that ends a clause (a space after it; not the one of a port or a URL), and what follows it.
const AFTER_COLON = /[:：]\s+(.+)$/u;
const MIN_SHOWN = 8;
// The quotes and spaces around what follows it.
const AROUND = /^[\s«“"'`]+|[\s»”"'`]+$/gu;

// What a sentence about receiving mail names (accents folded): the protocol, mail and mailboxes in en/fr/vi,
// getting mail, and the programs people name when they ask (desktop and phone clients, fetchers, libraries).
const ABOUT_MAIL = new RegExp(
  String.raw`(?:^|[^\p{L}\p{N}])(?:` +
    [
      'pops?3?',
      // A POP library's class named in the sentence ("POP3Client GetMessage throw …", Pop3Store, POP3Session).
      'pop3?(?:client|session|store|command|folder)s?',
      'e-?mails?',
      'mails?',
      'inbox',
      'mailbox(?:es)?',
      'courriels?',
      'courrier',
      'messagerie',
      'boite (?:aux lettres|de reception|mail)',
      'releve[rs]?',
      'hop thu',
      'thu dien tu',
      'nhan thu',
      'tai thu',
      'lay thu',
      'outlook(?: express)?',
      'thunderbird',
      'gmail',
      'hotmail',
      'yahoo',
      'zoho',
      'mailbird',
      'eudora',
      'evolution',
      'k-?9',
      'windows (?:live )?mail',
      'apple mail',
      'fetchmail',
      'getmail',
      'mpop',
      '(?:neo)?mutt',
      's-nail',
      'mailx',
      'movemail',
      'claws',
      'sylpheed',
      'mailkit',
      'poplib',
      'net::pop3?',
    ].join('|') +
    String.raw`)(?=$|[^\p{L}\p{N}])`,
  'u',
);

/** Whether a sentence is about receiving mail, by the words it uses. */
export function speaksOfMail(sentence: string): boolean {
  return ABOUT_MAIL.test(foldAccents(sentence));
}

/**
 * The texts quoted in `sentence` (« », “ ”, "…", `…`, or after a marker such as "says:" or « message : ») that
 * may be read alone, in the order they were found.
 */
export function quotesToReadAlone(sentence: string): string[] {
  // Between quotes, or after a marker ("My mail client says: …", « J'ai ce message : … »); a note about the
  // paste ("# server log: Error: …") holds the server's words, not a mail program's message.
  const note = /^\s*(?:#|\/\/)/.test(sentence);
  const quoted = findQuotedErrors(sentence).filter(
    (q) =>
      q.how === 'quote' || q.how === 'inline-code' || ((q.how === 'marker' || q.how === 'reported') && !note),
  );
  const aboutMail = speaksOfMail(sentence);
  const alone = quoted.filter((q) => aboutMail || NAMES_POP.test(q.text)).map((q) => q.text);
  // « J'ai ce message dans ma messagerie : La connexion … a échoué. »: what follows the asker's colon, read
  // last: a quote inside it (« /var/mail/alice ») is tried first and may say nothing.
  const shown = aboutMail && !note ? AFTER_COLON.exec(sentence)?.[1]?.replace(AROUND, '') : undefined;
  return shown && shown.length >= MIN_SHOWN && !alone.includes(shown) ? [...alone, shown] : alone;
}
