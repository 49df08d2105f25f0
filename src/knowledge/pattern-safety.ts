/**
 * A static check for the regex shapes that backtrack catastrophically in JavaScript's engine: a quantified
 * group whose body is itself quantified (`(a+)+`, `(\s*x)*`), or a quantified group with alternatives that
 * can match the same text (`(a|a)*`). Patterns are also matched against bounded text (see MAX_MATCH_CHARS),
 * and a test runs every pattern against adversarial input; this check gives the contributor an early,
 * precise message.
 */
export function findBacktrackingRisk(source: string): string | undefined {
  // Strip escapes and character classes, which cannot nest quantifiers.
  const flat = source.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  const stack: { quantifiedInside: boolean; alternation: boolean }[] = [];
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i];
    if (c === '(') {
      stack.push({ quantifiedInside: false, alternation: false });
    } else if (c === '|') {
      const top = stack[stack.length - 1];
      if (top) top.alternation = true;
    } else if (c === '*' || c === '+' || c === '{') {
      const top = stack[stack.length - 1];
      if (top) top.quantifiedInside = true;
    } else if (c === ')') {
      const group = stack.pop();
      const next = flat[i + 1];
      const groupQuantified = next === '*' || next === '+' || next === '{';
      if (group && groupQuantified && group.quantifiedInside) {
        return 'nests a quantifier inside a quantified group, which can backtrack catastrophically';
      }
      if (group && groupQuantified && group.alternation) {
        return 'repeats a group of alternatives, which can backtrack catastrophically; list the alternatives as separate patterns';
      }
      const parent = stack[stack.length - 1];
      if (parent && group?.quantifiedInside) parent.quantifiedInside = true;
    }
  }
  return undefined;
}
