import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import type { CompiledEntry } from '../../knowledge/load.js';
import { type Candidate, type CommandInfo, withResponseCode } from '../candidate.js';
import { commandNamedBy } from '../client-output/named-command.js';
import { quotedGreeting } from '../lines/quoted.js';
import { bestMatch, type Match, matchText } from '../match.js';
import { POP_VERB_ALTERNATION, popCommand } from '../pop-commands.js';

/**
 * What a library's message carries after its own words. Scripts report a failed POP step as "<their words>:
 * <what the library said>", and libraries as "<their class or step>: <the server's reply or the socket's
 * error>": Perl's `die "Cannot log in: " . $pop->message` ("Cannot log in: [SYS/TEMP] Internal error…"),
 * Jakarta Mail's `AuthenticationFailedException: [LOGIN-DELAY] …` and `AuthenticationFailedException: Read
 * timed out`, Mail::POP3Client's "Cannot retrieve message 99: Bad return from RETR: There's no message 99.",
 * a Java `IOException: Unexpected response: * OK [CAPABILITY IMAP4rev1 …]`. The words before the colon say
 * which step failed; what follows it says why, when an entry knows it.
 */

/** One clause after a colon: where it starts in the line, its text, and what the program wrote after it. */
interface Tail {
  start: number;
  text: string;
  /** Where the program says it reported the error, after what it carries (see REPORTED_AT). */
  after: string;
}

// ": " and the fullwidth colon; a colon inside a time (12:30:01), a URL (pop://) or a port (host:110) is none.
const CLAUSE_COLON = /[:：]\s+/g;
const MIN_TAIL_CHARS = 6;
/** The server's words after a program's colon count when they are most of the clause, not a word or two of it. */
const TAIL_COVERAGE = 0.6;

// The program's own words after what it carries: Ruby's exception class (" (Net::POPAuthenticationError)"),
// PHP's " (errflg=2) in Unknown on line 0", Perl's " at /path/x.pl line 10.".
const REPORTED_AT =
  /(?:\s+\((?:[A-Z]\w*::)*[A-Z]\w*(?:Error|Exception)\)|\s+\(errflg=\d+\)(?: in \S+ on line \d+)?|\s+at \S+ line \d+\.?)$/;

/** The clauses after each colon of the line, the innermost (last) first. */
function tailsOf(line: string): Tail[] {
  const tails: Tail[] = [];
  for (const m of line.matchAll(CLAUSE_COLON)) {
    const start = (m.index ?? 0) + m[0].length;
    const whole = line.slice(start).trim();
    const after = REPORTED_AT.exec(whole)?.[0] ?? '';
    const text = whole.slice(0, whole.length - after.length);
    if (text.length >= MIN_TAIL_CHARS && /\p{L}/u.test(text)) tails.push({ start, text, after });
  }
  return tails.reverse();
}

/** The program's words around a carried clause, identifiers split into words (`check_response_auth`). */
function wordsAround(line: string, tail: Tail): string {
  return `${line.slice(0, tail.start)} ${tail.after}`
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}

// A verb in capitals among a program's words is the command it sent ("Bad return from RETR:"); a few
// libraries name the step in words instead.
const VERB_WORD = new RegExp(String.raw`\b(${POP_VERB_ALTERNATION})\b`);
const STEP_WORDS: readonly { verb: string; re: RegExp }[] = [
  { verb: 'RETR', re: /\b(?:retriev(?:e|ing)|fetch(?:ing)?|download(?:ing)?) (?:the )?message\b/i },
  { verb: 'DELE', re: /\bdelet(?:e|ing) (?:the )?message\b/i },
  // The login step, whichever command it used (USER/PASS here: a wording for one AUTH mechanism stays out).
  {
    verb: 'PASS',
    re: /\b(?:log ?in|logon|sign in|auth|authenticat\w*|authentification|identification)\b|đăng nhập|dang nhap/iu,
  },
  // Opening a mailbox that the program names by a POP URL (GNU Mailutils' "could not open mailbox
  // `pop://…': …", « impossible d'ouvrir la boîte aux lettres « pop://… » », "không thể mở hộp thư “pop://…”"):
  // the program opens a remote mailbox by connecting and logging in, and the maildrop is opened by PASS
  // (RFC 1939 §7), so what it carries answered the login. A mailbox named by a path is the program's own file.
  {
    verb: 'PASS',
    re: /\b(?:open(?:ing)?|ouvrir)\b.{0,40}\b(?:mail ?box|bo[iî]te aux lettres)\b.{0,6}\bpops?:\/\/|mở hộp thư.{0,6}\bpops?:\/\//iu,
  },
];

