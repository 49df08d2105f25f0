import { references } from '../explain/explain.js';
import { nameHost } from '../explain/example-host.js';
import type { Finding } from '../explain/types.js';
import type { Lang } from '../i18n/lang.js';
import { defaultKnowledgeBase } from '../knowledge/load.js';

/**
 * What the probe knows about one of its failures, as a value: the knowledge-base entry that explains it,
 * chosen by step and error code (failure-entries.ts), and the evidence. Nothing here is text for the
 * explainer to read: the probe already knows what went wrong.
 */
export interface ProbeFailure {
  /** A knowledge-base entry id (`econnrefused`). */
  entry: string;
  /** The evidence: what Node or the server really said (`connect ECONNREFUSED 127.0.0.1:995`). */
  line: string;
  /** The command the failure answered, secrets masked (`STLS`, `APOP alice ****`). */
  command?: string;
  /** What to do, from what the probe saw (in the report's language): shown before the entry's own steps. */
  hints?: string[];
  /** The probe tried the alternatives the entry's generic steps suggest: show only `hints`. */
  hintsOnly?: boolean;
  /** The host checked: the entry's example commands name it instead of `pop.example.com`. */
  host?: string;
}

/** A finding the explainer's way (same shape as `popbot explain --json`), from the entry itself. */
export function findingFromFailure(failure: ProbeFailure, lang: Lang): Finding | undefined {
  const compiled = defaultKnowledgeBase().entry(failure.entry);
  if (!compiled) return undefined;
  const text = compiled.entry[lang];
  const hints = failure.hints ?? [];
  const finding: Finding = {
    category: compiled.entry.category,
    entry: compiled.entry.id,
    line: failure.line,
    lineNumber: 1,
    confidence: 1,
    title: text.title,
    meaning: text.meaning,
    causes: [...text.causes],
    userSteps: failure.hintsOnly && hints.length > 0 ? [...hints] : [...hints, ...text.userSteps],
    adminSteps: [...text.adminSteps],
    retry: compiled.entry.retry,
    references: references(compiled),
  };
  if (failure.command) finding.command = failure.command;
  const host = failure.host;
  if (host) {
    const named = (steps: string[]) => steps.map((step) => nameHost(step, host));
    finding.userSteps = named(finding.userSteps);
    finding.adminSteps = named(finding.adminSteps);
  }
  return finding;
}

/** The category an entry belongs to, for the step's code. */
export function entryCategory(entry: string): string | undefined {
  return defaultKnowledgeBase().entry(entry)?.entry.category;
}
