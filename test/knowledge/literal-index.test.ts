import { describe, expect, it } from 'vitest';
import { foldText, LiteralIndex } from '../../src/knowledge/literal-index.js';
import { patternRuns } from '../../src/knowledge/match-index.js';
import { requiredAlternatives } from '../../src/knowledge/required-literal.js';

describe('the runs a pattern cannot match without', () => {
  const cases: [string, string[] | undefined][] = [
    ['connection refused', ['connection refused']],
    // A group every match goes through: one of its alternatives' runs.
    ['\\b(ioerror|dberror)\\b', ['ioerror', 'dberror']],
    ['(pop3d(-ssl)?|courierpop3login): (disconnected|i\\/o error disconnect)', ['disconnected', 'i/o error disconnect']],
    // An optional group, a lookahead or an alternative without a run gives no set.
    ['x(ioerror|dberror)?y', undefined],
    ['(?!ioerror)ab', undefined],
    ['(ioerror|db)', undefined],
    // The longer of the run and the group wins.
    ['mailbox is locked (by|from) (another|other) session', ['mailbox is locked ']],
  ];
  for (const [source, runs] of cases) {
    it(`${source} needs one of ${JSON.stringify(runs)}`, () => expect(requiredAlternatives(source)).toEqual(runs));
  }

  it('gives a pattern no runs when one of its top-level branches has none', () => {
    expect(patternRuns('login failed|^[a-z]+$')).toBeUndefined();
    expect(patternRuns('login failed|access denied')).toEqual(['login failed', 'access denied']);
  });
});

describe('the literal index', () => {
  const index = LiteralIndex.build([['login failed'], ['access denied', 'permission denied'], undefined, ['xxσyy'], ['ab']]);

  it('returns the items whose runs occur, those without runs, and no other', () => {
    expect(index.candidates('-err login failed')).toEqual([0, 2, 4]);
    expect(index.candidates('PERMISSION DENIED for Login Failed')).toEqual([0, 1, 2, 4]);
    expect(index.candidates('login faile')).toEqual([2, 4]);
    expect(index.candidates('')).toEqual([2, 4]);
  });

  it('folds letters the way a case-insensitive regex without the u flag does', () => {
    // /σ/i matches ς and Σ: the index must not lose what the pattern would find.
    expect(/xxσyy/i.test('XXςYY')).toBe(true);
    expect(index.candidates('XXςYY')).toContain(3);
    expect(foldText('ΣAb')).toBe(foldText('σab'));
    // The Kelvin sign is no k for such a regex, nor for the index.
    expect(/k/i.test('\u212a')).toBe(false);
    expect(foldText('\u212a')).not.toBe(foldText('k'));
  });

  it('finds a run at the very start and end of a text, and twice in one text', () => {
    expect(index.candidates('access denied')).toContain(1);
    expect(index.candidates('access denied, access denied')).toEqual([1, 2, 4]);
  });
});
