import type { FallbackInput, FallbackVerdict } from '../extensions.js';
import { EVENT_CATEGORY, INFORMATIONAL } from '../server-log/events.js';
import { classifyByWords } from './classify.js';
import { fallbackEntry } from './prefer.js';

/** Categories a reply to this command cannot be, whatever its words say (RFC 1939 §6: QUIT ends in UPDATE). */
const IMPOSSIBLE_AFTER: Readonly<Record<string, RegExp>> = {
  QUIT: /^(?:message|command|auth)\./,
};

/** What the parser knew about a log line whose wording no entry matched is worth this much. */
const LOG_EVENT_CONFIDENCE = 0.55;

/**
 * The explainer's free-text fallback: a server log line whose event the log parser knows gets that event's
 * entry; any other text gets the category its words decide, with those words. Undefined when nothing is said.
 */
export function classifyFallback(input: FallbackInput): FallbackVerdict | undefined {
  if (input.kind === 'log' && input.log?.event) {
    if (INFORMATIONAL.has(input.log.event)) return undefined;
    const entry = input.log.entry;
    const category = entry ? EVENT_CATEGORY[entry] : undefined;
    if (entry && category) return { category, entry, words: [], confidence: LOG_EVENT_CONFIDENCE };
  }
  const kind = input.kind === 'client' ? 'client' : 'server';
  const result = classifyByWords(input.text, kind);
  // Unknown with words: the program says an error occurred and not which; without them, nothing was said.
  if (result.category === 'unknown' && result.decidedBy.length === 0) return undefined;
  // Words cannot overrule the session: a reply to QUIT is about the UPDATE state, never one message or a
  // command's state ("-ERR deleted 3/5 message(s)" is the expunge that partly failed).
  if (input.verb && IMPOSSIBLE_AFTER[input.verb]?.test(result.category)) return undefined;
  const entry = fallbackEntry(kind, result.category);
  return {
    category: result.category,
    ...(entry ? { entry } : {}),
    words: result.decidedBy,
    confidence: result.confidence,
    ...(result.frame ? { frame: result.frame } : {}),
  };
}
