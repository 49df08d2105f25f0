import { CompiledEntry } from '../../src/knowledge/compiled-entry.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { Prng } from '../lib/prng.js';

/**
 * A knowledge base `factor` times the size of the real one, for measuring how matching grows with it: the
 * real entries, then `factor - 1` copies of each whose patterns (and examples) have every word of three
 * letters or more replaced by another word of the same length from the real patterns' vocabulary. The
 * copies keep the real patterns' structure (groups, classes, gaps) and the real vocabulary's spread, but
 * their literal runs are new, so an index cannot fold them into the real ones.
 */

const WORD = /[a-z]{3,}/gi;

/** Splits a regex source into syntax, kept as it is, and runs of letters, which `map` may replace. */
export function rewriteWords(source: string, map: (word: string) => string): string {
  let out = '';
  let i = 0;
  const copyUntil = (close: string) => {
    const start = i;
    while (i < source.length && source[i] !== close) i += source[i] === '\\' ? 2 : 1;
    i++;
    out += source.slice(start, i);
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      const span =
        e === 'x'
          ? 4
          : e === 'u'
            ? source[i + 2] === '{'
              ? source.indexOf('}', i) + 1 - i
              : 6
            : e === 'c'
              ? 3
              : 2;
      const end = (e === 'p' || e === 'P') && source[i + 2] === '{' ? source.indexOf('}', i) + 1 : i + span;
      out += source.slice(i, end);
      i = end;
    } else if (c === '[') {
      copyUntil(']');
    } else if (c === '{') {
      copyUntil('}');
    } else if (c === '(' && source[i + 1] === '?') {
      const m = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(source.slice(i));
      const head = m?.[0] ?? '(?';
      out += head;
      i += head.length;
    } else if (/[A-Za-z]/.test(c)) {
      const start = i;
      while (i < source.length && /[A-Za-z]/.test(source[i]!)) i++;
      const word = source.slice(start, i);
      out += word.length >= 3 ? map(word.toLowerCase()) : word;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** For each copy, a permutation of the vocabulary within each word length (no word mapped to itself). */
function wordMaps(vocabulary: readonly string[], copies: number, seed: number): Map<string, string>[] {
  const byLength = new Map<number, string[]>();
  for (const w of [...new Set(vocabulary)].sort()) {
    const list = byLength.get(w.length);
    if (list) list.push(w);
    else byLength.set(w.length, [w]);
  }
  const prng = new Prng(seed);
  const shuffled = [...byLength.values()].map((words) => {
    const order = words.slice();
    for (let i = order.length - 1; i > 0; i--) {
      const j = prng.int(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order;
  });
  return Array.from({ length: copies }, (_, k) => {
    const map = new Map<string, string>();
    for (const order of shuffled) {
      // Rotating a shuffled list by k + 1 maps no word onto itself while the list is longer than that.
      order.forEach((w, i) => map.set(w, order[(i + k + 1) % order.length]!));
    }
    return map;
  });
}

export function syntheticKnowledgeBase(
  kb: KnowledgeBase,
  options: { factor?: number; seed?: number; indexed?: boolean } = {},
): KnowledgeBase {
  const factor = options.factor ?? 4;
  const vocabulary: string[] = [];
  for (const e of kb.entries) for (const s of e.sources) rewriteWords(s, (w) => (vocabulary.push(w), w));
  const maps = wordMaps(vocabulary, factor - 1, options.seed ?? 8);
  const entries: CompiledEntry[] = [...kb.entries];
  maps.forEach((map, k) => {
    const swap = (w: string) => map.get(w) ?? w;
    for (const e of kb.entries) {
      const id = `${e.entry.id}-synthetic-${k + 1}`;
      const sources = e.sources.map((s) => rewriteWords(s, swap));
      const examples = e.entry.examples.map((x) => ({
        ...x,
        text: x.text.replace(WORD, (w) => swap(w.toLowerCase())),
      }));
      const entry = { ...e.entry, id, examples, match: { ...e.entry.match, patterns: sources } };
      entries.push(new CompiledEntry(entry, `synthetic/${id}.yaml`, sources, e.commands));
    }
  });
  return new KnowledgeBase(
    kb.categories,
    entries,
    options.indexed === undefined ? {} : { indexed: options.indexed },
  );
}
