const WORD_RUN = /\S+/g;

/**
 * The blank-separated words of a text: `text.trim().split(/\s+/).filter(Boolean)`, in one search. A split by a
 * pattern builds a new regular expression through the species constructor on every call, which cost more
 * than the split itself on the short command and capability lines the session machine reads.
 */
export function wordsOf(text: string): string[] {
  return text.match(WORD_RUN) ?? [];
}
