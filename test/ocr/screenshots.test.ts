import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { explainImage } from '../../src/ocr/explain-image.js';
import { OcrEngine } from '../../src/ocr/ocr-engine.js';
import {
  type CorpusPicture,
  corpus,
  DEGRADATIONS,
  type Degradation,
  pictureBytes,
} from '../../bench/corpus/screenshots.js';

/**
 * A screenshot gets the same findings as its text pasted: the corpus's dialogs (Outlook, Thunderbird,
 * Apple Mail, iOS, Android, a terminal; en/fr/vi) read by the real OCR engine. One picture per style and
 * language here, plus dark and degraded ones; `npm run bench` reads the whole corpus with every degradation.
 */
const engine = new OcrEngine();
afterAll(() => engine.close());

const categories = (text: string) => [...new Set(explain(text).findings.map((f) => f.category))].sort();

const pictures = corpus();
const firstOf = (style: string, lang: string, theme: string) =>
  pictures.find((p) => p.style === style && p.lang === lang && p.theme === theme && p.scale === 1);
const styles = [...new Set(pictures.map((p) => p.style))];

function expectSameAsPasted(picture: CorpusPicture, got: string[]) {
  const pasted = categories(picture.text);
  expect(pasted.length, `the pasted text of ${picture.file} has findings`).toBeGreaterThan(0);
  expect(got, `${picture.file}: ${picture.text}`).toEqual(pasted);
}

describe('a screenshot is explained like its text pasted', () => {
  for (const style of styles)
    for (const lang of ['en', 'fr', 'vi'] as const) {
      const picture = firstOf(style, lang, 'light');
      if (!picture) continue;
      it(`${style} in ${lang}`, async () => {
        const explained = await explainImage(pictureBytes(picture), engine);
        expect(explained.source).toBe('image');
        expectSameAsPasted(picture, [...new Set(explained.result.findings.map((f) => f.category))].sort());
        expect(explained.readLines.length).toBeGreaterThan(0);
        expect(explained.ocr.meanConfidence).toBeGreaterThan(60);
      }, 120_000);
    }
});

describe('dark themes and pictures degraded on their way to a chat', () => {
  const cases: [CorpusPicture | undefined, Degradation | undefined][] = [
    [firstOf('thunderbird', 'vi', 'dark'), undefined],
    [firstOf('terminal', 'en', 'dark'), undefined],
    [firstOf('outlook', 'fr', 'light'), 'jpeg-reshared'],
    [firstOf('apple-mail', 'en', 'light'), 'phone-photo'],
    // Tesseract's page layout reads nothing in this one: read again as one block of text.
    [firstOf('thunderbird', 'en', 'light'), 'phone-photo'],
  ];
  for (const [picture, degradation] of cases) {
    if (!picture) continue;
    it(`${picture.file}${degradation ? ` (${degradation})` : ''}`, async () => {
      const png = pictureBytes(picture);
      const bytes = degradation ? await DEGRADATIONS[degradation](png) : png;
      const explained = await explainImage(bytes, engine);
      expectSameAsPasted(picture, [...new Set(explained.result.findings.map((f) => f.category))].sort());
    }, 120_000);
  }
});

describe('a real desktop capture', () => {
  // Thunderbird 153 under Xvfb (scripts/capture-gui, tuning part): the alert's sentence is selected, white
  // letters on the theme's blue, which the first reading takes for a grey block.
  it('reads the selected sentence of an alert', async () => {
    const file = join(
      dirname(fileURLToPath(import.meta.url)),
      '../fixtures/screenshots/gui/tuning/thunderbird-refused-port-tls-en-1.png',
    );
    const explained = await explainImage(readFileSync(file), engine);
    expect(explained.result.findings.map((f) => f.category)).toEqual(['connect.refused']);
    expect(explained.readLines.join(' ')).toMatch(
      /connect to server 127\.0\.0\.3; the connection was refused/,
    );
  }, 120_000);
});
