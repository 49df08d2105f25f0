import type { Lang } from '../i18n/lang.js';
import type { CompiledEntry } from './compiled-entry.js';
import type { LiteralIndexData } from './literal-index.js';
import { buildMatchIndex, type MatchIndex } from './match-index.js';
import type { Category, Entry } from './schema.js';

export interface KnowledgeBaseOptions {
  indexed?: boolean;
  /** The literal indexes the build derived from these very entries (see literal-index.ts), by kind. */
  literalIndexes?: Partial<Record<Entry['kind'], LiteralIndexData>>;
}

/** The loaded, validated knowledge base, indexed the ways the explainer and `popbot kb` look it up. */
export class KnowledgeBase {
  readonly entries: readonly CompiledEntry[];
  readonly byKind: Readonly<Record<Entry['kind'], readonly CompiledEntry[]>>;
  private readonly byId = new Map<string, CompiledEntry>();
  private readonly categoriesByCode = new Map<string, Category>();

  /** False only to check the index: matching then tries every entry (see test/explain/match-index.test.ts). */
  readonly indexed: boolean;

  constructor(
    readonly categories: readonly Category[],
    entries: readonly CompiledEntry[],
    options: KnowledgeBaseOptions = {},
  ) {
    this.indexed = options.indexed ?? true;
    this.prebuilt = options.literalIndexes ?? {};
    this.entries = entries;
    for (const c of categories) this.categoriesByCode.set(c.code, c);
    for (const e of entries) this.byId.set(e.head.id, e);
    this.byKind = {
      server: entries.filter((e) => e.head.kind === 'server'),
      client: entries.filter((e) => e.head.kind === 'client'),
      reply: entries.filter((e) => e.head.kind === 'reply'),
      log: entries.filter((e) => e.head.kind === 'log'),
    };
  }

  private unions = new Map<Entry['kind'], RegExp>();
  private indexes = new Map<Entry['kind'], MatchIndex>();
  private readonly prebuilt: Partial<Record<Entry['kind'], LiteralIndexData>>;

  /** The entries of this kind indexed for matching (built on first use). */
  matchIndex(kind: Entry['kind']): MatchIndex {
    let index = this.indexes.get(kind);
    if (!index) {
      index = buildMatchIndex(this.byKind[kind], this.prebuilt[kind]);
      this.indexes.set(kind, index);
    }
    return index;
  }

  /**
   * One regex that matches wherever any pattern of this kind matches (it compiles every pattern of the
   * kind: the index is the fast way to the same answer).
   */
  anyPattern(kind: Entry['kind']): RegExp {
    let union = this.unions.get(kind);
    if (!union) {
      const sources = this.byKind[kind].flatMap((e) => e.sources.map((p) => `(?:${p})`));
      union = sources.length > 0 ? new RegExp(sources.join('|'), 'i') : /(?!)/;
      this.unions.set(kind, union);
    }
    return union;
  }

  entry(id: string): CompiledEntry | undefined {
    return this.byId.get(id);
  }

  category(code: string): Category | undefined {
    return this.categoriesByCode.get(code);
  }

  inCategory(code: string): CompiledEntry[] {
    return this.entries.filter((e) => e.head.category === code);
  }

  categoryName(code: string, lang: Lang): string {
    return this.category(code)?.[lang].name ?? code;
  }
}
