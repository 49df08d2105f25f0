import type { KnowledgeBase } from '../../knowledge/knowledge-base.js';
import { displayLine } from '../lines/display.js';
import { UNKNOWN_ENTRY_ID } from '../match.js';
import type { FindingData } from '../types.js';
import { readLearned } from './learned-classify.js';
import { classifyByWords } from './classify.js';
import { isolatedMessage } from './isolated.js';
import { aboutMail, errorLines, MAX_LINES_READ } from './learned-gate.js';
import type { LearnedModel } from './learned-model.js';
import { fallbackEntry } from './prefer.js';

/**
 * The last resort: a paste about mail in which neither the knowledge base nor the concept fallback found an
 * error (or found only an `unknown` one) but whose lines read like an error gets the category a model learned from
 * real labelled texts reads in their words, with the words that weighed most. Only a clear reading answers.
 */

/** Below the concept fallback's lowest: a statistical reading of words no entry or concept knows. */
export const LEARNED_CONFIDENCE = 0.3;
/**
 * The reading must lead its runner-up by this much per word read (log-odds). Chosen without the holdout:
 * trained without a whole captured set, readings of that set's texts this clear were right about 9 times in
 * 10 (scripts/learned/leave-one-set-out.mjs), and leave-one-program-out was best from 0.4 on.
 */
export const MIN_MARGIN = 0.4;

/**
 * An isolated message (fallback/isolated.ts) read from its words alone, when the paste names nothing of mail:
 * first by the concept fallback as a program's line, then by the learned reading. Below the readings of a
 * paste about mail, and marked `alone` for the user.
 */
export const ALONE_CONCEPT_CONFIDENCE = 0.3;
export const ALONE_LEARNED_CONFIDENCE = 0.25;

export function learnedFinding(
  lines: readonly string[],
  model: LearnedModel | undefined,
  kb: KnowledgeBase,
): FindingData | undefined {
  // Read first: it gives up after three lines, where the mail words are looked for in every line.
  const message = isolatedMessage(lines);
  if (message !== undefined && !aboutMail(lines)) return aloneFinding(lines, message, model, kb);
  if (!model) return undefined;
  const cued = errorLines(lines, MAX_LINES_READ);
  if (cued.length === 0 || !aboutMail(lines)) return undefined;
  return modelFinding(lines, cued, model, kb, LEARNED_CONFIDENCE);
}

function aloneFinding(
  lines: readonly string[],
  message: string,
  model: LearnedModel | undefined,
  kb: KnowledgeBase,
): FindingData | undefined {
  const lineNumber = lines.findIndex((l) => l.trim() !== '') + 1;
  const concept = classifyByWords(message.replace(/\n/g, ' '), 'client', { anchored: true });
  if (concept.category !== 'unknown' && kb.category(concept.category)) {
    const entry = fallbackEntry('client', concept.category);
    return {
      category: concept.category,
      entry: entry && kb.entry(entry) ? entry : UNKNOWN_ENTRY_ID,
      confidence: Math.min(concept.confidence, ALONE_CONCEPT_CONFIDENCE),
      evidence: {
        lineNumber,
        line: displayLine(lines[lineNumber - 1] ?? message),
        basis: 'fallback',
        words: concept.decidedBy,
        alone: true,
      },
    };
  }
  // The concept fallback had no reading: only now are the lines that read like an error wanted.
  if (!model) return undefined;
  const cued = errorLines(lines, MAX_LINES_READ);
  if (cued.length === 0) return undefined;
  const found = modelFinding(lines, cued, model, kb, ALONE_LEARNED_CONFIDENCE);
  return found && { ...found, evidence: { ...found.evidence, alone: true } };
}

function modelFinding(
  lines: readonly string[],
  cued: readonly { text: string; lineNumber: number }[],
  model: LearnedModel,
  kb: KnowledgeBase,
  confidence: number,
): FindingData | undefined {
  const reading = readLearned(model, cued.map((l) => l.text).join('\n'));
  if (!reading || reading.category === 'unknown' || reading.margin < MIN_MARGIN) return undefined;
  if (!kb.category(reading.category) || reading.words.length === 0) return undefined;
  const entry = fallbackEntry('client', reading.category);
  // The line shown is the one that holds most of the deciding words.
  const holds = (text: string) => reading.words.filter((w) => text.includes(w)).length;
  const line = cued.reduce((best, l) => (holds(l.text) > holds(best.text) ? l : best), cued[0]!);
  return {
    category: reading.category,
    entry: entry && kb.entry(entry) ? entry : UNKNOWN_ENTRY_ID,
    confidence,
    evidence: {
      lineNumber: line.lineNumber,
      line: displayLine(lines[line.lineNumber - 1] ?? line.text),
      basis: 'fallback',
      words: reading.words,
    },
  };
}
