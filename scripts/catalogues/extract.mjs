#!/usr/bin/env node
// Extracts the POP, TLS, connection and authentication messages of every catalogue in sources.yaml into
// data/<tool>.yaml, with where each text came from (package and version, or repository and commit; file;
// msgid). Re-running it after a release refreshes the data; `apply.mjs` then refreshes the entries.
//
//   node scripts/catalogues/extract.mjs [--debs DIR] [--mirrors DIR] [--only TOOL,TOOL…]
//
// --only re-reads the named tools' sources and leaves the other data/ files as they are (a new round adds
// its tools without re-fetching every earlier package and snapshot).
//
// Debian packages are fetched with `apt-get download` and unpacked with `dpkg -x` (nothing is installed);
// repositories are read from local snapshots (`git show`), by default under /work/.mirror/<owner>+<name>/repo.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import {
  readAndroidStrings,
  readBinaryStrings,
  readFluent,
  readJsonTree,
  readNextcloudL10n,
  readPhpArray,
  readPo,
  readProperties,
  readQm,
  readSourceStrings,
} from './catalogue-formats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    debs: { type: 'string', default: process.env.CATALOGUE_DEBS ?? '' },
    mirrors: { type: 'string', default: process.env.CATALOGUE_MIRRORS ?? '/work/.mirror' },
    only: { type: 'string', default: '' },
  },
});
const debDir = args.debs || mkdtempSync(join(tmpdir(), 'popbot-catalogues-'));
const quiet = !process.stderr.isTTY;
const progress = (text) => {
  if (!quiet) process.stderr.write(`${text}\n`);
};

const run = (cmd, argv, opts = {}) =>
  execFileSync(cmd, argv, { encoding: 'utf8', maxBuffer: 256 << 20, ...opts });

/** Unpacks a Debian package once; returns its root folder and `package version`. */
const unpacked = new Map();
function debianPackage(name) {
  if (unpacked.has(name)) return unpacked.get(name);
  mkdirSync(debDir, { recursive: true });
  let deb = readdirSync(debDir).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
  if (!deb) {
    progress(`apt-get download ${name}`);
    run('apt-get', ['download', name], { cwd: debDir, stdio: ['ignore', 'ignore', 'inherit'] });
    deb = readdirSync(debDir).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
  }
  if (!deb) throw new Error(`apt-get download ${name} left no .deb in ${debDir}`);
  const root = join(debDir, `${name}.root`);
  mkdirSync(root, { recursive: true });
  run('dpkg', ['-x', join(debDir, deb), root]);
  const version = run('dpkg-deb', ['-f', join(debDir, deb), 'Version']).trim();
  const result = { root, origin: `Debian package ${name} ${version}`, version };
  unpacked.set(name, result);
  return result;
}

function mirror(repo) {
  return join(args.mirrors, repo.replace('/', '+'), 'repo');
}

function gitCommit(repo) {
  return run('git', ['-C', mirror(repo), 'rev-parse', 'HEAD']).trim();
}

/** Reads one catalogue file; returns its text and its provenance. */
function readCatalogue(source, lang) {
  const spec = source.files[lang];
  const where = typeof spec === 'string' ? { ...source.origin, path: spec } : { ...source.origin, ...spec };
  if (where.deb) {
    const pkg = debianPackage(where.deb);
    const file = join(pkg.root, where.path);
    // A compiled library is read byte for byte; a source archive (`zip`) by the one member named.
    const encoding = source.format === 'binary' || source.format === 'qm' ? 'latin1' : 'utf8';
    const text =
      source.format === 'mo'
        ? run('msgunfmt', [file])
        : where.zip
          ? run('unzip', ['-p', file, where.zip], { encoding })
          : readFileSync(file, encoding);
    const path = where.zip ? `${where.path}!/${where.zip}` : where.path;
    return { text, provenance: { origin: pkg.origin, file: path } };
  }
  const commit = gitCommit(where.git);
  const text = run('git', ['-C', mirror(where.git), 'show', `${commit}:${where.path}`]);
  return { text, provenance: { origin: `github.com/${where.git} at ${commit}`, file: where.path } };
}

