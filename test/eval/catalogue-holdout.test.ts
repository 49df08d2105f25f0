import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalogueData } from '../../scripts/catalogues/catalogue-formats.mjs';
import { patternFor, render } from '../../scripts/catalogues/patterns.mjs';
import {
  caseFolders,
  isHoldoutMessage,
  loadCasesConfig,
  messageKey,
  wordsKey,
} from '../../scripts/catalogues/split.mjs';
import { normalizeForMatch } from '../../src/explain/normalize.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';

/**
 * The catalogue holdout is kept out of all tuning (issue #13's method): its messages are on one side of the
 * split with every language and framing, and nothing in the knowledge came from them. Only the failing
 * message's id is printed, never the holdout's text as a case.
 */

interface Row {
  tool: string;
  msgid: string;
  holdout?: boolean;
  prefix?: string | Record<string, string>;
  patterns?: Record<string, string>;
}

const dir = join(import.meta.dirname, '..', '..', 'scripts', 'catalogues');
const config = loadCasesConfig();
const rows = (parse(readFileSync(join(dir, 'mapping.yaml'), 'utf8')) as { messages: Row[] }).messages;
const data = loadCatalogueData(join(dir, 'data'));
const holdout = rows.filter((r) => isHoldoutMessage(config, r.tool, r.msgid));
const kb = loadKnowledgeBase();
const examples = kb.entries.flatMap(({ entry }) => entry.examples.map((e) => ({ id: entry.id, ...e })));
const LANGS = ['en', 'fr', 'vi'] as const;

function textsOf(row: Row): [lang: string, text: string][] {
  const m = data.get(`${row.tool}\u0000${row.msgid}`) as Record<string, unknown> | undefined;
  return LANGS.flatMap((lang) => (typeof m?.[lang] === 'string' ? [[lang, m[lang] as string]] : []));
}

function caseIds(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) =>
      (parse(readFileSync(join(folder, f), 'utf8')) as { cases: { id: string }[] }).cases.map((c) => c.id),
    );
}

describe('the catalogue holdout', () => {
  // Every round's folder (round two's `catalogues`, then cases.yaml's `rounds`): each has both sides.
  it.each(caseFolders(config))(
    'is split by message in %s: every case of a message on the side of that message',
    (folder) => {
      const fixtures = join(import.meta.dirname, '..', 'fixtures');
      const sides = {
        holdout: caseIds(join(fixtures, 'eval', 'holdout', folder)),
        tuning: caseIds(join(fixtures, 'captured', folder)),
      };
      expect(sides.holdout.length).toBeGreaterThan(0);
      expect(sides.tuning.length).toBeGreaterThan(0);
      const side = new Map(
        rows.map((r) => [messageKey(r.tool, r.msgid), isHoldoutMessage(config, r.tool, r.msgid)]),
      );
      for (const [name, ids] of Object.entries(sides)) {
        for (const id of ids) {
          const key = id.slice(0, id.lastIndexOf('/'));
          expect(side.get(key), `${id} is in the ${name} part`).toBe(name === 'holdout');
        }
      }
    },
  );

  // A text two programs print (Mutt's "Login failed." and NeoMutt's "Login failed") is one message: on one
  // side, or the tuning copy would teach the holdout one.
  it('keeps one text on one side whichever program prints it (rounds split by words)', () => {
    const sideOfWords = new Map<string, boolean>();
    for (const row of rows) {
      const folder = caseFolders(config).find(
        (f) => f !== 'catalogues' && config.rounds?.[f]?.clients[row.tool],
      );
      if (!folder || config.rounds?.[folder]?.holdout.by !== 'words') continue;
      const key = `${folder}:${wordsKey(row.msgid)}`;
      const holdout = isHoldoutMessage(config, row.tool, row.msgid);
      if (sideOfWords.has(key))
        expect(holdout, `${row.tool} ${JSON.stringify(row.msgid)}`).toBe(sideOfWords.get(key));
      sideOfWords.set(key, holdout);
    }
    expect(sideOfWords.size).toBeGreaterThan(0);
  });

  it('marks every holdout row, and only those, so apply.mjs skips them', () => {
    for (const row of rows)
      expect(row.holdout === true, `${row.tool} ${JSON.stringify(row.msgid)}`).toBe(
        isHoldoutMessage(config, row.tool, row.msgid),
      );
  });

  it('gave the knowledge no example: none names a holdout message as its source', () => {
    for (const row of holdout) {
      const named = examples.filter(
        (e) =>
          e.source.startsWith(`${row.tool} catalogue`) &&
          e.source.includes(`msgid ${JSON.stringify(row.msgid)}`),
      );
      expect(
        named.map((e) => e.id),
        `${row.tool} ${JSON.stringify(row.msgid)}`,
      ).toEqual([]);
    }
  });

  // The same text may come from elsewhere: a recording, or another program's catalogue in the tuning part
  // (mpop's "host unreachable"). What may not be is the holdout message's own catalogue entry under its name.
  it('gave the knowledge no example text: an example that is a holdout message comes from elsewhere', () => {
    for (const row of holdout) {
      for (const [lang, text] of textsOf(row)) {
        const prefix = typeof row.prefix === 'object' ? (row.prefix[lang] ?? '') : (row.prefix ?? '');
        const sample = normalizeForMatch(prefix + render(text));
        const own = examples.filter(
          (e) =>
            normalizeForMatch(e.text) === sample &&
            (e.source.startsWith(`${row.tool} catalogue`) || e.source.includes(JSON.stringify(row.msgid))),
        );
        expect(
          own.map((e) => e.id),
          `${row.tool} ${JSON.stringify(row.msgid)} (${lang})`,
        ).toEqual([]);
      }
    }
  });

  // The knowledge from before the catalogues already knew some holdout texts from recordings and other
  // programs' documentation (first sight counts them as known). What is allowed is a pattern with that
  // independent evidence: an example of its entry, from another source, that it matches.
  it('gave the knowledge no pattern: a pattern a holdout message would give is backed by another example', () => {
    for (const row of holdout) {
      for (const [lang, text] of textsOf(row)) {
        const derived = row.patterns?.[lang] ?? patternFor(text, normalizeForMatch);
        for (const { entry, patterns } of kb.entries) {
          const at = entry.match.patterns.indexOf(derived);
          if (at < 0) continue;
          const backed = entry.examples.some(
            (e) =>
              !(
                e.source.startsWith(`${row.tool} catalogue`) && e.source.includes(JSON.stringify(row.msgid))
              ) && patterns[at]?.test(normalizeForMatch(e.text)),
          );
          expect(
            backed,
            `${entry.id} holds the pattern of ${row.tool} ${JSON.stringify(row.msgid)} (${lang})`,
          ).toBe(true);
        }
      }
    }
  });
});
