import { describe, expect, it } from 'vitest';
import { syntheticKnowledgeBase } from '../../bench/corpus/synthetic-kb.js';
import { explain } from '../../src/explain/explain.js';
import { caseInput, EVAL_SETS, loadEvalSet } from '../../src/knowledge/evaluate.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';

/**
 * The literal index may only save work: explaining with it gives exactly what trying every entry and every
 * pattern gives, on every evaluation case (project, tuning, holdout), on every example of the knowledge base,
 * and with a synthetic knowledge base four times larger whose literals are new.
 */

const indexed = loadKnowledgeBase();
const exhaustive = loadKnowledgeBase(undefined, undefined, { indexed: false });
const cases = EVAL_SETS.flatMap((set) =>
  loadEvalSet(set).map((c) => ({ name: `${set}: ${c.file} ${c.source ?? ''}`, text: caseInput(c) })),
);
const examples = (kb: KnowledgeBase) =>
  kb.entries.flatMap((e) =>
    e.entry.examples.map((x, i) => ({
      name: `${e.entry.id} example ${i}`,
      text: caseInput({ text: x.text, command: x.command }),
    })),
  );

function expectSameExplanations(
  a: KnowledgeBase,
  b: KnowledgeBase,
  inputs: { name: string; text: string }[],
): number {
  let findings = 0;
  for (const { name, text } of inputs) {
    const withIndex = explain(text, { lang: 'en' }, a);
    const without = explain(text, { lang: 'en' }, b);
    expect(withIndex, name).toEqual(without);
    findings += withIndex.findings.length;
  }
  return findings;
}

describe('the literal index', () => {
  it('changes no explanation of the evaluation cases or the examples', () => {
    const inputs = [...cases, ...examples(indexed)];
    expect(cases.length).toBeGreaterThan(500);
    // The comparison is worth something only if most inputs are explained by an entry.
    expect(expectSameExplanations(indexed, exhaustive, inputs)).toBeGreaterThan(inputs.length * 0.8);
  }, 300_000);

  it('changes no explanation with a synthetic knowledge base four times larger', () => {
    const big = syntheticKnowledgeBase(indexed, { factor: 4 });
    const bigExhaustive = syntheticKnowledgeBase(indexed, { factor: 4, indexed: false });
    expect(big.entries.length).toBe(indexed.entries.length * 4);
    // Trying every pattern of a knowledge base this size is slow: every eighth case and synthetic example.
    const copies = examples(big).filter((x) => x.name.includes('-synthetic-'));
    const inputs = [...cases, ...copies].filter((_, i) => i % 8 === 0);
    expect(expectSameExplanations(big, bigExhaustive, inputs)).toBeGreaterThan(inputs.length * 0.5);
  }, 300_000);

  it('gives the synthetic copies literals of their own', () => {
    const big = syntheticKnowledgeBase(indexed, { factor: 4 });
    const real = new Set(indexed.entries.flatMap((e) => e.sources));
    const copies = big.entries.filter((e) => e.entry.id.includes('-synthetic-')).flatMap((e) => e.sources);
    const fresh = copies.filter((s) => !real.has(s));
    expect(fresh.length).toBeGreaterThan(copies.length * 0.95);
    expect(new Set(copies).size).toBeGreaterThan(copies.length * 0.95);
  });
});
