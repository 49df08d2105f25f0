// Types of split.mjs for the TypeScript test that reads it.
export interface LogCasesConfig {
  holdout: { seed: string; share: number };
  sources: Record<string, { server: string; repo?: string; commit?: string; path?: string; local?: string }>;
  cases: { id: string; source: string; scenario: string; category: string; label_reason: string }[];
}
export declare function loadLogCases(): LogCasesConfig;
export declare function isHoldoutScenario(config: LogCasesConfig, scenario: string): boolean;
export interface LogsMoreConfig {
  holdout: { seed: string; share: number };
  servers: Record<string, { name: string; short: string; config: string }>;
  events: {
    id: string;
    server: string;
    scenario: string;
    category: string;
    label_reason: string;
    batch?: number;
    chat?: string[];
  }[];
}
export declare function loadLogsMoreCases(): LogsMoreConfig;
export declare function logsMoreHoldout(config: LogsMoreConfig): Set<string>;
