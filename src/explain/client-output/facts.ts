import { readStackTrace, rootCause, type StackTrace } from './stack-trace.js';
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
  | 'tls-handshake-failed'
  // What a POP library's exception shows (POP_LIBRARY_SIGNS).
  | 'no-reply-read'
  | 'reply-not-status'
  | 'login-step-failed'
  | 'pop-library-failed'
  // A command failed on a message number past the count the same output gives.
  | 'message-past-count';

export interface ClientFact {
  kind: FactKind;
  lineNumber: number;
  evidence: string;
  /** The entry whose advice fits this library better than the rule's (a PHP library, not a .NET one). */
  entry?: string;
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

/** RFC 8314 §3.1: TLS from the first byte on 995; plain POP, with TLS through STLS, on 110 (RFC 2595 §4). */
export const IMPLICIT_TLS_PORT = 995;
export const PLAIN_PORT = 110;

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
  /\bEOF\b|Bytes transferred: 0\b.{0,80}\bEnd of file\b|unexpected(?:ly)? (?:closed|end of file|eof)|connection closed by (?:foreign host|peer|remote host)|closed the connection|server closed|Empty reply from server|Connection died|connexion (?:fermée|interrompue)|máy chủ đã đóng kết nối|kết nối bị đóng/i;
const TLS_HANDSHAKE_FAIL =
  /wrong version number|packet length too long|unknown protocol|handshake (?:failure|failed)|SSL routines|record layer failure|tls.{0,20}(?:fail|error)/i;

/**
 * What a POP library's own exception shows, as data: its class, its message or the frame it was thrown in.
 * `cause`: only the chain's root cause counts (an outer "login failed" may wrap an inner "no valid reply").
 */
interface LibrarySign {
  fact: FactKind;
  library: string;
  className?: RegExp;
  message?: RegExp;
  frame?: RegExp;
  /** The trace must show a frame of POP code (a message alone says too little). */
  popFrame?: boolean;
  cause?: boolean;
  /** A line of the paste must also say this: the library's own words for what the frame alone does not tell. */
  said?: RegExp;
  /** The entry that explains this library's failure, where the rule's entry is another library's. */
  entry?: string;
}

export const POP_LIBRARY_SIGNS: readonly LibrarySign[] = [
  // Angus/Jakarta Mail's POP3 protocol read no reply at all (readResponse returned null): the server sent
  // nothing before the timeout, or closed.
  { fact: 'no-reply-read', library: 'Jakarta/Angus Mail', message: /"this\.resp" is null/, popFrame: true },
  // OpenPop.NET quotes the line that was no "+" reply: when it is no -ERR either, the reply broke POP.
  {
    fact: 'reply-not-status',
    library: 'OpenPop.NET',
    className: /PopServerException$/,
    message: /did not respond with a \+ response\. The response was: "(?!-ERR)/,
    cause: true,
  },
  // yapople and node-pop3 raise the server's line as the error's message: a line without a word is no reply.
  {
    fact: 'reply-not-status',
    library: 'yapople',
    message: /^[^\p{L}\p{N}]{0,3}$/u,
    popFrame: true,
    cause: true,
  },
  // OpenPop.NET failed while reading the server's refusal of the login.
  { fact: 'login-step-failed', library: 'OpenPop.NET', frame: /CheckFailedLoginServerResponse/ },
  // laminas-mail, and Zend_Mail before it, says "last request failed" for any reply that is not +OK
  // (Protocol\Pop3::readResponse); thrown inside the login call, it is the server refusing the login.
  {
    fact: 'login-step-failed',
    library: 'laminas-mail / Zend_Mail',
    frame: /Pop3->login\(/,
    said: /\blast request failed\b/,
    entry: 'client-login-refused',
  },
  // K-9 Mail's POP3 store: a command was refused or got no valid reply, which the message does not show.
  { fact: 'pop-library-failed', library: 'K-9 Mail', message: /Unable to execute POP3 command/ },
  // Emacs's pop3.el stopped on a value it did not get (no connection, no greeting: its network layer said no
  // or found nothing): a POP failure whose cause the backtrace does not show.
  {
    fact: 'pop-library-failed',
    library: 'Emacs pop3.el',
    className: /^wrong-type-argument$/,
    popFrame: true,
  },
];

// How many messages the mailbox holds, as an output says it: a STAT or LIST reply quoted or traced ("+OK 20
// 1122", "+OK 2 messages"), a program's count ("LIST success with 20 element(s)", "Examining 2 message(s).",
// a script's "20 messages").
const MESSAGE_COUNT =
  /\+OK (\d+) (?:\d+|messages?\b)|\bwith (\d+) element\(?s?\)?|\bExamining (\d+) message|^\s*(\d+) messages?\s*$/im;
// The message number a program says a command failed on: poplib's "TOP failed for msgnumber 123123", a
// script's "No message 99".
const FAILED_ON_NUMBER =
  /\b(?:RETR|TOP|DELE|LIST|UIDL)\b.{0,20}?\bfail\w*\b.{0,20}?\b(?:msgnumber|message|msg|number)\s*#?(\d+)|^\s*No message (\d+)\b/im;

const SERVER_REFUSAL = /-ERR\b/;
// A library's line that names the POP command that failed and nothing else (poplib's demo: "STAT failed",
// "UIDL failed for msgnumber 3"); its login step ("LOGIN/PASS failed") is a refused login, read elsewhere.
const COMMAND_FAILED =
  /^\s*(?:STAT|LIST|RETR|DELE|NOOP|RSET|TOP|UIDL|CAPA|STLS) failed(?: for msgnumber \w+)?\s*$/m;

/**
 * A command failed on message N where the output says the mailbox holds fewer: RFC 1939 §5 numbers the
 * messages from 1 to the count STAT and LIST give, so N names no message, whatever words the program uses.
 */
function messagePastCount(lines: readonly string[]): ClientFact | undefined {
  // The rare line first: most pastes stop there.
  const failed = firstLine(lines, FAILED_ON_NUMBER);
  const count = failed && firstLine(lines, MESSAGE_COUNT);
  if (!failed || !count) return undefined;
  // The server's refusal, where the output shows it, says why itself ("-ERR Message can not load").
  if (firstLine(lines, SERVER_REFUSAL)) return undefined;
  const number = (re: RegExp, text: string) =>
    Number(
      re
        .exec(text)
        ?.slice(1)
        .find((g) => g !== undefined),
    );
  if (!(number(FAILED_ON_NUMBER, failed.text) > number(MESSAGE_COUNT, count.text))) return undefined;
  return {
    kind: 'message-past-count',
    lineNumber: failed.lineNumber,
    evidence: `${count.text.trim()}; ${failed.text.trim()}`,
  };
}

function libraryFacts(trace: StackTrace, lines: readonly string[], facts: ClientFact[]): void {
  const cause = rootCause(trace);
  for (const sign of POP_LIBRARY_SIGNS) {
    if (sign.popFrame && trace.popFrames.length === 0) continue;
    if (sign.frame) {
      const frame = trace.popFrames.find((f) => sign.frame?.test(f.text));
      const said = sign.said && firstLine(lines, sign.said);
      if (frame && (!sign.said || said))
        facts.push({
          kind: sign.fact,
          lineNumber: said ? said.lineNumber : frame.lineNumber,
          evidence: said ? `${said.text}; ${frame.text.trim()}` : frame.text,
          ...(sign.entry ? { entry: sign.entry } : {}),
        });
      continue;
    }
    const shown = sign.cause ? (cause ? [cause] : []) : trace.exceptions;
    const hit = shown.find(
      (e) =>
        (!sign.className || sign.className.test(e.className)) &&
        (!sign.message || sign.message.test(e.message)),
    );
    if (hit)
      facts.push({
        kind: sign.fact,
        lineNumber: hit.lineNumber,
        evidence: `${hit.className}: ${hit.message}`,
      });
  }
}

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
  const trace = readStackTrace(lines);
  if (trace) libraryFacts(trace, lines, facts);
  const pastCount = messagePastCount(lines);
  if (pastCount) facts.push(pastCount);
  const commandFailed = firstLine(lines, COMMAND_FAILED);
  if (commandFailed)
    facts.push({
      kind: 'pop-library-failed',
      lineNumber: commandFailed.lineNumber,
      evidence: commandFailed.text.trim(),
    });
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
  /** Says only that POP failed, not how: concluded only where no line of the paste says more. */
  alone?: boolean;
}

export type ClientOutputRuleId =
  | 'plain-to-tls-port'
  | 'tls-to-plain-port'
  | 'eof-before-greeting'
  | 'library-no-reply'
  | 'library-reply-not-status'
  | 'library-login-failed'
  | 'library-pop-failed'
  | 'message-past-count';

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
  {
    id: 'library-reply-not-status',
    category: 'server.protocol-error',
    entry: 'protocol-error-unexpected-reply',
    references: [{ rfc: 1939, section: '3' }],
    needs: [],
    symptom: ['reply-not-status'],
  },
  {
    id: 'library-no-reply',
    category: 'connect.timeout',
    entry: 'java-socket-timeout',
    references: [{ rfc: 1939, section: '4' }],
    needs: [],
    symptom: ['no-reply-read'],
  },
  {
    id: 'library-login-failed',
    category: 'auth.failed',
    entry: 'dotnet-pop3-authentication-failed',
    references: [{ rfc: 1939, section: '7' }],
    needs: [],
    symptom: ['login-step-failed'],
    alone: true,
  },
  // Before the bare failure: the count says which failure it was.
  {
    id: 'message-past-count',
    category: 'message.not-found',
    entry: 'no-such-message',
    references: [{ rfc: 1939, section: '5' }],
    needs: [],
    symptom: ['message-past-count'],
  },
  {
    id: 'library-pop-failed',
    category: 'unknown',
    entry: 'unknown-pop-error',
    references: [{ rfc: 1939, section: '3' }],
    needs: [],
    symptom: ['pop-library-failed'],
    alone: true,
  },
];

