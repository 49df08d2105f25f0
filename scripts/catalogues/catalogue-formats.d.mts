// Types of catalogue-formats.mjs for the TypeScript tests that read it.
export declare const PLACEHOLDER: RegExp;
export declare function loadCatalogueData(dir: string): Map<string, Record<string, unknown>>;
export declare function readPo(text: string): Map<string, string>;
export declare function readProperties(text: string): Map<string, string>;
export declare function readAndroidStrings(text: string): Map<string, string>;
export declare function readSourceStrings(text: string): Map<string, string>;
export declare function readBinaryStrings(text: string): Map<string, string>;
export declare function readQm(text: string): Map<string, string>;
export declare function readFluent(text: string, terms?: Record<string, string>): Map<string, string>;
export declare function readJsonTree(text: string): Map<string, string>;
export declare function readNextcloudL10n(text: string): Map<string, string>;
export declare function readPhpArray(text: string): Map<string, string>;
