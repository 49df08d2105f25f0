import { foldAccents } from '../normalize.js';

/**
 * The words a learned reading counts: accent-folded, lowercase words and each pair of neighbours (a
 * Vietnamese word is often two syllables, "thất bại"; a French one a phrase, "mot de passe"). What names one
 * user's setup — host names, addresses, paths, mail addresses, numbers — is left out: it names no error.
 */

/** A feature and the words of the text it was read from, as written (shown to the user). */
export interface Feature {
  key: string;
  shown: string;
}

// Hosts, addresses, mail addresses, URLs and paths are one person's setup, not the error's words.
const SETUP =
  /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b[a-z][\w+.-]*:\/\/\S+|(?:^|\s)[~.]?\/[\w./-]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b|\b\d{1,3}(?:\.\d{1,3}){3}\b/giu;
const WORD = /[\p{L}][\p{L}\p{N}_']*|\d*[a-z]\w*/giu;
/** Longer words are encoded data (tokens, digests), not words. */
const MAX_WORD = 24;

/** The words of `text`, each with its folded key. */
export function wordsOf(text: string): Feature[] {
  const out: Feature[] = [];
  for (const [w] of text.replace(SETUP, ' ').matchAll(WORD)) {
    if (w.length < 2 || w.length > MAX_WORD) continue;
    out.push({ key: foldAccents(w).replace(/'/g, ''), shown: w });
  }
  return out;
}

/** The text's features, each once: its words and its pairs of neighbouring words. */
export function featuresOf(text: string): Feature[] {
  const words = wordsOf(text);
  const seen = new Map<string, Feature>();
  const add = (f: Feature) => {
    if (!seen.has(f.key)) seen.set(f.key, f);
  };
  words.forEach((w, i) => {
    add(w);
    const next = words[i + 1];
    if (next) add({ key: `${w.key} ${next.key}`, shown: `${w.shown} ${next.shown}` });
  });
  return [...seen.values()];
}
