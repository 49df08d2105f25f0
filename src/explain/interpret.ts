import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { CompiledEntry } from '../knowledge/load.js';
import { type Candidate, withResponseCode } from './candidate.js';
import { foldAccents } from './normalize.js';
import { carriedCause, explainsOnlyTheWrapper, provesWithoutCommand } from './prose/carried-cause.js';
import { toldLoginDelay, toldStlsWithoutTls, toldStuckMessage } from './prose/described-rules.js';
import { quotesToReadAlone } from './prose/quoted-alone.js';
import { findQuotedErrors } from './prose/quoted-errors.js';
import { entryForEvent } from './server-log/events.js';
import { parseServerLogLine } from './server-log/parse.js';
import { bestMatch, type Match, matchText, UNKNOWN_ENTRY_ID } from './match.js';

/**
 * Which knowledge entry explains one candidate line, from its words and the command it answered: a
 * documented wording, a response code, the command alone (bare entries), a wording quoted in prose. Server
 * replies always get an answer (the unknown entry at worst); free text only when an entry knows it.
 */

export interface Explained {
  entry: CompiledEntry;
  confidence: number;
  basis: Match['basis'] | 'unknown';
  words?: string;
  /** The reply a program's message carried, when that is what explained it (not the whole line). */
  carried?: string;
}

const UNKNOWN_CONFIDENCE = 0.2;
/** A log line explained by the event its parser read (server, process, what happened), not by a pattern. */
const LOG_EVENT_CONFIDENCE = 0.85;
// A server's wording quoted in prose without its -ERR: I get "Unable to lock mailbox" when ... Only specific
// wordings count here (no catch-all entry of negative priority): "Internal server error" quoted from a web
// page is no POP error.
const QUOTED_CONFIDENCE = 0.75;
/**
 * A server's wording pasted alone, without its -ERR ("basic authentication is disabled"): explained when the
 * wording is most of the line, so a sentence that merely contains a few of its words is not taken for it.
 */
const BARE_WORDING_COVERAGE = 0.6;
const BARE_WORDING_CONFIDENCE = 0.6;

// The words with which a program says the server itself sent what follows (en/fr/vi, accents folded).
const SERVER_SAID =
  /\b(?:responded|replied|server response|a repondu|reponse du serveur|da tra loi|da phan hoi|phan hoi cua may chu)\b/;

const known = (m: Match | undefined): m is Match => m !== undefined && m.entry.entry.category !== 'unknown';

function explained(m: Match, cap = 1): Explained {
  return {
    entry: m.entry,
    confidence: Math.min(m.confidence, cap),
    basis: m.entry.entry.category === 'unknown' ? 'unknown' : m.basis,
    ...(m.words !== undefined ? { words: m.words } : {}),
  };
}

/** A server's wording in a text quoted without its -ERR; a wording written for one AUTH mechanism proves
 * nothing in a quote that shows no command. */
function serverWordingIn(kb: KnowledgeBase, candidate: Candidate, text: string): Explained | undefined {
  const match = bestMatch(kb, withResponseCode({ ...candidate, kind: 'server', text }), {
    wordingOnly: true,
  });
  return known(match) && (candidate.command !== undefined || provesWithoutCommand(match.entry))
    ? explained(match, QUOTED_CONFIDENCE)
    : undefined;
}

function quotedServerWording(kb: KnowledgeBase, candidate: Candidate): Explained | undefined {
  // Quoted in « », “ ”, '…', `…`, after "Error:", "báo:", "a répondu :", on a stack trace's exception line.
  for (const quoted of findQuotedErrors(candidate.text)) {
    if (quoted.how === 'reply') continue;
    // A text a program writes is read as that program's first, as it is when pasted alone (Sylpheed's
    // "Session timed out." is the client giving up, not a server's -ERR of the same words).
    const own = bestMatch(kb, { ...candidate, kind: 'client', text: quoted.text }, { wordingOnly: true });
    if (known(own) && matchCovers(own, quoted.text))
      return beyondTheWrapper(kb, candidate, quoted.text, explained(own, QUOTED_CONFIDENCE));
    const found = serverWordingIn(kb, candidate, quoted.text);
    if (found) return beyondTheWrapper(kb, candidate, quoted.text, found);
  }
  return undefined;
}

/** Whether a wording is most of the text it was found in, not a few words of a longer one. */
function matchCovers(match: Match, text: string): boolean {
  return (match.length ?? 0) >= matchText(text).length * BARE_WORDING_COVERAGE;
}

/**
 * A mail program's message quoted in a sentence about mail, matched as that program's line: the sentence
 * around it ("My mail client says: Write fault!", « J'ai ce message : movemail: impossible de verrouiller … »)
 * hides the start of line a program's wording is written for.
 */
