// Types of patterns.mjs for the TypeScript tests that read it.
export declare function render(text: string): string;
export declare function patternFor(text: string, normalizeForMatch: (text: string) => string): string;
