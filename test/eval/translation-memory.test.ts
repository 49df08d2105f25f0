import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memorySamples, MEMORY_WEIGHT } from '../../scripts/learned/samples.mjs';
import { excludedCatalogues, exclusionOf } from '../../scripts/translation-memory/exclusions.mjs';
import { readLearned } from '../../src/explain/fallback/learned-classify.js';
import { trainModel } from '../../src/explain/fallback/learned-model.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';

// The translation memory (scripts/translation-memory/): French and Vietnamese texts of Debian catalogues no
// evaluation set uses, labelled through their English msgid, trained on at a lower weight. Training on a
// catalogue a holdout was drawn from would be training on the holdout: none may enter.

interface Memory {
  catalogues: { package: string; version: string; domain: string; files: Record<string, string> }[];
  pairs: {
    catalogue: number;
    msgid: string;
    en: string;
    category: string;
    by: string;
    fr?: string;
    vi?: string;
  }[];
}
const memory = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'scripts', 'translation-memory', 'memory.json'), 'utf8'),
) as Memory;
// The taxonomy's codes as the project holds them (knowledge/categories.yaml): a clean clone has no ../shared.
const kb = defaultKnowledgeBase();

describe('translation memory', () => {
  const excluded = excludedCatalogues();

  it('knows the evaluation sets’ catalogues and session 8’s packages', () => {
    // A catalogue script's source, a captured set's provenance line, the new round, session 8's hand reading.
    for (const pkg of [
      'libc-l10n',
      'kdepim-runtime',
      'claws-mail-i18n',
      'msmtp',
      'coreutils',
      'hexchat-common',
    ])
      expect(excluded.packages.has(pkg), pkg).toBe(true);
    for (const domain of ['libc', 'evolution-data-server', 'mutt', 'gnutls30', 'mpop', 'util-linux'])
      expect(excluded.domains.has(domain), domain).toBe(true);
    expect(exclusionOf(excluded, { pkg: 'libc-l10n', domain: 'libc' })).toBeDefined();
  });

  it('holds no excluded catalogue, and no vocabulary probe’s string', () => {
    expect(memory.catalogues.length).toBeGreaterThan(20);
    for (const c of memory.catalogues)
      expect(exclusionOf(excluded, { pkg: c.package, domain: c.domain }), c.domain).toBeUndefined();
    for (const p of memory.pairs) expect(excluded.strings.has(p.en.toLowerCase()), p.en).toBe(false);
  });

  it('gives each pair its provenance and a category of the taxonomy', () => {
    for (const p of memory.pairs) {
      const c = memory.catalogues[p.catalogue]!;
      expect(c.version).toMatch(/\d/);
      for (const lang of ['fr', 'vi'] as const)
        if (p[lang]) expect(c.files[lang]).toMatch(/LC_MESSAGES\/.+\.mo$/);
      expect(kb.category(p.category), p.category).toBeDefined();
      expect(p.category).not.toBe('unknown');
    }
  });

  it('trains the learned model at a lower weight: a memory text counts less than a real one', () => {
    const texts = memorySamples();
    expect(texts.length).toBeGreaterThan(500);
    expect(new Set(texts.map((t) => t.weight))).toEqual(new Set([MEMORY_WEIGHT]));
    expect(MEMORY_WEIGHT).toBeLessThan(1);
    // Two real texts against four lighter ones of the other category: the real ones weigh more.
    const model = trainModel([
      { text: 'Lỗi ghi tập tin', category: 'client.storage' },
      { text: 'Lỗi ghi tập tin', category: 'client.storage' },
      ...Array.from({ length: 4 }, () => ({
        text: 'Lỗi ghi tập tin',
        category: 'connect.reset',
        weight: 0.25,
      })),
      { text: 'Kết nối bị từ chối', category: 'connect.refused' },
      { text: 'Kết nối bị từ chối', category: 'connect.refused' },
    ]);
    expect(model.texts).toEqual([2, 2, 1]); // client.storage, connect.refused, connect.reset
    expect(readLearned(model, 'Lỗi ghi tập tin')?.category).toBe('client.storage');
  });
});
