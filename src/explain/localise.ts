import { core } from '../i18n/core-messages.js';
import type { Lang } from '../i18n/lang.js';
import { rules } from '../i18n/rule-messages.js';
import { describeCause, describeVerdict } from '../i18n/server-log-messages.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { CompiledEntry } from '../knowledge/load.js';
import { defaultKnowledgeBase } from '../knowledge/load.js';
import { MAX_FINDINGS, MAX_LINES } from './analyse.js';
import { nameHost } from './example-host.js';
import { logCause } from './server-log/cause.js';
import { formatSize } from '../i18n/format-size.js';
import type { RuleId } from './rules/session-rules.js';
import type {
  Analysis,
  ExplainResult,
  Finding,
  FindingData,
  FindingReference,
  WarningCode,
} from './types.js';

/** Puts an analysis into one language: the entries' texts, the rules' "because" lines, the outcome message. */

export function references(entry: CompiledEntry): FindingReference[] {
  return entry.entry.references.map((r) => ({
    label: `RFC ${r.rfc} §${r.section}`,
    url: `https://www.rfc-editor.org/rfc/rfc${r.rfc}#section-${r.section}`,
    ...(r.note ? { note: r.note } : {}),
  }));
}

function ruleReferences(refs: readonly { rfc: number; section: string }[]): FindingReference[] {
  return refs.map((r) => ({
    label: `RFC ${r.rfc} §${r.section}`,
    url: `https://www.rfc-editor.org/rfc/rfc${r.rfc}#section-${r.section}`,
  }));
}

// French quotes with « » and a no-break space inside; English and Vietnamese with curly double quotes.
const quoted = (text: string, lang: Lang): string => (lang === 'fr' ? `«\u00a0${text}\u00a0»` : `“${text}”`);

// Only a line with an error level or a failed call is parsed as a server log line for its cause.
const MAY_GIVE_CAUSE = /\b(?:Error|Fatal|Warning|Panic|failed)\b/;

function because(data: FindingData, lang: Lang): string | undefined {
  const { rule, words, basis } = data.evidence;
  if (rule) return rules.t(lang, rule.id as RuleId, rule.facts);
  if (basis === 'fallback' && words && words.length > 0)
    return rules.t(lang, data.evidence.alone ? 'fallback-alone' : 'fallback', {
      words: words.map((w) => quoted(w, lang)).join(', '),
    });
  return undefined;
}

/** A server's own error line: what it says happened, in its words (the admin's first question). */
function serverCause(data: FindingData, lang: Lang): string | undefined {
  const cause = MAY_GIVE_CAUSE.test(data.evidence.line) ? logCause(data.evidence.line) : undefined;
  return cause ? describeCause(cause, lang) : undefined;
}

/** One finding in `lang`. The entry gives the text; a fallback finding without an entry of its own the category. */
export function localiseFinding(
  data: FindingData,
  lang: Lang,
  kb: KnowledgeBase = defaultKnowledgeBase(),
  serverHost?: string,
): Finding {
  const entry = kb.entry(data.entry);
  if (!entry) throw new Error(`unknown knowledge entry ${data.entry}`);
  const text = entry.entry[lang];
  const category = entry.entry.category === data.category ? undefined : kb.category(data.category)?.[lang];
  const { evidence } = data;
  const refs = references(entry);
  const extra = evidence.rule ? ruleReferences(evidence.rule.references) : [];
  const reason = because(data, lang) ?? serverCause(data, lang);
  // Optional keys are assigned in the order the object lists them, not spread in: a spread copies a new
  // object per key, and this runs for every finding of every answer. JSON keeps the same key order.
  const finding: Finding = {
    category: data.category,
    entry: data.entry,
    line: evidence.line,
    lineNumber: evidence.lineNumber,
  } as Finding;
  if (evidence.command) finding.command = evidence.command;
  if (evidence.state) finding.state = evidence.state;
  if (evidence.responseCode) finding.responseCode = evidence.responseCode;
  finding.confidence = data.confidence;
  finding.title = category?.name ?? text.title;
  finding.meaning = category?.meaning ?? text.meaning;
  finding.causes = text.causes.map((c) => nameHost(c, serverHost));
  finding.userSteps = text.userSteps.map((s) => nameHost(s, serverHost));
  finding.adminSteps = text.adminSteps.map((s) => nameHost(s, serverHost));
  finding.retry = entry.entry.retry;
  finding.references =
    extra.length === 0 ? refs : [...extra, ...refs.filter((r) => !extra.some((e) => e.label === r.label))];
  if (reason) finding.because = reason;
  if (evidence.rule) finding.rule = evidence.rule.id;
  if (evidence.alsoLines?.length) finding.lines = [evidence.lineNumber, ...evidence.alsoLines];
  return finding;
}

function warningParams(code: WarningCode, analysis: Analysis): Record<string, number> | undefined {
  if (code === 'input.truncated') return { lines: MAX_LINES };
  if (code === 'findings.capped') return { count: analysis.omittedFindings ?? 0, shown: MAX_FINDINGS };
  return undefined;
}

export function localise(
  analysis: Analysis,
  lang: Lang,
  kb: KnowledgeBase = defaultKnowledgeBase(),
): ExplainResult {
  const warnings = analysis.warnings.map((code) => ({
    code,
    message: core.t(lang, `warning.${code}`, warningParams(code, analysis)),
  }));
  if (analysis.outcome === 'errors') {
    return {
      lang,
      outcome: 'errors',
      findings: analysis.findings.map((f) => localiseFinding(f, lang, kb, analysis.serverHost)),
      warnings,
      ...(analysis.serverHost ? { serverHost: analysis.serverHost } : {}),
      ...(analysis.verdicts ? { verdicts: analysis.verdicts.map((v) => describeVerdict(v, lang)) } : {}),
    };
  }
  const params =
    analysis.outcome === 'too-large' ? { size: formatSize(analysis.inputChars, lang) } : undefined;
  return {
    lang,
    outcome: analysis.outcome,
    message: core.t(lang, `outcome.${analysis.outcome}`, params),
    findings: [],
    warnings,
  };
}
