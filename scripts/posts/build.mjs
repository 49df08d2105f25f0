#!/usr/bin/env node
// Validates the public-post cases (scripts/posts/cases.yaml) and writes them as captured fixtures, split by
// page: every case of one URL lands on the same side, chosen by a seeded hash of the URL (per language, so each
// language keeps its share), and a holdout page never lends a text to tuning.
//
//   node scripts/posts/build.mjs          write test/fixtures/captured/posts and test/fixtures/eval/holdout/posts
//
// A later batch (`batch: N` on its cases) is split on its own, so adding it moves no page of an earlier batch,
// and is written to its own files (posts.batch-N.yaml) so that its first sight can be scored apart.
//   node scripts/posts/build.mjs --check  fail if cases.yaml is invalid or the fixtures are not what it gives
//
// Checks: the source schema (provenance per case: URL, page title, program; a label reason), unique ids,
// no two identical texts, categories from knowledge/categories.yaml, chat cases framed around their error,
// and every written case against the captured-case schema of src/knowledge/evaluate.ts.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { z } from 'zod';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({ options: { check: { type: 'boolean', default: false } } });

/** The split: a case's page goes to the holdout when its seeded hash falls under this share. */
const SEED = 'popbot-posts-2026-12-07';
const HOLDOUT_SHARE = 0.4;

const KINDS = ['line', 'transcript', 'client-output', 'chat', 'server-log'];
const categories = new Set(
  parse(readFileSync(join(root, 'knowledge', 'categories.yaml'), 'utf8')).categories.map((c) => c.code),
);

const SourceCase = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase words joined by hyphens'),
    batch: z.number().int().min(2).optional(),
    url: z.url(),
    title: z.string().min(1),
    program: z.string().min(1),
    lang: z.enum(['en', 'fr', 'vi']),
    kind: z.enum(KINDS),
    category: z.string().refine((c) => categories.has(c), 'not a category of knowledge/categories.yaml'),
    label_reason: z.string().min(10),
    text: z.string().min(1).optional(),
    framing: z.string().includes('{out}').optional(),
    out: z.string().min(1).optional(),
  })
  .refine((c) => (c.kind === 'chat' ? c.framing && c.out && !c.text : c.text && !c.framing && !c.out), {
    message: 'a chat case has framing (with {out}) and out, no text; any other case has text only',
  });
const SourceFile = z.strictObject({ cases: z.array(SourceCase).min(1) });

/** The shape `kb eval` reads (CapturedCaseSchema in src/knowledge/evaluate.ts), restated for the check. */
const CapturedCase = z.strictObject({
  id: z.string().min(1),
  text: z.string().min(1),
  category: z.string().min(1),
  lang: z.enum(['en', 'fr', 'vi']),
  kind: z.enum(KINDS),
  scenario: z.string().min(1),
  tool: z.string().min(1),
  cmdline: z.string().optional(),
  config: z.string().optional(),
  framing: z.string().optional(),
});

function fail(message) {
  process.stderr.write(`scripts/posts/build.mjs: ${message}\n`);
  process.exit(1);
}

const sourcePath = join(root, 'scripts', 'posts', 'cases.yaml');
const parsed = SourceFile.safeParse(parse(readFileSync(sourcePath, 'utf8')));
if (!parsed.success) fail(`${sourcePath}:\n${z.prettifyError(parsed.error)}`);
const source = parsed.data.cases;

const seen = { ids: new Map(), texts: new Map() };
const textOf = (c) => (c.kind === 'chat' ? c.framing.replace('{out}', c.out) : c.text);
for (const c of source) {
  if (seen.ids.has(c.id)) fail(`duplicate id ${c.id}`);
  seen.ids.set(c.id, c);
  const text = textOf(c).trim();
  if (seen.texts.has(text)) fail(`${c.id} repeats the text of ${seen.texts.get(text)}`);
  seen.texts.set(text, c.id);
}

/** A page's place in the split order: the first 32 bits of sha256(seed + url). */
function pageHash(url) {
  return createHash('sha256').update(`${SEED}\n${url}`).digest().readUInt32BE(0);
}

/**
 * Same page, same side, and the share kept in each language: per language (of a page's first case), pages
 * in hash order go to the holdout while they fit under HOLDOUT_SHARE of that language's cases; a language
 * with two pages or more always has one in the holdout.
 */
