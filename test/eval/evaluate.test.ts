import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runEval } from '../../src/cli/kb-eval.js';
import {
  type EvalCase,
  evaluate,
  evalSetDir,
  loadCapturedCases,
  loadEvalSet,
  shapeOf,
  topCategory,
} from '../../src/knowledge/evaluate.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';
import { runCli } from '../support/cli-io.js';

/**
 * The evaluation machinery on small synthetic sets, in a throw-away project root: what counts as a hit is
 * decided here from what the explainer answers (so the test holds whatever the knowledge says), and the
 * cases meant to miss expect a category that does not exist.
 */

const kb = defaultKnowledgeBase();
const root = mkdtempSync(join(tmpdir(), 'popbot-eval-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TEXTS = {
  line: '-ERR [IN-USE] Unable to lock maildrop',
  transcript: 'USER alice\n+OK\nPASS secret\n-ERR [AUTH] Authentication failed.',
  client: 'fetchmail: connection to 127.0.0.1:pop3 [127.0.0.1/110] failed: Connection refused.',
};
const answer = (text: string) => topCategory(text, kb);

function captured(id: string, text: string, category: string, lang: string, kind: string) {
  return { id, text, category, lang, kind, scenario: 'synthetic', tool: 'test' };
}

function writeCaptured(dir: string, name: string, cases: object[], folder = 'sub'): void {
  mkdirSync(join(dir, folder), { recursive: true });
  const provenance = {
    captured_by: 'test/eval/evaluate.test.ts',
    date: '2026-12-06T00:00:00Z',
    server: 'none',
    server_config: 'synthetic',
    clients: { test: '0' },
  };
  writeFileSync(join(dir, folder, name), stringify({ provenance, cases }));
}

mkdirSync(evalSetDir('project', root), { recursive: true });
writeFileSync(
  join(evalSetDir('project', root), 'own.yaml'),
  stringify({
    cases: [
      { text: TEXTS.line, category: answer(TEXTS.line), lang: 'en', source: 'synthetic' },
      {
        text: 'Unable to lock maildrop',
        command: 'PASS',
        category: 'no.such-category',
        lang: 'fr',
        source: 's',
      },
    ],
  }),
);
writeCaptured(evalSetDir('tuning', root), 'a.yaml', [
  captured('t/1', TEXTS.transcript, answer(TEXTS.transcript), 'en', 'transcript'),
  captured('t/2', TEXTS.client, answer(TEXTS.client), 'vi', 'client-output'),
  captured('t/3', TEXTS.client, 'no.such-category', 'fr', 'chat'),
]);
writeCaptured(evalSetDir('holdout', root), 'b.yaml', [
  captured('h/1', 'A HOLDOUT TEXT NOBODY READS', 'no.such-category', 'vi', 'server-log'),
  captured('h/2', TEXTS.line, answer(TEXTS.line), 'vi', 'line'),
]);

describe('kb eval machinery', () => {
  it('loads captured cases from every folder down, and the project set from its top folder only', () => {
    expect(loadEvalSet('tuning', root).map((c) => c.source)).toEqual(['t/1', 't/2', 't/3']);
    expect(loadEvalSet('holdout', root).map((c) => c.file)).toEqual([
      join('sub', 'b.yaml'),
      join('sub', 'b.yaml'),
    ]);
    // The holdout lives under the project set's folder; it must not leak into it.
    expect(loadEvalSet('project', root)).toHaveLength(2);
  });

  it('counts hits and misses per language, per kind and per both', () => {
    const report = evaluate(kb, loadEvalSet('tuning', root));
    expect(report).toMatchObject({ total: 3, correct: 2 });
    expect(report.perLang).toEqual({
      en: { total: 1, correct: 1 },
      fr: { total: 1, correct: 0 },
      vi: { total: 1, correct: 1 },
    });
    expect(report.perKind.chat).toEqual({ total: 1, correct: 0 });
    expect(report.perKind['client-output']).toEqual({ total: 1, correct: 1 });
    expect(report.perLangKind.vi['client-output']).toEqual({ total: 1, correct: 1 });
    expect(report.perLangKind.en.chat).toEqual({ total: 0, correct: 0 });
    expect(report.misses).toEqual([
      expect.objectContaining({ source: 't/3', expected: 'no.such-category', lang: 'fr', kind: 'chat' }),
    ]);
  });

  it('reads a reply to a named command as that reply (the project set), and gives it the kind "line"', () => {
    const [, own] = loadEvalSet('project', root) as [EvalCase, EvalCase];
    expect(own.kind).toBe('line');
    expect(evaluate(kb, [own]).misses[0]?.got).toBe(answer('C: PASS\nS: Unable to lock maildrop'));
  });

  it('reports the three sets, and hides the holdout texts unless asked', () => {
    const json = JSON.parse(
      runEval(kb, { json: true, sets: undefined, holdoutMisses: false, lang: 'en', root }),
    );
    expect(Object.keys(json.sets)).toEqual(['project', 'tuning', 'holdout']);
    expect(json.sets.holdout).toMatchObject({ total: 2, correct: 1, misses: [] });
    expect(json.sets.holdout.missesByCategory).toEqual({
      [`no.such-category -> ${answer('A HOLDOUT TEXT NOBODY READS')}`]: 1,
    });
    const text = runEval(kb, { json: false, sets: ['holdout'], holdoutMisses: false, lang: 'en', root });
    expect(text).toMatch(/holdout.*1\/2 50\.0%/);
    expect(text).not.toContain('NOBODY READS');
    const shown = runEval(kb, { json: false, sets: ['holdout'], holdoutMisses: true, lang: 'en', root });
    expect(shown).toContain('NOBODY READS');
  });

  it('shows the first-sight figures recorded beside the current ones', () => {
    mkdirSync(join(root, 'docs'), { recursive: true });
    const tuning = evaluate(kb, loadEvalSet('tuning', root));
    writeFileSync(
      join(root, 'docs', 'evaluation-first-sight.json'),
      JSON.stringify({ date: '2026-12-06', commit: 'abc1234', sets: { tuning } }),
    );
    const text = runEval(kb, { json: false, sets: ['tuning'], holdoutMisses: false, lang: 'en', root });
    expect(text).toMatch(
      /first sight[^]*abc1234[^]*tuning: 2\/3 66\.7% \(en 100\.0%, fr 0\.0%, vi 100\.0%\)/,
    );
  });

  it('names the file and the field of a captured case that does not fit the schema', () => {
    const bad = mkdtempSync(join(root, 'bad-'));
    writeCaptured(bad, 'c.yaml', [captured('x', 'text', 'auth.failed', 'en', 'screenshot')]);
    expect(() => loadCapturedCases(bad)).toThrow(/c\.yaml: cases\.0\.kind/);
  });

  it('refuses an unknown set with a usage message', async () => {
    const run = await runCli(['kb', 'eval', '--set', 'everything']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--set takes project, tuning or holdout, not "everything"/);
    const fr = await runCli(['kb', 'eval', '--set', 'tout', '--lang', 'fr']);
    expect(fr.stderr).toMatch(/--set accepte project, tuning ou holdout, pas «\u00a0tout\u00a0»/);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('kinds', () => {
  it('tells a transcript, a reply line and other output apart when a case has no kind', () => {
    expect(shapeOf({ text: TEXTS.transcript })).toBe('transcript');
    expect(shapeOf({ text: TEXTS.line })).toBe('line');
    expect(shapeOf({ text: 'Unable to lock', command: 'PASS' })).toBe('line');
    expect(shapeOf({ text: TEXTS.client })).toBe('client-output');
  });
});

describe('kb eval per source', () => {
  const sourcesRoot = mkdtempSync(join(tmpdir(), 'popbot-eval-sources-'));
  afterAll(() => rmSync(sourcesRoot, { recursive: true, force: true }));
  const tuning = evalSetDir('tuning', sourcesRoot);
  writeCaptured(tuning, 'a.yaml', [captured('c/1', TEXTS.line, answer(TEXTS.line), 'fr', 'line')], 'courier');
  writeCaptured(
    tuning,
    'b.yaml',
    [
      captured('y/1', TEXTS.client, answer(TEXTS.client), 'en', 'client-output'),
      captured('y/2', TEXTS.client, 'no.such-category', 'en', 'client-output'),
    ],
    'cyrus',
  );

  it('counts each source folder, and keeps to the sources asked for', () => {
    const report = evaluate(kb, loadEvalSet('tuning', sourcesRoot));
    expect(report.perSource.courier?.fr).toEqual({ total: 1, correct: 1 });
    expect(report.perSource.cyrus?.all).toEqual({ total: 2, correct: 1 });
    const text = runEval(kb, {
      json: false,
      sets: ['tuning'],
      holdoutMisses: false,
      lang: 'en',
      root: sourcesRoot,
    });
    expect(text).toMatch(/courier\s+-\s+1\/1 100\.0%/);
    expect(text).toMatch(/cyrus\s+1\/2 50\.0%/);
    const only = JSON.parse(
      runEval(kb, {
        json: true,
        sets: ['tuning'],
        sources: ['cyrus'],
        holdoutMisses: false,
        lang: 'en',
        root: sourcesRoot,
      }),
    );
    expect(only.sets.tuning).toMatchObject({ total: 2, correct: 1 });
  });

  it('shows the first sight each later capture recorded', () => {
    mkdirSync(join(sourcesRoot, 'docs', 'first-sight'), { recursive: true });
    const before = evaluate(kb, loadEvalSet('tuning', sourcesRoot));
    writeFileSync(
      join(sourcesRoot, 'docs', 'first-sight', 'cyrus.json'),
      JSON.stringify({
        date: '2026-12-07',
        commit: 'f7c633a',
        sets: { tuning: before.perSource.cyrus && before },
      }),
    );
    const text = runEval(kb, {
      json: false,
      sets: ['tuning'],
      holdoutMisses: false,
      lang: 'en',
      root: sourcesRoot,
    });
    expect(text).toMatch(/first sight of cyrus[^]*f7c633a[^]*tuning: 2\/3/);
  });
});
