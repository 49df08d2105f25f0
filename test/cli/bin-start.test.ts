import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/spawn-popbot.js';
import { projectRoot } from '../../src/knowledge/paths.js';

// bin/popbot.js runs `explain` from the CommonJS bundle with V8's code cache (written beside the bundle by the
// first run); these check that it answers exactly as the compiled CLI does, with no cache, a cache and a bad one.
const ROOT = projectRoot();
const BIN = join(ROOT, 'bin', 'popbot.js');
const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const BUNDLE_DIR = join(ROOT, 'dist', 'bundle');
// A flag of its own gives these runs a cache file of their own (the cache is named after Node's flags).
const OPTIONS = '--stack-trace-limit=11';

const caches = () => readdirSync(BUNDLE_DIR).filter((name) => name.endsWith('.v8cache'));
const run = (entry: string, args: string[], input?: string) => {
  const { status, stdout, stderr } = spawnSync(process.execPath, [entry, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, NODE_OPTIONS: OPTIONS, NO_COLOR: '1' },
    timeout: 30_000,
  });
  return { status, stdout, stderr };
};

describe('bin/popbot.js explain (the code-cached bundle)', () => {
  beforeAll(() => {
    ensureBuilt();
    for (const name of caches()) rmSync(join(BUNDLE_DIR, name));
  }, 150_000);

  it('answers as the compiled CLI does, before and after its cache is written', () => {
    const args = ['explain', '-ERR [AUTH] Authentication failed.'];
    const expected = run(MAIN, args);
    expect(expected.stdout).toContain('Authentication failed');
    expect(run(BIN, args)).toEqual(expected);
    expect(caches()).toHaveLength(1);
    expect(run(BIN, args)).toEqual(expected);
    expect(run(BIN, ['explain', '--lang', 'fr'], 'S: -ERR [IN-USE] Mailbox locked\n')).toEqual(
      run(MAIN, ['explain', '--lang', 'fr'], 'S: -ERR [IN-USE] Mailbox locked\n'),
    );
  });

  it('ignores and rewrites a cache V8 refuses', () => {
    const args = ['explain', '-ERR [SYS/TEMP] try again later'];
    const expected = run(MAIN, args);
    run(BIN, args);
    const [name] = caches();
    writeFileSync(join(BUNDLE_DIR, name as string), 'not a code cache');
    expect(run(BIN, args)).toEqual(expected);
    expect(run(BIN, args)).toEqual(expected);
  });

  it('runs the other commands from the ES bundle', () => {
    expect(run(BIN, ['--version']).stdout).toMatch(/^popbot \d/);
  });
});