function holdoutPages(cases) {
  const pages = new Map();
  for (const c of cases) {
    const page = pages.get(c.url) ?? { url: c.url, lang: c.lang, n: 0 };
    page.n++;
    pages.set(c.url, page);
  }
  const chosen = new Set();
  for (const lang of ['en', 'fr', 'vi']) {
    const ofLang = [...pages.values()].filter((p) => p.lang === lang);
    const total = ofLang.reduce((n, p) => n + p.n, 0);
    const target = Math.round(HOLDOUT_SHARE * total);
    let taken = 0;
    for (const page of ofLang.sort(
      (a, b) => pageHash(a.url) - pageHash(b.url) || a.url.localeCompare(b.url),
    )) {
      if (taken + page.n > target && !(taken === 0 && ofLang.length > 1)) continue;
      chosen.add(page.url);
      taken += page.n;
    }
  }
  return chosen;
}

function captured(c) {
  const out = {
    id: `posts/${c.id}`,
    text: textOf(c),
    category: c.category,
    lang: c.lang,
    kind: c.kind,
    scenario: c.title,
    tool: c.program,
    config: `${c.url} (label: ${c.label_reason})`,
  };
  if (c.kind === 'chat') out.framing = c.framing;
  const checked = CapturedCase.safeParse(out);
  if (!checked.success) fail(`${c.id}: ${z.prettifyError(checked.error)}`);
  return checked.data;
}

function fixture(part, cases, batch) {
  const header = `# Error texts quoted in public posts (${part} part${batch > 1 ? `, batch ${batch}` : ''}). Regenerate with \`node scripts/posts/build.mjs\`; do not edit by hand.\n`;
  const doc = {
    provenance: {
      captured_by:
        'scripts/posts/build.mjs from scripts/posts/cases.yaml (texts quoted in public pages, found with the search tool)',
      date: '2026-12-07',
      server: 'none: public posts; each case names its page in config',
      server_config: `labels decided before popbot ran (label_reason per case in scripts/posts/cases.yaml); split by page, seed ${SEED}, holdout share ${HOLDOUT_SHARE}`,
      clients: Object.fromEntries(
        [...new Set(cases.map((c) => c.tool))]
          .sort()
          .map((t) => [
            t,
            `program as the page names it (${cases.filter((c) => c.tool === t).length} cases)`,
          ]),
      ),
    },
    cases,
  };
  return header + stringify(doc, { lineWidth: 0 });
}

const batches = [...new Set(source.map((c) => c.batch ?? 1))].sort((a, b) => a - b);
const written = [];
for (const batch of batches) {
  const ofBatch = source.filter((c) => (c.batch ?? 1) === batch);
  if (batch > 1 && ofBatch.some((c) => source.some((o) => (o.batch ?? 1) !== batch && o.url === c.url)))
    fail(`batch ${batch} reuses a page of another batch`);
  const holdout = holdoutPages(ofBatch);
  const name = batch > 1 ? `posts.batch-${batch}.yaml` : 'posts.yaml';
  for (const part of ['tuning', 'holdout'])
    written.push({
      part,
      batch,
      cases: ofBatch.filter((c) => holdout.has(c.url) === (part === 'holdout')).map(captured),
      path:
        part === 'tuning'
          ? join(root, 'test', 'fixtures', 'captured', 'posts', name)
          : join(root, 'test', 'fixtures', 'eval', 'holdout', 'posts', name),
    });
}
const parts = {
  tuning: written.filter((w) => w.part === 'tuning').flatMap((w) => w.cases),
  holdout: written.filter((w) => w.part === 'holdout').flatMap((w) => w.cases),
};

let stale = false;
for (const { part, batch, cases, path } of written) {
  const text = fixture(part, cases, batch);
  if (args.check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      process.stderr.write(`${path} is not what cases.yaml gives; run node scripts/posts/build.mjs\n`);
      stale = true;
    }
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}
if (stale) process.exit(1);

const count = (list, key) =>
  Object.entries(list.reduce((m, c) => ({ ...m, [c[key]]: (m[c[key]] ?? 0) + 1 }), {}))
    .sort()
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
const pages = (list) => new Set(list.map((c) => c.config.split(' ')[0])).size;
const line = (name, list) =>
  `${name}: ${list.length} cases from ${pages(list)} pages; ${count(list, 'lang')}; ${count(list, 'kind')}\n`;
for (const [part, list] of Object.entries(parts)) process.stdout.write(line(part, list));
for (const { part, batch, cases } of written.filter((w) => w.batch > 1))
  process.stdout.write(line(`  batch ${batch} ${part}`, cases));
