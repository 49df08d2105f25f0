import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { defaultKnowledgeBase } from '../knowledge/load.js';
import { maskSecrets } from '../secrets/index.js';
import type { Candidate } from './candidate.js';
import { candidateOf } from './candidate.js';
import { concludeFromFacts } from './client-output/facts.js';
import { programStep } from './client-output/program-step.js';
import { type DecideContext, decide, byFallback } from './decide.js';
import { DEFAULT_EXTENSIONS } from './default-extensions.js';
import { dropEchoes, type Found } from './echoes.js';
import { groupRepeats } from './repeats.js';
import type { Extensions } from './extensions.js';
import { detectLanguage } from './language.js';
import { displayLine, MAX_LINE_CHARS } from './lines/display.js';
import { parseCommand } from './lines/command-line.js';
import { lineShape } from './line-shape.js';
import { cleanPaste, unflatten } from './paste-cleanup.js';
import { SessionMachine } from './session/session-machine.js';
import type { Analysis, FindingData, WarningCode } from './types.js';

/**
 * Finds every POP error in a paste (a -ERR line, a transcript of any common shape, a mail program's error
 * dialog, a server log) and says what each is, as data: entry ids and evidence, no words of any language.
 * Pure: no I/O.
 */

/** Larger pastes get a "too large" answer: a chat paste is far smaller, and logs go to `--summary`. */
export const MAX_INPUT_CHARS = 2 * 1024 * 1024;
export const MAX_LINES = 200_000;
const MAX_WRAPPED_LINES = 2;
/** Findings in one answer; past it, a `findings.capped` warning says how many more there were. */
export const MAX_FINDINGS = 50;
const BINARY_SHARE = 0.1;

export interface AnalyseOptions {
  extensions?: Extensions;
}

/** Cheap pre-scan: does the input show client commands at all (then a first reply is a greeting)? */
export function showsClientCommands(lines: readonly string[]): boolean {
  let seen = 0;
  for (const full of lines) {
    const shape = lineShape(full.length > MAX_LINE_CHARS ? full.slice(0, MAX_LINE_CHARS) : full);
    if (shape.role === 'server') continue;
    if (parseCommand(shape.content, shape.explicit && shape.role === 'client')) return true;
    if (++seen > 5000) break;
  }
  return false;
}

/** The wrapped lines before `last`, joined with it, when that reads as a message an entry explains. */
function joinWrapped(
  before: readonly Candidate[],
  last: Candidate,
  context: DecideContext,
): { candidate: Candidate; finding: FindingData } | undefined {
  for (let start = before.length - 1; start >= 0; start--) {
    const parts = [...before.slice(start), last];
    // Only consecutive lines: a blank or explained line between them ends a wrapped message.
    if (parts.some((p, i) => i > 0 && p.lineNumber !== (parts[i - 1]?.lineNumber ?? 0) + 1)) continue;
    const first = parts[0]!;
    const candidate: Candidate = {
      kind: 'client',
      lineNumber: first.lineNumber,
      line: displayLine(parts.map((p) => p.line).join(' ')),
      text: parts.map((p) => p.text).join(' '),
    };
    const finding = decide(candidate, context, false);
    if (finding) return { candidate, finding };
  }
  return undefined;
}

// What a client's output shows besides its message (the port and TLS setting it aimed with, nothing received,
// no greeting) proves a cause its message does not name; the entry that explains each cause.
const FACT_ENTRY: Readonly<Record<string, string>> = {
  'plain-to-tls-port': 'log-tls-wrong-port',
  'tls-to-plain-port': 'openssl-wrong-version-number',
  'eof-before-greeting': 'node-econnreset',
};
const FACT_CONFIDENCE = 0.8;

function factsFinding(lines: readonly string[], kb: KnowledgeBase): FindingData | undefined {
  const conclusion = concludeFromFacts(lines);
  const id = conclusion && FACT_ENTRY[conclusion.because[0] ?? ''];
  if (!conclusion || !id || !kb.entry(id)) return undefined;
  const line = lines[conclusion.lineNumber - 1] ?? '';
  return {
    category: conclusion.category,
    entry: id,
    confidence: FACT_CONFIDENCE,
    evidence: {
      lineNumber: conclusion.lineNumber,
      line: displayLine(line),
      basis: 'fallback',
      words: conclusion.evidence,
    },
  };
}

