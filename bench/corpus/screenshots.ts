import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { projectRoot } from '../../src/knowledge/paths.js';

/** The rendered screenshot corpus (test/fixtures/screenshots; made by scripts/screenshots/render-corpus.mjs), for the tests and the bench. */

export interface CorpusPicture {
  file: string;
  style: string;
  lang: 'en' | 'fr' | 'vi';
  theme: 'light' | 'dark';
  scale: number;
  category: string;
  text: string;
  source: string;
}

export const CORPUS_DIR = join(projectRoot(), 'test', 'fixtures', 'screenshots');

export function corpus(): CorpusPicture[] {
  return (
    JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as { pictures: CorpusPicture[] }
  ).pictures;
}

export function pictureBytes(p: CorpusPicture): Buffer {
  return readFileSync(join(CORPUS_DIR, p.file));
}

/** How a picture gets worse on its way to a support channel. Deterministic: the same bytes every run. */
export const DEGRADATIONS = {
  /** Re-shared through a chat: scaled down a little and JPEG-compressed hard. */
  'jpeg-reshared': (png: Buffer) =>
    sharp(png)
      .resize({ width: Math.round(((sharpWidth(png) ?? 1000) * 4) / 5) })
      .jpeg({ quality: 45 })
      .toBuffer(),
  /** A phone photo of the screen: slightly rotated, softened, on a grey surround, JPEG. */
  'phone-photo': (png: Buffer) =>
    sharp(png)
      .rotate(2.5, { background: '#8a8a8a' })
      .blur(0.6)
      .modulate({ brightness: 0.92 })
      .jpeg({ quality: 70 })
      .toBuffer(),
  /** Shrunk to 60 %: small text. */
  downscaled: (png: Buffer) =>
    sharp(png)
      .resize({ width: Math.round((sharpWidth(png) ?? 1000) * 0.6) })
      .png()
      .toBuffer(),
} as const;

export type Degradation = keyof typeof DEGRADATIONS;

function sharpWidth(png: Buffer): number | undefined {
  // PNG width is at bytes 16–19 of the IHDR chunk; corpus pictures are PNGs.
  return png.length > 24 ? png.readUInt32BE(16) : undefined;
}
