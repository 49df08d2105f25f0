import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadLogsMoreCases, logsMoreHoldout } from '../../scripts/logs/split.mjs';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';

/**
 * The server-log round three (scripts/logs/cases-more.yaml): every case sits on the side its scenario's rank
 * names, no scenario is on both sides, each server has scenarios held out, every case says which capture and
 * format its lines come from and why it has its category, and the category is one of the taxonomy's. Failures
 * name case ids only, never a holdout text.
 */

interface Case {
  id: string;
  category: string;
  scenario: string;
  kind: string;
  config?: string;
}

const root = join(import.meta.dirname, '..', '..');
const config = loadLogsMoreCases();
const held = logsMoreHoldout(config);
function casesIn(folder: string): Case[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => (parse(readFileSync(join(folder, f), 'utf8')) as { cases: Case[] }).cases);
}
const tuning = casesIn(join(root, 'test/fixtures/captured/logs-more'));
const holdout = casesIn(join(root, 'test/fixtures/eval/holdout/logs-more'));

describe('server logs, round three (logs-more)', () => {
  it('puts every case on the side of its scenario, about 40 % of them held out, every server on both sides', () => {
    const misplaced = [
      ...tuning.filter((c) => held.has(c.scenario)),
      ...holdout.filter((c) => !held.has(c.scenario)),
    ].map((c) => c.id);
    expect(misplaced).toEqual([]);
    const share = holdout.length / (holdout.length + tuning.length);
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
    const servers = (cases: Case[]) => new Set(cases.map((c) => c.scenario.split('/')[0]));
    expect([...servers(holdout)].sort()).toEqual([...servers(tuning)].sort());
  });

  it('keeps each case’s capture, format and label reason, and labels with taxonomy categories', () => {
    const categories = new Set(loadKnowledgeBase().categories.map((c) => c.code));
    const all = [...tuning, ...holdout];
    const lacking = (re: RegExp) => all.filter((c) => !re.test(c.config ?? '')).map((c) => c.id);
    expect(lacking(/^from: scripts\/logs\/data\/logs-more\/[^/]+\/[^/]+\/[\w-]+\.log$/m)).toEqual([]);
    expect(lacking(/^format: [\w-]+$/m)).toEqual([]);
    expect(lacking(/^label: \S/m)).toEqual([]);
    expect(all.filter((c) => !categories.has(c.category)).map((c) => c.id)).toEqual([]);
    // Each event of cases-more.yaml is in the fixtures in at least one format, with its chat questions.
    const ids = all.map((c) => c.id);
    const missing = config.events.filter((e) => !ids.some((id) => id.startsWith(`logs-more/${e.id}/`)));
    expect(missing.map((e) => e.id)).toEqual([]);
    const chats = config.events.flatMap((e) => (e.chat ?? []).map((l) => [e.id, l] as const));
    const asked = chats.filter(([id, l]) =>
      ids.some((i) => i.startsWith(`logs-more/${id}/`) && i.endsWith(`/chat-${l}`)),
    );
    expect(asked.length).toBe(chats.length);
  });
});
