import type { Lang } from './lang.js';

export type Params = Readonly<Record<string, string | number>>;
export type Messages<K extends string> = Readonly<Record<Lang, Readonly<Record<K, string>>>>;

export interface Catalogue<K extends string> {
  readonly messages: Messages<K>;
  /** The message `key` in `lang`, with `{name}` placeholders filled from `params`. */
  t(lang: Lang, key: K, params?: Params): string;
}

const registry: { name: string; messages: Messages<string> }[] = [];

/**
 * Declares one feature's user-facing strings in all three languages. The type makes a missing key a
 * compile error; `allCatalogues()` lets a test check that no string is empty and placeholders agree.
 */
export function defineCatalogue<K extends string>(name: string, messages: Messages<K>): Catalogue<K> {
  registry.push({ name, messages });
  return {
    messages,
    t(lang, key, params) {
      const template = messages[lang][key] ?? messages.en[key];
      if (!params) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      );
    },
  };
}

export function allCatalogues(): readonly { name: string; messages: Messages<string> }[] {
  return registry;
}
