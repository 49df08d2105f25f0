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
  return best.length >= min ? best.toLowerCase() : undefined;
}
