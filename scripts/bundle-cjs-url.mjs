// Injected by scripts/bundle.mjs into the CommonJS bundle, where it stands for import.meta.url.
/* global __filename */
export const __popbotBundleUrl = process.getBuiltinModule('node:url').pathToFileURL(__filename).href;
