import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Candidate } from './candidate.js';
import { FALLBACK_MAX_CONFIDENCE, type FallbackClassifier } from './extensions.js';
import { type Explained, interpret } from './interpret.js';
import { bestMatch, matchText, UNKNOWN_ENTRY_ID } from './match.js';
import { foldAccents } from './normalize.js';
import { quotesToReadAlone } from './prose/quoted-alone.js';
import { applyClientLineRules } from './rules/client-line-rules.js';
import { applyRules, PRIOR_RULES, type RuleFacts, type SessionRule } from './rules/session-rules.js';
import type { SentCommand, SessionView } from './session/session-view.js';
import type { FindingData, FindingEvidence, SessionState } from './types.js';

/**
 * Decides what one candidate line means: the reasoning rules over the session first (where the session
 * shows the cause, it outranks a generic wording), then the knowledge entries, then the free-text fallback.
 */

const RULE_CONFIDENCE = 0.9;

export interface DecideContext {
  kb: KnowledgeBase;
  /** The command the line answers, as sent (for the rules). */
  sent?: SentCommand;
  session: SessionView;
  fallback?: FallbackClassifier;
}

// A refusal's category tells the state where a paste that starts mid-session does not: only a session in
// UPDATE removes messages, only one in TRANSACTION reads them (RFC 1939 §5, §6).
const STATE_OF_AREA: Readonly<Record<string, SessionState>> = { update: 'UPDATE', message: 'TRANSACTION' };

function evidenceOf(candidate: Candidate, category: string): FindingEvidence {
  const command = candidate.command;
  const state = candidate.state ?? (command ? STATE_OF_AREA[category.split('.')[0] ?? ''] : undefined);
  return {
    lineNumber: candidate.lineNumber,
    line: candidate.line,
    ...(command ? { command: command.display } : {}),
    ...(command?.lineNumber !== undefined ? { commandLine: command.lineNumber } : {}),
    ...(state ? { state } : {}),
    ...(candidate.responseCode ? { responseCode: candidate.responseCode } : {}),
    basis: 'unknown',
  };
}

function fromExplained(candidate: Candidate, explained: Explained): FindingData {
  const category = explained.entry.entry.category;
  return {
    category,
    entry: explained.entry.entry.id,
    confidence: explained.confidence,
    evidence: {
      ...evidenceOf(candidate, category),
      basis: explained.basis,
      ...(explained.words !== undefined ? { words: [explained.words] } : {}),
    },
  };
}

function byRule(candidate: Candidate, explained: Explained | undefined, context: DecideContext) {
  const { sent, session, kb } = context;
  // A quoted reply has a command only where its program named the step (the session machine's pairing).
  if (candidate.kind !== 'server' || !sent || sent.verb === 'GREETING') return undefined;
  const wording = explained && explained.basis !== 'unknown' ? explained.entry.entry.category : undefined;
  const verdict = applyRules({
    sent,
    session,
    ...(wording ? { wording } : {}),
    ...(candidate.text.trim() === '' ? { wordless: true as const } : {}),
    reply: candidate.text,
  });
  if (!verdict) return undefined;
  const { rule, facts } = verdict;
  const wordingOnly = explained?.basis === 'wording' || explained?.basis === 'response-code';
  if (wording && wordingOnly && !rule.outranks.includes(wording)) return undefined;
  // The wording (or a bare entry for this very command) already says what the rule concludes: its entry is the
  // more specific one; the rule says why.
  const specific = explained?.basis === 'wording' || explained?.basis === 'command';
  const keep = wording === rule.category && specific ? explained : undefined;
  const entry = keep?.entry ?? kb.entry(rule.entryFor?.[sent.verb] ?? rule.entry) ?? explained?.entry;
  if (!entry) return undefined;
  const finding: FindingData = {
    category: rule.category,
    entry: entry.entry.id,
    confidence: Math.max(RULE_CONFIDENCE, keep?.confidence ?? 0),
    evidence: {
      ...evidenceOf(candidate, rule.category),
      basis: 'rule',
      rule: { id: rule.id, references: rule.references, facts },
      ...(keep?.words !== undefined ? { words: [keep.words] } : {}),
    },
  };
  return finding;
}

