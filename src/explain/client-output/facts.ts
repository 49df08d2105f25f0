import { findTarget, type Target } from './target.js';

/**
 * What a client's output shows besides its message: the port it aimed at and how, whether anything was
 * received, whether the server ever greeted. From those, the cause the message alone hides: plain text sent
 * to the implicit-TLS port waits for a greeting that never comes (RFC 8314 §3.1: port 995 speaks TLS first),
 * TLS sent to the plain port fails its handshake, and a connection closed before any greeting was dropped.
 */
export type FactKind =
  | 'plain-to-tls-port'
  | 'tls-to-plain-port'
  | 'timeout-no-data'
  | 'eof-before-greeting'
  | 'tls-handshake-failed';

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
  /** The rule that concluded, and the values of its "because" line. */
  rule: ClientOutputRule;
  facts: Readonly<Record<string, string | number>>;
}

const IMPLICIT_TLS_PORT = 995;
const PLAIN_PORT = 110;

const GREETING = /^\s*(?:[<S]:?\s*|\*?\s*<\s*)?\+OK\b/m;
// A client that reports a refused login was greeted first (RFC 1939 §4: the greeting opens AUTHORIZATION), even
// when it prints no transcript: fetchmail's "Authorization failure" and its AUTHFAIL status, mpop's "échec
// d'authentification", curl's "(67) Login denied".
const LOGIN_REFUSED =
  /\bAuthorization failure\b|\bstatus=3 \(AUTHFAIL\)|\bauthentication failed\b|\bLogin denied\b|échec d.authentification|xác thực (?:thất bại|không thành công)/i;
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
  target: Target | undefined = findTarget(lines),
): { target?: Target; facts: ClientFact[] } {
  const facts: ClientFact[] = [];
  const greeted = lines.some((l) => GREETING.test(l) || LOGIN_REFUSED.test(l));
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

/** A conclusion the facts support, as data: which facts it needs, what it proves, the entry whose advice it carries. */
export interface ClientOutputRule {
  /** Its "because" line in the `rules` catalogue. */
  id: ClientOutputRuleId;
  category: string;
  entry: string;
  references: readonly { rfc: number; section: string }[];
  /** Every one of these facts must hold. */
  needs: readonly FactKind[];
  /** And one of these, the symptom, the first present counting (none: the needed facts suffice). */
  symptom: readonly FactKind[];
  /** The categories each symptom also shows (`connect.timeout` beside `tls.mismatch`). */
  also?: Readonly<Partial<Record<FactKind, string>>>;
}

export type ClientOutputRuleId = 'plain-to-tls-port' | 'tls-to-plain-port' | 'eof-before-greeting';

/** First match wins: the port mix-ups explain a timeout or an EOF better than the EOF alone does. */
export const CLIENT_OUTPUT_RULES: readonly ClientOutputRule[] = [
  {
    id: 'plain-to-tls-port',
    category: 'tls.mismatch',
    entry: 'log-tls-wrong-port',
    references: [{ rfc: 8314, section: '3.1' }],
    needs: ['plain-to-tls-port'],
    symptom: ['timeout-no-data', 'eof-before-greeting'],
    also: { 'timeout-no-data': 'connect.timeout', 'eof-before-greeting': 'connect.reset' },
  },
  {
    id: 'tls-to-plain-port',
    category: 'tls.mismatch',
    entry: 'openssl-wrong-version-number',
    references: [
      { rfc: 8314, section: '3.1' },
      { rfc: 2595, section: '4' },
    ],
    needs: ['tls-to-plain-port'],
    symptom: ['tls-handshake-failed', 'timeout-no-data', 'eof-before-greeting'],
  },
  {
    id: 'eof-before-greeting',
    category: 'connect.reset',
    entry: 'node-econnreset',
    references: [{ rfc: 1939, section: '4' }],
    needs: [],
    symptom: ['eof-before-greeting'],
  },
];

/** What the facts prove together, or nothing when they prove nothing the message does not already say. */
export function concludeFromFacts(
  lines: readonly string[],
  target: Target | undefined = findTarget(lines),
): ClientConclusion | undefined {
  const { facts } = clientFacts(lines, target);
  const handshake = firstLine(lines, TLS_HANDSHAKE_FAIL);
  if (handshake)
    facts.push({ kind: 'tls-handshake-failed', lineNumber: handshake.lineNumber, evidence: handshake.text });
  const has = (k: FactKind) => facts.find((f) => f.kind === k);
  for (const rule of CLIENT_OUTPUT_RULES) {
    const needed = rule.needs.map(has);
    const symptom = rule.symptom.map(has).find((f) => f !== undefined);
    if (needed.some((f) => f === undefined) || !symptom) continue;
    const shown = needed.filter((f): f is ClientFact => f !== undefined);
    const also = rule.also?.[symptom.kind];
    return {
      category: rule.category,
      also: also ? [also] : [],
      because: [
        ...shown.map((f) => f.kind),
        ...(symptom.kind === 'tls-handshake-failed' ? [] : [symptom.kind]),
      ],
      lineNumber: symptom.lineNumber,
      evidence: [...shown.map((f) => f.evidence), symptom.evidence].filter(Boolean),
      rule,
      facts: {
        ...(target?.port !== undefined ? { port: target.port } : {}),
        setting: shown[0]?.evidence ?? '',
        symptom: symptom.evidence,
      },
    };
  }
  return undefined;
}
