#!/usr/bin/env node
// How popbot does on a client message it has never seen, measured without the holdout: leave one message out.
// For each message of the catalogue tuning cases (test/fixtures/captured/catalogues), its cases are scored
// with the knowledge minus what came from that message: the patterns apply.mjs derives from its texts (or the
// row's own `patterns`) and the examples whose source names its msgid. What is left to recognise the message is
// what generalizes: other entries' patterns, the line finder and the free-text fallback.
//
//   npm run build && node scripts/catalogues/leave-one-out.mjs [--folder NAME] [--misses] [--json]
//
// --folder: the round's case folder (`catalogues` by default; `catalogues-apps` for round three).
//
// The holdout is never read: only the tuning cases and the mapping's tuning rows.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { normalizeForMatch } from '../../dist/src/explain/normalize.js';
import { evaluate, loadCapturedCases } from '../../dist/src/knowledge/evaluate.js';
import { KnowledgeBase } from '../../dist/src/knowledge/knowledge-base.js';
import { defaultKnowledgeBase } from '../../dist/src/knowledge/load.js';
import { loadCatalogueData } from './catalogue-formats.mjs';
import { patternFor } from './patterns.mjs';
import { isHoldoutMessage, loadCasesConfig, messageKey } from './split.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const { values: args } = parseArgs({
  options: {
    misses: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    folder: { type: 'string', default: 'catalogues' },
  },
});

const kb = defaultKnowledgeBase();
const data = loadCatalogueData(join(here, 'data'));
const config = loadCasesConfig();
const rows = parse(readFileSync(join(here, 'mapping.yaml'), 'utf8')).messages.filter(
  (r) => !isHoldoutMessage(config, r.tool, r.msgid),
);
const rowOf = new Map(rows.map((r) => [messageKey(r.tool, r.msgid), r]));

/** The pattern sources (as written in the entries) and example sources that came from this message. */
function knowledgeFrom(row) {
  const message = data.get(`${row.tool}\u0000${row.msgid}`);
  const patterns = new Set(Object.values(row.patterns ?? {}));
  for (const lang of ['en', 'fr', 'vi'])
    if (typeof message?.[lang] === 'string') patterns.add(patternFor(message[lang], normalizeForMatch));
  const named = (source) =>
    source.startsWith(`${row.tool} catalogue`) && source.includes(`msgid ${JSON.stringify(row.msgid)}`);
  return { patterns, named };
}

/** The knowledge base without what one message gave. */
function without(row) {
  const { patterns, named } = knowledgeFrom(row);
  const entries = kb.entries.map((compiled) => {
    const sources = compiled.entry.match.patterns;
    if (!sources.some((p) => patterns.has(p)) && !compiled.entry.examples.some((e) => named(e.source)))
      return compiled;
    return compiled.keeping(
      (i) => !patterns.has(sources[i]),
      (e) => !named(e.source),
    );
  });
  return new KnowledgeBase(kb.categories, entries);
}

const cases = loadCapturedCases(join(root, 'test', 'fixtures', 'captured', args.folder));
const byMessage = new Map();
for (const c of cases) {
  const key = c.source.slice(0, c.source.lastIndexOf('/'));
  byMessage.set(key, [...(byMessage.get(key) ?? []), c]);
}

const totals = { all: { correct: 0, total: 0 } };
const misses = [];
let removed = 0;
for (const [key, group] of byMessage) {
  const row = rowOf.get(key);
  if (!row) throw new Error(`${key}: no tuning row in mapping.yaml`);
  const reduced = without(row);
  removed +=
    kb.entries.reduce((n, e) => n + e.patterns.length, 0) -
    reduced.entries.reduce((n, e) => n + e.patterns.length, 0);
  const report = evaluate(reduced, group);
  for (const [lang, t] of Object.entries(report.perLang)) {
    if (t.total === 0) continue;
    const into = (totals[lang] ??= { correct: 0, total: 0 });
    into.correct += t.correct;
    into.total += t.total;
  }
  totals.all.correct += report.correct;
  totals.all.total += report.total;
  misses.push(...report.misses);
}

const pct = (t) => `${((100 * t.correct) / t.total).toFixed(1)}% (${t.correct}/${t.total})`;
if (args.json) {
  process.stdout.write(`${JSON.stringify({ messages: byMessage.size, removedPatterns: removed, totals })}\n`);
} else {
  const langs = ['en', 'fr', 'vi'].filter((l) => totals[l]).map((l) => `${l} ${pct(totals[l])}`);
  process.stdout.write(
    `leave-one-message-out: ${pct(totals.all)}; ${langs.join(', ')} (${byMessage.size} messages, ${removed} patterns left out in all)\n`,
  );
  if (args.misses)
    for (const m of misses)
      process.stdout.write(
        `  [${m.lang}] expected ${m.expected}, got ${m.got}: ${JSON.stringify(m.text.slice(-160))}\n`,
      );
}