function quotedProgramWording(kb: KnowledgeBase, candidate: Candidate): Explained | undefined {
  // A server's log line after a question is read by the log parser (logLineInProse), not as a message.
  if (SYSLOG_TIME_INSIDE.test(candidate.line)) return undefined;
  for (const text of quotesToReadAlone(candidate.text)) {
    const found = programWording(kb, candidate, text);
    if (found) return beyondTheWrapper(kb, candidate, text, found);
  }
  return undefined;
}

function programWording(kb: KnowledgeBase, candidate: Candidate, text: string): Explained | undefined {
  const match = bestMatch(kb, { ...candidate, kind: 'client', text }, { wordingOnly: true });
  if (known(match)) return explained(match, QUOTED_CONFIDENCE);
  // What follows the asker's colon may be a server's reply without its -ERR ("web login required").
  return serverWordingIn(kb, candidate, text);
}

/**
 * A program's message whose words explain only its frame yields to what it carries after them, as one
 * explained by a client entry does (withCarriedCause): GNU Mailutils' "could not open mailbox `pop://…':
 * Authentication failed" is a mailbox that could not be opened whatever the reason, and the reason follows.
 */
function beyondTheWrapper(
  kb: KnowledgeBase,
  candidate: Candidate,
  text: string,
  found: Explained,
): Explained {
  const carried = carriedCause(kb, candidate);
  if (!carried || carried.match.entry.entry.category === found.entry.entry.category) return found;
  // A message quoted in a sentence ends where its quote closes: the carried clause runs on to the quote mark.
  const tail = (carried.text + carried.after).replace(CLOSING_QUOTE, '').trimEnd();
  const at = text.lastIndexOf(tail);
  if (at <= 0) return found;
  const wrapper = programWording(kb, candidate, text.slice(0, at));
  return wrapper?.entry.entry.id === found.entry.entry.id
    ? { ...explained(carried.match, QUOTED_CONFIDENCE), carried: carried.text }
    : found;
}

/**
 * A program's message explained by its own words (a library's exception class, a script's "Cannot log in")
 * yields to what it carries after them when an entry knows that and it says something else: the class or
 * the step is the same for every refusal, the carried reply or error is the reason.
 */
function withCarriedCause(kb: KnowledgeBase, candidate: Candidate, own: Match): Explained {
  const carried = carriedCause(kb, candidate);
  if (
    carried &&
    carried.match.entry.entry.category !== own.entry.entry.category &&
    explainsOnlyTheWrapper(kb, candidate, own, carried)
  )
    return { ...explained(carried.match, QUOTED_CONFIDENCE), carried: carried.text };
  return explained(own);
}

function carriedOnly(kb: KnowledgeBase, candidate: Candidate): Explained | undefined {
  const carried = carriedCause(kb, candidate, false);
  return carried ? { ...explained(carried.match, QUOTED_CONFIDENCE), carried: carried.text } : undefined;
}

function bareServerWording(kb: KnowledgeBase, candidate: Candidate): Explained | undefined {
  const match = bestMatch(kb, { ...candidate, kind: 'server' }, { wordingOnly: true });
  if (!known(match)) return undefined;
  if ((match.length ?? 0) < matchText(candidate.text).length * BARE_WORDING_COVERAGE) return undefined;
  return explained(match, BARE_WORDING_CONFIDENCE);
}

