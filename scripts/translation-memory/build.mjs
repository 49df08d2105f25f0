#!/usr/bin/env node
// Builds the translation memory: English→French and English→Vietnamese pairs from the Debian catalogues of
// sources.yaml (none an evaluation set's: exclusions.mjs), each labelled through its English msgid only
// (label.mjs), written with its provenance (package, version, catalogue file) to memory.json. A re-run
// rebuilds it: `npm run build && node scripts/translation-memory/build.mjs [--debs DIR]`.
// Debian packages are fetched with `apt-get download` and unpacked with `dpkg -x` (nothing is installed);
// `msgunfmt` (gettext) reads the compiled catalogues.
import { execFileSync } from 'node:child_process';
import * as prettier from 'prettier';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { defaultKnowledgeBase } from '../../dist/src/knowledge/load.js';
import { PLACEHOLDER } from '../catalogues/catalogue-formats.mjs';
import { render } from '../catalogues/patterns.mjs';
import { excludedCatalogues, exclusionOf } from './exclusions.mjs';
import { labelEnglish } from './label.mjs';
import { readPo } from './po.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({ options: { debs: { type: 'string', default: '' } } });
const debDir = args.debs || mkdtempSync(join(tmpdir(), 'popbot-tm-'));
const unpacked = mkdtempSync(join(tmpdir(), 'popbot-tm-x-'));
const run = (cmd, argv, opts = {}) =>
  execFileSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
const LANGS = ['fr', 'vi'];
/** English texts worth labelling: a failure, a connection, TLS, a login, storage; not option help. */
const RELEVANT =
  /connect|tls|ssl|certific|authenti|password|log ?in|logon|sign ?in|timed? ?out|refused|reset|unreachable|resolv|host|server|network|socket|disk|space|write|writing|permission|denied|lock|mail|protocol|handshake|account|quota|busy|unavailable|not found|no such|invalid|unknown|fail|cannot|can't|could not|couldn't|unable|error|expired|closed|route|proxy|credential/i;

function debOf(pkg) {
  const find = () => readdirSync(debDir).find((n) => n.startsWith(`${pkg}_`) && n.endsWith('.deb'));
  if (!find()) run('apt-get', ['download', pkg], { cwd: debDir, stdio: ['ignore', 'ignore', 'inherit'] });
  const deb = find();
  if (!deb) throw new Error(`apt-get download ${pkg} left no .deb in ${debDir}`);
  return join(debDir, deb);
}

const excluded = excludedCatalogues();
const sources = parse(readFileSync(join(here, 'sources.yaml'), 'utf8')).catalogues;
const kb = defaultKnowledgeBase();
const catalogues = [];
const pairs = [];
const labelCache = new Map();
for (const { package: pkg, domain } of sources) {
  const why = exclusionOf(excluded, { pkg, domain });
  if (why) throw new Error(`${pkg} ${domain}: ${why}`);
  const deb = debOf(pkg);
  const version = run('dpkg-deb', ['-f', deb, 'Version']).trim();
  const into = join(unpacked, pkg);
  if (!existsSync(into)) {
    mkdirSync(into, { recursive: true });
    run('dpkg', ['-x', deb, into]);
  }
  const files = {};
  const byLang = {};
  for (const lang of LANGS) {
    const file = `/usr/share/locale/${lang}/LC_MESSAGES/${domain}.mo`;
    if (!existsSync(join(into, file))) continue;
    files[lang] = file;
    byLang[lang] = new Map(readPo(run('msgunfmt', [join(into, file)])).map((e) => [e.msgid, e.msgstr]));
  }
  if (Object.keys(files).length === 0) throw new Error(`${pkg}: no fr or vi catalogue for ${domain}`);
  const at = catalogues.push({ package: pkg, version, domain, files }) - 1;
  const msgids = [...new Set(LANGS.flatMap((l) => [...(byLang[l]?.keys() ?? [])]))].sort();
  for (const msgid of msgids) {
    const english = render(msgid);
    if (english.length < 8 || english.length > 300 || /^\s*-/.test(msgid) || !RELEVANT.test(english))
      continue;
    if (excluded.strings.has(english.toLowerCase()) || excluded.strings.has(msgid.trim().toLowerCase()))
      continue;
    // Labelled with each placeholder as a neutral word: a filled-in "user@example.net" would say "user".
    const neutral = msgid.replace(PLACEHOLDER, 'X').replace(/\s+/g, ' ').trim();
    let label = labelCache.get(neutral);
    if (label === undefined) labelCache.set(neutral, (label = labelEnglish(neutral, kb) ?? null));
    if (!label) continue;
    const texts = {};
    for (const lang of LANGS) {
      const t = byLang[lang]?.get(msgid);
      if (t && t.trim() && t.trim() !== msgid.trim()) texts[lang] = render(t);
    }
    if (Object.keys(texts).length === 0) continue;
    pairs.push({ catalogue: at, msgid, en: english, category: label.category, by: label.by, ...texts });
  }
  process.stderr.write(
    `${pkg} ${version} ${domain}: ${pairs.filter((p) => p.catalogue === at).length} pairs\n`,
  );
}
const memory = {
  about:
    'Translation memory (scripts/translation-memory/build.mjs): English msgid → fr/vi msgstr of Debian catalogues no evaluation set uses, labelled through the English only. Do not edit by hand: re-run the script.',
  catalogues,
  pairs,
};
// Written as prettier writes it, so `npm test`'s format check holds after a re-run.
const file = join(here, 'memory.json');
const options = (await prettier.resolveConfig(file)) ?? {};
writeFileSync(file, await prettier.format(JSON.stringify(memory), { ...options, filepath: file }));
const count = (lang) => pairs.filter((p) => p[lang]).length;
process.stdout.write(
  `translation memory: ${catalogues.length} catalogues, ${pairs.length} labelled msgids (fr ${count('fr')}, vi ${count('vi')})\n`,
);
