import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BOT_ENV, BOT_NODE_FLAGS } from '../../src/runtime-flags.js';
import { explainImage } from '../../src/ocr/explain-image.js';
import { OcrEngine } from '../../src/ocr/ocr-engine.js';
import { CORPUS_DIR, corpus, pictureBytes } from '../corpus/screenshots.js';
import type { BenchContext, Row } from '../lib/context.js';
import { skipped } from '../lib/report.js';
import { timedRun } from '../lib/proc.js';
import { formatDuration, formatRatio, median } from '../lib/stats.js';

const run = promisify(execFile);
const MEDIAN_TARGET_MS = 1500;
const FIRST_TARGET_MS = 4000;
const RSS_TARGET_MB = 300;
const MAX_RATIO = 1.5;
const TESSERACT = '/usr/bin/tesseract';

/** The reference: Debian's tesseract program on the same picture, with the languages it has of ours. */
async function tesseractLangs(): Promise<string> {
  const { stdout } = await run(TESSERACT, ['--list-langs']);
  const have = new Set(stdout.split('\n').map((l) => l.trim()));
  return ['eng', 'fra', 'vie'].filter((l) => have.has(l)).join('+') || 'eng';
}

export const screenshotOcr: Row = {
  id: 'screenshot-ocr',
  figure: 'explain a 1280×800 screenshot (warm worker)',
  target: `median ≤ 1.5 s and ≤ ${MAX_RATIO}× tesseract; first ≤ 4 s; RSS ≤ 300 MB`,
  async run(ctx: BenchContext) {
    if (!existsSync(TESSERACT))
      return skipped(
        this.id,
        this.figure,
        this.target,
        'no tesseract program (apt-get install tesseract-ocr)',
      );
    const picture = corpus().find((p) => p.style === 'outlook' && p.scale === 1 && p.theme === 'light');
    if (!picture) throw new Error('no 1280×800 picture in the corpus');
    const bytes = pictureBytes(picture);
    const file = join(CORPUS_DIR, picture.file);
    const langs = await tesseractLangs();
    const engine = new OcrEngine();
    try {
      const started = performance.now();
      const first = await explainImage(bytes, engine);
      const firstMs = performance.now() - started;
      if (first.result.findings.length === 0) throw new Error('the screenshot gave no finding');
      const rounds = ctx.quick ? 3 : 10;
      const ours: number[] = [];
      const ref: number[] = [];
      for (let i = 0; i < rounds; i++) {
        ctx.progress.update(`screenshot-ocr: ${i + 1}/${rounds}`);
        const a = async () => {
          const t = performance.now();
          await explainImage(bytes, engine);
          ours.push(performance.now() - t);
        };
        const b = async () => {
          const t = performance.now();
          await run(TESSERACT, [file, '-', '-l', langs], { maxBuffer: 1 << 20 });
          ref.push(performance.now() - t);
        };
        if (i % 2 === 0) {
          await a();
          await b();
        } else {
          await b();
          await a();
        }
      }
      // The bench process holds what its other rows left; the bot's own figure comes from a fresh process run
      // as the bot is (flags and environment), reading the picture as often as the loop above did.
      const benchRssMb = process.memoryUsage().rss / 1024 / 1024;
      ctx.progress.update('screenshot-ocr: RSS in a fresh process');
      const child = await timedRun(
        process.execPath,
        [
          ...BOT_NODE_FLAGS,
          join(ctx.root, 'dist', 'bench', 'children', 'screenshot-rss.js'),
          file,
          String(rounds + 1),
        ],
        { env: { ...process.env, ...BOT_ENV }, timeoutMs: 300_000 },
      );
      if (child.code !== 0)
        throw new Error(`screenshot child exited with ${child.code}: ${child.stderr.trim()}`);
      const rssMb = (JSON.parse(child.stdout) as { rssMB: number }).rssMB;
      const ratio = median(ours.map((ms, i) => ms / (ref[i] as number)));
      const med = median(ours);
      const pass =
        med <= MEDIAN_TARGET_MS && ratio <= MAX_RATIO && firstMs <= FIRST_TARGET_MS && rssMb <= RSS_TARGET_MB;
      return {
        id: this.id,
        figure: this.figure,
        ours: `median ${formatDuration(med)}, first ${formatDuration(firstMs)}, RSS ${Math.round(rssMb)} MB (the bench process: ${Math.round(benchRssMb)} MB)`,
        reference: `tesseract -l ${langs}: median ${formatDuration(median(ref))}`,
        ratio: formatRatio(ratio),
        target: this.target,
        status: pass ? 'pass' : 'fail',
        metrics: {
          picture: picture.file,
          rounds,
          oursMs: ours,
          tesseractMs: ref,
          firstMs,
          rssMb,
          benchRssMb,
          langs,
        },
      };
    } finally {
      await engine.close();
    }
  },
};
