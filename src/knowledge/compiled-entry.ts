import type { Entry } from './schema.js';

export interface CommandSpec {
  readonly verb: string;
  readonly args: 'any' | 'some' | 'none' | 'first';
  /** With args 'first': the first argument the command must carry (`XOAUTH2` in `AUTH XOAUTH2`). */
  readonly first?: string;
}

// No 'u' flag: patterns run on accent-free text, and case-insensitive matching is several times faster
// without it (measured on a 10 MB log).
export const PATTERN_FLAGS = 'i';

/** What matching reads of an entry; the rest (texts in three languages, examples) is read when shown. */
export type EntryHead = Pick<Entry, 'id' | 'kind' | 'category' | 'match'>;

/** An entry whose texts stay unparsed in the knowledge cache until they are needed. */
export interface LazyEntry {
  head: EntryHead;
  load: () => Entry;
}

/**
 * An entry ready for matching. Its patterns are compiled when first used: a start that explains one line
 * compiles the few patterns whose literals the line holds, not the whole knowledge base's.
 */
export class CompiledEntry {
  private readonly compiled: (RegExp | undefined)[];
  readonly head: EntryHead;
  private full: Entry | undefined;
  private readonly load: (() => Entry) | undefined;

  constructor(
    entry: Entry | LazyEntry,
    readonly file: string,
    /** The patterns' sources, accents folded (what is compiled). */
    readonly sources: readonly string[],
    readonly commands: readonly CommandSpec[],
    compiled?: readonly RegExp[],
  ) {
    this.compiled = compiled ? [...compiled] : new Array<RegExp | undefined>(sources.length);
    if ('load' in entry) {
      this.head = entry.head;
      this.load = entry.load;
    } else {
      this.head = entry;
      this.full = entry;
    }
  }

  get entry(): Entry {
    return (this.full ??= this.load!());
  }

  pattern(i: number): RegExp {
    return (this.compiled[i] ??= new RegExp(this.sources[i] ?? '(?!)', PATTERN_FLAGS));
  }

  /** Every pattern, compiled. */
  get patterns(): readonly RegExp[] {
    return this.sources.map((_, i) => this.pattern(i));
  }

  /**
   * The same entry with only the patterns and examples kept: to measure what one source's words gave (the
   * knowledge as if it had never seen them), never to serve answers.
   */
  keeping(
    keepPattern: (index: number) => boolean,
    keepExample: (example: Entry['examples'][number]) => boolean = () => true,
  ): CompiledEntry {
    const entry = this.entry;
    const kept = entry.match.patterns.map((_, i) => keepPattern(i));
    const reduced: Entry = {
      ...entry,
      match: { ...entry.match, patterns: entry.match.patterns.filter((_, i) => kept[i]) },
      examples: entry.examples.filter(keepExample),
    };
    return new CompiledEntry(
      reduced,
      this.file,
      this.sources.filter((_, i) => kept[i]),
      this.commands,
    );
  }
}
