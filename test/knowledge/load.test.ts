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

describe('like: an entry inherits the fields it does not write', () => {
  const kb = loadKnowledgeBase();

  it('the login-failed client messages share one text of advice, written once', () => {
    const base = kb.entry('thunderbird-login-failed')!.entry;
    const heirs = kb.entries.filter((e) => e.entry.like === 'thunderbird-login-failed');
    expect(heirs.length).toBeGreaterThanOrEqual(7);
    for (const { entry } of heirs)
      for (const lang of LANGS) {
        expect(entry[lang].causes).toEqual(base[lang].causes);
        expect(entry[lang].adminSteps).toEqual(base[lang].adminSteps);
        // Each keeps its own title: only the unwritten fields are inherited.
        expect(entry[lang].title).not.toBe(base[lang].title);
      }
  });

  it('overrides single fields, one language at a time, and never inherits patterns or examples', () => {
    const dir = mkdtempSync(join(tmpdir(), 'popbot-kb-'));
    cpSync(defaultKnowledgeDir(), dir, { recursive: true });
    writeFileSync(
      join(dir, 'entries', 'auth', 'heir.yaml'),
      [
        'id: heir',
        'like: authentication-failed',
        "match: { patterns: ['heir words only'] }",
        'examples: [{ text: "-ERR heir words only", source: test }]',
        'fr: { title: Titre à moi }',
      ].join('\n'),
    );
    const heir = loadKnowledgeBase(dir).entry('heir')!;
    const base = kb.entry('authentication-failed')!.entry;
    expect(heir.entry.category).toBe('auth.failed');
    expect(heir.entry.fr.title).toBe('Titre à moi');
    expect(heir.entry.fr.meaning).toBe(base.fr.meaning);
    expect(heir.entry.en).toEqual(base.en);
    expect(heir.entry.examples).toHaveLength(1);
    expect(heir.patterns).toHaveLength(1);
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

  const entry = (id: string, extra: string[], langs = true) =>
    [
      `id: ${id}`,
      'category: auth.failed',
      'kind: server',
      'producers: [test]',
      ...extra,
      'retry: false',
      `examples: [{ text: "-ERR ${id} words", source: test }]`,
      ...(langs
        ? ['en', 'fr', 'vi'].map((l) => `${l}: { title: t, meaning: m, causes: [c], userSteps: [u], adminSteps: [a] }`)
        : []),
    ].join('\n');

  it('refuses a pattern holding a quote mark (matching removes quotes, so it could never match as written)', () => {
    const dir = copyWith('auth/quoted.yaml', entry('quoted', [`match: { patterns: ['said "[^"]+"'] }`]));
    expect(() => loadKnowledgeBase(dir)).toThrow(/quoted\.yaml: match\.patterns\.0: .*quote mark/);
    const curly = copyWith('auth/curly.yaml', entry('curly', ["match: { patterns: ['isn\u2019t allowed'] }"]));
    expect(() => loadKnowledgeBase(curly)).toThrow(/curly\.yaml: .*quote mark/);
  });

  it('refuses a like: that names no entry, or leads back to itself', () => {
    const unknown = copyWith('auth/orphan.yaml', entry('orphan', ['like: no-such-entry', "match: { patterns: ['orphan words'] }"]));
    expect(() => loadKnowledgeBase(unknown)).toThrow(/orphan\.yaml: like: "no-such-entry" is no entry/);
    const dir = copyWith('auth/loop-a.yaml', entry('loop-a', ['like: loop-b', "match: { patterns: ['loop a'] }"], false));
    writeFileSync(join(dir, 'entries', 'auth', 'loop-b.yaml'), entry('loop-b', ['like: loop-a', "match: { patterns: ['loop b'] }"], false));
    expect(() => loadKnowledgeBase(dir)).toThrow(/like: "loop-\w" leads back/);
  });

  it('refuses an entry that requires its command and lists none', () => {
    const dir = copyWith(
      'auth/commandless.yaml',
      entry('commandless', ["match: { patterns: ['commandless words'], requiresCommand: true }"]),
    );
    expect(() => loadKnowledgeBase(dir)).toThrow(/commandless\.yaml: match\.requiresCommand: .*lists commands/);
  });

  it('refuses invalid YAML with the file name', () => {
    const dir = copyWith('auth/broken.yaml', 'id: [unclosed\n');
    expect(() => loadKnowledgeBase(dir)).toThrow(/broken\.yaml: not valid YAML/);
  });
});
