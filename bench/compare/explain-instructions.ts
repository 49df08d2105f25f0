import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/knowledge/paths.js';

/**
 * Instructions per explain of the bench paste, counted by valgrind's callgrind: independent of the machine's
 * load, unlike any timing on a shared machine. `paste-loop` runs HIGH and then LOW explains in a
 * single-threaded node (no background compiler threads); the difference of the two totals over HIGH − LOW is
 * one explain, start-up and knowledge loading cancelled. `--root DIR` measures another checkout's build (its
 * `dist/`), e.g. the branch point's, for a before/after.
 *
 *   node dist/bench/compare/explain-instructions.js [--root DIR] [--high 700] [--low 200]
 */
function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const root = option('--root', projectRoot());
const high = Number(option('--high', '700'));
const low = Number(option('--low', '200'));
const loop = join(root, 'dist', 'bench', 'compare', 'paste-loop.js');

function instructions(explains: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'popbot-callgrind-'));
  try {
    const run = spawnSync(
      'valgrind',
      [
        '--tool=callgrind',
        `--callgrind-out-file=${join(dir, 'out')}`,
        process.execPath,
        '--single-threaded',
        // V8 seeds its string hashes at random per process: hash tables, and so the count, would differ by run.
        '--hash-seed=1',
        '--random-seed=1',
        loop,
        String(explains),
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const collected = /Collected\s*:\s*(\d+)/.exec(run.stderr);
    if (run.status !== 0 || !collected) throw new Error(`valgrind failed (${run.status}):\n${run.stderr}`);
    return Number(collected[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const atHigh = instructions(high);
const atLow = instructions(low);
const perExplain = (atHigh - atLow) / (high - low);
process.stdout.write(
  `${root}: ${(perExplain / 1e6).toFixed(3)} M instructions per explain ` +
    `(${high} explains ${atHigh}, ${low} explains ${atLow})\n`,
);
