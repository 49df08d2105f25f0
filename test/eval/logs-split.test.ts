import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isHoldoutScenario, loadLogCases } from '../../scripts/logs/split.mjs';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';

/**
 * The server-log round (scripts/logs): every case sits on the side its scenario's hash names, no scenario is
 * on both sides, every case says where its lines come from and why it has its category, and the category is
 * one of the taxonomy's. Failures name case ids only, never a holdout text.
 */

interface Case {
  id: string;
  category: string;
  scenario: string;
  kind: string;
  config?: string;
}

const root = join(import.meta.dirname, '..', '..');
const config = loadLogCases();
function casesIn(folder: string): Case[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => (parse(readFileSync(join(folder, f), 'utf8')) as { cases: Case[] }).cases);
}
const tuning = casesIn(join(root, 'test/fixtures/captured/logs'));
const holdout = casesIn(join(root, 'test/fixtures/eval/holdout/logs'));

describe('server logs, round two', () => {
  it('puts every case on the side of its source and scenario', () => {
    const misplaced = [
      ...tuning.filter((c) => isHoldoutScenario(config, c.scenario)),
      ...holdout.filter((c) => !isHoldoutScenario(config, c.scenario)),
    ].map((c) => c.id);
    expect(misplaced).toEqual([]);
    const both = new Set(tuning.map((c) => c.scenario).filter((s) => holdout.some((h) => h.scenario === s)));
    expect([...both]).toEqual([]);
    const share = holdout.length / (holdout.length + tuning.length);
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
  });

  it('keeps each case’s provenance and the reason for its label, and labels with taxonomy categories', () => {
    const categories = new Set(loadKnowledgeBase().categories.map((c) => c.code));
    const all = [...tuning, ...holdout];
    expect(all.filter((c) => !/^from: .+, lines? \d/m.test(c.config ?? '')).map((c) => c.id)).toEqual([]);
    expect(all.filter((c) => !/^label: \S/m.test(c.config ?? '')).map((c) => c.id)).toEqual([]);
    expect(all.filter((c) => !categories.has(c.category)).map((c) => c.id)).toEqual([]);
    // Each case of cases.yaml is in the fixtures, as a bare log text and in its chat questions.
    const ids = new Set(all.map((c) => c.id));
    expect(config.cases.filter((c) => !ids.has(`logs/${c.source}/${c.id}`)).map((c) => c.id)).toEqual([]);
  });
});
