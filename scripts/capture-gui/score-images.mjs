// Scores the desktop clients' screenshots the way a user sends them: `popbot explain --image FILE --json`,
// the first finding's category against the label decided from the scenario (the manifest's category).
//
//   node scripts/capture-gui/score-images.mjs [--name=gui|gui-more] [--set=tuning|holdout] [--misses]
//     [--cache=FILE] [--dir=DIR]
//
// --warm: one process with one warm OCR engine for every picture (what a running bot does: `explainImage`,
// the function `explain --image` calls, with the same options), instead of a cold `popbot explain --image`
// per picture; the answers are the same, minutes faster on a loaded machine.
//
// Prints JSON figures per set, language and client. `--misses` lists the tuning part's misses on stderr;
// the holdout's are never printed (reading them would be tuning on them).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const only = process.argv.find((a) => a.startsWith('--set='))?.slice(6);
const showMisses = process.argv.includes('--misses');
// --name: the desktop set (gui, the first; gui-more, the second).
const name = process.argv.find((a) => a.startsWith('--name='))?.slice(7) ?? 'gui';
// --dir=DIR: a copy of test/fixtures/screenshots/NAME (a capture may rewrite the fixtures meanwhile).
const pictureRoot =
  process.argv.find((a) => a.startsWith('--dir='))?.slice(6) ?? join(root, 'test/fixtures/screenshots', name);
// --cache=FILE: answers already computed for the same picture bytes (a later batch re-scores only new ones).
const cacheFile = process.argv.find((a) => a.startsWith('--cache='))?.slice(8);
const cache = cacheFile && existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
const tally = () => ({ total: 0, correct: 0 });
const add = (t, ok) => {
  t.total++;
  if (ok) t.correct++;
};

const warm = process.argv.includes('--warm')
  ? await (async () => {
      const { explainImage: explain } = await import(join(root, 'dist/src/ocr/explain-image.js'));
      const { OcrEngine } = await import(join(root, 'dist/src/ocr/ocr-engine.js'));
      const { langFromEnv } = await import(join(root, 'dist/src/i18n/lang.js'));
      const engine = new OcrEngine(process.env);
      const envLang = langFromEnv(process.env);
      return async (file) => {
        try {
          const { result } = await explain(
            readFileSync(file),
            engine,
            envLang ? { fallbackLang: envLang } : {},
          );
          return result.findings?.[0]?.category ?? `(${result.outcome})`;
        } catch {
          return '(failed)';
        }
      };
    })()
  : undefined;

async function categoryOf(file) {
  const key = createHash('sha256').update(readFileSync(file)).digest('hex');
  if (cache[key]) return cache[key];
  const got = warm ? await warm(file) : explainImage(file);
  // A run that failed (a timeout on a loaded machine) is tried again next time.
  if (got !== '(failed)') cache[key] = got;
  if (cacheFile) writeFileSync(cacheFile, JSON.stringify(cache));
  return got;
}

function explainImage(file) {
  try {
    const out = execFileSync('node', [join(root, 'bin/popbot.js'), 'explain', '--image', file, '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 120_000,
    });
    const r = JSON.parse(out);
    return r.findings?.[0]?.category ?? `(${r.outcome})`;
  } catch {
    return '(failed)';
  }
}

const figures = {};
for (const set of ['tuning', 'holdout']) {
  if (only && only !== set) continue;
  const dir = join(pictureRoot, set);
  const { pictures } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const f = { ...tally(), perLang: {}, perClient: {} };
  for (const p of pictures) {
    const got = await categoryOf(join(dir, p.file));
    const ok = got === p.category;
    add(f, ok);
    add((f.perLang[p.lang] ??= tally()), ok);
    add((f.perClient[p.client] ??= tally()), ok);
    if (!ok && set === 'tuning' && showMisses)
      process.stderr.write(`${p.file}: expected ${p.category}, got ${got}\n`);
    if (process.stderr.isTTY) process.stderr.write(`\r${set} ${f.total}/${pictures.length}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  figures[set] = f;
}
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
// The engine's worker thread would keep the process alive.
process.exit(0);
