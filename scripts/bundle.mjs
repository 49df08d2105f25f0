// Bundles the compiled CLI (dist/src/cli/main.js) into dist/bundle/: one module to load for `popbot explain`
// instead of some eighty, which is most of a start's module loading. Each subcommand stays a chunk of its
// own, loaded when it runs, and packages stay outside the bundle (loaded from node_modules when used).
//
// `popbot explain` runs from a second bundle, dist/bundle/popbot.cjs: the same code as one CommonJS script,
// which bin/popbot.js compiles with V8's code cache (compiling the bundle is a third of a start; see "Sixth
// round" in docs/performance.md). Only explain uses it: the other commands run for long or wait on the network.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const schema = 'dist/src/knowledge/schema.js';
const common = {
  entryPoints: { popbot: 'dist/src/cli/main.js' },
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  define: {
    POPBOT_SCHEMA_FINGERPRINT: JSON.stringify(
      createHash('sha256').update(readFileSync(schema)).digest('hex'),
    ),
  },
  logLevel: 'warning',
};
rmSync('dist/bundle', { recursive: true, force: true });
await build({ ...common, splitting: true, format: 'esm', outExtension: { '.js': '.mjs' } });
await build({
  ...common,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // import.meta.url is the bundle's own URL, as it is each chunk's in the ES bundle (both live in dist/bundle/;
  // the code only finds the project root above it). esbuild keeps the modules strict ("use strict").
  define: { ...common.define, 'import.meta.url': '__popbotBundleUrl' },
  inject: ['scripts/bundle-cjs-url.mjs'],
});
