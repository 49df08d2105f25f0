import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { validIn } from '../../src/explain/pop-commands.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';

/** `popbot kb show` explains each entry's first example as a user would paste it: `C: command` / `S: reply`. */
function shown(id: string) {
  const entry = defaultKnowledgeBase().entry(id)!;
  const example = entry.entry.examples[0]!;
  const input = example.command ? `C: ${example.command}\nS: ${example.text}` : example.text;
  return { entry, example, finding: explain(input, { lang: 'en' }).findings.find((f) => f.entry === id) };
}

const STATES = ['AUTHORIZATION', 'TRANSACTION', 'UPDATE'] as const;

describe('kb show: the state shown agrees with the entry and the command', () => {
  it('deleted-messages-not-removed is an UPDATE-state failure, as its text says', () => {
    expect(shown('deleted-messages-not-removed').finding?.state).toBe('UPDATE');
  });

  it('for every entry: a state its texts name, and one where its command is allowed', () => {
    const wrong: string[] = [];
    for (const { entry } of defaultKnowledgeBase().entries) {
      const { example, finding } = shown(entry.id);
      if (!finding?.state) continue;
      const text = JSON.stringify(entry.en);
      const named = STATES.filter((s) => text.includes(s));
      if (named.length > 0 && !named.includes(finding.state)) wrong.push(`${entry.id}: ${finding.state}, text says ${named}`);
      const verb = example.command?.split(' ')[0]?.toUpperCase();
      const allowed = finding.state === 'UPDATE' ? verb === 'QUIT' : validIn(verb ?? '', finding.state);
      if (verb && verb !== 'GREETING' && !allowed) wrong.push(`${entry.id}: ${verb} in ${finding.state}`);
    }
    expect(wrong).toEqual([]);
  });
});