export function analyse(
  input: string,
  options: AnalyseOptions = {},
  kb: KnowledgeBase = defaultKnowledgeBase(),
): Analysis {
  const detected = detectLanguage(input);
  const base = { ...(detected ? { detectedLang: detected } : {}), inputChars: input.length };
  const warnings: WarningCode[] = [];
  if (input.trim() === '') return { ...base, outcome: 'empty', findings: [], warnings };
  if (input.length > MAX_INPUT_CHARS) return { ...base, outcome: 'too-large', findings: [], warnings };

  const { text: cleaned, controls } = cleanPaste(input);
  if (controls > input.length * BINARY_SHARE) warnings.push('input.binary');
  // The secrets pass reads the whole paste before anything cuts, splits, matches or shows a line of it.
  const { text, found: secretFound } = maskSecrets(cleaned);
  let lines = text.split(/\r\n|\r|\n/);
  if (lines.length > MAX_LINES) {
    lines = lines.slice(0, MAX_LINES);
    warnings.push('input.truncated');
  }

  const extensions = options.extensions ?? DEFAULT_EXTENSIONS;
  const step = programStep(lines);
  const machine = new SessionMachine({
    hasClientCommands: showsClientCommands(lines),
    serverLog: extensions.serverLog,
    ...(step ? { programStep: step } : {}),
  });
  const found: Found[] = [];
  // Free-text lines no entry explains, kept while they run on: a dialog copied from a window or a screenshot
  // arrives wrapped, and its message may only be recognisable across the break.
  let unexplained: Candidate[] = [];
  const parts = lines.flatMap((line, i) => unflatten(line).map((part) => ({ part, lineNumber: i + 1 })));
  for (const { part, lineNumber } of parts) {
    const observation = machine.feed(part, lineNumber);
    const candidate = candidateOf(observation);
    if (!candidate) {
      unexplained = [];
      continue;
    }
    const context: DecideContext = {
      kb,
      session: machine.session,
      ...(observation.answers ? { sent: observation.answers } : {}),
      ...(extensions.fallback ? { fallback: extensions.fallback } : {}),
      ...(detected ? { lang: detected } : {}),
    };
    let finding = decide(candidate, context, false);
    let line = candidate;
    if (!finding && candidate.kind === 'client') {
      const joined = joinWrapped(unexplained, candidate, context);
      if (joined) ({ candidate: line, finding } = joined);
      else finding = byFallback(candidate, context);
      if (!finding) {
        unexplained = [...unexplained, candidate].slice(-(MAX_WRAPPED_LINES - 1));
        continue;
      }
    }
    if (!finding && candidate.kind === 'log') finding = byFallback(candidate, context);
    if (!finding) continue;
    unexplained = [];
    const summary = kb.entry(finding.entry)?.entry.match.summary === true;
    // A refused CAPA is worked around by every client (RFC 2449 §5: a server without it answers -ERR): what
    // failed next is the error to explain first.
    const worksAround = line.kind === 'server' && line.command?.verb === 'CAPA';
    found.push({
      finding,
      kind: line.kind,
      quoted: line.quoted === true,
      ...(summary ? { summary } : {}),
      ...(worksAround ? { context: true } : {}),
      ...(line.kind === 'server'
        ? { reply: `${line.responseCode ?? ''} ${line.text}`.trim().toLowerCase() }
        : {}),
    });
  }

  if (secretFound || machine.secretFound) warnings.unshift('secret.exposed');
  // What the output shows besides its messages leads; it is no echo of the reply on its line (getmail's
  // "POP error (-ERR EOF)" is both the quoted reply and the fact that nothing was greeted).
  const fromFacts = factsFinding(lines, kb);
  const kept = dropEchoes(found);
  if (fromFacts && !kept.some((f) => f.category === fromFacts.category)) kept.unshift(fromFacts);
  const all = groupRepeats(kept);
  if (all.length > MAX_FINDINGS) {
    // The answer stays bounded by a constant, whatever the paste: the first errors, then "and N more".
    warnings.push('findings.capped');
    const findings = all.slice(0, MAX_FINDINGS);
    return { ...base, outcome: 'errors', findings, warnings, omittedFindings: all.length - MAX_FINDINGS };
  }
  const findings = all;
  if (findings.length > 0) return { ...base, outcome: 'errors', findings, warnings };
  return { ...base, outcome: machine.sawPop ? 'no-error' : 'not-pop', findings, warnings };
}
