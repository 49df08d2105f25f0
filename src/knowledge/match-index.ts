import type { CompiledEntry } from './compiled-entry.js';
import { LiteralIndex, type LiteralIndexData } from './literal-index.js';
import { requiredAlternatives, topLevelBranches } from './required-literal.js';

/**
 * The entries of one kind, indexed so that matching a text looks only at the entries that can apply:
 * patterned entries through the literals their patterns need, command-only ("bare") entries by command,
 * code-only entries by response code.
 */
export interface MatchIndex {
  /** Pattern p of this kind belongs to `entries[entryOf[p]]`, as its pattern number `patternOf[p]`. */
  readonly entries: readonly CompiledEntry[];
  readonly entryOf: Int32Array;
  readonly patternOf: Int32Array;
  readonly literals: LiteralIndex;
  readonly bareByVerb: ReadonlyMap<string, readonly CompiledEntry[]>;
  readonly codeOnlyByCode: ReadonlyMap<string, readonly CompiledEntry[]>;
}

/** Runs of which a match of the pattern holds one at least; undefined when a top-level branch has none. */
export function patternRuns(source: string): string[] | undefined {
  const runs: string[] = [];
  for (const branch of topLevelBranches(source)) {
    const alternatives = requiredAlternatives(branch);
    if (!alternatives) return undefined;
    runs.push(...alternatives);
  }
  return runs;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `literals`: the build's index of these very entries' patterns (from the knowledge cache), if any. */
export function buildMatchIndex(entries: readonly CompiledEntry[], literals?: LiteralIndexData): MatchIndex {
  const entryOf: number[] = [];
  const patternOf: number[] = [];
  const runs: (string[] | undefined)[] = [];
  const bareByVerb = new Map<string, CompiledEntry[]>();
  const codeOnlyByCode = new Map<string, CompiledEntry[]>();
  entries.forEach((entry, e) => {
    const m = entry.head.match;
    entry.sources.forEach((source, p) => {
      entryOf.push(e);
      patternOf.push(p);
      if (!literals) runs.push(patternRuns(source));
    });
    if (entry.sources.length > 0) return;
    if (m.bare) for (const verb of new Set(entry.commands.map((c) => c.verb))) push(bareByVerb, verb, entry);
    else for (const code of new Set(m.responseCodes)) push(codeOnlyByCode, code, entry);
  });
  return {
    entries,
    entryOf: Int32Array.from(entryOf),
    patternOf: Int32Array.from(patternOf),
    literals: literals && literals.items === entryOf.length ? new LiteralIndex(literals) : LiteralIndex.build(runs),
    bareByVerb,
    codeOnlyByCode,
  };
}
