import { openSync, readSync, closeSync } from 'node:fs';
import { cleanPaste } from '../../src/explain/paste-cleanup.js';
import { LineSplitter } from '../../src/explain/log-scan/line-splitter.js';
import { LogSummary } from '../../src/explain/log-scan/log-summary.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';
import { nowNs } from '../lib/stats.js';

/**
 * The summary scanner's own speed, without process start: argv MODE FILE. `scan` runs what `explain
 * --summary` runs on the file (the knowledge base loaded first, outside the timing); `floor` only reads,
 * decodes, cleans and cuts the bytes into lines, the part of the scanner no analysis can avoid. Prints JSON:
 * the milliseconds and what was counted.
 */
const [mode = 'scan', file = ''] = process.argv.slice(2);
const CHUNK = 1 << 20;

function read(onChunk: (chunk: Buffer) => void): void {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK);
  try {
    for (let n = readSync(fd, buffer, 0, CHUNK, null); n > 0; n = readSync(fd, buffer, 0, CHUNK, null))
      onChunk(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/** Milliseconds of CPU (user and system) since `from`: on a loaded machine, the time the work itself took. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

if (mode === 'floor') {
  const splitter = new LineSplitter((text) => cleanPaste(text).text);
  let lines = 0;
  const onLine = () => void lines++;
  const start = nowNs();
  const cpu = process.cpuUsage();
  read((chunk) => splitter.push(chunk, onLine));
  splitter.end(onLine);
  const ms = Number(nowNs() - start) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: cpuMs(cpu), lines })}\n`);
} else {
  defaultKnowledgeBase();
  const summary = new LogSummary();
  const start = nowNs();
  const cpu = process.cpuUsage();
  read((chunk) => summary.push(chunk));
  const result = summary.end();
  const ms = Number(nowNs() - start) / 1e6;
  process.stdout.write(
    `${JSON.stringify({ ms, cpuMs: cpuMs(cpu), lines: result.lines, errors: result.errors })}\n`,
  );
}
