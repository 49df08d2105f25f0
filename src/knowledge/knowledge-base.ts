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
