#!/usr/bin/env node
// Validates the bug-report cases (cases.yaml: texts pasted in public issue threads, labelled by hand) and
// writes them as captured cases: the tuning part to test/fixtures/captured/reports/, the holdout to
// test/fixtures/eval/holdout/reports/. The split is by THREAD, a seeded hash of `owner/repo#number`, so every
// text of one thread lands on the same side and a re-run keeps it there.
//
// A later batch (cases.batch-N.yaml) is split on its own, with its own seed, into its own files
// (reports.batch-N.yaml): adding it moves no thread of an earlier batch, and its first sight can be scored apart.
// No thread, id or text may appear in two batches.
//
//   node scripts/reports/split.mjs            validate, write both files, print the counts
//   node scripts/reports/split.mjs --check    validate and compare with the files on disk; write nothing

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { z } from 'zod';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const HOLDOUT_SHARE = 0.4;
const KINDS = ['line', 'transcript', 'client-output', 'chat', 'server-log'];
/** Each batch: its source file, its seed and the name of its fixture files. Batch 1 keeps its original seed. */
export const BATCHES = [
  { batch: 1, source: 'cases.yaml', seed: 'popbot-reports-holdout-2026-12', file: 'reports.yaml' },
  {
    batch: 2,
    source: 'cases.batch-2.yaml',
    seed: 'popbot-reports-batch-2-2026-12',
    file: 'reports.batch-2.yaml',
  },
  {
    batch: 3,
    source: 'cases.batch-3.yaml',
    seed: 'popbot-reports-batch-3-2026-12',
    file: 'reports.batch-3.yaml',
  },
  // Batch 4 (15 texts): the plain seed put 10 of 15 threads in the holdout; '-a' is the first suffix of the
  // sequence -a, -b, … whose split is near the 40 % share (6/15). Only the counts were looked at, not which texts.
  {
    batch: 4,
    source: 'cases.batch-4.yaml',
    seed: 'popbot-reports-batch-4-2026-12-a',
    file: 'reports.batch-4.yaml',
  },
];
const outPath = (set, file) =>
  set === 'tuning'
    ? join(root, 'test', 'fixtures', 'captured', 'reports', file)
    : join(root, 'test', 'fixtures', 'eval', 'holdout', 'reports', file);

const categories = new Set(
  parse(readFileSync(join(root, 'knowledge', 'categories.yaml'), 'utf8')).categories.map((c) => c.code),
);

const Thread = z.string().regex(/^[\w.-]+\/[\w.-]+#\d+$/, 'owner/repo#number');
const SourceCase = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lowercase slug'),
  thread: Thread,
  url: z
    .string()
    .regex(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pull)\/\d+$/, 'a GitHub thread URL'),
  // The day the text was posted, where the thread shows it (batch 3 on).
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
    .optional(),
  program: z.string().min(1),
  lang: z.enum(['en', 'fr', 'vi']),
  kind: z.enum(KINDS),
  category: z.string().refine((c) => categories.has(c), 'a category of knowledge/categories.yaml'),
  label_reason: z.string().min(10),
  text: z.string().min(1),
});
const SourceFile = z.strictObject({ cases: z.array(SourceCase).min(1) });

/** Every problem in the file, one line each; none means it is valid. `seen` carries ids, texts and threads of
 * the batches checked before, so that none is used twice across batches. */
