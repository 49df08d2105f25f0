import type { FindingData } from '../types.js';

/**
 * A stack trace or exception chain as evidence. Java prints the outer exception first and each cause after it
 * ("Caused by: …"), .NET each inner exception after "--->" (NUnit: "---->"), so there the last exception is the
 * innermost cause; Python prints the original exception first and what went wrong while handling it after
 * ("During handling of the above exception, another exception occurred", "The above exception was the direct
 * cause of the following exception"), so there the first is. A frame that names POP code (POP3Store,
 * Pop3Client, poplib.py, POP3.php, yapople, node-pop3, Emacs's pop3-…) makes the trace a POP client's even
 * without any -ERR.
 */

export interface TraceException {
  lineNumber: number;
  className: string;
  message: string;
}

export interface TraceFrame {
  lineNumber: number;
  text: string;
}

export interface StackTrace {
  exceptions: TraceException[];
  /** The frames that name POP code. */
  popFrames: TraceFrame[];
  /** Python's order: the first exception is the cause, the later ones happened while handling it. */
  causeFirst: boolean;
}

// Cheap test every line passes before the patterns below are tried: most lines of a paste are no trace.
const MAY_TRACE =
  /Exception|Error|error_proto|\bat |File "|\.php\b|--->|Caused by|above exception|Lisp error|^ {2}[a-z]/;
