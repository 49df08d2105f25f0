// Types of exclusions.mjs for the TypeScript tests that read it.
export interface Excluded {
  packages: Set<string>;
  domains: Set<string>;
  tools: Set<string>;
  strings: Set<string>;
}
export declare function excludedCatalogues(): Excluded;
export declare function exclusionOf(
  excluded: Excluded,
  catalogue: { pkg: string; domain: string },
): string | undefined;
