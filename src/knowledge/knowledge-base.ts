import type { Lang } from '../i18n/lang.js';
import type { CompiledEntry } from './load.js';
import { requiredLiteral, topLevelBranches } from './required-literal.js';
import type { Category, Entry } from './schema.js';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function buildScreen(entries: readonly CompiledEntry[]): (text: string) => boolean {
  const literals = new Set<string>();
  const unscreened: string[] = [];
  for (const entry of entries) {
    for (const pattern of entry.patterns) {
      for (const branch of topLevelBranches(pattern.source)) {
        const literal = requiredLiteral(branch);
        if (literal) literals.add(literal);
        else unscreened.push(`(?:${branch})`);
      }
    }
  }
  const screen = literals.size > 0 ? new RegExp([...literals].map(escapeRegex).join('|'), 'i') : undefined;
  const rest = unscreened.length > 0 ? new RegExp(unscreened.join('|'), 'i') : undefined;
  return (text) => (screen?.test(text) ?? false) || (rest?.test(text) ?? false);
}

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
      log: entries.filter((e) => e.entry.kind === 'log'),
    };
  }

  private unions = new Map<Entry['kind'], RegExp>();
  private screens = new Map<Entry['kind'], (text: string) => boolean>();

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

  /**
   * A cheaper first look than `anyPattern`: false when the (normalised) text holds none of the literal runs
   * the patterns of this kind cannot match without. Patterns with no such run are tested as they are.
   */
  mayMatch(kind: Entry['kind'], text: string): boolean {
    let screen = this.screens.get(kind);
    if (!screen) {
      screen = buildScreen(this.byKind[kind]);
      this.screens.set(kind, screen);
    }
    return screen(text);
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
