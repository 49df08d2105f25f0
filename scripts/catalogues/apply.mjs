#!/usr/bin/env node
// Turns the reviewed mapping (mapping.yaml: tool + msgid → entry, category, reason) into knowledge: for every
// mapped message, in English and in every language its catalogue ships, the entry gets a pattern (unless one
// of its patterns already matches) and an example with its provenance. The category stays a human decision:
// a row whose category differs from its entry's is an error, never a silent move. A holdout message (split.mjs;
// its row says `holdout: true`) keeps its human label for the evaluation but never gives knowledge: tuning on
// it would make the holdout measure nothing.
//
//   npm run build && node scripts/catalogues/apply.mjs [--check]
//
// --check writes nothing and exits 1 when an entry lacks a pattern or an example for a mapped tuning message.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse, parseDocument } from 'yaml';
import { normalizeForMatch, normalizePatternSource } from '../../dist/src/explain/normalize.js';
import { loadCatalogueData } from './catalogue-formats.mjs';
import { patternFor, render } from './patterns.mjs';
import { isHoldoutMessage, loadCasesConfig } from './split.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const { values: args } = parseArgs({ options: { check: { type: 'boolean', default: false } } });

const quote = (s) => `'${s.replace(/'/g, "''")}'`;

/**
 * Appends items to a block list in the entry's text, leaving every other line as it was written: rewriting
 * the whole file through a YAML printer would reflow hand-written text and make every merge conflict.
 */
function appendToList(lines, header, items) {
  const start = lines.findIndex((l) => header.test(l));
  if (start < 0) throw new Error(`no ${header} list`);
  const first = lines[start + 1] ?? '';
  const indent = /^(\s*)- /.exec(first)?.[1] ?? `${/^(\s*)/.exec(lines[start])[1]}  `;
  let end = start + 1;
  while (end < lines.length && (lines[end].startsWith(`${indent}- `) || lines[end].startsWith(`${indent}  `)))
    end += 1;
  lines.splice(end, 0, ...items.map((item) => `${indent}- ${item}`));
}

function withAdditions(text, entry) {
  const lines = text.split('\n');
  appendToList(lines, /^\s+patterns:\s*$/, entry.newPatterns.map(quote));
  appendToList(
    lines,
    /^examples:\s*$/,
    entry.newExamples.map((e) => `{ text: ${quote(e.text)}, source: ${quote(e.source)} }`),
  );
  return lines.join('\n');
}

function loadEntries() {
  const entries = new Map();
  const dir = join(root, 'knowledge', 'entries');
  for (const area of readdirSync(dir)) {
    for (const file of readdirSync(join(dir, area)).filter((f) => f.endsWith('.yaml'))) {
      const path = join(dir, area, file);
      const doc = parseDocument(readFileSync(path, 'utf8'));
      const patterns = doc.getIn(['match', 'patterns']);
      entries.set(doc.get('id'), {
        path,
        doc,
        patterns: patterns?.toJSON?.() ?? [],
        newPatterns: [],
        newExamples: [],
      });
    }
  }
  return entries;
}

function compiled(entry) {
  return entry.patterns.map((p) => new RegExp(normalizePatternSource(p), 'i'));
}

const data = loadCatalogueData(join(here, 'data'));
const entries = loadEntries();
const mapping = parse(readFileSync(join(here, 'mapping.yaml'), 'utf8'));
const casesConfig = loadCasesConfig();
const problems = [];
let added = 0;
let labelled = 0;
let heldOut = 0;
const mapped = new Set();

