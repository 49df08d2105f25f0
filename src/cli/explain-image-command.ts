import type { Lang } from '../i18n/lang.js';
import { ImageError } from '../ocr/errors.js';
import { explainImage } from '../ocr/explain-image.js';
import { readBounded, readImageFile } from '../ocr/image-file.js';
import { IMAGE_LIMITS } from '../ocr/limits.js';
import { OcrEngine } from '../ocr/ocr-engine.js';
import { imageErrorText, renderImageText } from '../render/image-text.js';
import { type CliIO, EXIT } from './io.js';

interface ImageOptions {
  json: boolean;
  lang?: Lang;
  fallbackLang?: Lang;
  io: CliIO;
}

/** `popbot explain --image FILE|-`: a screenshot through the same explainer as a paste. */
export async function runExplainImage(file: string, options: ImageOptions): Promise<number> {
  const { io } = options;
  const lang = options.lang ?? options.fallbackLang ?? 'en';
  const engine = new OcrEngine(io.env);
  try {
    const bytes =
      file === '-' ? await readBounded(io.stdin, IMAGE_LIMITS.maxBytes) : await readImageFile(file);
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
      io.stdout.write(
        `${renderImageText(explanation, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR })}\n`,
      );
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ImageError) {
      io.stderr.write(`popbot: ${imageErrorText(error, lang)}\n`);
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
