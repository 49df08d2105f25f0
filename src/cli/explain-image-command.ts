import { readFile, stat } from 'node:fs/promises';
import type { Lang } from '../i18n/lang.js';
import { imageMessages } from '../i18n/image-messages.js';
import { formatSize } from '../explain/explain.js';
import { ImageError } from '../ocr/errors.js';
import { explainImage, type ImageExplanation } from '../ocr/explain-image.js';
import { IMAGE_LIMITS } from '../ocr/limits.js';
import { OcrEngine } from '../ocr/ocr-engine.js';
import { renderResultText } from '../render/text.js';
import { type CliIO, EXIT } from './io.js';

interface ImageOptions {
  json: boolean;
  lang?: Lang;
  fallbackLang?: Lang;
  io: CliIO;
}

/** At most `max + 1` bytes of a stream: one more than allowed is enough to know it is too large. */
async function readBounded(stream: NodeJS.ReadableStream, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    if (size <= max) chunks.push(bytes);
    size += bytes.length;
  }
  return Buffer.concat(chunks).subarray(0, max + 1);
}

async function readInput(file: string, io: CliIO): Promise<Buffer> {
  if (file === '-') return readBounded(io.stdin, IMAGE_LIMITS.maxBytes);
  const info = await stat(file);
  // Checked before reading: a 3 GB file is refused without being read.
  if (info.size > IMAGE_LIMITS.maxBytes)
    throw new ImageError('image.too-large', { size: info.size, max: IMAGE_LIMITS.maxBytes });
  return readFile(file);
}

function renderText(explanation: ImageExplanation, color: boolean): string {
  const lang = explanation.result.lang;
  const out: string[] = [];
  if (explanation.readLines.length > 0)
    out.push(
      [imageMessages.t(lang, 'read-from'), ...explanation.readLines.map((l) => `  > ${l}`)].join('\n'),
    );
  for (const note of explanation.notes) out.push(`! ${note.message}`);
  out.push(renderResultText(explanation.result, { color }));
  return out.join('\n\n');
}

/** `popbot explain --image FILE|-`: a screenshot through the same explainer as a paste. */
export async function runExplainImage(file: string, options: ImageOptions): Promise<number> {
  const { io } = options;
  const lang = options.lang ?? options.fallbackLang ?? 'en';
  const engine = new OcrEngine(io.env);
  try {
    const bytes = await readInput(file, io);
    const explanation = await explainImage(bytes, engine, {
      ...(options.lang ? { lang: options.lang } : {}),
      ...(options.fallbackLang ? { fallbackLang: options.fallbackLang } : {}),
    });
    const { result } = explanation;
    if (options.json) {
      io.stdout.write(
        `${JSON.stringify(
          {
            source: 'image',
            ocr: explanation.ocr,
            lang: result.lang,
            outcome: result.outcome,
            ...(result.message ? { message: result.message } : {}),
            findings: result.findings,
            warnings: result.warnings,
            notes: explanation.notes,
          },
          null,
          2,
        )}\n`,
      );
    } else {
      io.stdout.write(`${renderText(explanation, Boolean(io.stdout.isTTY) && !io.env.NO_COLOR)}\n`);
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ImageError) {
      const params = { ...error.params };
      if (typeof params.size === 'number') params.size = formatSize(params.size);
      if (typeof params.max === 'number') params.max = formatSize(params.max);
      io.stderr.write(`popbot: ${imageMessages.t(lang, error.code, params)}\n`);
      return error.code === 'image.timeout' ||
        error.code === 'image.busy' ||
        error.code === 'image.ocr-unavailable'
        ? EXIT.failure
        : EXIT.usage;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      const { cli } = await import('../i18n/cli-messages.js');
      io.stderr.write(`popbot: ${cli.t(lang, 'error.readFile', { file, reason: code })}\n`);
      return EXIT.usage;
    }
    throw error;
  } finally {
    await engine.close();
  }
}
