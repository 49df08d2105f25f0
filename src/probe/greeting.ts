/** What the first line on a POP port says about the server behind it. */
export type GreetingKind = 'pop' | 'pop-error' | 'smtp' | 'imap' | 'http' | 'ssh' | 'ftp' | 'garbage';

export interface GreetingAnalysis {
  kind: GreetingKind;
  /** RFC 1939 §7: an APOP-capable server puts a msg-id style timestamp in its greeting. */
  apopTimestamp?: string;
  software?: string;
}

// Product names as they appear in banners and IMPLEMENTATION lines; matched as names, not as wordings.
const SOFTWARE: readonly [RegExp, string][] = [
  [/\bdovecot\b/i, 'Dovecot'],
  [/\bcourier\b/i, 'Courier'],
  [/\bcyrus\b/i, 'Cyrus'],
  [/\bqpopper\b/i, 'Qpopper'],
  [/\bmicrosoft exchange\b/i, 'Microsoft Exchange'],
  [/\bgpop\b/i, 'Gmail'],
  [/\bzimbra\b/i, 'Zimbra'],
  [/\bhmailserver\b/i, 'hMailServer'],
  [/\bmdaemon\b/i, 'MDaemon'],
  [/\bkerio\b/i, 'Kerio Connect'],
  [/\baxigen\b/i, 'Axigen'],
  [/\bcommunigate\b/i, 'CommuniGate Pro'],
  [/\bpopa3d\b/i, 'popa3d'],
  [/\bsolid pop3\b/i, 'Solid POP3'],
  [/\bmailutils\b/i, 'GNU Mailutils'],
  [/\bjames\b/i, 'Apache James'],
];

export function recogniseSoftware(text: string): string | undefined {
  return SOFTWARE.find(([re]) => re.test(text))?.[1];
}

const TIMESTAMP = /<[^<>\s@]+@[^<>\s]+>/;

export function analyseGreeting(line: string): GreetingAnalysis {
  if (/^\+OK\b/i.test(line)) {
    const ts = TIMESTAMP.exec(line)?.[0];
    const software = recogniseSoftware(line);
    return { kind: 'pop', ...(ts ? { apopTimestamp: ts } : {}), ...(software ? { software } : {}) };
  }
  if (/^-ERR\b/i.test(line)) return { kind: 'pop-error' };
  if (/^\* (OK|PREAUTH|BYE)\b/i.test(line)) return { kind: 'imap' };
  if (/^220[ -].*\b(E?SMTP|mail|postfix|exim|sendmail)\b/i.test(line)) return { kind: 'smtp' };
  if (/^220[ -].*\bftp/i.test(line)) return { kind: 'ftp' };
  if (/^220[ -]/.test(line)) return { kind: 'smtp' };
  if (/^HTTP\/\d/i.test(line) || /^<(!doctype|html)/i.test(line)) return { kind: 'http' };
  if (/^SSH-\d/.test(line)) return { kind: 'ssh' };
  return { kind: 'garbage' };
}
