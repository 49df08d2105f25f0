#!/usr/bin/env node
// Candidates for the concept fallback's lexicon from the translation memory: per category, the French and
// Vietnamese phrases (two to four words) its pairs use most, against how often the other categories' pairs use
// them, and whether the fallback already reads the pairs that hold them. A list to READ, never applied by
// itself: a phrase enters src/explain/fallback/ only after a person checked it is native and says that thing.
//
//   npm run build && node scripts/translation-memory/mine.mjs [--min 3] [--lang fr|vi]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { classifyByWords } from '../../dist/src/explain/fallback/classify.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: { min: { type: 'string', default: '3' }, lang: { type: 'string', default: '' } },
});
const memory = JSON.parse(readFileSync(join(here, 'memory.json'), 'utf8'));
const MIN = Number(args.min);
const PREFIX = 'mpop: ';
const wordsOf = (text) =>
  text
    .toLowerCase()
    .replace(/pop\.example\.net|mail\.example\.org|user@example\.net|\b\d+\b/g, ' ')
    .split(/[^\p{L}\p{M}'’-]+/u)
    .filter(Boolean);

for (const lang of args.lang ? [args.lang] : ['fr', 'vi']) {
  // phrase → category → the pairs that hold it
  const seen = new Map();
  for (const pair of memory.pairs) {
    const text = pair[lang];
    if (typeof text !== 'string') continue;
    const words = wordsOf(text);
    const phrases = new Set();
    for (let n = 2; n <= 4; n++)
      for (let i = 0; i + n <= words.length; i++) phrases.add(words.slice(i, i + n).join(' '));
    for (const phrase of phrases) {
      let perCategory = seen.get(phrase);
      if (!perCategory) seen.set(phrase, (perCategory = new Map()));
      const list = perCategory.get(pair.category) ?? [];
      list.push(pair);
      perCategory.set(pair.category, list);
    }
  }
  const rows = [];
  for (const [phrase, perCategory] of seen) {
    let all = 0;
    for (const list of perCategory.values()) all += list.length;
    for (const [category, list] of perCategory) {
      if (list.length < MIN || list.length / all < 0.8) continue;
      const domains = new Set(list.map((p) => memory.catalogues[p.catalogue].domain));
      if (domains.size < 2) continue; // one program's wording, not the language's
      // As a mail program would print it (a mail program's name before it): a bare line may be anyone's remark.
      const read = list.filter(
        (p) => classifyByWords(`${PREFIX}${p[lang]}`, 'client').category === category,
      ).length;
      rows.push({ category, phrase, n: list.length, share: list.length / all, domains: domains.size, read });
    }
  }
  rows.sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : b.n - a.n));
  process.stdout.write(
    `# ${lang}: category, pairs holding the phrase (share of all pairs holding it), catalogues, already read by the fallback\n`,
  );
  for (const r of rows)
    process.stdout.write(
      `${r.category}\t${r.phrase}\t${r.n} (${Math.round(r.share * 100)} %)\t${r.domains} catalogues\tread ${r.read}/${r.n}\n`,
    );
}
