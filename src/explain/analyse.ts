import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { defaultLearnedModel } from '../knowledge/learned-file.js';
import { defaultKnowledgeBase } from '../knowledge/load.js';
import { maskSecretLines } from '../secrets/index.js';
import { isPlainText } from '../text/untrusted.js';
import { CLIENT_OUTPUT_RULES, concludeFromFacts } from './client-output/facts.js';
import { leadWithCause } from './client-output/stack-trace.js';
import { programStep } from './client-output/program-step.js';
import { findServerHost } from './client-output/server-host.js';
import { findTarget, type Target } from './client-output/target.js';
import { toldTlsMismatch } from './prose/told-connection.js';
import { DEFAULT_EXTENSIONS } from './default-extensions.js';
import { learnedFinding } from './fallback/learned-finding.js';
import { dropEchoes, type Found } from './echoes.js';
import { speaksOfAnotherService } from './mail-context.js';
import { groupRepeats } from './repeats.js';
import { leadWithDecisive } from './server-log/decisive.js';
import { readNameForm } from './server-log/name-form.js';
import { judgeLog } from './server-log/judge.js';
import type { Extensions } from './extensions.js';
import { detectLanguage, detectLanguageOfLines } from './language.js';
import { displayLine } from './lines/display.js';
import { LineFinder, showsClientCommands } from './line-finder.js';
import { UNKNOWN_ENTRY_ID } from './match.js';
import { cleanPaste } from './paste-cleanup.js';
import type { Analysis, FindingData, WarningCode } from './types.js';

/**
 * Finds every POP error in a paste (a -ERR line, a transcript of any common shape, a mail program's error
 * dialog, a server log) and says what each is, as data: entry ids and evidence, no words of any language.
 * Pure: no I/O.
 */

/** Larger pastes get a "too large" answer: a chat paste is far smaller, and logs go to `--summary`. */
export const MAX_INPUT_CHARS = 2 * 1024 * 1024;
export const MAX_LINES = 200_000;
/** Findings in one answer; past it, a `findings.capped` warning says how many more there were. */
export const MAX_FINDINGS = 50;
const BINARY_SHARE = 0.1;

export { showsClientCommands } from './line-finder.js';

export interface AnalyseOptions {
  extensions?: Extensions;
}

// What a client's output shows besides its message (the port and TLS setting it aimed with, nothing received,
// no greeting) proves a cause its message does not name: the rule that concluded (client-output/facts.ts) names
// the entry that explains it and gives its "because" line.
const FACT_CONFIDENCE = 0.8;

export function factsFinding(
  lines: readonly string[],
  kb: KnowledgeBase,
  target: Target | null | undefined = findTarget(lines),
): FindingData | undefined {
  const conclusion = concludeFromFacts(lines, target);
  // Where the output's own settings prove nothing, the setting a person tells may (summary reads it too).
  if (!conclusion) return toldFinding(lines, kb);
  if (!kb.entry(conclusion.rule.entry)) return undefined;
  const { rule, facts } = conclusion;
  const line = lines[conclusion.lineNumber - 1] ?? '';
  return {
    category: conclusion.category,
    entry: rule.entry,
    confidence: FACT_CONFIDENCE,
    evidence: {
      lineNumber: conclusion.lineNumber,
      line: displayLine(line),
      basis: 'rule',
      rule: { id: rule.id, references: rule.references, facts },
      words: conclusion.evidence,
    },
  };
}

/**
 * The port/encryption mix-up a person tells in their code or their words (prose/told-connection.ts) with the
 * connection failure it explains, concluded as the client-output rule of the same name concludes it from a
 * program's own settings: the same entry, the same "because" line.
 */
export function toldFinding(lines: readonly string[], kb: KnowledgeBase): FindingData | undefined {
  const told = toldTlsMismatch(lines);
  const rule = told && CLIENT_OUTPUT_RULES.find((r) => r.id === told.rule);
  if (!told || !rule || !kb.entry(rule.entry)) return undefined;
  return {
    category: rule.category,
    entry: rule.entry,
    confidence: FACT_CONFIDENCE,
    evidence: {
      lineNumber: told.symptomLine,
      line: displayLine(lines[told.symptomLine - 1] ?? ''),
      basis: 'rule',
      rule: {
        id: rule.id,
        references: rule.references,
        facts: { port: told.port, setting: told.setting, symptom: told.symptom },
      },
      words: [told.setting, told.symptom],
    },
  };
}

/**
 * Whether what the output proves joins the findings: not when a finding already says it, nor when it says only
 * that POP failed (a rule marked `alone`) and a line of the paste says more.
 */
export function factsJoin(kept: readonly FindingData[], facts: FindingData): boolean {
  const rule = CLIENT_OUTPUT_RULES.find((r) => r.id === facts.evidence.rule?.id);
  return !kept.some((f) => f.category === facts.category) && !(rule?.alone && kept.length > 0);
}

