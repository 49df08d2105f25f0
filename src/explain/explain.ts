import { core } from '../i18n/core-messages.js';
import type { Lang } from '../i18n/lang.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { CompiledEntry } from '../knowledge/load.js';
import { maskSecrets } from '../secrets/index.js';
import { defaultKnowledgeBase } from '../knowledge/load.js';
import { detectLanguage } from './language.js';
import { cleanPaste, unflatten } from './paste-cleanup.js';
import { bestMatch, matchText, UNKNOWN_ENTRY_ID } from './match.js';
import { type Candidate, displayLine, SessionTracker, showsClientCommands } from './session.js';
import type { ExplainOptions, ExplainResult, ExplainWarning, Finding, FindingReference } from './types.js';

/** Larger pastes get a "too large" answer: a chat paste is far smaller, and logs go to `--summary`. */
export const MAX_INPUT_CHARS = 2 * 1024 * 1024;
export const MAX_LINES = 200_000;
/** A client message this close to a server reply of the same category repeats it (Outlook's dialog around -ERR). */
const ECHO_DISTANCE = 8;
const WRAP_DISTANCE = 2;

export function references(entry: CompiledEntry): FindingReference[] {
  return entry.entry.references.map((r) => ({
    label: `RFC ${r.rfc} §${r.section}`,
    url: `https://www.rfc-editor.org/rfc/rfc${r.rfc}#section-${r.section}`,
    ...(r.note ? { note: r.note } : {}),
  }));
}

export function findingFrom(
  candidate: Candidate,
  entry: CompiledEntry,
  confidence: number,
  lang: Lang,
): Finding {
  const text = entry.entry[lang];
  const finding: Finding = {
    category: entry.entry.category,
    entry: entry.entry.id,
    line: candidate.line,
    lineNumber: candidate.lineNumber,
    confidence,
    title: text.title,
    meaning: text.meaning,
    causes: [...text.causes],
    userSteps: [...text.userSteps],
    adminSteps: [...text.adminSteps],
    retry: entry.entry.retry,
    references: references(entry),
  };
  if (candidate.command) finding.command = candidate.command.display;
  if (candidate.state) finding.state = candidate.state;
  if (candidate.responseCode) finding.responseCode = candidate.responseCode;
  return finding;
}

/** Matches one candidate; server replies always get an answer (the unknown entry at worst). */
export function explainCandidate(
  kb: KnowledgeBase,
  candidate: Candidate,
): { entry: CompiledEntry; confidence: number } | undefined {
  if (candidate.prose) {
    // The program's own message may be documented as such (a JavaMail exception, a Gmail fetcher error);
    // else the reply it quotes is explained, but never as "unknown": prose is not proof of a POP error.
    const client = bestMatch(kb, { ...candidate, kind: 'client', text: candidate.line });
    if (client) return client;
    const server = bestMatch(kb, candidate);
    return server && server.entry.entry.category !== 'unknown' ? server : undefined;
  }
  const match = bestMatch(kb, candidate);
  if (match) return match;
  if (candidate.kind === 'client')
    return quotedServerWording(kb, candidate) ?? bareServerWording(kb, candidate);
  if (candidate.kind !== 'server') return undefined;
  const unknown = kb.entry(UNKNOWN_ENTRY_ID);
  return unknown ? { entry: unknown, confidence: 0.2 } : undefined;
}