/** The command a program's words before a colon say it sent, if they say. */
function stepBefore(words: string): CommandInfo | undefined {
  const verb =
    commandNamedBy(words)?.verb ??
    VERB_WORD.exec(words)?.[1] ??
    STEP_WORDS.find((s) => s.re.test(words))?.verb;
  const command = verb ? popCommand(verb) : undefined;
  if (!verb || !command) return undefined;
  return { verb, hasArgs: true, display: verb, state: command.states[0] };
}

/**
 * Whether a wording proves its category where the command it answered is not shown. One written only for an
 * AUTH mechanism (a refused XOAUTH2 token's "Authentication failed") does not: the same words answer every
 * other login. One written for several commands of a kind ("There's no message 7" to RETR, TOP, DELE…) does.
 */
export function provesWithoutCommand(entry: CompiledEntry): boolean {
  return entry.commands.length === 0 || !entry.commands.every((spec) => spec.args === 'first');
}

const known = (m: Match | undefined, command: CommandInfo | undefined): m is Match =>
  m !== undefined &&
  m.entry.entry.category !== 'unknown' &&
  m.entry.entry.match.priority >= 0 &&
  (command !== undefined || provesWithoutCommand(m.entry));

export interface CarriedCause {
  match: Match;
  /** Where the carried text starts in the line: the words before it are the program's. */
  start: number;
  text: string;
  /** The program's words after it (an exception class, where it was reported). */
  after: string;
}

// A status word without its sign ("OK Logged in.") carried where a step failed: the library saw a reply that
// was neither +OK nor -ERR (RFC 1939 §3) and reported the step as failed.
const UNSIGNED_STATUS = /^(?:OK|ERR)\b(?![-/])/;

/** What one clause says, read as a server's reply, as another protocol's greeting, as a program's own error. */
function readTail(kb: KnowledgeBase, candidate: Candidate, tail: Tail, wrapped: boolean): Match | undefined {
  const command = stepBefore(wordsAround(candidate.line, tail));
  // Outside a message an entry knows, a clause is a reply only where the words before it name the POP step
  // it answered (or it carries its own response code): "…unlink(…) failed: Permission denied" is no reply.
  const replyShown = wrapped || command !== undefined;
  const base = { kind: 'server' as const, lineNumber: candidate.lineNumber, line: candidate.line };
  const asReply = withResponseCode({ ...base, text: tail.text, ...(command ? { command } : {}) });
  // An RFC 2449 code is the server's own mark: its entry, or the words after it, say what the server meant.
  if (asReply.responseCode) {
    const coded = bestMatch(kb, asReply);
    if (known(coded, command)) return coded;
  }
  const worded = replyShown ? bestMatch(kb, asReply, { wordingOnly: true }) : undefined;
  if (known(worded, command) && (worded.length ?? 0) >= matchText(asReply.text).length * TAIL_COVERAGE)
    return worded;
  if (replyShown && UNSIGNED_STATUS.test(tail.text)) {
    // The catch-all entry for replies that break the protocol is of low priority: the shape decides here.
    const broken = bestMatch(kb, { ...base, kind: 'reply', text: tail.text });
    if (broken && broken.entry.entry.category === 'server.protocol-error') return broken;
  }
  const greeting = quotedGreeting(tail.text) ?? quotedGreeting(`: ${tail.text}`);
  if (greeting !== undefined) {
    const other = bestMatch(kb, { ...base, kind: 'reply', text: greeting });
    if (known(other, command)) return other;
  }
  if (!wrapped) return undefined;
  const own = bestMatch(kb, { ...base, kind: 'client', text: tail.text });
  return known(own, command) ? own : undefined;
}

/**
 * The innermost clause after a colon that an entry explains, with where it starts. `wrapped`: an entry knows
 * the program's message around it; only then may it carry the program's own error ("…Exception: Read timed
 * out") or a reply whose step it does not name — client wordings anchored at a line's start ("^permission
 * denied") would otherwise fire on the end of any sentence.
 */
export function carriedCause(
  kb: KnowledgeBase,
  candidate: Candidate,
  wrapped = true,
): CarriedCause | undefined {
  for (const tail of tailsOf(candidate.line)) {
    const match = readTail(kb, candidate, tail, wrapped);
    if (match) return { match, start: tail.start, text: tail.text, after: tail.after };
  }
  return undefined;
}

/**
 * Whether an entry that explains a whole line explains only the program's words before what they carry: the
 * same entry matches the program's words around the carried text alone ("AuthenticationFailedException" is
 * the class of every refused login, whatever the server said).
 */
export function explainsOnlyTheWrapper(
  kb: KnowledgeBase,
  candidate: Candidate,
  wrapper: Match,
  carried: CarriedCause,
): boolean {
  const around = `${candidate.line.slice(0, carried.start)} ${carried.after}`;
  const alone = bestMatch(kb, { ...candidate, kind: 'client', text: around });
  return alone?.entry.entry.id === wrapper.entry.entry.id;
}
