import type { Lang } from '../i18n/lang.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { CompiledEntry } from '../knowledge/load.js';
import { defaultKnowledgeBase } from '../knowledge/load.js';
import { analyse } from './analyse.js';
import type { Candidate } from './candidate.js';
import { localise, localiseFinding } from './localise.js';
import type { Analysis, ExplainOptions, ExplainResult, Finding } from './types.js';

/**
 * The explainer's front door: `analyse` (what the paste shows, as data) then `localise` (in one language).
 * Callers that answer in a language they learn later (a chat user's locale) analyse once and localise then.
 */

export { analyse, MAX_INPUT_CHARS, MAX_LINES } from './analyse.js';
export { formatSize } from '../i18n/format-size.js';
export { localise, localiseFinding, references } from './localise.js';
export { isAboutMail } from './mail-context.js';

/** The answer's language: the one asked for, else the paste's own, else the platform's, else English. */
export function answerLang(analysis: Analysis, options: ExplainOptions): Lang {
  return options.lang ?? analysis.detectedLang ?? options.fallbackLang ?? 'en';
}

/**
 * Finds every POP error in a paste (a -ERR line, a transcript of any common shape, a mail program's error
 * dialog, a server log) and explains each in one language, using what the session shows. Pure: no I/O.
 */
export function explain(
  input: string,
  options: ExplainOptions = {},
  kb: KnowledgeBase = defaultKnowledgeBase(),
): ExplainResult {
  const analysis = analyse(input, {}, kb);
  return localise(analysis, answerLang(analysis, options), kb);
}

/** A finding for an entry shown on its own (`/poperror entry-id`, `kb show`): its example as the line. */
export function findingFrom(
  candidate: Candidate,
  entry: CompiledEntry,
  confidence: number,
  lang: Lang,
): Finding {
  return localiseFinding(
    {
      category: entry.entry.category,
      entry: entry.entry.id,
      confidence,
      evidence: {
        lineNumber: candidate.lineNumber,
        line: candidate.line,
        ...(candidate.command ? { command: candidate.command.display } : {}),
        ...(candidate.state ? { state: candidate.state } : {}),
        ...(candidate.responseCode ? { responseCode: candidate.responseCode } : {}),
        basis: 'wording',
      },
    },
    lang,
  );
}
