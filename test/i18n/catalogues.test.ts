import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allCatalogues } from '../../src/i18n/catalogue.js';
import { LANGS } from '../../src/i18n/lang.js';

const i18nDir = join(import.meta.dirname, '..', '..', 'src', 'i18n');

beforeAll(async () => {
  // Every catalogue module registers itself when imported.
  for (const file of readdirSync(i18nDir).filter((f) => f.endsWith('-messages.ts'))) {
    await import(join(i18nDir, file));
  }
});

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('every word the bot says exists in en, fr and vi', () => {
  it('finds the catalogues', () => {
    expect(allCatalogues().map((c) => c.name)).toEqual(expect.arrayContaining(['core', 'cli', 'chat']));
  });

  it('no catalogue misses a key or leaves one empty in any language', () => {
    const problems: string[] = [];
    for (const { name, messages } of allCatalogues()) {
      const keys = Object.keys(messages.en);
      for (const lang of LANGS) {
        for (const key of keys) {
          const text = messages[lang][key];
          if (typeof text !== 'string' || text.trim() === '')
            problems.push(`${name}.${lang}.${key} is missing`);
          else if (placeholders(text).join() !== placeholders(messages.en[key] ?? '').join()) {
            problems.push(
              `${name}.${lang}.${key} has placeholders ${placeholders(text)} instead of ${placeholders(messages.en[key] ?? '')}`,
            );
          }
        }
        for (const key of Object.keys(messages[lang]))
          if (!(key in messages.en)) problems.push(`${name}.${lang}.${key} is not in en`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('French and Vietnamese are translations, not copies of the English', () => {
    const copies: string[] = [];
    for (const { name, messages } of allCatalogues()) {
      for (const key of Object.keys(messages.en)) {
        const en = messages.en[key] ?? '';
        // Short technical strings ("Port {port}", "{messages} messages") may rightly read the same in French.
        if (en.replace(/\{\w+\}/g, '').trim().length < 25) continue;
        for (const lang of ['fr', 'vi'] as const)
          if (messages[lang][key] === en) copies.push(`${name}.${lang}.${key}`);
      }
    }
    expect(copies).toEqual([]);
  });
});
