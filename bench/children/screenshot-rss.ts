import { readFileSync } from 'node:fs';
import { explainImage } from '../../src/ocr/explain-image.js';
import { OcrEngine } from '../../src/ocr/ocr-engine.js';

/**
 * The screenshot row's memory figure in a fresh process started as the bot is (its V8 flags and
 * environment, src/runtime-flags.ts): explains the picture N times with one warm engine, as the row's
 * timed loop does, and prints the process's RSS after them (the OCR worker thread is part of it) as JSON.
 * argv: FILE N.
 */
const [file = '', countArg = '11'] = process.argv.slice(2);
const bytes = readFileSync(file);
const engine = new OcrEngine();
try {
  for (let i = 0; i < Number(countArg); i++) {
    if ((await explainImage(bytes, engine)).result.findings.length === 0) throw new Error('no finding');
  }
  process.stdout.write(JSON.stringify({ rssMB: process.memoryUsage().rss / 1048576 }));
} finally {
  await engine.close();
}
