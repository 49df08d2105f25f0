import { join } from 'node:path';
import type { Examples } from '../corpus/examples.js';
import { type LogStats, writeLog } from '../corpus/log.js';
import { writeServerLog } from '../corpus/server-log.js';
import { tempDir } from '../lib/cleanup.js';
import type { BenchContext, Row } from '../lib/context.js';
import type { RowResult } from '../lib/report.js';
import { timedRun } from '../lib/proc.js';
import { formatBytes, formatDuration, median } from '../lib/stats.js';

/**
 * `explain --summary` over a log against grep reading the same file from the page cache, A and B alternated.
 * Two ratios per row: the CLI's wall clock (what the target is about; it includes Node's start, about
 * 50 ms, which grep does not pay) and the scanner's own time in a process that has started and loaded the
 * knowledge base (bench/children/summary-scan.ts), with its CPU time (what it costs whatever else the machine
 * runs). Beside them, the scanner's floor: reading, decoding,
 * cleaning and cutting the bytes into lines with no analysis, the cost every line pays in this design.
 */

function mbps(bytes: number, ms: number): string {
  return `${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(ms > 0 ? 1 : 0)} MB/s`;
}

function fraction(ratio: number): string {
  if (ratio >= 1) return `${ratio.toFixed(2)}×`;
  return `1/${(1 / ratio).toFixed(1 / ratio >= 100 ? 0 : 1)}`;
}

interface ScanRun {
  ms: number;
  cpuMs: number;
  lines: number;
  errors?: number;
}

async function scanChild(ctx: BenchContext, mode: 'scan' | 'floor', file: string): Promise<ScanRun> {
  const script = join(ctx.root, 'dist', 'bench', 'children', 'summary-scan.js');
  const run = await timedRun(process.execPath, [script, mode, file]);
  if (run.code !== 0) throw new Error(`summary-scan ${mode} exited with ${run.code}: ${run.stderr.trim()}`);
  return JSON.parse(run.stdout) as ScanRun;
}

export interface SummaryRowSpec {
  id: string;
  figure: string;
  /** The reference: grep's arguments before the file. */
  grep: readonly string[];
  minRatio: number;
  target: string;
  /** Size in MB, full and quick. */
  mb: { full: number; quick: number };
  pairs: { full: number; quick: number };
  write: (file: string, bytes: number, examples: Examples, seed: number) => LogStats;
}

export function summaryRow(spec: SummaryRowSpec): Row {
  return {
    id: spec.id,
    figure: spec.figure,
    target: spec.target,
    run: (ctx) => runSummaryRow(spec, ctx),
  };
}

