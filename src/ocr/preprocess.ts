import sharp from 'sharp';
import { ImageError } from './errors.js';
import type { CheckedImage } from './image-input.js';
import { IMAGE_LIMITS } from './limits.js';

// libvips' cache of recent operations never hits here (every picture is new), and each of its threads leaves
// glibc an arena of freed memory: one thread, no cache (sharp's own default is one thread on glibc, unless
// MALLOC_ARENA_MAX is set, as the bot sets it). RSS after eleven screenshots 289 → 266 MB, same speed.
sharp.cache(false);
sharp.concurrency(1);

/** Mean luminance under which a picture is taken for a dark theme (light text on dark) and inverted. */
const DARK_MEAN = 110;
/** Levels: grey g becomes 1.8 g − 110 (clamped), so 200 and above is white and 61 and below black. */
const LEVELS_GAIN = 1.8;
const LEVELS_OFFSET = -110;

/**
 * How the grey levels are laid out for tesseract. `ink-on-paper`: dark letters on a light ground (the usual
 * dialog, or a dark theme turned over). `light-on-colour`: the letters light on a mid-tone band — selected
 * text, a highlighted row, a coloured banner — which the levels above turn into a grey block with no letters
 * in it; turned over and stretched, the band becomes the paper and its letters the ink.
 */
export type Polarity = 'ink-on-paper' | 'light-on-colour';
/** In `light-on-colour`, grey g (after turning over) becomes g · 255 / 140: a mid-tone band and up is white. */
const BAND_GAIN = 255 / 140;

export interface PreparedImage {
  png: Buffer;
  width: number;
  height: number;
  inverted: boolean;
  scale: number;
}

/** How much to enlarge: tesseract reads letters of 20–30 px best; dialogs are drawn at 12–16 px. */
function scaleFor(width: number, height: number): number {
  const wanted = width <= 700 ? 3 : width <= 1700 ? 2 : 1;
  return Math.min(wanted, IMAGE_LIMITS.maxSide / Math.max(width, height));
}

/**
 * Turns what people post into what tesseract reads best: the first frame, upright (EXIF), grey, dark text
 * on a light ground, letters large enough. Deskewing is left to tesseract's own orientation detection.
 */
export async function prepareImage(
  image: CheckedImage,
  polarity: Polarity = 'ink-on-paper',
): Promise<PreparedImage> {
  try {
    const grey = await sharp(image.bytes, { pages: 1, limitInputPixels: IMAGE_LIMITS.maxPixels })
      .rotate()
      .flatten({ background: '#ffffff' })
      .greyscale()
      .png({ compressionLevel: 0 })
      .toBuffer();
    const stats = await sharp(grey).stats();
    const inverted = (stats.channels[0]?.mean ?? 255) < DARK_MEAN;
    const { width, height } = image;
    const scale = scaleFor(width, height);
    const outWidth = Math.max(1, Math.round(width * scale));
    const outHeight = Math.max(1, Math.round(height * scale));
    let pipeline = sharp(grey).resize(outWidth, outHeight, { kernel: 'lanczos3' });
    if (polarity === 'light-on-colour') {
      pipeline = pipeline.negate({ alpha: false }).linear(BAND_GAIN, 0);
    } else {
      if (inverted) pipeline = pipeline.negate({ alpha: false });
      // Light greys (a desktop, a window's frame, a shadow) become white: tesseract's global threshold
      // would otherwise take a grey desktop around a white dialog for ink and find no text inside it.
      pipeline = pipeline.linear(LEVELS_GAIN, LEVELS_OFFSET);
    }
    const png = await pipeline.png({ compressionLevel: 1 }).toBuffer();
    return { png, width: outWidth, height: outHeight, inverted, scale };
  } catch (error) {
    if (error instanceof ImageError) throw error;
    throw new ImageError('image.broken', {}, { cause: error });
  }
}
