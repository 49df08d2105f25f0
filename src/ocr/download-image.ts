import { ImageError } from './errors.js';
import { readBounded } from './image-file.js';
import { IMAGE_LIMITS } from './limits.js';

const MAX_REDIRECTS = 3;

export interface DownloadOptions {
  /** The one origin the picture may come from; a URL or a redirect elsewhere is refused, not followed. */
  origin: string;
  /** Sent with every request (a bot token): safe because every request stays on `origin`. */
  headers?: Record<string, string>;
  /** The size the platform announced, checked before downloading anything. */
  announcedSize?: number | undefined;
  fetch: typeof globalThis.fetch;
}

/**
 * A shared picture's bytes from a chat platform's file host: only http(s) on `origin`, at most
 * IMAGE_LIMITS.maxBytes (from the announced size, the Content-Length, then the bytes counted while
 * reading), within the per-image time limit. Every failure is an ImageError with a catalogue sentence.
 */
export async function downloadImage(address: string, options: DownloadOptions): Promise<Buffer> {
  const max = IMAGE_LIMITS.maxBytes;
  if (typeof options.announcedSize === 'number' && options.announcedSize > max)
    throw new ImageError('image.too-large', { size: options.announcedSize, max });
  let url: URL;
  try {
    url = new URL(address, options.origin);
  } catch {
    throw new ImageError('image.broken');
  }
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (url.origin !== options.origin || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      throw new ImageError('image.broken');
    let response: Response;
    try {
      response = await options.fetch(url, {
        headers: options.headers ?? {},
        redirect: 'manual',
        signal: AbortSignal.timeout(IMAGE_LIMITS.timeoutMs),
      });
    } catch (error) {
      throw new ImageError('image.broken', {}, { cause: error });
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url);
      continue;
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new ImageError('image.broken');
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > max) {
      await response.body.cancel();
      throw new ImageError('image.too-large', { size: declared, max });
    }
    const bytes = await readBounded(response.body, max);
    if (bytes.length > max) throw new ImageError('image.too-large', { size: bytes.length, max });
    return bytes;
  }
  throw new ImageError('image.broken');
}