// "java.net.SocketTimeoutException: Read timed out", "Caused by: …", ".NET ---> X: …", NUnit "  ----> X : …",
// Node's "Error: …" / "Error { Error: …", Python's "poplib.error_proto: …".
const EXCEPTION =
  /^\s*(?:Caused by:\s*|-{3,4}>\s*|Unhandled exception\.\s*|\w+\s*\{\s*)?((?:[A-Za-z_$][\w$]*\.)*[\w$]*(?:Exception|Error|error_proto|Throwable))(?:\s*:\s*(.*))?$/;
// A qualified class name after a program's own prefix ("::: … stackTrace ::: jakarta.mail.XException: …").
const QUALIFIED = /(?:^|[\s:(])((?:[A-Za-z_$][\w$]*\.){2,}[\w$]*(?:Exception|Error))\s*:\s*(.*)$/;
// A .NET exception chain on one line: "Outer: message ---> Inner: message".
const INLINE_CHAIN = / -{3,4}> /;
// Emacs's batch-mode backtrace: a frame is a call written as Lisp, two spaces in ("  pop3-open-server(…)").
const FRAME =
  /^\s*(?:at\s+\S|File "[^"]{1,500}", line \d+, in \w|#\d+\s+\S|\S+\.php\(\d+\))|^ {2}[a-z][\w-]*\(.*\)$/;
// Emacs's uncaught error in batch mode: "Debugger entered--Lisp error: (wrong-type-argument processp nil)"; the
// error symbol plays the class, the rest the message.
const LISP_ERROR = /^Debugger entered--Lisp error: \(([a-z][\w-]*)\s*(.*)\)\s*$/;
const CAUSE_FIRST = /During handling of the above exception|The above exception was the direct cause/;
// POP code in a frame: a class, file or package of a POP library (not "popup", "population").
const POP_CODE = /pop3|poplib|yapople|openpop|net[\\/]pop\.rb|\bPop3?[A-Z]\w*|\bPOP3?[A-Z]\w*/i;
const NOT_POP = /popup|populat/i;

function exceptionOn(line: string, lineNumber: number, out: TraceException[]): void {
  const lisp = LISP_ERROR.exec(line);
  if (lisp) {
    out.push({ lineNumber, className: lisp[1] ?? '', message: (lisp[2] ?? '').trim() });
    return;
  }
  const parts = INLINE_CHAIN.test(line) ? line.split(INLINE_CHAIN) : [line];
  for (const part of parts) {
    const m = EXCEPTION.exec(part) ?? QUALIFIED.exec(part);
    if (m) out.push({ lineNumber, className: m[1] ?? '', message: (m[2] ?? '').trim() });
  }
}

/** The exceptions and POP frames a paste shows, or undefined when it shows no exception or frame. */
export function readStackTrace(lines: readonly string[]): StackTrace | undefined {
  const exceptions: TraceException[] = [];
  const popFrames: TraceFrame[] = [];
  let causeFirst = false;
  let frames = 0;
  lines.forEach((line, i) => {
    if (!MAY_TRACE.test(line)) return;
    if (CAUSE_FIRST.test(line)) causeFirst = true;
    const frame = FRAME.exec(line);
    if (frame) {
      frames++;
      if (POP_CODE.test(line) && !NOT_POP.test(line))
        popFrames.push({ lineNumber: i + 1, text: line.trim() });
      return;
    }
    exceptionOn(line, i + 1, exceptions);
  });
  if (exceptions.length === 0 && frames === 0) return undefined;
  return { exceptions, popFrames, causeFirst };
}

/** The exception that caused the others: the innermost of a Java or .NET chain, the first of Python's. */
export function rootCause(trace: StackTrace): TraceException | undefined {
  return trace.causeFirst ? trace.exceptions[0] : trace.exceptions.at(-1);
}

/**
 * The findings with the finding of a chain's root cause first among the chain's own: "InvalidLoginException"
 * is what OpenPop made of a reply its inner PopServerException shows was no POP at all. Nothing added or dropped.
 */
export function leadWithCause(findings: readonly FindingData[], lines: readonly string[]): FindingData[] {
  return leadWithIntroduced(chainCauseFirst(findings, lines), lines);
}

function chainCauseFirst(findings: readonly FindingData[], lines: readonly string[]): FindingData[] {
  if (findings.length < 2) return [...findings];
  const onException = findings.filter((f) => {
    const line = lines[f.evidence.lineNumber - 1] ?? '';
    return EXCEPTION.test(line) || QUALIFIED.test(line);
  });
  if (onException.length < 2) return [...findings];
  const trace = readStackTrace(lines);
  const cause = trace && rootCause(trace);
  const leading = cause && onException.find((f) => f.evidence.lineNumber === cause.lineNumber);
  const first = onException[0];
  if (!leading || !first || leading === first) return [...findings];
  const out = findings.filter((f) => f !== leading);
  out.splice(out.indexOf(first), 0, leading);
  return out;
}

// A line that ends with a colon introduces what follows it: PHP's "SSL operation failed with code 1. OpenSSL
// Error messages:" before OpenSSL's own line, "Got this error:" before the error.
const INTRODUCES = /[:：]\s*$/;
/** How far below an introducing line its error may stand (PHP indents it on the next line). */
const INTRODUCED_WITHIN = 2;
const DOCUMENTED: ReadonlySet<FindingData['evidence']['basis']> = new Set([
  'wording',
  'response-code',
  'rule',
]);

/**
 * The findings with an introduced error before the line that introduces it, where only a few words read that
 * line (the fallback) and a documented wording or a rule reads the error it introduces: the introduction says
 * that something failed, the introduced line what. Nothing added or dropped.
 */
export function leadWithIntroduced(
  findings: readonly FindingData[],
  lines: readonly string[],
): FindingData[] {
  const out = [...findings];
  for (const intro of findings) {
    if (intro.evidence.basis !== 'fallback') continue;
    const n = intro.evidence.lineNumber;
    if (!INTRODUCES.test(lines[n - 1] ?? '')) continue;
    const introduced = out.find(
      (f) =>
        DOCUMENTED.has(f.evidence.basis) &&
        f.evidence.lineNumber > n &&
        f.evidence.lineNumber <= n + INTRODUCED_WITHIN &&
        lines.slice(n, f.evidence.lineNumber - 1).every((l) => l.trim() === ''),
    );
    const at = out.indexOf(intro);
    if (!introduced || out.indexOf(introduced) < at) continue;
    out.splice(out.indexOf(introduced), 1);
    out.splice(at, 0, introduced);
  }
  return out;
}