/** A client's own message read against the session (client-line-rules.ts): the rule's category, the entry's words. */
function byClientRule(
  candidate: Candidate,
  explained: Explained | undefined,
  context: DecideContext,
  wording = explained?.basis === 'wording' ? explained.entry.entry.category : undefined,
) {
  if (candidate.kind !== 'client' || candidate.prose || wording === undefined) return undefined;
  const verdict = applyClientLineRules({ session: context.session, wording });
  const entry = verdict && context.kb.entry(verdict.rule.entry);
  if (!verdict || !entry) return undefined;
  const words = explained?.words !== undefined ? [explained.words] : undefined;
  return ruleFinding(candidate, verdict.rule, verdict.facts, entry.entry.id, words);
}

/** A rule's conclusion as a finding: its category, its "because" facts, the entry whose advice it carries. */
function ruleFinding(
  candidate: Candidate,
  rule: Pick<SessionRule, 'id' | 'category' | 'references'>,
  facts: RuleFacts,
  entry: string,
  words: readonly string[] | undefined,
): FindingData {
  return {
    category: rule.category,
    entry,
    confidence: RULE_CONFIDENCE,
    evidence: {
      ...evidenceOf(candidate, rule.category),
      basis: 'rule',
      rule: { id: rule.id, references: rule.references, facts },
      ...(words !== undefined ? { words: [...words] } : {}),
    },
  };
}

/** The free-text fallback's verdict on a line no entry explained, as a finding. */
export function byFallback(candidate: Candidate, context: DecideContext): FindingData | undefined {
  if (!context.fallback || candidate.kind === 'reply') return undefined;
  // What a program's message quotes after "…Exception:" or "command failed:" may be no server's reply at all
  // ("java.net.ConnectException: Connection refused"): its whole line is read as the program's message.
  const kind = candidate.prose ? 'client' : candidate.kind === 'log' ? 'log' : candidate.kind;
  const read = (text: string) =>
    context.fallback?.({
      kind,
      text,
      ...(candidate.command ? { verb: candidate.command.verb } : {}),
      ...(candidate.log ? { log: candidate.log } : {}),
    });
  const verdict =
    read(candidate.prose ? candidate.line : (candidate.log?.message ?? candidate.text)) ??
    (candidate.kind === 'client' && !candidate.prose ? readQuoted(candidate.text, read) : undefined);
  if (!verdict || !context.kb.category(verdict.category)) return undefined;
  // What the words say is read against the session like a documented wording.
  const ruled = byClientRule(candidate, undefined, context, verdict.category);
  if (ruled) return ruled;
  const entry = verdict.entry && context.kb.entry(verdict.entry) ? verdict.entry : UNKNOWN_ENTRY_ID;
  return {
    category: verdict.category,
    entry,
    confidence: Math.min(verdict.confidence, FALLBACK_MAX_CONFIDENCE),
    evidence: {
      ...evidenceOf(candidate, verdict.category),
      basis: 'fallback',
      words: verdict.words,
      ...(verdict.frame ? { frame: verdict.frame } : {}),
    },
  };
}

/**
 * A program's message a person quotes in a sentence of their own, read alone: the sentence around it ("Je
 * lance movemail depuis cron et ça ne marche plus : « … »") is a question, not the error. Only a quote that
 * names POP, or one in a sentence about receiving mail, is read so (prose/quoted-alone.ts).
 */
function readQuoted(
  text: string,
  read: (text: string) => ReturnType<FallbackClassifier> | undefined,
): ReturnType<FallbackClassifier> | undefined {
  for (const quoted of quotesToReadAlone(text)) {
    const verdict = read(quoted);
    if (verdict) return verdict;
  }
  return undefined;
}

/** The fallback's reading of the words that may overrule a response code or a bare context entry. */
const OVERRULE_CONFIDENCE = 0.45;

function overrules(explained: Explained, words: FindingData, candidate: Candidate): boolean {
  return (
    words.category !== explained.entry.entry.category &&
    words.confidence >= OVERRULE_CONFIDENCE &&
    inReply(explained.carried ?? candidate.text, words)
  );
}

/**
 * Only words that reach into the reply may overrule its response code: a program's words around a quoted
 * reply ("jakarta.mail.AuthenticationFailedException: [LOGIN-DELAY] …") name the step that failed, not why;
 * they may still help the reply's own words ("Error sending password: -ERR [AUTH] Authentication failed.").
 * The reply is the text the program's message carried, when that explained it (NeoMutt's "Login failed PASS:
 * [LOGIN-DELAY] …"), else the candidate's.
 */
function inReply(text: string, words: FindingData): boolean {
  // The response code is not the reply's words ("[LOGIN-DELAY]" holds "login").
  const reply = foldAccents(text.replace(/^\[[^\]]*\]\s*/, '')).toLowerCase();
  return (words.evidence.words ?? []).some((w) => reply.includes(foldAccents(w).toLowerCase()));
}

