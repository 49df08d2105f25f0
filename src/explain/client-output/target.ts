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

// What a program prints about its own connection: mpop's settings dump (`port = 995`, `tls = off`,
// `tls_starttls = on`, the values translated), getmail's retriever line (`SimplePOP3Retriever:user@host:995:`),
// fetchmail's warning that port 995 needs --ssl, curl -v's `* Connected to host (addr) port 995`.
const MPOP_PORT = /^port = (\d{1,5})$/;
const MPOP_TLS = /^(tls|tls_starttls) = (on|off|activé|désactivé)$/;
const GETMAIL_ID =
  /\b(?:Simple|Multidrop|Multisorting)?POP3(SSL)?Retriever:[^@\s]{0,200}@([\w.-]{1,253}):(\d{1,5}):/;
const FETCHMAIL_NEEDS_SSL = /configuration invalid, you normally need --ssl for port (\d{1,5})/;
const CURL_CONNECTED = /^\*\s+Connected to (\S{1,253}) \([^)]{0,60}\) port (\d{1,5})\b/;
// curl -v logs every TLS handshake it makes; a verbose run that logs none spoke plain text.
const CURL_TLS_LINE = /^\*\s+(?:TLSv[\d.]+ \(|SSL connection using|ALPN|SSL certificate)/;
// hMailServer's debug log (quoted CSV) of an external account's download: `"TCPIP" 2396 "…" "Connecting to
// [host]:995..."`; with SSL on, it logs the handshake of the session ("Performing SSL/TLS handshake").
const HMAIL_CONNECTING = /^"TCPIP"\s.*"Connecting to \[?([\w.:-]{1,253}?)\]?:(\d{1,5})\.\.\."\s*$/;
const HMAIL_TLS_LINE = /SSL\/TLS handshake|SSL handshake/i;

// Options that say the client meant plain text, implicit TLS or STARTTLS.
const PLAIN_OPTIONS =
  /--tls(?:=|\s+)off\b|--no-?ssl\b|\bssl\s*=\s*(?:false|no|0|off)\b|\bsecure\s*[:=]\s*false\b|\btls\s*[:=]\s*(?:false|no|off)\b/i;
const STARTTLS_OPTIONS =
  /--tls-starttls(?:=|\s+)on\b|--sslproto\s+['"]?(?:tls1|auto)?\s*--ssl\b.*\bstarttls\b|--ssl-reqd\b|\bstarttls\b|\bstls\b/i;
const IMPLICIT_OPTIONS =
  /--tls-starttls(?:=|\s+)off\b|\bssl\s*=\s*(?:true|yes|1|on)\b|(?:^|\s)--ssl\b(?!-)|(?:^|\s)ssl(?:\s|$)|\bsecure\s*[:=]\s*true\b|\btls\s*[:=]\s*(?:true|yes|on|implicit)\b/i;
// openssl s_client without -starttls speaks TLS at once.
const S_CLIENT = /\bs_client\b/;
// A word every pattern above needs (`nc` is in ncat, `port` in --port, `connect` in -connect and curl's
// "Connected to", `ssl` in fetchmail's warning): most lines of a paste have none and are passed over at once.
const MAY_AIM = /:\/\/|poplib\.|pop3|connect|telnet|nc|netcat|port|-p|service|tls|ssl|secure|fetchmail/i;

function readProgramOwnWords(lines: readonly string[], aiming: readonly number[], target: Target): void {
  const mpop: { tls?: boolean; starttls?: boolean } = {};
  let curlPort = 0;
  let hmailPort = 0;
  for (const i of aiming) {
    const line = (lines[i] ?? '').trim();
    const hmail = HMAIL_CONNECTING.exec(line);
    if (hmail && !hmailPort) {
      hmailPort = Number(hmail[2]);
      target.host ??= hmail[1] ?? '';
      target.port ??= hmailPort;
      target.evidence.push(`Connecting to ${hmail[1] ?? ''}:${hmailPort}`);
      target.lineNumber ||= i + 1;
    }
    const port = MPOP_PORT.exec(line);
    const getmail = GETMAIL_ID.exec(line);
    const fetchmail = FETCHMAIL_NEEDS_SSL.exec(line);
    const curl = CURL_CONNECTED.exec(line);
    const tls = MPOP_TLS.exec(line);
    if (port && target.port === undefined) {
      target.port = Number(port[1]);
      target.evidence.push(line);
      target.lineNumber ||= i + 1;
    }
    if (tls) {
      const on = tls[2] === 'on' || tls[2] === 'activé';
      if (tls[1] === 'tls') mpop.tls = on;
      else mpop.starttls = on;
      target.evidence.push(line);
    }
    if (getmail) {
      target.host ??= getmail[2] ?? '';
      target.port ??= Number(getmail[3]);
      target.tls ??= getmail[1] ? 'implicit' : 'plain';
      target.evidence.push(getmail[0]);
      target.lineNumber ||= i + 1;
    }
    if (fetchmail) {
      // fetchmail itself says it speaks plain text (or STARTTLS) to the implicit-TLS port.
      target.port ??= Number(fetchmail[1]);
      target.tls ??= 'plain';
      target.evidence.push(fetchmail[0]);
      target.lineNumber ||= i + 1;
    }
    if (curl && !curlPort) {
      curlPort = Number(curl[2]);
      target.host ??= curl[1] ?? '';
      target.port ??= curlPort;
      target.lineNumber ||= i + 1;
    }
  }
  if (mpop.tls !== undefined && target.tls === undefined)
    target.tls = !mpop.tls ? 'plain' : mpop.starttls === false ? 'implicit' : 'starttls';
  if (hmailPort && target.tls === undefined) {
    const handshake = lines.some((l) => HMAIL_TLS_LINE.test(l));
    target.tls = handshake ? 'implicit' : 'plain';
    target.evidence.push(handshake ? 'hMailServer: TLS handshake' : 'hMailServer: no TLS handshake');
  }
  if (curlPort && target.tls === undefined) {
    const handshake = lines.some((l) => CURL_TLS_LINE.test(l.trim()));
    const stls = lines.some((l) => /^>\s*STLS\b/.test(l.trim()));
    target.tls = !handshake ? 'plain' : stls ? 'starttls' : 'implicit';
    target.evidence.push(
      `port ${curlPort}`,
      handshake ? 'curl -v: TLS handshake' : 'curl -v: no TLS handshake',
    );
  }
}

export function findTarget(lines: readonly string[]): Target | undefined {
  const target: Target = { lineNumber: 0, evidence: [] };
  let sawCommand = false;
  let fetchmailLine = 0;
  // The lines that may say where the client aimed, for both readings below.
  const aiming: number[] = [];
  lines.forEach((line, i) => {
    if (!MAY_AIM.test(line)) return;
    aiming.push(i);
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
      // fetchmail's warning names --ssl as what is missing, not as an option given.
      if (
        m &&
        !FETCHMAIL_NEEDS_SSL.test(line) &&
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
  readProgramOwnWords(lines, aiming, target);
  // fetchmail without --ssl (or `ssl` in its rc file) speaks plain text.
  if (fetchmailLine && target.tls === undefined) {
    target.tls = 'plain';
    target.evidence.push('fetchmail (no --ssl)');
    target.lineNumber ||= fetchmailLine;
  }
  if (target.evidence.length === 0 && !sawCommand) return undefined;
  return target;
}
