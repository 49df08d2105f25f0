import sharp from 'sharp';
import { ImageError } from './errors.js';
import { IMAGE_LIMITS } from './limits.js';

export type ImageType = 'png' | 'jpeg' | 'webp' | 'gif';

/** The type a file's first bytes announce; the name and the sender's content type are not trusted. */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42)
    return 'webp';
  return undefined;
}

export interface CheckedImage {
  bytes: Buffer;
  type: ImageType;
  width: number;
  height: number;
}

/**
 * Checks size, type and dimensions from the header alone, before any pixel is decoded: a 10 KB PNG may
 * announce 100 000 × 100 000 pixels.
 */
export async function checkImage(bytes: Buffer): Promise<CheckedImage> {
  if (bytes.length > IMAGE_LIMITS.maxBytes)
    throw new ImageError('image.too-large', { size: bytes.length, max: IMAGE_LIMITS.maxBytes });
  const type = sniffImageType(bytes);
  if (!type) throw new ImageError('image.unsupported');
  let width: number | undefined;
  let height: number | undefined;
  try {
    const meta = await sharp(bytes, { pages: 1, limitInputPixels: false }).metadata();
    width = meta.width;
    height = meta.height;
  } catch (error) {
    throw new ImageError('image.broken', {}, { cause: error });
  }
  if (!width || !height) throw new ImageError('image.broken');
  if (width * height > IMAGE_LIMITS.maxPixels)
    throw new ImageError('image.too-many-pixels', { width, height });
  return { bytes, type, width, height };
}