export function analyse(
  input: string,
  options: AnalyseOptions = {},
  kb: KnowledgeBase = defaultKnowledgeBase(),
): Analysis {
  // Most pastes are printable ASCII: found once, it spares language detection, the cleanup and the secrets
  // pass a search of the whole paste each.
  const plain = isPlainText(input);
  const warnings: WarningCode[] = [];
  if (input.trim() === '') return analysisOf(undefined, input.length, 'empty', [], warnings);
  // Too large to read: its language is still told from its start.
  if (input.length > MAX_INPUT_CHARS)
    return analysisOf(detectLanguage(input, plain), input.length, 'too-large', [], warnings);

  const { text: cleaned, controls } = cleanPaste(input, plain);
  if (controls > input.length * BINARY_SHARE) warnings.push('input.binary');
  // The secrets pass reads the whole paste before anything cuts, splits, matches or shows a line of it.
  const { lines: masked, found: secretFound } = maskSecretLines(cleaned, plain);
  // The pass hands back the paste cut at `\n`; one with other line ends is cut again as a whole.
  let lines = cleaned.includes('\r') ? masked.join('\n').split(/\r\n|\r|\n/) : masked;
  if (lines.length > MAX_LINES) {
    lines = lines.slice(0, MAX_LINES);
    warnings.push('input.truncated');
  }

  const extensions = options.extensions ?? DEFAULT_EXTENSIONS;
  const finder = new LineFinder({
    kb,
    extensions,
    hasClientCommands: showsClientCommands(lines),
    programStep: programStep(lines),
  });
  const found: Found[] = [];
  lines.forEach((line, i) => finder.feed(line, i + 1, found));
  const { machine } = finder;

  if (secretFound || machine.secretFound) warnings.unshift('secret.exposed');
  // What the output shows besides its messages leads; it is no echo of the reply on its line (getmail's
  // "POP error (-ERR EOF)" is both the quoted reply and the fact that nothing was greeted).
  // Where a client aimed, read once: the facts and the server host both use it (null: the paste names none,
  // which must not read as "not read yet" to their defaults).
  // The whole-paste readers read the session and the program's output, not the text of the mails it
  // retrieved: a host, a URL or a stack trace quoted inside a message is the message's, and its words are the
  // sender's, not the user's language. The session machine alone says which lines those are.
  const output =
    finder.messageLines.size > 0
      ? lines.map((line, i) => (finder.messageLines.has(i + 1) ? '' : line))
      : lines;
  const detected = detectLanguageOfLines(output, plain);
  const answer = (outcome: Analysis['outcome'], findings: FindingData[]): Analysis =>
    analysisOf(detected, input.length, outcome, findings, warnings);
  const target = findTarget(output) ?? null;
  const fromFacts = factsFinding(output, kb, target);
  // A log excerpt's connection is explained by its most telling line, an exception chain by its root cause.
  const kept = leadWithCause(leadWithDecisive(readNameForm(dropEchoes(found), output)), output);
  if (fromFacts && factsJoin(kept, fromFacts)) kept.unshift(fromFacts);
  let all = groupRepeats(kept);
  // A paste of another service or program (an SMTP or IMAP reply, a web error, git or wget, an ssh server's
  // log) that shows nothing of POP holds no POP error, whatever its words (mail-context.ts): decided before
  // the last resort, which would read it for nothing.
  if (speaksOfAnotherService(output)) all = [];
  // The last resort, only where nothing was found, or only a reply no entry and no words explained: a reading
  // learned from real texts (fallback/learned-finding.ts). A paste whose errors are known never pays for it;
  // an entry or the concept fallback that says "an error, not which" is a reading of its own and stays.
  else if (all.every((f) => f.entry === UNKNOWN_ENTRY_ID)) {
    const learned = learnedFinding(output, defaultLearnedModel(), kb);
    // It stands for the unknown finding of its own line; one that also stands for other lines stays.
    const replaced = (f: FindingData) =>
      f.evidence.lineNumber === learned?.evidence.lineNumber && !f.evidence.alsoLines?.length;
    if (learned) all = [learned, ...all.filter((f) => !replaced(f))];
  }
  if (all.length > 0) {
    // The answer stays bounded by a constant, whatever the paste: the first errors, then "and N more".
    const capped = all.length > MAX_FINDINGS;
    if (capped) warnings.push('findings.capped');
    const server = findServerHost(output, target);
    // A server log's failed logins judged as a whole ("is this an attack?"): only a paste with log lines.
    const verdicts = found.some((f) => f.kind === 'log') ? judgeLog(output) : [];
    const errors = answer('errors', capped ? all.slice(0, MAX_FINDINGS) : all);
    if (capped) errors.omittedFindings = all.length - MAX_FINDINGS;
    if (server) errors.serverHost = server.host;
    if (verdicts.length > 0) errors.verdicts = verdicts;
    return errors;
  }
  return answer(machine.sawPop ? 'no-error' : 'not-pop', all);
}

/**
 * An analysis with its fields in the order every answer lists them (JSON output keeps it), built without the
 * object spreads it was made with: spreading a new object takes V8's generic path, on every explain.
 */
function analysisOf(
  detected: Analysis['detectedLang'],
  inputChars: number,
  outcome: Analysis['outcome'],
  findings: FindingData[],
  warnings: WarningCode[],
): Analysis {
  return detected
    ? { detectedLang: detected, inputChars, outcome, findings, warnings }
    : { inputChars, outcome, findings, warnings };
}