// A syslog line pasted after a question on the same line ("What does this mean? Dec 07 03:02:45 pop3-login: …"),
// or quoted there ("… nghĩa là gì vậy? \"Dec 07 02:49:27 master: …\"").
const SYSLOG_TIME_INSIDE = /[\s"'`\u201c\u00ab(](?=[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d \S)/;
const CLOSING_QUOTE = /["'`\u201d\u00bb)]+\s*$/;

function loggedEvent(
  kb: KnowledgeBase,
  line: string,
  confidence = LOG_EVENT_CONFIDENCE,
): Explained | undefined {
  const event = parseServerLogLine(line);
  const id = event ? entryForEvent(event) : undefined;
  const entry = id ? kb.entry(id) : undefined;
  return entry ? { entry, confidence, basis: 'wording' } : undefined;
}

function logLineInProse(kb: KnowledgeBase, candidate: Candidate): Explained | undefined {
  const at = SYSLOG_TIME_INSIDE.exec(candidate.line);
  if (!at) return undefined;
  let logged = candidate.line.slice(at.index + 1);
  // A closing quote is no part of the line it closes.
  if (at[0] !== ' ' && at[0] !== '\t') logged = logged.replace(CLOSING_QUOTE, '');
  return loggedEvent(kb, logged, QUOTED_CONFIDENCE);
}

// A provider's rule told in words ("you're only allowed to fetch mails every 720 seconds"): as sure as a
// server's wording pasted alone, no more.
const TOLD_RULE_CONFIDENCE = BARE_WORDING_CONFIDENCE;
// A situation told in words (prose/described-rules.ts) and the entry that explains it.
const TOLD_RULES: readonly { read: (sentence: string) => string | undefined; entry: string }[] = [
  { read: toldLoginDelay, entry: 'login-delay-too-soon' },
  { read: toldStuckMessage, entry: 'message-cannot-be-read' },
  { read: toldStlsWithoutTls, entry: 'tls-support-not-available' },
];

function toldRule(kb: KnowledgeBase, candidate: Candidate): Explained | undefined {
  for (const told of TOLD_RULES) {
    const words = told.read(candidate.text);
    const entry = words !== undefined ? kb.entry(told.entry) : undefined;
    if (entry && words !== undefined)
      return { entry, confidence: TOLD_RULE_CONFIDENCE, basis: 'wording', words };
  }
  return undefined;
}

/** The entry that explains a candidate, or undefined (free text no entry knows). */
export function interpret(kb: KnowledgeBase, candidate: Candidate): Explained | undefined {
  if (candidate.prose) {
    // The program's own message may be documented as such (a JavaMail exception, a Gmail fetcher error);
    // else the reply it quotes is explained, but never as "unknown": prose is not proof of a POP error.
    // A reply with its RFC 2449 response code is the server's own: its words, when an entry knows them, say
    // why the step failed; the program's message around them ("La commande STAT a échoué") says which step.
    const server = bestMatch(kb, candidate);
    if (candidate.responseCode && known(server) && server.basis === 'wording') return explained(server);
    // A reply the program says the server sent ("Mail server X responded: Disconnected for inactivity."): its
    // own words, when an entry knows them, say more than the step the program guessed from its message.
    if (SERVER_SAID.test(foldAccents(candidate.line).toLowerCase())) {
      const { command: _guessed, ...unguessed } = candidate;
      const said = known(server) ? server : bestMatch(kb, unguessed);
      if (known(said) && said.basis === 'wording' && said.entry.entry.match.priority >= 0)
        return explained(said);
    }
    const client = bestMatch(kb, { ...candidate, kind: 'client', text: candidate.line });
    if (client) return withCarriedCause(kb, candidate, client);
    return known(server) ? explained(server) : carriedOnly(kb, candidate);
  }
  if (candidate.kind === 'log') {
    // A server log line: the log entries see its message; the client entries (which long held the log
    // wordings) the line as the transcript reader left it.
    const log = bestMatch(kb, { ...candidate, text: candidate.log?.message ?? candidate.text });
    const match = log ?? bestMatch(kb, { ...candidate, kind: 'client' });
    // The log parser knows the server, the process and the event: its entry outranks a wording of another
    // kind that happens to fit the message ("passwd-file …: open() failed" is no wrong password).
    const event = candidate.log?.entry ? kb.entry(candidate.log.entry) : undefined;
    const differs = (m: Match) => m.entry.entry.category !== event?.entry.category;
    // A log wording that only says a login failed yields to the parser's reading of which part was wrong.
    const vague = (m: Match) =>
      m.entry.entry.category === 'auth.failed' && event?.entry.category.startsWith('auth.');
    if (event && (!match || (differs(match) && (!match.entry.entry.id.startsWith('log-') || vague(match)))))
      return { entry: event, confidence: LOG_EVENT_CONFIDENCE, basis: 'wording' };
    return match ? explained(match) : undefined;
  }
  // A server's own log line that holds "Error: …" is read by the log parser, not as a reply it quotes
  // (Dovecot's "auth: Error: passwd-file …: open(…) failed" is no wrong password).
  const logged = candidate.quoted ? loggedEvent(kb, candidate.line) : undefined;
  if (logged) return logged;
  const match = bestMatch(kb, candidate);
  if (match) return candidate.kind === 'client' ? withCarriedCause(kb, candidate, match) : explained(match);
  if (candidate.kind === 'client')
    return (
      quotedServerWording(kb, candidate) ??
      quotedProgramWording(kb, candidate) ??
      carriedOnly(kb, candidate) ??
      bareServerWording(kb, candidate) ??
      logLineInProse(kb, candidate) ??
      toldRule(kb, candidate)
    );
  if (candidate.kind !== 'server') return undefined;
  const unknown = kb.entry(UNKNOWN_ENTRY_ID);
  return unknown ? { entry: unknown, confidence: UNKNOWN_CONFIDENCE, basis: 'unknown' } : undefined;
}