const readers = {
  mo: readPo,
  po: readPo,
  properties: readProperties,
  android: readAndroidStrings,
  strings: readSourceStrings,
  binary: readBinaryStrings,
  qm: readQm,
  ftl: readFluent,
  json: readJsonTree,
  'nextcloud-l10n': readNextcloudL10n,
  php: readPhpArray,
};

/**
 * A `quoted` source: texts copied by hand from a file too large a repository to fetch (read with the search
 * tool), listed in sources.yaml with their provenance. A re-run keeps them; a new release means re-reading.
 * A translated catalogue names each language's file (`files: { en: { quoted, path }, fr: …, vi: … }`, each
 * at its own commit) and its messages carry `fr`/`vi` where that catalogue translates them.
 */
function quotedSource(source) {
  const where = source.files ?? { en: source.origin };
  const files = Object.fromEntries(
    Object.entries(where).map(([lang, f]) => [lang, { origin: f.quoted, file: f.path }]),
  );
  const messages = source.messages.map((m) => {
    const message = { msgid: m.msgid, en: m.en };
    for (const lang of ['fr', 'vi']) if (m[lang] && files[lang]) message[lang] = m[lang];
    return message;
  });
  return { files, messages };
}

function extractSource(source, keywords) {
  if (source.format === 'quoted') return quotedSource(source);
  const read = readers[source.format];
  const catalogues = {};
  const files = {};
  for (const lang of Object.keys(source.files)) {
    const { text, provenance } = readCatalogue(source, lang);
    catalogues[lang] = read(text);
    files[lang] = provenance;
  }
  const keyed = 'en' in catalogues;
  const ids = keyed
    ? [...catalogues.en.keys()]
    : [...new Set(Object.values(catalogues).flatMap((m) => [...m.keys()]))];
  const select = source.ids ? (id) => source.ids.includes(id) : makeSelector(source.select ?? keywords);
  const messages = [];
  for (const msgid of ids) {
    const en = keyed ? catalogues.en.get(msgid) : msgid.split('\u0004').pop();
    if (!en || !select(msgid, en)) continue;
    const message = { msgid, en };
    for (const lang of ['fr', 'vi']) {
      const text = catalogues[lang]?.get(msgid);
      if (text) message[lang] = text;
    }
    messages.push(message);
  }
  // A listed message that is gone means the catalogue changed: say so rather than shrink silently.
  for (const id of source.ids ?? []) {
    if (!messages.some((m) => m.msgid === id))
      process.stdout.write(`${source.tool}: not found: ${JSON.stringify(id)}\n`);
  }
  return { files, messages };
}

function makeSelector(pattern) {
  // Folded YAML puts a space after each | at a line end; spaces inside alternatives are meant.
  const re = new RegExp(pattern.replace(/\s*\|\s*/g, '|').trim(), 'i');
  return (msgid, en) => re.test(msgid) || re.test(en);
}

const config = parse(readFileSync(join(here, 'sources.yaml'), 'utf8'));
const byTool = new Map();
const only = args.only ? new Set(args.only.split(',')) : undefined;
for (const source of config.sources) {
  if (only && !only.has(source.tool)) continue;
  progress(
    `${source.tool}: ${Object.values(source.files ?? { q: source.origin.path })
      .map((f) => f.path ?? f)
      .join(', ')}`,
  );
  const { files, messages } = extractSource(source, config.keywords);
  const tool = byTool.get(source.tool) ?? { tool: source.tool, catalogues: [] };
  tool.catalogues.push({ format: source.format, files, messages });
  byTool.set(source.tool, tool);
}

mkdirSync(join(here, 'data'), { recursive: true });
for (const [name, tool] of byTool) {
  const header =
    `# Extracted by scripts/catalogues/extract.mjs from the catalogues named below (facts, with provenance).\n` +
    `# Do not edit by hand: re-run the script.\n`;
  writeFileSync(join(here, 'data', `${name}.yaml`), header + stringify(tool, { lineWidth: 0 }));
  const count = tool.catalogues.reduce((n, c) => n + c.messages.length, 0);
  process.stdout.write(`${name}: ${count} messages\n`);
}
