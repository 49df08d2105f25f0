/**
 * Where a client's command line or script aimed, and whether it meant to speak TLS: `pop3://host:995`,
 * `pop3s://…`, mpop's `--tls=off`, fetchmail's `--ssl` and `port 995`, curl's `--ssl-reqd`, Python's
 * `poplib.POP3(host, 995)` against `POP3_SSL`, getmail's `SimplePOP3Retriever`, `telnet host 995`,
 * `openssl s_client -connect host:110`.
 */
export type TlsIntent = 'implicit' | 'starttls' | 'plain';

export interface Target {
  host?: string;
  port?: number;
  /** What the client meant to do about TLS, when the paste says it; undefined when it does not. */
  tls?: TlsIntent;
  lineNumber: number;
  /** The words of the paste that say it. */
  evidence: string[];
}

const URL = /\b(pop3s?):\/\/(?:[^@\s/]{1,200}@)?(\[[0-9a-fA-F:.]{2,45}\]|[\w.-]{1,253})(?::(\d{1,5}))?/i;
const PORT_OPTION = /(?:--port[=\s]|(?:^|\s)-P\s?|(?:^|\s)port\s*[=\s]\s*|--service[=\s])(\d{1,5})\b/i;
const HOST_PORT =
  /(?:-connect\s+|(?:telnet|nc|ncat|netcat)\s+(?:-\w+\s+)*)([\w.-]{1,253}|\[[0-9a-fA-F:.]{2,45}\])[:\s](\d{1,5})\b/i;
const PY_POPLIB =
  /poplib\.(POP3_SSL|POP3)\s*\(\s*['"]([^'"]{1,253})['"]\s*(?:,\s*(?:port\s*=\s*)?(\d{1,5}))?/;
const GETMAIL = /type\s*=\s*(Simple|Multidrop|Multisorting)?POP3(SSL)?Retriever/i;

// Options that say the client meant plain text, implicit TLS or STARTTLS.
const PLAIN_OPTIONS =
  /--tls(?:=|\s+)off\b|--no-?ssl\b|\bssl\s*=\s*(?:false|no|0|off)\b|\bsecure\s*[:=]\s*false\b|\btls\s*[:=]\s*(?:false|no|off)\b/i;
const STARTTLS_OPTIONS =
  /--tls-starttls(?:=|\s+)on\b|--sslproto\s+['"]?(?:tls1|auto)?\s*--ssl\b.*\bstarttls\b|--ssl-reqd\b|\bstarttls\b|\bstls\b/i;
const IMPLICIT_OPTIONS =
  /--tls-starttls(?:=|\s+)off\b|\bssl\s*=\s*(?:true|yes|1|on)\b|(?:^|\s)--ssl\b(?!-)|(?:^|\s)ssl(?:\s|$)|\bsecure\s*[:=]\s*true\b|\btls\s*[:=]\s*(?:true|yes|on|implicit)\b/i;
// openssl s_client without -starttls speaks TLS at once.
const S_CLIENT = /\bs_client\b/;

export function findTarget(lines: readonly string[]): Target | undefined {
  const target: Target = { lineNumber: 0, evidence: [] };
  let sawCommand = false;
  let fetchmailLine = 0;
  lines.forEach((line, i) => {
    const url = URL.exec(line);
    if (url) {
      target.host ??= url[2] ?? '';
      if (url[3] && target.port === undefined) target.port = Number(url[3]);
      target.tls ??= url[1]?.toLowerCase() === 'pop3s' ? 'implicit' : 'plain';
      target.evidence.push(url[0]);
      target.lineNumber ||= i + 1;
    }
    const py = PY_POPLIB.exec(line);
    if (py) {
      target.host ??= py[2] ?? '';
      if (py[3] && target.port === undefined) target.port = Number(py[3]);
      target.tls ??= py[1] === 'POP3_SSL' ? 'implicit' : 'plain';
      target.evidence.push(py[0]);
      target.lineNumber ||= i + 1;
    }
    const getmail = GETMAIL.exec(line);
    if (getmail) {
      target.tls ??= getmail[2] ? 'implicit' : 'plain';
      target.evidence.push(getmail[0]);
      target.lineNumber ||= i + 1;
    }
    const hostPort = HOST_PORT.exec(line);
    if (hostPort) {
      target.host ??= hostPort[1] ?? '';
      target.port ??= Number(hostPort[2]);
      const sClient = S_CLIENT.test(line);
      target.tls ??= sClient ? (/-starttls\b/.test(line) ? 'starttls' : 'implicit') : 'plain';
      target.evidence.push(hostPort[0].trim());
      target.lineNumber ||= i + 1;
    }
    const port = PORT_OPTION.exec(line);
    if (port && target.port === undefined) {
      target.port = Number(port[1]);
      target.evidence.push(port[0].trim());
      target.lineNumber ||= i + 1;
    }
    // Options override what a URL's scheme suggested: `pop3://host:995 --ssl` is fine.
    for (const [re, intent] of [
      [PLAIN_OPTIONS, 'plain'],
      [STARTTLS_OPTIONS, 'starttls'],
      [IMPLICIT_OPTIONS, 'implicit'],
    ] as const) {
      const m = re.exec(line);
      if (
        m &&
        (url || py || hostPort || port || /^\s*(?:\$\s*)?(?:mpop|fetchmail|curl|getmail)\b|--/.test(line))
      ) {
        target.tls = intent;
        target.evidence.push(m[0].trim());
        target.lineNumber ||= i + 1;
        sawCommand = true;
      }
    }
    if (/^\s*(?:\$\s*)?fetchmail\b/.test(line)) {
      sawCommand = true;
      fetchmailLine ||= i + 1;
    }
  });
  // fetchmail without --ssl (or `ssl` in its rc file) speaks plain text.
  if (fetchmailLine && target.tls === undefined) {
    target.tls = 'plain';
    target.evidence.push('fetchmail (no --ssl)');
    target.lineNumber ||= fetchmailLine;
  }
  if (target.evidence.length === 0 && !sawCommand) return undefined;
  return target;
}
