import { explain } from '../explain/explain.js';
import { maskFreeText } from '../explain/secrets.js';
import type { ExplainOptions, ExplainResult } from '../explain/types.js';
import { imageMessages } from '../i18n/image-messages.js';
import { IMAGE_LIMITS } from './limits.js';
import type { OcrEngine } from './ocr-engine.js';
import type { OcrLang } from './tessdata.js';
import { readAgainForBands, readImage } from './read-image.js';

export type ImageNoteCode = 'nothing-read' | 'hard-to-read' | 'missing-langs';

export interface ImageExplanation {
  source: 'image';
  /** The same result a paste of the text gives. */
  result: ExplainResult;
  ocr: {
    /** Every line read, secrets masked as in any paste. */
    text: string;
    /** 0–100. */
    meanConfidence: number;
    missingLangs: OcrLang[];
  };
  /** The lines that matter, masked: the lines the findings stand on, else the first lines read. */
  readLines: string[];
  notes: { code: ImageNoteCode; message: string }[];
}

const SHOWN_LINES = 8;

/**
 * A screenshot through the same explainer as a paste: OCR, then `explain` on the text read. Screenshots
 * show passwords too, so what is shown back is masked like a paste.
 */
export async function explainImage(
  bytes: Buffer,
  engine: OcrEngine,
  options: ExplainOptions & { user?: string } = {},
): Promise<ImageExplanation> {
  const { user, ...explainOptions } = options;
  let read = await readImage(bytes, engine, user);
  let result = explain(read.text, explainOptions);
  // Nothing found may mean the error is the selected (highlighted) text: read the picture once more for it.
  if (result.findings.length === 0) {
    const again = await readAgainForBands(read, engine, user);
    if (again !== read) {
      const second = explain(again.text, explainOptions);
      if (second.findings.length > 0) [read, result] = [again, second];
    }
  }
  const masked = read.lines.map((l) => maskFreeText(l.text).text);
  const lineNumbers = [...new Set(result.findings.map((f) => f.lineNumber))];
  const readLines =
    lineNumbers.length > 0
      ? lineNumbers.map((n) => masked[n - 1] ?? '').filter(Boolean)
      : masked.slice(0, SHOWN_LINES);
  const lang = result.lang;
  const notes: ImageExplanation['notes'] = [];
  const note = (code: ImageNoteCode) => notes.push({ code, message: imageMessages.t(lang, code) });
  if (read.lines.length === 0) note('nothing-read');
  else if (read.meanConfidence < IMAGE_LIMITS.lowConfidence) note('hard-to-read');
  if (read.missingLangs.includes('vie') && (lang === 'vi' || /[ăâđêôơư]/i.test(read.text)))
    note('missing-langs');
  return {
    source: 'image',
    result,
    ocr: {
      text: masked.join('\n'),
      meanConfidence: Math.round(read.meanConfidence),
      missingLangs: read.missingLangs,
    },
    readLines: readLines.slice(0, SHOWN_LINES),
    notes,
  };
}

/**
 * Whether the paste-style answer adds nothing to the notes: when no text was read, "the message is empty,
 * paste the error" only repeats the note that says so and asks for the text.
 */
export function notesSayItAll(explanation: ImageExplanation): boolean {
  return explanation.result.outcome === 'empty' && explanation.notes.some((n) => n.code === 'nothing-read');
}
