// The labelled real texts the learned fallback is trained from, never the holdout:
//   - every case of test/fixtures/captured/** (each capture's tuning part),
//   - the round-one catalogue messages that have no cases (mapping.yaml's tuning rows of the tools cases.yaml
//     does not name), as the program prints them: its prefix, placeholders filled,
//   - the knowledge base's own examples, each with its entry's category.
// Each sample says where it came from, so a leave-one-out measure can train without a program or a set.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadCatalogueData } from '../catalogues/catalogue-formats.mjs';
import { render } from '../catalogues/patterns.mjs';
import { isHoldoutMessage, loadCasesConfig, roundOf } from '../catalogues/split.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
export const CAPTURED = join(root, 'test', 'fixtures', 'captured');
const catalogues = join(root, 'scripts', 'catalogues');
const LANGS = ['en', 'fr', 'vi'];

/** The .yaml files below `dir`, in a stable order. */
export function yamlFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return name.endsWith('.yaml') ? [path] : [];
    });
}

/** Every captured tuning case, with its folder (the set it belongs to). */
export function capturedCases() {
  return yamlFiles(CAPTURED).flatMap((path) => {
    const folder = path.slice(CAPTURED.length + 1).split('/')[0];
    return parse(readFileSync(path, 'utf8')).cases.map((c) => ({ ...c, folder }));
  });
}

/** The catalogue messages of the tuning rows whose tools have no cases, one per language the catalogue ships. */
export function catalogueMessages(config = loadCasesConfig()) {
  const data = loadCatalogueData(join(catalogues, 'data'));
  const rows = parse(readFileSync(join(catalogues, 'mapping.yaml'), 'utf8')).messages.filter(
    (r) => !isHoldoutMessage(config, r.tool, r.msgid),
  );
  const out = [];
  for (const row of rows) {
    // Tools with cases (a round's clients) are read from their cases.
    if (roundOf(config, row.tool)) continue;
    const message = data.get(`${row.tool}\u0000${row.msgid}`);
    if (!message) throw new Error(`${row.tool} ${JSON.stringify(row.msgid)}: not in data/`);
    for (const lang of LANGS) {
      if (typeof message[lang] !== 'string') continue;
      const prefix = typeof row.prefix === 'object' ? (row.prefix[lang] ?? '') : (row.prefix ?? '');
      out.push({
        tool: row.tool,
        text: prefix + render(message[lang]),
        category: row.category,
        lang,
        source: `catalogues/${row.tool}/${row.msgid}/${lang}`,
      });
    }
  }
  return out;
}

/**
 * How much a translation memory pair counts beside a real text (scripts/translation-memory/): its label was
 * read from the English of another program's catalogue, about one in five wrong on a sample read by hand.
 */
export const MEMORY_WEIGHT = 0.5;
/** The weight in use: LEARNED_MEMORY_WEIGHT overrides it for a measure (0: without the memory). */
const memoryWeight = () => {
  const told = process.env.LEARNED_MEMORY_WEIGHT;
  return told === undefined || told === '' ? MEMORY_WEIGHT : Number(told);
};

/** The French and Vietnamese texts of the translation memory, each with the label its English msgid got. */
export function memorySamples(weight = memoryWeight()) {
  if (!(weight > 0)) return [];
  const path = join(root, 'scripts', 'translation-memory', 'memory.json');
  const memory = JSON.parse(readFileSync(path, 'utf8'));
  const out = [];
  for (const pair of memory.pairs) {
    const { domain } = memory.catalogues[pair.catalogue];
    for (const lang of ['fr', 'vi']) {
      if (typeof pair[lang] !== 'string') continue;
      out.push({
        text: pair[lang],
        category: pair.category,
        lang,
        weight,
        source: `memory/${domain}/${pair.msgid}/${lang}`,
        set: 'translation-memory',
      });
    }
  }
  return out;
}

/** The training samples: `{ text, category, source, set }`, and an entry's example's producers and provenance. */
export function trainingSamples(kb) {
  // A text that is not a POP error (category `none`, the negatives set) teaches no category.
  const samples = capturedCases()
    .filter((c) => c.category !== 'none')
    .map((c) => ({
      text: c.text,
      category: c.category,
      source: c.id,
      set: c.folder,
    }));
  for (const m of catalogueMessages())
    samples.push({ text: m.text, category: m.category, source: m.source, set: 'catalogues' });
  for (const m of memorySamples()) samples.push(m);
  for (const compiled of kb.entries) {
    const { id, category, examples, producers } = compiled.entry;
    examples.forEach((e, i) =>
      samples.push({
        text: e.text,
        category,
        source: `entry:${id}#${i}`,
        set: 'knowledge',
        producers: producers ?? [],
        provenance: e.source ?? '',
      }),
    );
  }
  return samples;
}
