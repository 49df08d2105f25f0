import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RawKnowledge, readValidatedCache, writeValidatedCache } from '../../src/knowledge/cache.js';
import { buildMatchIndex } from '../../src/knowledge/match-index.js';
import { buildKnowledgeCache, loadKnowledgeBase } from '../../src/knowledge/load.js';
import { defaultKnowledgeDir } from '../../src/knowledge/paths.js';

/**
 * The build's knowledge cache: a start uses it while the files are those it was built from (same sizes and
 * times, or else the same content), and reads the YAML as soon as one changed. A title changed in the cache
 * alone shows which of the two a start used.
 */
describe('the knowledge cache', () => {
  const root = mkdtempSync(join(tmpdir(), 'popbot-cache-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, 'knowledge');
  cpSync(defaultKnowledgeDir(), dir, { recursive: true });
  const cacheFile = join(root, 'knowledge-cache.json');
  buildKnowledgeCache(dir, cacheFile);
  const header = JSON.parse(readFileSync(cacheFile, 'utf8').split('\n')[0]!) as RawKnowledge;
  const cached = readValidatedCache(cacheFile, { stamp: header.stamp })!;
  const validated = cached.validated!;
  const [first, ...rest] = validated.entries.map(({ file, entry }) => ({ file, entry: 'load' in entry ? entry.load() : entry }));
  first!.entry.en.title = 'read from the cache';
  writeValidatedCache(cacheFile, { ...cached, validated: { ...validated, entries: [first!, ...rest] } });
  const title = () => loadKnowledgeBase(dir, cacheFile).entry(first!.entry.id)!.entry.en.title;
  const file = join(dir, first!.file);

  it('is used while the files are unchanged', () => {
    expect(title()).toBe('read from the cache');
  });

  it('is used when only a time changed (a checkout), its content being the same', () => {
    const later = new Date(statSync(file).mtimeMs + 60_000);
    utimesSync(file, later, later);
    expect(title()).toBe('read from the cache');
  });

  it('holds the literal indexes the knowledge base would derive itself', () => {
    const kb = loadKnowledgeBase(dir, cacheFile);
    for (const kind of ['server', 'client', 'reply'] as const) {
      expect(validated.literalIndexes?.[kind]).toBeDefined();
      expect(kb.matchIndex(kind).literals.data).toEqual(buildMatchIndex(kb.byKind[kind]).literals.data);
    }
  });

  it('is not used once a file changed', () => {
    appendFileSync(file, '\n# edited\n');
    expect(title()).not.toBe('read from the cache');
  });
});
