#!/usr/bin/env -S node --max-semi-space-size=2
// The compiled CLI lives in dist/ (built by `npm ci` through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('popbot: the compiled code is missing; run `npm ci` (or `npm run build`) first.\n');
  process.exit(3);
}
await import(entry.href);
