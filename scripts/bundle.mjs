// Bundles the compiled CLI (dist/src/cli/main.js) into dist/bundle/: one module to load for `popbot explain`
// instead of some eighty, which is most of a start's module loading. Each subcommand stays a chunk of its
// own, loaded when it runs, and packages stay outside the bundle (loaded from node_modules when used).
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const schema = 'dist/src/knowledge/schema.js';
rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: { popbot: 'dist/src/cli/main.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  define: {
    POPBOT_SCHEMA_FINGERPRINT: JSON.stringify(
      createHash('sha256').update(readFileSync(schema)).digest('hex'),
    ),
  },
  logLevel: 'warning',
});