// A server's general refusal of a login, then its cause after a colon ("Authentication failed: Invalid token",
// "Authentication failed: User <bob@example.com> doesn't exist"): the words before the colon name the step.
const CAUSE_AFTER_COLON = /^[^:]{4,60}:\s+(\S.{4,})$/;
const EITHER_OR = /\b(?:or|ou|hoặc)\b/i;
const specificLogin = (category: string) => category.startsWith('auth.') && category !== 'auth.failed';

/** The cause a general login refusal names after its colon, when an entry or the fallback reads it as one. */
function namedLoginCause(
  candidate: Candidate,
  explained: Explained,
  context: DecideContext,
): FindingData | undefined {
  if (candidate.kind !== 'server' || explained.basis !== 'wording') return undefined;
  if (explained.entry.entry.category !== 'auth.failed') return undefined;
  const cause = CAUSE_AFTER_COLON.exec(candidate.text)?.[1];
  // A cause of two alternatives ("unknown user name or bad password") decides neither.
  if (cause === undefined || EITHER_OR.test(cause)) return undefined;
  const part: Candidate = { ...candidate, text: cause };
  const known = bestMatch(context.kb, part, { wordingOnly: true });
  if (
    known &&
    specificLogin(known.entry.entry.category) &&
    (known.length ?? 0) >= matchText(cause).length * 0.6
  )
    return fromExplained(candidate, { entry: known.entry, confidence: known.confidence, basis: 'wording' });
  const words = byFallback(part, context);
  return words && specificLogin(words.category) && words.confidence >= OVERRULE_CONFIDENCE
    ? words
    : undefined;
}

/**
 * The finding a candidate holds, or undefined. `fallback: false` leaves free text no entry knows for the
 * caller (which may first join it with the lines it was wrapped from).
 */
export function decide(
  candidate: Candidate,
  context: DecideContext,
  fallback = true,
): FindingData | undefined {
  const found = decideWords(candidate, context, fallback);
  return byCommandPrior(candidate, found, context) ?? found;
}

/**
 * The command a reply answers as the deciding prior where its words are generic or impossible for it
 * (PRIOR_RULES: a refused RETR after the login is about its message, message words at the login about the
 * maildrop), over the reading of the words, the fallback's too.
 */
function byCommandPrior(
  candidate: Candidate,
  found: FindingData | undefined,
  context: DecideContext,
): FindingData | undefined {
  const { sent, session, kb } = context;
  if (candidate.kind !== 'server' || !sent || found?.evidence.basis === 'rule') return undefined;
  const basis = found?.evidence.basis;
  const verdict = applyRules(
    {
      sent,
      session,
      wording: found?.category ?? 'unknown',
      generic: basis === 'response-code' || basis === 'fallback',
      ...(candidate.text.trim() === '' ? { wordless: true as const } : {}),
    },
    PRIOR_RULES,
  );
  const entry = verdict && kb.entry(verdict.rule.entry);
  if (!verdict || !entry) return undefined;
  return ruleFinding(candidate, verdict.rule, verdict.facts, entry.entry.id, found?.evidence.words);
}

function decideWords(
  candidate: Candidate,
  context: DecideContext,
  fallback: boolean,
): FindingData | undefined {
  const explained = interpret(context.kb, candidate);
  const ruled = byRule(candidate, explained, context) ?? byClientRule(candidate, explained, context);
  if (ruled) return ruled;
  // A bare entry knows only the command; words the fallback can read say more.
  const wordless = explained?.basis === 'command' && candidate.text.trim() === '';
  if (explained && explained.basis !== 'unknown' && (explained.basis !== 'command' || wordless)) {
    // Meaning over wording: a response code alone says less than words that name a more specific cause
    // ("[SYS/PERM] pop not allowed for user" is POP switched off, not "a permanent problem").
    if (explained.basis === 'response-code' && explained.entry.entry.match.priority >= 0) {
      const words = byFallback(candidate, context);
      if (words && overrules(explained, words, candidate)) return words;
    }
    return namedLoginCause(candidate, explained, context) ?? fromExplained(candidate, explained);
  }
  const guessed = fallback || candidate.kind === 'server' ? byFallback(candidate, context) : undefined;
  if (guessed) return guessed;
  return explained ? fromExplained(candidate, explained) : undefined;
}