async function runSummaryRow(spec: SummaryRowSpec, ctx: BenchContext): Promise<Omit<RowResult, 'seconds'>> {
  const size = (ctx.quick ? spec.mb.quick : spec.mb.full) * 1024 * 1024;
  const pairs = ctx.quick ? spec.pairs.quick : spec.pairs.full;
  const tmp = tempDir('log');
  try {
    const file = join(tmp.dir, 'mail.log');
    ctx.progress.update(`${spec.id}: writing ${formatBytes(size)} of log`);
    const stats = spec.write(file, size, ctx.examples, ctx.seed);
    const popbot = [join(ctx.root, 'bin', 'popbot.js'), 'explain', '--summary', '--lang', 'en', file];
    // A first grep reads the file into the page cache, so neither side pays for the disk.
    const warm = await timedRun('grep', [...spec.grep, file]);
    if (warm.code !== 0 && warm.code !== 1) throw new Error(`grep failed: ${warm.stderr.trim()}`);
    const grepCount = Number(warm.stdout.trim());
    const cli: number[] = [];
    const grep: number[] = [];
    const scan: ScanRun[] = [];
    const floor: ScanRun[] = [];
    let summary = '';
    for (let i = 0; i < pairs; i++) {
      const sides = ['cli', 'grep', 'scan', 'floor'] as const;
      for (const side of i % 2 === 0 ? sides : [...sides].reverse()) {
        ctx.progress.update(`${spec.id}: round ${i + 1}/${pairs}, ${side}`);
        if (side === 'cli') {
          const run = await timedRun(process.execPath, popbot, { env: { ...process.env, NO_COLOR: '1' } });
          if (run.code !== 0) throw new Error(`popbot exited with ${run.code}: ${run.stderr.trim()}`);
          summary = run.stdout;
          cli.push(run.ms);
        } else if (side === 'grep') grep.push((await timedRun('grep', [...spec.grep, file])).ms);
        else if (side === 'scan') scan.push(await scanChild(ctx, 'scan', file));
        else floor.push(await scanChild(ctx, 'floor', file));
      }
    }
    // Throughput ratio per round: (bytes / ours) / (bytes / grep) = grep / ours.
    const wallRatio = median(cli.map((ms, i) => (grep[i] as number) / ms));
    const scanRatio = median(scan.map((s, i) => (grep[i] as number) / s.ms));
    const floorRatio = median(floor.map((s, i) => (grep[i] as number) / s.ms));
    const header = /^(\d+) error lines in (\d+) lines/m.exec(summary);
    const none = /^No POP error found in (\d+) lines/m.exec(summary);
    const scanMs = median(scan.map((s) => s.ms));
    // The scanner's CPU time beside its wall clock: on a shared machine the wall clock also counts waiting.
    const scanCpuMs = median(scan.map((s) => s.cpuMs));
    return {
      id: spec.id,
      figure: `${spec.figure} (${formatBytes(stats.bytes)})`,
      ours: `CLI ${mbps(stats.bytes, median(cli))} (${formatDuration(median(cli))}); scanner ${mbps(stats.bytes, scanMs)} (CPU ${mbps(stats.bytes, scanCpuMs)})`,
      reference: `grep ${spec.grep.join(' ')}: ${mbps(stats.bytes, median(grep))} (${formatDuration(median(grep))})`,
      ratio: `CLI ${fraction(wallRatio)}; scanner ${fraction(scanRatio)} (floor ${fraction(floorRatio)})`,
      target: spec.target,
      status: wallRatio >= spec.minRatio ? 'pass' : 'fail',
      metrics: {
        bytes: stats.bytes,
        lines: stats.lines,
        grepCount,
        grepLinesGenerated: stats.errLines,
        errorsInjected: stats.injectedErrors,
        popbotErrorsCounted: header ? Number(header[1]) : none ? 0 : undefined,
        popbotLinesRead: header ? Number(header[2]) : none ? Number(none[1]) : undefined,
        cliMs: cli,
        grepMs: grep,
        scanMs: scan.map((s) => s.ms),
        scanCpuMs: scan.map((s) => s.cpuMs),
        floorMs: floor.map((s) => s.ms),
        floorCpuMs: floor.map((s) => s.cpuMs),
        medianWallRatio: wallRatio,
        medianScannerRatio: scanRatio,
        medianFloorRatio: floorRatio,
      },
    };
  } finally {
    await tmp.remove();
  }
}

export const summaryLog = summaryRow({
  id: 'summary-log',
  figure: 'explain --summary over a generated session log',
  grep: ['-c', '--', '-ERR'],
  minRatio: 1 / 3,
  target: 'throughput ≥ 1/3 of grep',
  mb: { full: 100, quick: 10 },
  pairs: { full: 3, quick: 1 },
  write: writeLog,
});

export const summaryServerLog = summaryRow({
  id: 'summary-server-log',
  figure: 'explain --summary over a generated Dovecot syslog',
  grep: ['-c', '-i', 'pop3'],
  minRatio: 1 / 4,
  target: 'throughput ≥ 1/4 of grep',
  mb: { full: 100, quick: 10 },
  pairs: { full: 3, quick: 1 },
  write: (file, bytes, _examples, seed) => writeServerLog(file, bytes, seed),
});
