import type { Lang } from '../i18n/lang.js';
import type { CompiledEntry } from './load.js';
import type { Category, Entry } from './schema.js';

/** The loaded, validated knowledge base, indexed the ways the explainer and `popbot kb` look it up. */
export class KnowledgeBase {
  readonly entries: readonly CompiledEntry[];
  readonly byKind: Readonly<Record<Entry['kind'], readonly CompiledEntry[]>>;
  private readonly byId = new Map<string, CompiledEntry>();
  private readonly categoriesByCode = new Map<string, Category>();

  constructor(
    readonly categories: readonly Category[],
    entries: readonly CompiledEntry[],
  ) {
    this.entries = entries;
    for (const c of categories) this.categoriesByCode.set(c.code, c);
    for (const e of entries) this.byId.set(e.entry.id, e);
    this.byKind = {
      server: entries.filter((e) => e.entry.kind === 'server'),
      client: entries.filter((e) => e.entry.kind === 'client'),
      reply: entries.filter((e) => e.entry.kind === 'reply'),
    };
  }

  private unions = new Map<Entry['kind'], RegExp>();

  /**
   * One regex that matches wherever any pattern of this kind matches: a single test tells most lines of a
   * big log apart from the few worth matching entry by entry.
   */
  anyPattern(kind: Entry['kind']): RegExp {
    let union = this.unions.get(kind);
    if (!union) {
      const sources = this.byKind[kind].flatMap((e) => e.patterns.map((p) => `(?:${p.source})`));
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
    return this.entries.filter((e) => e.entry.category === code);
  }

  categoryName(code: string, lang: Lang): string {
    return this.category(code)?.[lang].name ?? code;
  }
}
