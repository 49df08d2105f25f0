#!/usr/bin/env -S node --max-semi-space-size=2
// The compiled CLI lives in dist/ (built by `npm ci` through the `prepare` script). The build also bundles it
// into dist/bundle/ (scripts/bundle.mjs), which starts faster; a bundle older than the compiled code (a `tsc`
// run alone) is not used.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/bundle/popbot.mjs', import.meta.url));
if (!existsSync(compiled)) {
  process.stderr.write('popbot: the compiled code is missing; run `npm ci` (or `npm run build`) first.\n');
  process.exit(3);
}
const fresh = existsSync(bundle) && statSync(bundle).mtimeMs >= statSync(compiled).mtimeMs;
await import(
  fresh
    ? new URL('../dist/bundle/popbot.mjs', import.meta.url).href
    : new URL('../dist/src/cli/main.js', import.meta.url).href
);
