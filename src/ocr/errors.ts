/**
 * Why a picture could not be read. The codes are stable: the CLI, the shell and the chat adapters turn each
 * into a sentence from the catalogue (`image.*` in src/i18n/image-messages.ts), never into a stack trace.
 */
export type ImageErrorCode =
  | 'image.too-large'
  | 'image.too-many-pixels'
  | 'image.unsupported'
  | 'image.broken'
  | 'image.timeout'
  | 'image.busy'
  | 'image.ocr-unavailable';

export class ImageError extends Error {
  override name = 'ImageError' as const;
  constructor(
    readonly code: ImageErrorCode,
    readonly params: Readonly<Record<string, string | number>> = {},
    options?: { cause?: unknown },
  ) {
    super(code, options);
  }
}
