// Types of split.mjs for the TypeScript tests that read it.
export interface Split {
  seed: string;
  share: number;
  /** `words`: hash the message's words (wordsKey) instead of its tool and msgid. */
  by?: 'words';
}
export interface CasesConfig {
  holdout: Split;
  clients: Record<string, string>;
  /** Later rounds: their case folder → their split and clients. */
  rounds?: Record<string, { holdout: Split; clients: Record<string, string> }>;
}
export interface Round {
  folder: string;
  holdout: Split;
  clients: Record<string, string>;
}
export declare function loadCasesConfig(): CasesConfig;
export declare function messageKey(tool: string, msgid: string): string;
export declare function wordsKey(msgid: string): string;
export declare function roundOf(config: CasesConfig, tool: string): Round | undefined;
export declare function caseFolders(config: CasesConfig): string[];
export declare function isHoldoutMessage(config: CasesConfig, tool: string, msgid: string): boolean;
