// Types of split.mjs for the TypeScript tests that read it.
export interface CasesConfig {
  holdout: { seed: string; share: number };
  clients: Record<string, string>;
}
export declare function loadCasesConfig(): CasesConfig;
export declare function messageKey(tool: string, msgid: string): string;
export declare function isHoldoutMessage(config: CasesConfig, tool: string, msgid: string): boolean;
