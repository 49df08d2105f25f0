import { findTarget, type Target } from './target.js';

/**
 * The POP server a paste talks about, when the paste names it: the host a client connected to or reports an
 * error from. Advice that names a host (`nslookup pop.example.com`) then names this one.
 *
 * Only the places where a program puts the server's name count, never any word that looks like a domain: a
 * paste is full of them (the user's own address, certificate names, links), and naming the wrong host in a
 * command to run would mislead.
 */

/** Where mail programs name the server, as `(prefix)(host)`; the first match in the paste wins. */
const SERVER_HOST_SHAPES: readonly RegExp[] = [
  // URLs the client's target does not read: mutt's `pops://user@host`, PHP's `{host:995/pop3/ssl}`.
  /\bpops?:\/\/(?:[^@\s/]{1,200}@)?([^\s:/]+)/i,
  /\{([^:/}\s]{1,253})(?::\d{1,5})?\/pop3\b/i,
  // mpop's verbose settings block.
  /^\s*host\s*=\s*(\S+)\s*$/,
  // fetchmail: "querying HOST (protocol POP3)", "… on user@HOST", "poll of HOST skipped".
  /\bquerying (\S+) \(protocol\b/,
  /\bpoll of (\S+) skipped\b/,
  /^fetchmail: .*\b(?:on|from|de|sur|trên|từ) [^\s@]{1,64}@(\S+?)[.,:]?\s*$/,
  // The name that did not resolve: curl, fetchmail, mpop, Node (`getaddrinfo ENOTFOUND host`).
  /\bCould not resolve host: (\S+)/,
  /\bcanonical DNS name of (\S+)/,
  /\bcannot locate host (\S+?):/,
  /\bgetaddrinfo (?:ENOTFOUND|EAI_AGAIN|EAI_NONAME) (\S+)/,
  // A fetchmailrc: "poll HOST with proto POP3".
  /^\s*poll (\S+) (?:with )?proto(?:col)?\b/i,
  // getmail: "SimplePOP3Retriever:user@HOST:110".
  /POP3(?:SSL)?Retriever:[^\s@]{1,64}@([^\s:]+):\d{1,5}/,
  // curl -v before it connects: "* Host HOST:995 was resolved."
  /^\*\s+Host (\S+?):\d{1,5} was resolved/,
  // Outlook's task line: "Task 'HOST - Receiving' reported error", « HOST - Réception ».
  /(?:Task|La tâche|Tác vụ)\s*['‘’«“]\s*(\S+) - /,
  // Thunderbird, Evolution, KMail, mutt, Apple Mail and libraries: "POP3 server HOST", "server “HOST”".
  /\bPOP3? (?:mail )?server[: ]+[“"(]?([\w.-]+\.[\w-]+|\[[0-9a-fA-F:.]{2,45}\])[”")]?/i,
  /\bMail server (\S+) responded\b/,
  /\bserver (?:“|")?([\w.-]+\.[\w-]+)(?:”|")? cannot be contacted\b/,
  /\b(?:connect(?:ing)? to|connection to) (?:the )?(?:server |host )?[“"]?([\w-]+(?:\.[\w-]+)+|\[[0-9a-fA-F:.]{2,45}\])[”"]?(?:[:/ ]\d{1,5})?(?:\.\.\.|[ .;:,]|$)/i,
  /\bserveur (?:de courrier |POP3? )?[«“"]?\s*([\w-]+(?:\.[\w-]+)+)\s*[»”"]? a répondu/,
  /\bmáy (?:chủ|phục vụ)(?: thư| POP3?)? ([\w-]+(?:\.[\w-]+)+)(?:[ .,:]|$)/,
];

/** A word every shape above holds: a line without any is passed over at once. */
const MAY_NAME_A_HOST =
  /:\/\/|\/pop3|host|quer|poll|retriever|connect|fetchmail|task|tâche|tác vụ|server|serveur|máy|resolve|canonical|locate|getaddrinfo/i;

const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const IPV6 = /^\[?[0-9a-fA-F:.]{2,45}\]?$/;
/** Placeholders and example values: a paste that still says them names no server of its own. */
const NOT_A_SERVER = /^(?:\(?not|none|localhost\.localdomain)$|example\.(?:com|net|org)$|^(?:your|my)[-.]/i;

export interface ServerHost {
  host: string;
  lineNumber: number;
}

/** A host name or IP literal as a program would print it, or undefined when the word is anything else. */
export function asHostName(word: string): string | undefined {
  const trimmed = word.replace(/^[(<"'“‘«]+|[)>"'”’».,;:]+$/g, '');
  if (IPV6.test(trimmed) && trimmed.includes(':')) return `[${trimmed.replace(/^\[|\]$/g, '')}]`;
  const bare = trimmed.replace(/\.$/, '');
  if (IPV4.test(bare)) return bare.split('.').every((n) => Number(n) <= 255) ? bare : undefined;
  // A name needs a dot (a word like "server" is not a host) unless it is localhost.
  if (!HOST_NAME.test(bare) || (!bare.includes('.') && bare !== 'localhost')) return undefined;
  if (/^\d+(?:\.\d+)*$/.test(bare)) return undefined;
  return bare.toLowerCase();
}

/**
 * The server host the paste names, with its line: where the client aimed (its URL, command line, script or
 * connection line, read once for the client-output facts), else the first line that names one.
 */
export function findServerHost(
  lines: readonly string[],
  target: Target | null | undefined = findTarget(lines),
): ServerHost | undefined {
  const aimed = target?.host ? asHostName(target.host) : undefined;
  if (aimed && !NOT_A_SERVER.test(aimed)) return { host: aimed, lineNumber: target!.lineNumber };
  for (const [i, line] of lines.entries()) {
    // Every shape names a host with a dot or an IP literal: most lines of a paste have neither.
    if (line.length > 2000 || (!line.includes('.') && !line.includes(':'))) continue;
    if (!MAY_NAME_A_HOST.test(line)) continue;
    for (const shape of SERVER_HOST_SHAPES) {
      const word = shape.exec(line)?.[1];
      if (!word) continue;
      const host = asHostName(word);
      if (host && !NOT_A_SERVER.test(host)) return { host, lineNumber: i + 1 };
    }
  }
  return undefined;
}
