import { checkImage } from './image-input.js';
import type { OcrEngine, OcrLine, OcrOutput } from './ocr-engine.js';
import { prepareImage } from './preprocess.js';

export interface ImageText extends OcrOutput {
  /** The lines read, top to bottom, as one text for the explainer. */
  text: string;
  width: number;
  height: number;
}

/**
 * A picture's bytes to text lines: checked before decoding, pre-processed, read by the shared engine.
 * Throws ImageError (a stable code) for anything it cannot read.
 */
export async function readImage(bytes: Buffer, engine: OcrEngine, user?: string): Promise<ImageText> {
  const checked = await checkImage(bytes);
  const prepared = await prepareImage(checked);
  const output = await engine.read(prepared.png, user);
  return {
    ...output,
    text: fixMisreadings(joinWrapped(output.lines)),
    width: checked.width,
    height: checked.height,
  };
}

/**
 * A line that starts like this opens a line of its own even inside a paragraph: a transcript or log line
 * (`-ERR`, `+OK`, `C:`, `S:`, `>`, `<`), a program's prefix (`fetchmail:`), a prompt or a time.
 */
const LINE_START = /^(?:[+-]\s?(?:OK|ERR)\b|[CS]:|[<>$*#]|[\w.-]{2,24}:\s|\d{1,2}:\d\d|\[|\(0x)/i;

/**
 * The text for the explainer: the lines of one paragraph, which a dialog wraps at its width, joined into
 * the sentence they were; a line that looks like the start of a transcript or log line stays on its own.
 */
export function joinWrapped(lines: readonly OcrLine[]): string {
  const out: string[] = [];
  let previous: OcrLine | undefined;
  for (const line of lines) {
    const text = line.text.trim();
    if (previous && previous.paragraph === line.paragraph && !LINE_START.test(text) && out.length > 0) {
      out[out.length - 1] = `${out[out.length - 1]} ${text}`;
    } else out.push(text);
    previous = line;
  }
  return out.join('\n');
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
