/**
 * The longest run of literal text that every match of a regular expression must contain, per top-level
 * alternative. A line without any of them cannot match, which one fast test of plain literals can tell
 * before the patterns themselves run (the patterns' gaps and classes make V8 try every pattern at every
 * position; literals it finds quickly).
 */

/** Splits a regex source at its top-level `|`. */
export function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
    } else if (c === '|' && depth === 0) {
      branches.push(source.slice(start, i));
      start = i + 1;
    }
  }
  branches.push(source.slice(start));
  return branches;
}

const QUANTIFIERS = new Set(['?', '*', '+', '{']);
// Escapes that stand for one literal character.
const LITERAL_ESCAPES = new Set([...'.*+?^$|()[]{}\\/- :,;=\'"<>@#%&!~`']);

/**
 * The longest literal run (lowercased) that a match of this top-level branch must contain, or undefined
 * when none is at least `min` characters long. Runs inside groups and classes do not count (a group may be
 * optional or an alternation); a quantifier after a run makes its last character optional.
 */
export function requiredLiteral(branch: string, min = 4): string | undefined {
  return longestRun(branch, min)?.toLowerCase();
}

/** requiredLiteral's run in the pattern's own case. */
function longestRun(branch: string, min: number): string | undefined {
  let best = '';
  let run = '';
  let depth = 0;
  const end = (next: string | undefined) => {
    const literal = next !== undefined && QUANTIFIERS.has(next) ? run.slice(0, -1) : run;
    if (literal.length > best.length) best = literal;
    run = '';
  };
  for (let i = 0; i < branch.length; i++) {
    const c = branch[i] ?? '';
    if (depth > 0) {
      if (c === '\\') i++;
      else if (c === '[') while (i < branch.length && branch[i] !== ']') i += branch[i] === '\\' ? 2 : 1;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      continue;
    }
    if (c === '\\') {
      const e = branch[i + 1] ?? '';
      if (LITERAL_ESCAPES.has(e)) {
        run += e;
        i++;
        if (QUANTIFIERS.has(branch[i + 1] ?? '')) end(branch[i + 1]);
      } else {
        end(undefined);
        i++;
      }
      continue;
    }
    if (c === '[') {
      end(undefined);
      while (i < branch.length && branch[i] !== ']') i += branch[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') {
      end(undefined);
      depth++;
      continue;
    }
    if (c === '{') {
      // A {n,m} quantifier: its digits are no literal text.
      end(undefined);
      while (i < branch.length && branch[i] !== '}') i++;
      continue;
    }
    if (c === '.' || c === '^' || c === '$' || c === ')' || QUANTIFIERS.has(c)) {
      end(c);
      continue;
    }
    run += c;
    if (QUANTIFIERS.has(branch[i + 1] ?? '')) end(branch[i + 1]);
  }
  end(undefined);
  return best.length >= min ? best : undefined;
}

const LOOKAROUND = /^\(\?(?:[=!]|<[=!])/;

/** The top-level groups of a branch that every match goes through once at least: `(a|b)`, `(?:a)+`. */
function requiredGroups(branch: string): string[] {
  const groups: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < branch.length; i++) {
    const c = branch[i];
    if (c === '\\') i++;
    else if (c === '[') while (i < branch.length && branch[i] !== ']') i += branch[i] === '\\' ? 2 : 1;
    else if (c === '(') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === ')' && --depth === 0) {
      const group = branch.slice(start, i + 1);
      const next = branch[i + 1];
      const optional = next === '?' || next === '*' || (next === '{' && /^\{0*,|^\{0+\}/.test(branch.slice(i + 1)));
      if (!optional && !LOOKAROUND.test(group)) {
        groups.push(group.slice(group.startsWith('(?:') ? 3 : group.startsWith('(?<') ? group.indexOf('>') + 1 : 1, -1));
      }
    }
  }
  return groups;
}

/**
 * Literal runs of which every match of the branch contains one at least (in the pattern's own case), or
 * undefined when the branch has no such set with every run `min` characters or more: the branch's longest
 * top-level run, or one run per alternative of a group every match goes through (`(ioerror|dberror)`), the
 * choice whose shortest run is longest.
 */
export function requiredAlternatives(branch: string, min = 4): string[] | undefined {
  const run = longestRun(branch, min);
  let best = run === undefined ? undefined : [run];
  const shortest = (set: string[]) => Math.min(...set.map((s) => s.length));
  for (const group of requiredGroups(branch)) {
    const set: string[] = [];
    for (const alternative of topLevelBranches(group)) {
      const runs = requiredAlternatives(alternative, min);
      if (runs === undefined) {
        set.length = 0;
        break;
      }
      set.push(...runs);
    }
    if (set.length > 0 && (best === undefined || shortest(set) > shortest(best))) best = set;
  }
  return best;
}
