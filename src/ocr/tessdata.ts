import { existsSync, mkdirSync, readdirSync, symlinkSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The OCR languages popbot reads screenshots in, as tesseract names them. */
export const OCR_LANGS = ['eng', 'fra', 'vie'] as const;
export type OcrLang = (typeof OCR_LANGS)[number];

/** Debian's tesseract-ocr-* packages put their models here (tesseract 5, then 4). */
const DEBIAN_TESSDATA = ['/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata'];

export interface TessdataLocation {
  /** A folder holding `<lang>.traineddata.gz` for every found language (links to the real files). */
  langPath: string;
  langs: OcrLang[];
  missing: OcrLang[];
}

function fromPackage(lang: OcrLang): string | undefined {
  // The @tesseract.js-data packages ship the LSTM-only "best_int" models: smaller and faster than the full ones.
  try {
    const main = createRequire(import.meta.url).resolve(`@tesseract.js-data/${lang}/package.json`);
    const file = join(dirname(main), '4.0.0_best_int', `${lang}.traineddata.gz`);
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

function fromFolder(folder: string, lang: OcrLang): string | undefined {
  for (const name of [`${lang}.traineddata.gz`, `${lang}.traineddata`]) {
    const file = join(folder, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/**
 * Finds a model for each language: POPBOT_TESSDATA first, then the npm packages, then Debian's. Never
 * downloads. tesseract.js reads every language from one folder, so the found files are linked into one;
 * a model stored uncompressed is read as such (tesseract.js tells gzip by its magic bytes, not the name).
 */
export function locateTessdata(env: NodeJS.ProcessEnv = process.env): TessdataLocation {
  const override = env.POPBOT_TESSDATA?.trim();
  const found = new Map<OcrLang, string>();
  for (const lang of OCR_LANGS) {
    const file =
      (override ? fromFolder(override, lang) : undefined) ??
      fromPackage(lang) ??
      DEBIAN_TESSDATA.map((d) => fromFolder(d, lang)).find(Boolean);
    if (file) found.set(lang, file);
  }
  const langPath = join(tmpdir(), `popbot-tessdata-${process.getuid?.() ?? 'user'}`);
  mkdirSync(langPath, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(langPath)) unlinkSync(join(langPath, name));
  for (const [lang, file] of found) symlinkSync(file, join(langPath, `${lang}.traineddata.gz`));
  const langs = OCR_LANGS.filter((l) => found.has(l));
  return { langPath, langs, missing: OCR_LANGS.filter((l) => !found.has(l)) };
}
