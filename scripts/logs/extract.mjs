// Server-log cases, round two: reads scripts/logs/cases.yaml, takes each case's lines from its source (a public
// repository's file at a fixed commit, read from a local mirror with `git show`, or a live capture file in
// data/), builds the bare-log cases and the chat cases around them, splits them by source and scenario with a
// seeded hash, and writes test/fixtures/captured/logs/<source>.yaml and test/fixtures/eval/holdout/logs/<source>.yaml.
//
//   node scripts/logs/extract.mjs            # write the fixtures
//   node scripts/logs/extract.mjs --check    # only check that every case finds its lines, print the counts
//
// Mirrors: $POPBOT_MIRROR/<owner>+<name>/repo (default /work/.mirror), a bare clone of the repository that
// holds the commit named in cases.yaml (the search tool's `fetch github:<owner>/<name>` makes one).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { isHoldoutScenario, loadLogCases } from './split.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const config = loadLogCases();
const mirrorRoot = process.env.POPBOT_MIRROR ?? '/work/.mirror';
const checkOnly = process.argv.includes('--check');

/** A source file's lines (1-based index = line number), with the source's prefix stripped when it has one. */
const fileCache = new Map();
function sourceLines(sourceId, file) {
  const key = `${sourceId}:${file ?? ''}`;
  if (fileCache.has(key)) return fileCache.get(key);
  const source = config.sources[sourceId];
  if (!source) throw new Error(`unknown source ${sourceId}`);
  let text;
  if (source.local) {
    text = readFileSync(join(here, source.local, file), 'utf8');
  } else {
    const git = join(mirrorRoot, source.repo.replace('/', '+'), 'repo');
    if (!existsSync(git))
      throw new Error(`no mirror of ${source.repo} at ${git}: fetch github:${source.repo} first`);
    text = execFileSync('git', ['-C', git, 'show', `${source.commit}:${source.path}`], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
  }
  const strip = source.strip ? new RegExp(source.strip) : undefined;
  const lines = text.split('\n').map((l) => (strip ? l.replace(strip, '') : l).replace(/\s+$/, ''));
  fileCache.set(key, lines);
  return lines;
}

/**
 * The lines a case names: each `match` picks the first line after the previous pick that contains it and is
 * not a comment; `lines` names line numbers. Returns the line numbers, or throws naming what was not found.
 */
function pick(c) {
  const lines = sourceLines(c.source, c.file);
  if (c.lines) return c.lines;
  const numbers = [];
  let from = 0;
  for (const m of [c.match].flat()) {
    const i = lines.findIndex((l, n) => n >= from && !l.startsWith('#') && l.includes(m));
    if (i < 0) throw new Error(`${c.source}/${c.id}: no line contains ${JSON.stringify(m)}`);
    numbers.push(i + 1);
    from = i + 1;
  }
  return numbers;
}

const hash = (s) => createHash('sha256').update(s).digest();

function frame(c, text, lang, n) {
  const source = config.sources[c.source];
  const single = !text.includes('\n');
  const pool = single && n % 2 === 1 ? config.frames.inline[lang] : config.frames.block[lang];
  const template = pool[hash(`${c.source}/${c.id}/${lang}`).readUInt32BE(0) % pool.length];
  return {
    framing: template.replaceAll('{server}', c.short ?? source.short ?? source.server.split(' ')[0]),
    template,
  };
}

/** Where a case's lines come from, and why it has its category: kept on the case (`config`). */
function provenanceOf(c, numbers) {
  const source = config.sources[c.source];
  const where = source.local
    ? `scripts/logs/${source.local}/${c.file}`
    : `github ${source.repo}@${source.commit} ${source.path}`;
  const settings = source.local
    ? sourceLines(c.source, c.file)
        .filter((l) => l.startsWith('# setting: '))
        .map((l) => `setting: ${l.slice(11)}`)
    : [];
  return [
    `from: ${where}, line${numbers.length > 1 ? 's' : ''} ${numbers.join(', ')}`,
    ...settings,
    `label: ${c.label_reason}`,
  ].join('\n');
}

const out = new Map(); // `${side}/${source}` -> cases
const seen = new Map();
let chatIndex = 0;
for (const c of config.cases) {
  const numbers = pick(c);
  const lines = sourceLines(c.source, c.file);
  const text = numbers.map((n) => lines[n - 1]).join('\n');
  if (seen.has(text)) throw new Error(`${c.source}/${c.id}: same text as ${seen.get(text)}`);
  seen.set(text, `${c.source}/${c.id}`);
  const source = config.sources[c.source];
  const side = isHoldoutScenario(config, `${c.source}/${c.scenario}`) ? 'holdout' : 'tuning';
  const base = {
    id: `logs/${c.source}/${c.id}`,
    text,
    category: c.category,
    lang: 'en',
    kind: 'server-log',
    scenario: `${c.source}/${c.scenario}`,
    tool: source.local ? source.server : `${source.server}, from ${source.repo}`,
    config: provenanceOf(c, numbers),
  };
  const cases = [base];
  for (const lang of c.chat ?? []) {
    const { framing } = frame(c, text, lang, chatIndex++);
    cases.push({
      ...base,
      id: `${base.id}/chat-${lang}`,
      text: framing.replace('{out}', text),
      lang,
      kind: 'chat',
      framing,
    });
  }
  const key = `${side}/${c.source}`;
  out.set(key, [...(out.get(key) ?? []), ...cases]);
}

// Counts: per side, source, kind, language, category.
const all = [...out.entries()].flatMap(([k, v]) => v.map((c) => ({ side: k.split('/')[0], ...c })));
const tally = (f) => all.reduce((t, c) => ((t[f(c)] = (t[f(c)] ?? 0) + 1), t), {});
console.error(
  JSON.stringify(
    {
      cases: all.length,
      side: tally((c) => c.side),
      units: {
        holdout: new Set(all.filter((c) => c.side === 'holdout').map((c) => c.scenario)).size,
        tuning: new Set(all.filter((c) => c.side === 'tuning').map((c) => c.scenario)).size,
      },
      kind: tally((c) => c.kind),
      lang: tally((c) => c.lang),
      category: tally((c) => c.category),
      source: tally((c) => c.scenario.split('/')[0]),
    },
    null,
    1,
  ),
);
if (checkOnly) process.exit(0);

const dirs = {
  tuning: join(root, 'test/fixtures/captured/logs'),
  holdout: join(root, 'test/fixtures/eval/holdout/logs'),
};
for (const d of Object.values(dirs)) {
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
}
const date = new Date().toISOString();
for (const [key, cases] of [...out.entries()].sort()) {
  const [side, sourceId] = key.split('/');
  const source = config.sources[sourceId];
  const doc = {
    provenance: {
      captured_by: 'scripts/logs/extract.mjs (cases and labels in scripts/logs/cases.yaml)',
      date,
      server: source.server,
      server_config: source.local
        ? 'scripts/logs/dovecot-live.mjs: Dovecot on 127.0.0.2, passwd-file passdb, static userdb, maildir; each case names its settings'
        : `github ${source.repo}@${source.commit} ${source.path}`,
      clients: {},
    },
    cases,
  };
  const head =
    side === 'holdout'
      ? '# Server logs, round two: HOLDOUT. Never tune on these (docs/evaluation.md). Regenerate with `node scripts/logs/extract.mjs`.\n'
      : '# Server logs, round two (tuning part). Regenerate with `node scripts/logs/extract.mjs`; do not edit by hand.\n';
  writeFileSync(join(dirs[side], `${sourceId}.yaml`), head + stringify(doc, { lineWidth: 0 }));
}