// A server's wording quoted in prose without its -ERR: I get "Unable to lock mailbox" when ... Only specific
// wordings count here (no catch-all entry of negative priority): "Internal server error" quoted from a web
// page is no POP error.
const QUOTED = /["\u201c\u201e\u00ab]\s*([^"\u201c\u201d\u00ab\u00bb]{6,200}?)\s*["\u201d\u00bb]/g;
const QUOTED_CONFIDENCE = 0.75;
const HAS_QUOTE = /["\u201c\u201e\u00ab]/;

function quotedServerWording(
  kb: KnowledgeBase,
  candidate: Candidate,
): { entry: CompiledEntry; confidence: number } | undefined {
  if (!HAS_QUOTE.test(candidate.text)) return undefined;
  for (const m of candidate.text.matchAll(QUOTED)) {
    const match = bestMatch(kb, { ...candidate, kind: 'server', text: m[1] ?? '' }, { wordingOnly: true });
    if (match && match.entry.entry.category !== 'unknown') {
      return { entry: match.entry, confidence: Math.min(match.confidence, QUOTED_CONFIDENCE) };
    }
  }
  return undefined;
}

/**
 * A server's wording pasted alone, without its -ERR ("basic authentication is disabled"): explained when the
 * wording is most of the line, so a sentence that merely contains a few of its words is not taken for it.
 */
const BARE_WORDING_COVERAGE = 0.6;
const BARE_WORDING_CONFIDENCE = 0.6;

function bareServerWording(
  kb: KnowledgeBase,
  candidate: Candidate,
): { entry: CompiledEntry; confidence: number } | undefined {
  const match = bestMatch(kb, { ...candidate, kind: 'server' }, { wordingOnly: true });
  if (!match || match.entry.entry.category === 'unknown') return undefined;
  if ((match.length ?? 0) < matchText(candidate.text).length * BARE_WORDING_COVERAGE) return undefined;
  return { entry: match.entry, confidence: Math.min(match.confidence, BARE_WORDING_CONFIDENCE) };
}

const MAX_WRAPPED_LINES = 2;

/** The wrapped lines before `last`, joined with it, when that reads as a message an entry explains. */
function joinWrapped(
  kb: KnowledgeBase,
  before: readonly Candidate[],
  last: Candidate,
): { candidate: Candidate; match: { entry: CompiledEntry; confidence: number } } | undefined {
  for (let start = before.length - 1; start >= 0; start--) {
    const parts = [...before.slice(start), last];
    // Only consecutive lines: a blank or explained line between them ends a wrapped message.
    if (parts.some((p, i) => i > 0 && p.lineNumber !== (parts[i - 1]?.lineNumber ?? 0) + 1)) continue;
    const first = parts[0]!;
    const candidate: Candidate = {
      kind: 'client',
      lineNumber: first.lineNumber,
      line: '',
      text: parts.map((p) => p.text).join(' '),
    };
    const match = bestMatch(kb, candidate);
    if (match)
      return { candidate: { ...candidate, line: displayLine(parts.map((p) => p.line).join(' ')) }, match };
  }
  return undefined;
}

/**
 * Drops findings that repeat one already made: a client message next to a server reply of the same category
 * (Outlook's dialog around the -ERR it quotes, curl's "Login denied" after the -ERR), and a reply quoted again
 * without its command (a Python traceback repeating the -ERR it raised).
 */
function dropEchoes(
  findings: Finding[],
  kinds: Map<Finding, Candidate['kind']>,
  quoted: Set<Finding>,
): Finding[] {
  const kept: Finding[] = [];
  const near = (a: Finding, b: Finding) => Math.abs(a.lineNumber - b.lineNumber) <= ECHO_DISTANCE;
  const server = findings.filter((f) => kinds.get(f) === 'server');
  for (const f of findings) {
    const kind = kinds.get(f);
    // A program's message right beside the -ERR it received wraps that reply (Outlook's 0x800CCC90 around
    // "The server responded: -ERR ..."): the reply says more.
    const wraps = (s: Finding) => Math.abs(s.lineNumber - f.lineNumber) <= WRAP_DISTANCE;
    if (kind === 'client' && server.some((s) => (s.category === f.category && near(s, f)) || wraps(s)))
      continue;
    if (quoted.has(f) && kept.some((k) => k.entry === f.entry && near(k, f))) continue;
    // The same message again a few lines on (a retry, the code on its own line under its dialog) adds nothing.
    const repeats = (k: Finding) =>
      kinds.get(k) === 'client' &&
      ((k.entry === f.entry && near(k, f)) || (k.category === f.category && wraps(k)));
    if (kind === 'client' && kept.some(repeats)) continue;
    kept.push(f);
  }
  return kept;
}

/** The size of a paste, for "too large" answers. */
export function formatSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(chars / 1024)} KiB`;
}

/**
 * Finds every POP error in a paste (a -ERR line, a transcript of any common shape, a mail program's error
 * dialog) and explains each in `lang`, using the command each reply answered. Pure: no I/O.
 */
export function explain(
  input: string,
  options: ExplainOptions = {},
  kb: KnowledgeBase = defaultKnowledgeBase(),
): ExplainResult {
  const lang: Lang = options.lang ?? detectLanguage(input) ?? options.fallbackLang ?? 'en';
  const warnings: ExplainWarning[] = [];
  const done = (
    outcome: ExplainResult['outcome'],
    params?: Record<string, string | number>,
  ): ExplainResult => ({
    lang,
    outcome,
    message: core.t(lang, `outcome.${outcome}` as 'outcome.empty', params),
    findings: [],
    warnings,
  });

  if (input.trim() === '') return done('empty');
  if (input.length > MAX_INPUT_CHARS) return done('too-large', { size: formatSize(input.length) });

  const { text: cleaned, controls } = cleanPaste(input);
  // The secrets pass reads the whole paste before anything cuts, splits or shows a line of it.
  const { text, found: secretFound } = maskSecrets(cleaned);
  if (controls > input.length * 0.1) {
    warnings.push({ code: 'input.binary', message: core.t(lang, 'warning.input.binary') });
  }

  let lines = text.split(/\r\n|\r|\n/);
  if (lines.length > MAX_LINES) {
    lines = lines.slice(0, MAX_LINES);
    warnings.push({
      code: 'input.truncated',
      message: core.t(lang, 'warning.input.truncated', { lines: MAX_LINES }),
    });
  }

  const tracker = new SessionTracker({ hasClientCommands: showsClientCommands(lines) });
  const findings: Finding[] = [];
  const kinds = new Map<Finding, Candidate['kind']>();
  const quoted = new Set<Finding>();
  // Free-text lines no entry explains, kept while they run on: a dialog copied from a window or a screenshot
  // arrives wrapped, and its message may only be recognisable across the break.
  let unexplained: Candidate[] = [];
  const parts = lines.flatMap((line, i) => unflatten(line).map((part) => ({ part, lineNumber: i + 1 })));
  for (const { part, lineNumber } of parts) {
    const { candidate: lineCandidate } = tracker.next(part, lineNumber);
    if (!lineCandidate) {
      unexplained = [];
      continue;
    }
    let candidate = lineCandidate;
    let match = explainCandidate(kb, candidate);
    if (!match && candidate.kind === 'client') {
      const joined = joinWrapped(kb, unexplained, candidate);
      if (joined) {
        ({ candidate, match } = joined);
        unexplained = [];
      } else {
        unexplained = [...unexplained, candidate].slice(-(MAX_WRAPPED_LINES - 1));
        continue;
      }
    }
    if (!match) continue;
    unexplained = [];
    const finding = findingFrom(candidate, match.entry, match.confidence, lang);
    kinds.set(finding, candidate.kind);
    if (candidate.quoted) quoted.add(finding);
    findings.push(finding);
  }

  if (secretFound || tracker.secretFound) {
    warnings.unshift({ code: 'secret.exposed', message: core.t(lang, 'warning.secret.exposed') });
  }
  const kept = dropEchoes(findings, kinds, quoted);
  if (kept.length > 0) return { lang, outcome: 'errors', findings: kept, warnings };
  return done(tracker.sawPop ? 'no-error' : 'not-pop');
}
