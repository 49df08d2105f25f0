#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=2
/* global __dirname, module */
// The compiled CLI lives in dist/ (built by `npm ci` through the `prepare` script). The build also bundles it
// into dist/bundle/ (scripts/bundle.mjs), which starts faster; a bundle older than the compiled code (a `tsc`
// run alone) is not used.
//
// This file is CommonJS (bin/package.json), so that `popbot explain` starts without Node's ES module loader:
// explain runs dist/bundle/popbot.cjs, compiled with V8's code cache. The cache is written beside the bundle
// by the first run (and again when V8 refuses it), named after the bundle's size and time, Node's version and
// its flags, which V8 checks too; a cache that cannot be written (a read-only install) only costs the speed.
// Every other command runs the ES bundle. See "Sixth round" in docs/performance.md.
'use strict';
const { existsSync, readFileSync, renameSync, statSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');
const { pathToFileURL } = process.getBuiltinModule('node:url');

const compiled = join(__dirname, '../dist/src/cli/main.js');
const bundle = join(__dirname, '../dist/bundle/popbot.mjs');
const script = join(__dirname, '../dist/bundle/popbot.cjs');
if (!existsSync(compiled)) {
  process.stderr.write('popbot: the compiled code is missing; run `npm ci` (or `npm run build`) first.\n');
  process.exit(3);
}
const compiledTime = statSync(compiled).mtimeMs;
const freshStat = (file) => {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat && stat.mtimeMs >= compiledTime ? stat : undefined;
};

const scriptStat = process.argv[2] === 'explain' ? freshStat(script) : undefined;
if (scriptStat) runCached(script, scriptStat);
else import(pathToFileURL(freshStat(bundle) ? bundle : compiled).href);

/** Runs a CommonJS file as `require` would, compiled with (or producing) its V8 code cache. */
function runCached(file, stat) {
  const { Script } = process.getBuiltinModule('node:vm');
  const Module = process.getBuiltinModule('node:module');
  const key = `${stat.size}-${stat.mtimeMs}-${process.version}-${process.arch}-${process.execArgv.join(' ')}-${process.env.NODE_OPTIONS ?? ''}`;
  const cacheFile = `${file}.${hash(key)}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet: this run writes it.
  }
  const compiledScript = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  if (!cachedData || compiledScript.cachedDataRejected) {
    // At exit, so that the cache holds the functions this run compiled, not only the top level.
    process.once('exit', () => {
      try {
        const temporary = `${cacheFile}.${process.pid}`;
        writeFileSync(temporary, compiledScript.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        // Not writable: the next start compiles again.
      }
    });
  }
  const exports = {};
  const self = { exports, filename: file, id: file, loaded: false, parent: module };
  compiledScript.runInThisContext()(exports, Module.createRequire(file), self, file, join(file, '..'));
}

/** FNV-1a, 32 bits, as hex: a short name for the cache's key. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
