import { readFile, stat } from 'node:fs/promises';
import { ImageError } from './errors.js';
import { IMAGE_LIMITS } from './limits.js';

/** A picture file's bytes, its size checked before reading: a 3 GB file is refused without being read. */
export async function readImageFile(file: string): Promise<Buffer> {
  const info = await stat(file);
  if (info.size > IMAGE_LIMITS.maxBytes)
    throw new ImageError('image.too-large', { size: info.size, max: IMAGE_LIMITS.maxBytes });
  return readFile(file);
}

/**
 * At most `max + 1` bytes of a stream (stdin, a download): one more than allowed is enough to know it is
 * too large, so reading stops there instead of holding whatever a sender keeps sending.
 */
export async function readBounded(stream: AsyncIterable<unknown>, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk)
        : Buffer.from(String(chunk));
    chunks.push(bytes);
    size += bytes.length;
    if (size > max) break;
  }
  return Buffer.concat(chunks).subarray(0, max + 1);
}
