import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { runCli } from '../support/cli-io.js';
import { ensureBuilt, spawnPopbot } from '../support/spawn-popbot.js';
import { CORPUS_DIR, corpus } from '../../bench/corpus/screenshots.js';

describe('popbot explain --image', () => {
  const picture = corpus().find((p) => p.style === 'thunderbird' && p.lang === 'fr' && p.theme === 'light')!;

  it('--json says the source is an image, with the text read, its confidence and the findings', async () => {
    const run = await runCli(['explain', '--json', '--image', join(CORPUS_DIR, picture.file)]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.source).toBe('image');
    expect(json.ocr.meanConfidence).toBeGreaterThan(60);
    expect(json.ocr.text.length).toBeGreaterThan(10);
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.findings[0].category).toBe(picture.category);
  }, 120_000);

  it('the text answer starts with what was read from the screenshot, in the answer language', async () => {
    const run = await runCli(['explain', '--lang', 'fr', '--image', join(CORPUS_DIR, picture.file)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Texte lu dans votre capture d’écran\u00a0:\n {2}> /);
  }, 120_000);

  it('a file that is no picture gets one clear line and exit 2, never a trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'popbot-image-'));
    const file = join(dir, 'error.png');
    writeFileSync(file, '-ERR [AUTH] Authentication failed.\n');
    const run = await runCli(['explain', '--image', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'popbot: This is not a picture popbot can read: send a PNG, JPEG, WebP or GIF.\n',
    );
    const missing = await runCli(['explain', '--image', join(dir, 'nope.png')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.png: ENOENT/);
  });

  it('a picture with no text gets one note, once, and nothing of tesseract on stderr', async () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'popbot-image-'));
    const file = join(dir, 'blank.png');
    writeFileSync(
      file,
      await sharp({ create: { width: 400, height: 200, channels: 3, background: '#ffffff' } })
        .png()
        .toBuffer(),
    );
    const run = spawnPopbot(['explain', '--image', file], {}, 110_000);
    expect(await run.exited).toEqual({ code: 0, signal: null });
    // tesseract prints "Warning: Invalid resolution 25 dpi" for a page with no text unless told otherwise
    expect(run.stderr()).toBe('');
    expect(run.stdout()).toBe(
      '! No text could be read in this picture. If it shows an error, paste the text instead.\n',
    );
  }, 120_000);

  it('--image with pasted text beside it is a usage error', async () => {
    const run = await runCli(['explain', '--image', 'x.png', '-ERR bad']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/explain --image takes one FILE/);
  });
});
