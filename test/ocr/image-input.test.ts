import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageError } from '../../src/ocr/errors.js';
import { checkImage, sniffImageType } from '../../src/ocr/image-input.js';
import { IMAGE_LIMITS } from '../../src/ocr/limits.js';
import { prepareImage } from '../../src/ocr/preprocess.js';

const blank = (width: number, height: number, background = '#ffffff') =>
  sharp({ create: { width, height, channels: 3, background } });

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof ImageError ? error.code : `not an ImageError: ${String(error)}`;
  }
}

describe('a picture is checked from its header before anything decodes it', () => {
  it('tells PNG, JPEG, WebP and GIF from their first bytes, whatever the name says', async () => {
    const base = blank(40, 20);
    expect(sniffImageType(await base.clone().png().toBuffer())).toBe('png');
    expect(sniffImageType(await base.clone().jpeg().toBuffer())).toBe('jpeg');
    expect(sniffImageType(await base.clone().webp().toBuffer())).toBe('webp');
    expect(sniffImageType(await base.clone().gif().toBuffer())).toBe('gif');
    expect(sniffImageType(Buffer.from('-ERR [AUTH] Authentication failed.'))).toBeUndefined();
  });

  it('refuses a file over the size limit without decoding it', async () => {
    const big = Buffer.alloc(IMAGE_LIMITS.maxBytes + 1);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
    expect(await codeOf(checkImage(big))).toBe('image.too-large');
  });

  it('refuses a small file that announces a huge canvas (a decompression bomb)', async () => {
    // A real 16×16 PNG whose header is rewritten to announce 100 000 × 100 000 pixels (CRC fixed).
    const bomb = await blank(16, 16).png().toBuffer();
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    expect(bomb.length).toBeLessThan(IMAGE_LIMITS.maxBytes);
    expect(await codeOf(checkImage(bomb))).toBe('image.too-many-pixels');
  });

  it('says "not a picture" for text, and "damaged" for a picture cut short', async () => {
    expect(await codeOf(checkImage(Buffer.from('hello, this is no picture')))).toBe('image.unsupported');
    const png = await blank(300, 200).png().toBuffer();
    expect(await codeOf(checkImage(png.subarray(0, 24)))).toBe('image.broken');
    const garbage = Buffer.concat([png.subarray(0, 8), Buffer.alloc(200, 7)]);
    expect(await codeOf(checkImage(garbage))).toBe('image.broken');
  });

  it('reads only the first frame of an animated GIF', async () => {
    const frames = await sharp({ create: { width: 60, height: 30 * 3, channels: 3, background: '#fff' } })
      .gif()
      .toBuffer();
    const checked = await checkImage(frames);
    expect(checked.type).toBe('gif');
    expect(checked.width).toBe(60);
  });
});

describe('pre-processing', () => {
  it('inverts a dark theme so the text is dark on light, and scales small pictures up', async () => {
    const dark = await blank(600, 300, '#1e1e1e').png().toBuffer();
    const prepared = await prepareImage(await checkImage(dark));
    expect(prepared.inverted).toBe(true);
    expect(prepared.width).toBe(1800);
    const stats = await sharp(prepared.png).stats();
    expect(stats.channels[0]?.mean).toBeGreaterThan(128);
  });

  it('enlarges a 1280×800 screenshot twice (dialog text is 12–16 px), and caps a very large one', async () => {
    const light = await prepareImage(await checkImage(await blank(1280, 800).png().toBuffer()));
    expect([light.inverted, light.width, light.height]).toEqual([false, 2560, 1600]);
    const large = await prepareImage(await checkImage(await blank(3200, 900).png().toBuffer()));
    expect(large.width).toBeLessThanOrEqual(IMAGE_LIMITS.maxSide);
  });
});
