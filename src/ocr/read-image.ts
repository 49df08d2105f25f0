import { checkImage, type CheckedImage } from './image-input.js';
import type { OcrEngine, OcrLine, OcrOutput } from './ocr-engine.js';
import { prepareImage, type Polarity } from './preprocess.js';

export interface ImageText extends OcrOutput {
  /** The lines read, top to bottom, as one text for the explainer. */
  text: string;
  width: number;
  height: number;
  /** The checked picture, for a second reading with the other polarity. */
  image: CheckedImage;
}

/**
 * A picture's bytes to text lines: checked before decoding, pre-processed, read by the shared engine.
 * Throws ImageError (a stable code) for anything it cannot read.
 */
export async function readImage(bytes: Buffer, engine: OcrEngine, user?: string): Promise<ImageText> {
  return readChecked(await checkImage(bytes), engine, user, 'ink-on-paper');
}

async function readChecked(
  image: CheckedImage,
  engine: OcrEngine,
  user: string | undefined,
  polarity: Polarity,
): Promise<ImageText> {
  const prepared = await prepareImage(image, polarity);
  let output = await engine.read(prepared.png, user);
  // Nothing at all read: tesseract's page layout can take a whole picture for a figure. A photo of a screen (the
  // bench corpus's `phone-photo` form: the dialog askew on a grey surround, soft, JPEG) was missed this way in
  // 22 of its 86 pictures; read as one block of text, 20 of them read right.
  if (output.lines.length === 0) output = await engine.read(prepared.png, user, 'block');
  return { ...output, ...textOf(output.lines), width: image.width, height: image.height, image };
}

function textOf(lines: OcrLine[]): { lines: OcrLine[]; text: string } {
  return { lines, text: fixMisreadings(joinWrapped(lines)) };
}

/**
 * Reads the picture again with light letters on a mid-tone band taken for ink (selected text, a highlighted
 * row) and adds the lines the first reading did not have, in their place top to bottom. Tesseract reads
 * only one polarity per pass, so text on such a band is invisible to the first reading.
 */
export async function readAgainForBands(
  first: ImageText,
  engine: OcrEngine,
  user?: string,
): Promise<ImageText> {
  const second = await readChecked(first.image, engine, user, 'light-on-colour');
  const paragraphs = Math.max(0, ...first.lines.map((l) => l.paragraph));
  const added = second.lines
    .filter((line) => !first.lines.some((known) => overlaps(known.bbox, line.bbox)))
    .map((line) => ({ ...line, paragraph: line.paragraph + paragraphs }));
  if (added.length === 0) return first;
  const lines = [...first.lines, ...added].sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
  return { ...first, ...textOf(lines) };
}

/** Two boxes share more than half of the smaller one's height on a common stretch of width. */
function overlaps(a: OcrLine['bbox'], b: OcrLine['bbox']): boolean {
  const width = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const height = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return width > 0 && height > 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0);
}

/**
 * A line that starts like this opens a line of its own even inside a paragraph: a transcript or log line
 * (`-ERR`, `+OK`, `C:`, `S:`, `>`, `<`), a program's prefix (`fetchmail:`), a prompt or a time.
 */
const LINE_START = /^(?:[+-]\s?(?:OK|ERR)\b|[CS]:|[<>$*#]|[\w.-]{2,24}:\s|\d{1,2}:\d\d|\[|\(0x)/i;

/** A sentence that ends here: a full stop, a question or exclamation mark, a colon, or a closing quote after one. */
const SENTENCE_END = /[.!?:;…。]["'”»)\]]?$/u;

/**
 * The text for the explainer: the lines of one paragraph, which a dialog wraps at its width, joined into
 * the sentence they were; a line that looks like the start of a transcript or log line stays on its own.
 */
export function joinWrapped(lines: readonly OcrLine[]): string {
  const out: string[] = [];
  let previous: OcrLine | undefined;
  for (const line of lines) {
    const text = line.text.trim();
    if (previous && out.length > 0 && !LINE_START.test(text) && continues(previous, line)) {
      out[out.length - 1] = `${out[out.length - 1]} ${text}`;
    } else out.push(text);
    previous = line;
  }
  return out.join('\n');
}

/**
 * Whether `line` carries on `previous`'s sentence: tesseract says they are one paragraph, or — when a
 * dialog's icon beside the first line made it start a paragraph of its own — the first line stops
 * mid-sentence and the next one sits right under it, inside its column.
 */
function continues(previous: OcrLine, line: OcrLine): boolean {
  if (previous.paragraph === line.paragraph) return true;
  if (SENTENCE_END.test(previous.text.trim())) return false;
  const height = line.bbox.y1 - line.bbox.y0;
  const under = line.bbox.y0 - previous.bbox.y1 < height * 0.6;
  const inColumn = line.bbox.x0 >= previous.bbox.x0 && line.bbox.x0 < previous.bbox.x1;
  return under && inColumn;
}

/**
 * Misreadings OCR makes that the text itself shows. Letters taken for digits where only digits can stand:
 * Outlook's error codes (0x800CCC0E read as "Ox800CCCOE"); only inside such a code, elsewhere an O is an O.
 */
export function fixMisreadings(text: string): string {
  return (
    text
      .replace(/\b[0O]x[0-9A-FO]{8}\b/g, (code) => `0x${code.slice(2).replace(/O/g, '0')}`)
      // A double quote glued between two letters is a misread accent (Vietnamese "hỗ trợ" read "hô“trợ"):
      // quotes open or close words, never stand inside one. The apostrophe (’) is left alone.
      .replace(/(\p{L})[\u201c\u201d\u201e"](\p{L})/gu, '$1 $2')
  );
}
