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

/**
 * What shows a paste is about retrieving mail over POP, whatever else it names: a POP reply, response code or
 * command (POP_SIGNS), POP itself or its ports, a POP server's process, a program that retrieves mail, or the
 * words for receiving mail (accents folded, lowercase).
 */
const RETRIEVAL = new RegExp(
  [
    String.raw`\bpop3?s?\b|pop3:\/\/|pop3s:\/\/|\bports? (?:110|995)\b|:(?:110|995)\b|pop3-login|pop3login|pop3d\b|\bqpopper\b`,
    // The POP servers' own processes: a Dovecot auth worker that cannot reach its SQL database is a POP
    // server's failure, in MySQL's words.
    String.raw`\bdovecot\b|\bauth-worker\b|\bcourier\w*pop|cyrus\/pop3|\bpopa3d\b|solid-pop3d|\bvpopmail\b|\bvchkpw\b|\bperdition\b`,
    String.raw`\b(?:fetchmail|getmail|mpop|poplib|net::pop3?|popclient|movemail|yapople|node-pop3|mailkit|openpop|javamail|jakarta\.mail|thunderbird|outlook|windows (?:live )?mail|apple mail|k-?9|evolution|kmail|akonadi|claws|sylpheed|mutt|neomutt|alpine|balsa|geary|gnubiff|mailnag|mailwatch|mailutils|fairemail|fdm|nmh|inc(?=:))\b`,
    String.raw`\brelev(?:e|er|ez)\b|courrier entrant|serveur (?:de courrier )?entrant|reception (?:du|des) (?:courrier|messages)|incoming (?:mail|server)|receiving (?:mail|email|messages)`,
    String.raw`\bnhan thu\b|\btai thu\b|\blay thu\b|hop thu den|may chu thu den`,
  ].join('|'),
);

/**
 * What shows a paste comes from another service or program than a mail program retrieving over POP, each a
 * format or a program's own words, not one text: an SMTP reply (a 4xx/5xx code with an enhanced status code or
 * an SMTP word) or a bounce, an IMAP tagged or untagged reply, a web page or API error, a command line or a
 * message prefix of a program that fetches nothing by mail (git, wget, ssh, apt, coreutils, tar, pip, curl on
 * an http(s) URL), a printer, and the log lines of servers that are not POP servers (SMTP, ssh, web, webmail,
 * FTP, databases, DNS). scripts/negatives/README.md gives the boundary.
 */
const ANOTHER_SERVICE: readonly RegExp[] = [
  // SMTP replies and bounces.
  // An enhanced status code (RFC 3463) also after a program's "…:" (`SMTP says: 535 5.7.8 …`): POP has none.
  /:\s+[45]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\s/,
  /^\s*[45]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\b|.*\b(?:relay|recipient|sender|authenticat\w*|helo|ehlo|rcpt|starttls|message size|system storage|blocked using|too many errors)\b)/im,
  /\b(?:postfix\/[\w/-]+|postscreen|smtpd|esmtpd?|exim|sm-mta|sendmail|sm-acceptingconnections|courieresmtpd)(?:\[\d+\])?:|\bauthenticator failed for\b|\bSMTP (?:call|connection|protocol)\b/i,
  /this is the mail system at host|created automatically by mail delivery software|could not be delivered to one or more|delivery status notification|undelivered mail returned|\(in reply to (?:rcpt to|mail from|end of data) command\)/i,
  // IMAP.
  /^\s*(?:\*|[A-Za-z]{0,4}\d{1,6})\s+(?:NO|BAD|BYE)\b|\bIMAP Error\b|\[(?:AUTHENTICATIONFAILED|PRIVACYREQUIRED|NONEXISTENT|OVERQUOTA|UNAVAILABLE)\]/m,
  // The web.
  /<title>\s*\d{3}\b|\bHTTP\/[12](?:\.\d)?\b|"documentation_url"\s*:|\bHTTPSConnection(?:Pool)?\b|pip\._vendor|\bRetrying \(Retry\(/,
  // Programs that fetch nothing by mail: their command line, their prefix, or the URL they fetched.
  /^\s*\$ (?:git|wget|ssh|scp|sftp|rsync|apt|apt-get|dpkg|npm|pip3?|docker|ls|cp|mv|rm|mkdir|tar|chmod|chown|touch|df|du)\b/m,
  /^\s*\$ curl\b.*\bhttps?:\/\//m,
  /^(?:ssh|scp|git|wget|ls|cp|mv|rm|mkdir|rmdir|touch|chmod|chown|tar(?: \(child\))?|npm ERR!|E|W):\s/m,
  /(?:unable to access|impossible d'acc[eé]der à|không thể truy cập)\s*['"“‘]?https?:\/\/|^--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--\s+https?:\/\//m,
  /\b(?:printer|imprimante|máy in)\b/i,
  // Log lines of servers that are not POP servers (not nginx's own format: its mail module proxies POP; its
  // web errors name the HTTP request).
  /\b(?:sshd(?:-session)?|vsftpd|proftpd|pure-ftpd|mysqld|mariadbd|named|httpd|apache2|roundcube|sieve|managesieve|openvpn)(?:\[\d+\])?:|\[(?:auth_basic|auth_digest|authz_\w+|authn_\w+):error\]|\bAH0\d{4}:|\] (?:FAIL|OK) LOGIN: Client "|Access denied for user '[^']*'@'|^\[\d{1,2}-[A-Z][a-z]{2}-\d{4} [\d:]+ [+-]\d{4}\]: (?:<\w+> )?(?:FAILED|Failed) login for/m,
];

/** At most this many lines are read for the signs: a paste's first screens say what it is. */
const SIGN_LINES = 400;

/**
 * Whether a paste shows another service or program and nothing of POP retrieval: then it holds no POP error,
 * whatever its words ("Connection refused" from wget, "authentication failed" from an SMTP server, an IMAP
 * `NO`). A paste that names POP, its ports, a POP server or a mail program retrieving is read as before.
 */
export function speaksOfAnotherService(lines: readonly string[]): boolean {
  const head = lines.length > SIGN_LINES ? lines.slice(0, SIGN_LINES) : lines;
  const text = head.join('\n');
  // A POP reply or command first: most pastes with a finding show one, and it settles it.
  if (POP_SIGNS.test(text) || !ANOTHER_SERVICE.some((sign) => sign.test(text))) return false;
  return !RETRIEVAL.test(foldAccents(text).toLowerCase());
}
