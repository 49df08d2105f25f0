import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/lang.js';
import { KnowledgeError } from '../../src/knowledge/errors.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { defaultKnowledgeDir } from '../../src/knowledge/paths.js';

describe('the knowledge base', () => {
  const kb = loadKnowledgeBase();

  it('loads every entry file', () => {
    expect(kb.entries.length).toBeGreaterThan(2);
  });

  it('gives every entry all three languages, every field non-empty', () => {
    for (const { entry } of kb.entries) {
      for (const lang of LANGS) {
        const text = entry[lang];
        expect(text.title.trim(), `${entry.id} ${lang}.title`).not.toBe('');
        expect(text.causes.length, `${entry.id} ${lang}.causes`).toBeGreaterThan(0);
        expect(text.userSteps.length, `${entry.id} ${lang}.userSteps`).toBeGreaterThan(0);
        expect(text.adminSteps.length, `${entry.id} ${lang}.adminSteps`).toBeGreaterThan(0);
      }
    }
  });

  it('names every category in all three languages', () => {
    for (const c of kb.categories) for (const lang of LANGS) expect(c[lang].name).not.toBe('');
  });
});

describe('a broken knowledge file', () => {
  function copyWith(file: string, content: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'popbot-kb-'));
    cpSync(defaultKnowledgeDir(), dir, { recursive: true });
    mkdirSync(join(dir, 'entries', 'auth'), { recursive: true });
    writeFileSync(join(dir, 'entries', file), content);
    return dir;
  }

  it('names the file and the field when a language is missing', () => {
    const dir = copyWith('auth/half-written.yaml', 'id: half-written\ncategory: auth.failed\nkind: server\n');
    expect(() => loadKnowledgeBase(dir)).toThrow(KnowledgeError);
    expect(() => loadKnowledgeBase(dir)).toThrow(/entries\/auth\/half-written\.yaml: .*producers/);
  });

  it('refuses a pattern that nests quantifiers', () => {
    const valid = loadKnowledgeBase().entry('unable-to-lock-maildrop');
    expect(valid).toBeDefined();
    const dir = copyWith(
      'auth/nested.yaml',
      [
        'id: nested',
        'category: auth.failed',
        'kind: server',
        'producers: [test]',
        'match: { patterns: ["(a+)+b"] }',
        'retry: false',
        'examples: [{ text: "-ERR aaab", source: test }]',
        ...['en', 'fr', 'vi'].map(
          (l) => `${l}: { title: t, meaning: m, causes: [c], userSteps: [u], adminSteps: [a] }`,
        ),
      ].join('\n'),
    );
    expect(() => loadKnowledgeBase(dir)).toThrow(/nested\.yaml: match\.patterns\.0: .*backtrack/);
  });

  it('refuses invalid YAML with the file name', () => {
    const dir = copyWith('auth/broken.yaml', 'id: [unclosed\n');
    expect(() => loadKnowledgeBase(dir)).toThrow(/broken\.yaml: not valid YAML/);
  });
});