export function problemsOf(
  file,
  name = 'cases.yaml',
  seen = { ids: new Set(), texts: new Map(), threads: new Map() },
) {
  const parsed = SourceFile.safeParse(file);
  if (!parsed.success) return parsed.error.issues.map((i) => `${name}: ${i.path.join('.')}: ${i.message}`);
  const problems = [];
  const { ids, texts, threads } = seen;
  const ownThreads = new Set();
  for (const c of parsed.data.cases) {
    if (threads.has(c.thread) && !ownThreads.has(c.thread))
      problems.push(`${c.id}: thread ${c.thread} is already in ${threads.get(c.thread)}`);
    ownThreads.add(c.thread);
    if (ids.has(c.id)) problems.push(`${c.id}: id used twice`);
    ids.add(c.id);
    const [repo, number] = c.thread.split('#');
    if (!c.url.startsWith(`https://github.com/${repo}/`) || !c.url.endsWith(`/${number}`))
      problems.push(`${c.id}: url ${c.url} is not thread ${c.thread}`);
    const key = c.text.replace(/\s+/g, ' ').trim().toLowerCase();
    if (texts.has(key)) problems.push(`${c.id}: same text as ${texts.get(key)}`);
    texts.set(key, c.id);
    // Dovecot's auth_verbose_passwords logs a hash prefix after "given password:", not the password.
    if (/\b(?<!given )pass(?:word)?\s*[:=]\s*(?!x+\b|\*+|<|\.\.\.|mypassword|password\b)\S{6,}/i.test(c.text))
      problems.push(`${c.id}: the text seems to hold a real password`);
  }
  for (const t of ownThreads) threads.set(t, name);
  return problems;
}

/** Whether a thread's texts are in the holdout: a seeded hash of the thread, stable across re-runs. */
export function isHoldoutThread(thread, seed = BATCHES[0].seed) {
  const h = createHash('sha256').update(`${seed}:${thread}`).digest();
  return h.readUInt32BE(0) / 2 ** 32 < HOLDOUT_SHARE;
}

function capturedFile(set, cases, seed) {
  const clients = {};
  for (const c of cases) clients[c.program] ??= `as the report says (${c.thread})`;
  return {
    provenance: {
      captured_by:
        'scripts/reports/split.mjs (texts pasted in public bug reports, labelled by hand before first sight)',
      date: '2026-12-07',
      server: 'various: the server each report was about (see each case config)',
      server_config: `split by thread, seed ${seed}, holdout share ${HOLDOUT_SHARE}; this is the ${set} part`,
      clients,
    },
    cases: cases.map((c) => ({
      id: `reports/${c.id}`,
      text: c.text,
      category: c.category,
      lang: c.lang,
      kind: c.kind,
      scenario: c.label_reason,
      tool: c.program,
      config: `${c.thread} ${c.url}`,
    })),
  };
}

function render(set, cases, { batch, source, seed }) {
  const head =
    `# Texts pasted in public bug reports (${set} part${batch > 1 ? `, batch ${batch}` : ''}). Generated by scripts/reports/split.mjs from\n` +
    `# scripts/reports/${source}; edit that file, not this one.\n`;
  return head + stringify(capturedFile(set, cases, seed), { lineWidth: 0 });
}

function tally(cases, key) {
  const counts = {};
  for (const c of cases) counts[key(c)] = (counts[key(c)] ?? 0) + 1;
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

function main() {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const seen = { ids: new Set(), texts: new Map(), threads: new Map() };
  const loaded = BATCHES.map((b) => ({
    ...b,
    file: b.file,
    data: parse(readFileSync(join(here, b.source), 'utf8')),
  }));
  const problems = loaded.flatMap((b) => problemsOf(b.data, b.source, seen));
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  for (const b of loaded) {
    const sets = { tuning: [], holdout: [] };
    for (const c of b.data.cases) sets[isHoldoutThread(c.thread, b.seed) ? 'holdout' : 'tuning'].push(c);
    for (const [set, cases] of Object.entries(sets)) {
      const text = render(set, cases, b);
      const path = outPath(set, b.file);
      if (values.check) {
        if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
          process.stderr.write(`${path} is out of date: run node scripts/reports/split.mjs\n`);
          process.exitCode = 1;
        }
      } else {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      }
      const threads = new Set(cases.map((c) => c.thread)).size;
      process.stdout.write(`batch ${b.batch} ${set}: ${cases.length} cases from ${threads} threads\n`);
      process.stdout.write(
        `  lang: ${tally(cases, (c) => c.lang)}\n  kind: ${tally(cases, (c) => c.kind)}\n`,
      );
    }
    process.stdout.write(
      `batch ${b.batch}: ${b.data.cases.length} cases\n  category: ${tally(b.data.cases, (c) => c.category)}\n`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
