import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { projectRoot } from '../src/knowledge/paths.js';
import { loadExamples } from './corpus/examples.js';
import { runCleanup } from './lib/cleanup.js';
import type { BenchContext, Row } from './lib/context.js';
import { Progress } from './lib/progress.js';
import { type RowResult, renderTable } from './lib/report.js';
import { ROWS } from './rows/index.js';

/**
 * `npm run bench`: every figure of issue 8 side by side with its reference, measured in the same run.
 * `--json` prints the results for machines, `--quick` a short smoke run for CI, `--only id,id` a subset.
 */
interface Args {
  json: boolean;
  quick: boolean;
  only?: string[];
  seed: number;
}

const USAGE = 'usage: npm run bench -- [--quick] [--json] [--only ROW[,ROW...]] [--seed N]';

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, quick: false, seed: 8 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') args.json = true;
    else if (a === '--quick') args.quick = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      const v = a === '--only' ? argv[++i] : a.slice('--only='.length);
      args.only = (v ?? '').split(',').filter(Boolean);
    } else if (a === '--seed' || a.startsWith('--seed=')) {
      const v = Number(a === '--seed' ? argv[++i] : a.slice('--seed='.length));
      if (!Number.isInteger(v)) throw new Error(USAGE);
      args.seed = v;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\nrows: ${ROWS.map((r) => r.id).join(', ')}\n`);
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  return args;
}

function machine() {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    const lscpu = execFileSync('lscpu', { encoding: 'utf8' });
    model = /^Model name:\s*(.+)$/m.exec(lscpu)?.[1]?.trim() ?? model;
  } catch {
    // lscpu is not everywhere; os.cpus() is.
  }
  return {
    cpuModel: model,
    nproc: cpus().length,
    memoryMB: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    // Other work on the machine shows here; a figure taken under load is worth re-running.
    loadAverage1m: loadavg()[0] ?? 0,
  };
}

async function runRow(row: Row, ctx: BenchContext): Promise<RowResult> {
  const start = performance.now();
  ctx.progress.update(`${row.id}…`);
  try {
    const result = await row.run(ctx);
    return { ...result, seconds: (performance.now() - start) / 1000 };
  } catch (error) {
    return {
      id: row.id,
      figure: row.figure,
      ours: '',
      reference: '',
      ratio: '',
      target: row.target,
      status: 'error',
      reason: (error instanceof Error ? error.message.split('\n')[0] : undefined) ?? String(error),
      metrics: {},
      seconds: (performance.now() - start) / 1000,
    };
  } finally {
    ctx.progress.clear();
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof globalThis.gc !== 'function') {
    process.stderr.write('bench: run through `npm run bench` (it needs node --expose-gc)\n');
    return 2;
  }
  const rows = args.only ? ROWS.filter((r) => args.only?.includes(r.id)) : ROWS;
  if (args.only && rows.length !== args.only.length) {
    throw new Error(`unknown row in --only; rows: ${ROWS.map((r) => r.id).join(', ')}`);
  }
  const ctx: BenchContext = {
    quick: args.quick,
    progress: new Progress(),
    root: projectRoot(),
    examples: loadExamples(),
    seed: args.seed,
  };
  const before = machine();
  const started = performance.now();
  const results: RowResult[] = [];
  for (const row of rows) results.push(await runRow(row, ctx));
  const seconds = (performance.now() - started) / 1000;
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify({ mode: args.quick ? 'quick' : 'full', seed: args.seed, machine: before, loadAverageAtEnd: loadavg()[0], seconds, rows: results }, null, 2)}\n`,
    );
  } else {
    const m = before;
    process.stdout.write(
      `popbot bench (${args.quick ? 'quick' : 'full'}, seed ${args.seed}) on ${m.cpuModel}, ${m.nproc} CPUs, node ${m.node}, ${seconds.toFixed(0)} s, load ${m.loadAverage1m.toFixed(1)} → ${loadavg()[0]?.toFixed(1)}\n\n`,
    );
    process.stdout.write(`${renderTable(results)}\n`);
  }
  // A missed target is a finding, not a crash: the exit code says only whether every row could run.
  return results.some((r) => r.status === 'error') ? 1 : 0;
}

main()
  .then(async (code) => {
    await runCleanup();
    process.exitCode = code;
  })
  .catch(async (error: unknown) => {
    await runCleanup();
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
