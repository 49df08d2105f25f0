#!/usr/bin/env node
// Renders the screenshot corpus (test/fixtures/screenshots): real error texts from the evaluation set, drawn
// in the dialog styles people post (Outlook, Thunderbird, Apple Mail, iOS, Android, a terminal), light and
// dark, at 1× and 2×, by headless Chromium from Debian. Re-run after changing styles.mjs or the chosen texts:
//   apt-get install chromium fonts-dejavu-core fonts-liberation && node scripts/screenshots/render-corpus.mjs
// Progress goes to stderr on a terminal; the manifest (manifest.json) records how each picture was made.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import YAML from 'yaml';
import { renderHtml, STYLES } from './styles.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const OUT = join(ROOT, 'test/fixtures/screenshots');
const PER_STYLE_AND_LANG = 3;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const hash = (s) => createHash('sha1').update(s).digest('hex');
const progress = process.stderr.isTTY ? (s) => process.stderr.write(`\r\x1b[K${s}`) : () => {};

function evalCases() {
  const dir = join(ROOT, 'test/fixtures/eval');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => YAML.parse(readFileSync(join(dir, f), 'utf8')).cases.map((c) => ({ ...c, file: f })));
}

const version = execFileSync(CHROMIUM, ['--version'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
}).trim();
const work = mkdtempSync(join(tmpdir(), 'popbot-corpus-'));
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const cases = evalCases();
const pictures = [];
for (const [styleName, style] of Object.entries(STYLES)) {
  for (const lang of ['en', 'fr', 'vi']) {
    // Short texts fit a dialog; the choice is stable across runs (ordered by a hash of the text).
    const chosen = cases
      .filter((c) => c.lang === lang && style.sources.test(c.source ?? '') && c.text.length <= 420)
      .sort((a, b) => (hash(a.text) < hash(b.text) ? -1 : 1))
      .slice(0, PER_STYLE_AND_LANG);
    chosen.forEach((c, n) => {
      const variants = [{ theme: 'light', scale: 1 }];
      if (n === 0) variants.push({ theme: 'dark', scale: 1 });
      if (n === 1) variants.push({ theme: 'light', scale: 2 });
      for (const v of variants) pictures.push({ style: styleName, lang, case: c, n, ...v });
    });
  }
}

let done = 0;
for (const p of pictures) {
  const id = `${p.style}-${p.lang}-${p.n + 1}-${p.theme}@${p.scale}x`;
  progress(`rendering ${++done}/${pictures.length} ${id}`);
  const html = join(work, `${id}.html`);
  const shot = join(work, `${id}.png`);
  writeFileSync(html, renderHtml(p.style, p.case.text, p.lang, p.theme));
  const { width, height } = STYLES[p.style].size;
  execFileSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${join(work, 'profile')}`,
      `--window-size=${width},${height}`,
      `--force-device-scale-factor=${p.scale}`,
      `--screenshot=${shot}`,
      `file://${html}`,
    ],
    { stdio: 'ignore', timeout: 60_000 },
  );
  await sharp(shot)
    .png({ compressionLevel: 9 })
    .toFile(join(OUT, `${id}.png`));
  pictures[done - 1].id = id;
}
progress('');
rmSync(work, { recursive: true, force: true });

const manifest = {
  made: `scripts/screenshots/render-corpus.mjs with ${version} (headless), fonts DejaVu and Liberation`,
  note: 'Texts are evaluation cases (test/fixtures/eval) whose source is the program the style draws; degraded variants (JPEG re-share, phone photo, downscale) are made from these at test and bench time.',
  pictures: pictures.map((p) => ({
    file: `${p.id}.png`,
    style: p.style,
    lang: p.lang,
    theme: p.theme,
    scale: p.scale,
    category: p.case.category,
    text: p.case.text,
    source: `${p.case.file}: ${p.case.source}`,
  })),
};
writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`${pictures.length} pictures in ${OUT}\n`);