function readsHandshake(rule: ClientOutputRule, facts: readonly ClientFact[]): boolean {
  const other = (k: FactKind) => k === 'tls-handshake-failed' || facts.some((f) => f.kind === k);
  return (
    (rule.needs.includes('tls-handshake-failed') || rule.symptom.includes('tls-handshake-failed')) &&
    rule.needs.every(other)
  );
}

/** What the facts prove together, or nothing when they prove nothing the message does not already say. */
export function concludeFromFacts(
  lines: readonly string[],
  target: Target | null | undefined = findTarget(lines),
): ClientConclusion | undefined {
  const { facts } = clientFacts(lines, target);
  // A failed handshake is searched for only when a rule that reads it has the other facts it needs (TLS aimed
  // at the plain port): most pastes aim nowhere, and the search reads every line.
  const handshake = CLIENT_OUTPUT_RULES.some((rule) => readsHandshake(rule, facts))
    ? firstLine(lines, TLS_HANDSHAKE_FAIL)
    : undefined;
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
      rule: symptom.entry ? { ...rule, entry: symptom.entry } : rule,
      facts: {
        ...(target?.port !== undefined ? { port: target.port } : {}),
        setting: shown[0]?.evidence ?? '',
        symptom: symptom.evidence,
      },
    };
  }
  return undefined;
}
