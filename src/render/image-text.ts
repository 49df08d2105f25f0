import { formatSize } from '../explain/explain.js';
import type { Lang } from '../i18n/lang.js';
import { imageMessages } from '../i18n/image-messages.js';
import type { ImageError } from '../ocr/errors.js';
import { type ImageExplanation, notesSayItAll } from '../ocr/explain-image.js';
import { renderResultText } from './text.js';

/**
 * A screenshot's answer as terminal text: what was read, the notes about the reading, then the same
 * rendering as a paste. Shared by `popbot explain --image` and the shell's /image.
 */
export function renderImageText(explanation: ImageExplanation, options: { color: boolean }): string {
  const lang = explanation.result.lang;
  const out: string[] = [];
  if (explanation.readLines.length > 0)
    out.push(
      [imageMessages.t(lang, 'read-from'), ...explanation.readLines.map((l) => `  > ${l}`)].join('\n'),
    );
  for (const note of explanation.notes) out.push(`! ${note.message}`);
  if (!notesSayItAll(explanation)) out.push(renderResultText(explanation.result, options));
  return out.join('\n\n');
}

/** An ImageError as the catalogue's sentence, sizes written the way people read them. */
export function imageErrorText(error: ImageError, lang: Lang): string {
  const params = { ...error.params };
  if (typeof params.size === 'number') params.size = formatSize(params.size, lang);
  if (typeof params.max === 'number') params.max = formatSize(params.max, lang);
  return imageMessages.t(lang, error.code, params);
}
