import { findTarget, type Target } from './target.js';

/**
 * What a client's output shows besides its message: the port it aimed at and how, whether anything was
 * received, whether the server ever greeted. From those, the cause the message alone hides: plain text sent
 * to the implicit-TLS port waits for a greeting that never comes (RFC 8314 §3.1: port 995 speaks TLS first),
 * TLS sent to the plain port fails its handshake, and a connection closed before any greeting was dropped.
 */
export type FactKind = 'plain-to-tls-port' | 'tls-to-plain-port' | 'timeout-no-data' | 'eof-before-greeting';

export interface ClientFact {
  kind: FactKind;
  lineNumber: number;
  evidence: string;
}

export interface ClientConclusion {
  /** The category the facts prove, and others they also show (`connect.timeout` beside `tls.mismatch`). */
  category: string;
  also: string[];
  because: FactKind[];
  lineNumber: number;
  /** The words of the output that show the facts (`pop3://host:995`, `0 bytes received`). */
  evidence: string[];
}

const IMPLICIT_TLS_PORT = 995;
const PLAIN_PORT = 110;

const GREETING = /^\s*(?:[<S]:?\s*|\*?\s*<\s*)?\+OK\b/m;
const TIMEOUT_NO_DATA =
  /timed out after \d+ milliseconds with 0 (?:out of \d+ )?bytes received|\b0 bytes received\b|timeout (?:after \d+ seconds )?waiting for (?:server )?(?:greeting|banner)|no greeting|(?:greeting|banner) (?:never|not) (?:received|arrived)/i;
const TIMEOUT =
  /\btimed out\b|\btimeout\b|ETIMEDOUT|socket\.timeout|TimeoutError|délai (?:d.attente )?dépassé|dépassée? le délai|hết thời gian chờ|quá thời gian/i;
const EOF =
  /\bEOF\b|unexpected(?:ly)? (?:closed|end of file|eof)|connection closed by (?:foreign host|peer|remote host)|closed the connection|server closed|Empty reply from server|Connection died|connexion (?:fermée|interrompue)|máy chủ đã đóng kết nối|kết nối bị đóng/i;
const TLS_HANDSHAKE_FAIL =
  /wrong version number|packet length too long|unknown protocol|handshake (?:failure|failed)|SSL routines|record layer failure|tls.{0,20}(?:fail|error)/i;

function firstLine(lines: readonly string[], re: RegExp): { lineNumber: number; text: string } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i] ?? '');
    if (m) return { lineNumber: i + 1, text: m[0] };
  }
  return undefined;
}

export function clientFacts(
  lines: readonly string[],
  target: Target | null | undefined = findTarget(lines),
): { target?: Target; facts: ClientFact[] } {
  const facts: ClientFact[] = [];
  const greeted = lines.some((l) => GREETING.test(l));
  if (target?.port === IMPLICIT_TLS_PORT && target.tls && target.tls !== 'implicit') {
    facts.push({
      kind: 'plain-to-tls-port',
      lineNumber: target.lineNumber,
      evidence: target.evidence.join(' '),
    });
  }
  if (target?.port === PLAIN_PORT && target.tls === 'implicit') {
    facts.push({
      kind: 'tls-to-plain-port',
      lineNumber: target.lineNumber,
      evidence: target.evidence.join(' '),
    });
  }
  if (!greeted) {
    const noData = firstLine(lines, TIMEOUT_NO_DATA);
    const timeout = noData ?? firstLine(lines, TIMEOUT);
    if (timeout)
      facts.push({ kind: 'timeout-no-data', lineNumber: timeout.lineNumber, evidence: timeout.text });
    const eof = firstLine(lines, EOF);
    if (eof && !timeout)
      facts.push({ kind: 'eof-before-greeting', lineNumber: eof.lineNumber, evidence: eof.text });
  }
  return target ? { target, facts } : { facts };
}

/** What the facts prove together, or nothing when they prove nothing the message does not already say. */
export function concludeFromFacts(
  lines: readonly string[],
  target: Target | null | undefined = findTarget(lines),
): ClientConclusion | undefined {
  const { facts } = clientFacts(lines, target);
  const has = (k: FactKind) => facts.find((f) => f.kind === k);
  const plainToTls = has('plain-to-tls-port');
  const timeout = has('timeout-no-data');
  const eof = has('eof-before-greeting');
  if (plainToTls && (timeout || eof)) {
    const because: FactKind[] = timeout
      ? ['plain-to-tls-port', 'timeout-no-data']
      : ['plain-to-tls-port', 'eof-before-greeting'];
    return {
      category: 'tls.mismatch',
      also: [timeout ? 'connect.timeout' : 'connect.reset'],
      because,
      lineNumber: (timeout ?? eof)?.lineNumber ?? plainToTls.lineNumber,
      evidence: [plainToTls.evidence, (timeout ?? eof)?.evidence ?? ''].filter(Boolean),
    };
  }
  const tlsToPlain = has('tls-to-plain-port');
  // Only TLS sent to the plain port makes a failed handshake a fact: no other paste is searched for one.
  const handshake = tlsToPlain ? firstLine(lines, TLS_HANDSHAKE_FAIL) : undefined;
  if (tlsToPlain && (handshake || timeout || eof)) {
    return {
      category: 'tls.mismatch',
      also: [],
      because: ['tls-to-plain-port'],
      lineNumber: handshake?.lineNumber ?? tlsToPlain.lineNumber,
      evidence: [tlsToPlain.evidence, handshake?.text ?? (timeout ?? eof)?.evidence ?? ''].filter(Boolean),
    };
  }
  if (eof)
    return {
      category: 'connect.reset',
      also: [],
      because: ['eof-before-greeting'],
      evidence: [eof.evidence],
      lineNumber: eof.lineNumber,
    };
  return undefined;
}
