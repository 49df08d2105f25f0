import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { requiredLiteral, topLevelBranches } from '../../src/knowledge/required-literal.js';

describe('the literal text a pattern cannot match without', () => {
  const cases: [string, string | undefined][] = [
    ['authorization failure on \\S+@', 'authorization failure on '],
    ['\\bconnection refused\\b', 'connection refused'],
    ['curl: \\(67\\)', 'curl: (67)'],
    ['login failed, user=[^,]{0,200}, ip=\\[', 'login failed, user='],
    ['(javax|jakarta)\\.mail\\.authenticationfailedexception', '.mail.authenticationfailedexception'],
    ['abcd?efgh', 'efgh'],
    ['x{2,30}yz', undefined],
    ['error \\d+ while', 'error '],
    ['^[a-z]+$', undefined],
    ['wrong (version|length) number', ' number'],
  ];
  for (const [source, literal] of cases) {
    it(`${source} needs ${JSON.stringify(literal)}`, () => expect(requiredLiteral(source)).toBe(literal));
  }

  it('splits top-level alternatives only', () => {
    expect(topLevelBranches('a(b|c)d|e[|]f|g')).toEqual(['a(b|c)d', 'e[|]f', 'g']);
  });

  it('holds for every example of every client entry: each match contains its branch literal', () => {
    const kb = loadKnowledgeBase();
    for (const compiled of kb.byKind.client) {
      for (const example of compiled.entry.examples) {
        const text = example.text.toLowerCase();
        for (const re of compiled.patterns) {
          const m = re.exec(text);
          if (!m) continue;
          const literals = topLevelBranches(re.source).map((b) => requiredLiteral(b));
          // A match comes from one branch: at least one branch's literal (or an unfilterable branch) is in it.
          expect(literals.some((l) => l === undefined || m[0].toLowerCase().includes(l)), `${compiled.entry.id}: ${re.source}`).toBe(true);
        }
      }
    }
  });
});
