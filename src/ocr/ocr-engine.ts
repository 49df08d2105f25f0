import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { ImageError } from './errors.js';
import { IMAGE_LIMITS } from './limits.js';
import { locateTessdata, type OcrLang } from './tessdata.js';

export interface OcrLine {
  text: string;
  /** 0–100, tesseract's mean word confidence for the line. */
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
  /** Lines of one paragraph share this number: a dialog's sentence wrapped over several lines. */
  paragraph: number;
}

export interface OcrOutput {
  lines: OcrLine[];
  /** 0–100, over the words read. */
  meanConfidence: number;
  langs: OcrLang[];
  missingLangs: OcrLang[];
}

interface TesseractLine {
  text: string;
  confidence: number;
  bbox: OcrLine['bbox'];
  words?: { confidence: number }[];
}
interface TesseractBlock {
  paragraphs?: { lines?: TesseractLine[] }[];
}

/** How tesseract lays out the page: its automatic analysis, or one block of text. */
export type OcrLayout = 'auto' | 'block';

/**
 * Per picture. A tesseract parameter given here (tesseract.js passes on what it does not know itself) holds for
 * that picture only: the worker's own are restored after it.
 */
const RECOGNIZE_OPTIONS: Record<OcrLayout, { rotateAuto: boolean; tessedit_pageseg_mode?: PSM }> = {
  auto: { rotateAuto: true },
  block: { rotateAuto: true, tessedit_pageseg_mode: PSM.SINGLE_BLOCK },
};

/**
 * One warm tesseract.js worker (WASM in a worker thread: the event loop never blocks), a bounded queue in
 * front of it with a limit per user, and a time limit per picture. Models load once, on first use.
 */
export class OcrEngine {
  #worker: Promise<Worker> | undefined;
  #location: ReturnType<typeof locateTessdata> | undefined;
  #chain: Promise<unknown> = Promise.resolve();
  #queued = 0;
  readonly #perUser = new Map<string, number>();

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** Loads the models now, so the first picture is not the slow one. */
  warm(): Promise<void> {
    return this.worker().then(() => undefined);
  }

  private worker(): Promise<Worker> {
    this.#worker ??= (async () => {
      this.#location = locateTessdata(this.env);
      if (this.#location.langs.length === 0) throw new ImageError('image.ocr-unavailable');
      const worker = await createWorker(this.#location.langs, OEM.LSTM_ONLY, {
        langPath: this.#location.langPath,
        gzip: true,
        cacheMethod: 'none',
      });
      // A dialog or a terminal is a block of text, not a newspaper page: automatic layout analysis.
      await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '1' });
      return worker;
    })();
    this.#worker.catch(() => {
      this.#worker = undefined;
    });
    return this.#worker;
  }

  /**
   * Reads a prepared (grey, upright) PNG. `user` keys the per-user queue limit. `layout`: tesseract's automatic
   * page layout (the default), or the picture read as one block of text (see readImage).
   */
  async read(png: Buffer, user = 'local', layout: OcrLayout = 'auto'): Promise<OcrOutput> {
    if (this.#queued >= IMAGE_LIMITS.maxQueued) throw new ImageError('image.busy');
    const mine = this.#perUser.get(user) ?? 0;
    if (mine >= IMAGE_LIMITS.maxQueuedPerUser) throw new ImageError('image.busy');
    this.#queued++;
    this.#perUser.set(user, mine + 1);
    const run = this.#chain.then(() => this.recognise(png, layout));
    this.#chain = run.catch(() => undefined);
    try {
      return await run;
    } finally {
      this.#queued--;
      const left = (this.#perUser.get(user) ?? 1) - 1;
      if (left > 0) this.#perUser.set(user, left);
      else this.#perUser.delete(user);
    }
  }

  private async recognise(png: Buffer, layout: OcrLayout): Promise<OcrOutput> {
    const worker = await this.worker();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ImageError('image.timeout')), IMAGE_LIMITS.timeoutMs);
    });
    try {
      const result = await Promise.race([
        // `debug`: tesseract's own warnings ("Invalid resolution 25 dpi" on a page with no text) go to the result,
        // which is dropped, instead of the terminal: the CLI's stderr stays for popbot's messages.
        worker.recognize(png, RECOGNIZE_OPTIONS[layout], { blocks: true, text: false, debug: true }),
        timeout,
      ]);
      const blocks = (result.data.blocks ?? []) as TesseractBlock[];
      const lines: OcrLine[] = [];
      const words: number[] = [];
      let paragraphNumber = 0;
      for (const block of blocks)
        for (const paragraph of block.paragraphs ?? []) {
          paragraphNumber++;
          for (const line of paragraph.lines ?? []) {
            const text = line.text.replace(/\s+$/, '');
            if (text.trim() === '') continue;
            lines.push({ text, confidence: line.confidence, bbox: line.bbox, paragraph: paragraphNumber });
            for (const w of line.words ?? []) words.push(w.confidence);
          }
        }
      const meanConfidence = words.length ? words.reduce((a, b) => a + b, 0) / words.length : 0;
      const location = this.#location ?? { langs: [], missing: [] };
      return { lines, meanConfidence, langs: location.langs, missingLangs: location.missing };
    } catch (error) {
      if (error instanceof ImageError) {
        // A worker stuck on one picture would hold every later one: start a fresh one next time.
        if (error.code === 'image.timeout') await this.reset();
        throw error;
      }
      throw new ImageError('image.broken', {}, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  private async reset(): Promise<void> {
    const old = this.#worker;
    this.#worker = undefined;
    await old?.then((w) => w.terminate()).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.reset();
  }
}