for (const row of mapping.messages) {
  const key = `${row.tool}\u0000${row.msgid}`;
  mapped.add(key);
  const message = data.get(key);
  const holdout = isHoldoutMessage(casesConfig, row.tool, row.msgid);
  if ((row.holdout === true) !== holdout) {
    problems.push(
      `${row.tool} ${JSON.stringify(row.msgid)}: ${holdout ? 'in the holdout: mark its row holdout: true' : 'not in the holdout: its row must not say holdout'}`,
    );
    continue;
  }
  if (holdout) {
    // Labelled for the holdout cases only: no pattern, no example, whatever its row says.
    heldOut += 1;
    if (!message)
      problems.push(`${row.tool} ${JSON.stringify(row.msgid)}: not in data/ (re-run extract.mjs?)`);
    continue;
  }
  if (row.entry === undefined) {
    // Labelled for the evaluation cases (cases.mjs), not mapped to an entry yet.
    labelled += 1;
    if (!message)
      problems.push(`${row.tool} ${JSON.stringify(row.msgid)}: not in data/ (re-run extract.mjs?)`);
    continue;
  }
  const entry = entries.get(row.entry);
  if (!message) problems.push(`${row.tool} ${JSON.stringify(row.msgid)}: not in data/ (re-run extract.mjs?)`);
  if (!entry) problems.push(`${row.tool} ${JSON.stringify(row.msgid)}: no entry ${row.entry}`);
  if (!message || !entry) continue;
  if (entry.doc.get('category') !== row.category) {
    problems.push(`${row.entry}: category ${entry.doc.get('category')} but mapping says ${row.category}`);
    continue;
  }
  for (const lang of ['en', 'fr', 'vi']) {
    const text = message[lang];
    if (!text || row.langs?.includes(lang) === false) continue;
    // `prefix`: what the program prints before its message ("mpop: "), when the pattern needs it; one text,
    // or one per language when the program's own words are translated too.
    const prefix = typeof row.prefix === 'object' ? (row.prefix[lang] ?? '') : (row.prefix ?? '');
    const sample = prefix + render(text);
    const normalized = normalizeForMatch(sample);
    if (compiled(entry).some((re) => re.test(normalized))) continue;
    const override = row.patterns?.[lang];
    const pattern = override ?? patternFor(text, normalizeForMatch);
    if (!override && pattern.replace(/\.\{1,80\}| \?/g, '').length < 16) {
      problems.push(
        `${row.tool} ${JSON.stringify(row.msgid)} (${lang}): too short for a safe pattern; give one`,
      );
      continue;
    }
    if (!new RegExp(normalizePatternSource(pattern), 'i').test(normalized)) {
      problems.push(`${row.entry}: pattern ${JSON.stringify(pattern)} misses ${JSON.stringify(sample)}`);
      continue;
    }
    const where =
      lang === 'en' && message.files.en === undefined
        ? (message.files.fr ?? message.files.vi)
        : message.files[lang];
    const source = `${message.tool} catalogue, ${where.origin}, ${where.file}, msgid ${JSON.stringify(row.msgid)}${lang === 'en' ? '' : ` (${lang})`}`;
    entry.patterns.push(pattern);
    entry.newPatterns.push(pattern);
    entry.newExamples.push({ text: sample, source });
    added += 1;
  }
}

for (const [key, message] of data) {
  if (
    !mapped.has(key) &&
    !(mapping.unmapped?.[message.tool] ?? []).some((re) => new RegExp(re, 'i').test(message.msgid))
  ) {
    problems.push(`${message.tool} ${JSON.stringify(message.msgid)}: neither mapped nor listed as unmapped`);
  }
}

if (!args.check) {
  for (const entry of entries.values()) {
    if (entry.newPatterns.length > 0)
      writeFileSync(entry.path, withAdditions(readFileSync(entry.path, 'utf8'), entry));
  }
}
process.stdout.write(
  `${mapping.messages.length - labelled - heldOut} mapped messages (${labelled} labelled only, ${heldOut} holdout: never applied); ${added} patterns ${args.check ? 'missing' : 'added'}\n`,
);
for (const p of problems) process.stdout.write(`problem: ${p}\n`);
if (problems.length > 0 || (args.check && added > 0)) process.exitCode = 1;
