#!/usr/bin/env node
// How popbot does on the words of a PROGRAM it has never seen, measured without the holdout: leave one program
// out. Stricter than leave-one-message-out (a program's other messages share its wording): for each program,
// every one of its tuning texts is scored with the knowledge minus all that program gave:
//   - the patterns apply.mjs derives from each of its catalogue messages (or the rows' own `patterns`),
//   - every pattern of the entries that program alone produces (all of an entry's `producers` name it:
//     fetchmail-*, mpop-*, curl-*, thunderbird-* …; an entry several programs share keeps its patterns).
// What is left to recognise its texts is what generalizes: other programs' entries, the line finder, the
// session reasoning and the free-text fallback (src/explain/fallback). The fallback's lexicon itself is not
// reduced: it is the thing measured. The learned fallback (fallback/learned-*.ts) is retrained for each program
// without that program's texts; `--no-learned` scores without it, `--learned-full` with the model trained on
// every text (what memorising costs).
//
// A program's texts: the catalogue tuning cases (test/fixtures/captured/catalogues, by the catalogue's tool),
// the round-one catalogue messages that have no cases (mapping.yaml's tuning rows of the tools cases.yaml
// does not name, as the program prints them: its prefix, placeholders filled), and the captured client
// outputs (test/fixtures/captured/<server>/, kind client-output, by the client that printed them).
//
//   npm run build && node scripts/catalogues/leave-one-program-out.mjs [--misses] [--programs] [--json] [--full]
//     [--no-learned] [--learned-full]
//
// The holdout is never read: only tuning cases and the mapping's tuning rows.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { normalizeForMatch } from '../../dist/src/explain/normalize.js';
import { trainModel } from '../../dist/src/explain/fallback/learned-model.js';
import { evaluate } from '../../dist/src/knowledge/evaluate.js';
import { useLearnedModel } from '../../dist/src/knowledge/learned-file.js';
import { KnowledgeBase } from '../../dist/src/knowledge/knowledge-base.js';
import { defaultKnowledgeBase } from '../../dist/src/knowledge/load.js';
import { loadCatalogueData } from './catalogue-formats.mjs';
import { capturedCases, catalogueMessages, trainingSamples } from '../learned/samples.mjs';
import { patternFor } from './patterns.mjs';
import { caseFolders, isHoldoutMessage, loadCasesConfig } from './split.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    misses: { type: 'boolean', default: false },
    programs: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    // The same texts with the whole knowledge: what the reduction costs.
    full: { type: 'boolean', default: false },
    // Without the learned fallback (its figures before), or with the model trained on every text.
    'no-learned': { type: 'boolean', default: false },
    'learned-full': { type: 'boolean', default: false },
  },
});
const LANGS = ['en', 'fr', 'vi'];

/**
 * The programs: a catalogue tool, or a captured client (its `tool` field), and the producers that name it.
 * A catalogue tool and the client that runs it are one program when they are the same code (fetchmail's
 * catalogue and fetchmail's captured outputs).
 */
const PROGRAMS = [
  { name: 'fetchmail', tools: ['fetchmail'], client: /^fetchmail\b/, producer: /fetchmail/i },
  { name: 'mpop', tools: ['mpop'], client: /^mpop\b/, producer: /\bmpop\b/i },
  { name: 'curl', tools: [], client: /^curl\b/, producer: /\bcurl\b/i },
  { name: 'getmail', tools: [], client: /^getmail\b/, producer: /getmail/i },
  { name: 'python', tools: ['python'], client: /^Python poplib\b/, producer: /python|poplib/i },
  {
    name: 'thunderbird',
    tools: ['thunderbird', 'thunderbird-esr', 'thunderbird-esr-setup'],
    producer: /thunderbird|seamonkey/i,
  },
  { name: 'k9mail', tools: ['k9mail', 'thunderbird-android'], producer: /k-9|thunderbird for android/i },
  { name: 'evolution', tools: ['evolution-data-server', 'evolution'], producer: /evolution|camel/i },
  { name: 'kmail', tools: ['kmail-pop3-resource'], producer: /kmail|akonadi/i },
  { name: 'mailkit', tools: ['mailkit'], producer: /mailkit/i },
  { name: 'jakarta-mail', tools: ['jakarta-mail'], producer: /jakarta|javamail|angus/i },
  { name: 'yapople', tools: ['yapople'], producer: /yapople/i },
  { name: 'node-pop3', tools: ['node-pop3'], producer: /node-pop3/i },
  { name: 'glibc', tools: ['glibc'], producer: /glibc/i },
  { name: 'gnutls', tools: ['gnutls'], producer: /gnutls/i },
  { name: 'glib', tools: ['glib'], producer: /\bgio\b|\bglib\b(?!-networking)/i },
  { name: 'glib-networking', tools: ['glib-networking'], producer: /glib-networking/i },
  { name: 'kio', tools: ['kio'], producer: /\bkio\b/i },
  { name: 'c-client', tools: ['c-client'], producer: /c-client|imap_open/i },
  { name: 'openssl', tools: ['openssl'], producer: /openssl/i },
  { name: 'go', tools: ['go'], producer: /\bgo\b|golang/i },
  { name: 'java', tools: ['java'], producer: /openjdk|jsse|java\.net/i },
  { name: 'dotnet', tools: ['dotnet'], producer: /\.net\b|sslstream/i },
  { name: 'qt', tools: ['qt'], producer: /\bqt\b/i },
];
const knownTool = new Map(PROGRAMS.flatMap((p) => p.tools.map((t) => [t, p])));
/** A catalogue tool's program: a known one, else one of its own (claws-mail, mutt, gsasl…). */
function programOfTool(tool) {
  let program = knownTool.get(tool);
  if (!program) {
    const escaped = tool.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    program = { name: tool, tools: [tool], producer: new RegExp(`\\b${escaped}\\b`, 'i') };
    PROGRAMS.push(program);
    knownTool.set(tool, program);
    byProgram.set(tool, []);
  }
  return program;
}

const kb = defaultKnowledgeBase();
const data = loadCatalogueData(join(here, 'data'));
const config = loadCasesConfig();
const rows = parse(readFileSync(join(here, 'mapping.yaml'), 'utf8')).messages.filter(
  (r) => !isHoldoutMessage(config, r.tool, r.msgid),
);

/** The pattern sources (as written in the entries) that came from a program's catalogue messages. */
function catalogueKnowledge(program) {
  const patterns = new Set();
  for (const row of rows) {
    if (!program.tools.includes(row.tool)) continue;
    for (const p of Object.values(row.patterns ?? {})) patterns.add(p);
    const message = data.get(`${row.tool}\u0000${row.msgid}`);
    for (const lang of LANGS)
      if (typeof message?.[lang] === 'string') patterns.add(patternFor(message[lang], normalizeForMatch));
  }
  return patterns;
}

/** The knowledge base without what one program gave. */
function without(program) {
  const patterns = catalogueKnowledge(program);
  const own = (e) => {
    const producers = e.entry.producers ?? [];
    return producers.length > 0 && producers.every((p) => program.producer.test(p));
  };
  const entries = kb.entries.map((compiled) => {
    if (own(compiled)) return compiled.keeping(() => false);
    const sources = compiled.entry.match.patterns;
    return sources.some((p) => patterns.has(p))
      ? compiled.keeping((i) => !patterns.has(sources[i]))
      : compiled;
  });
  return new KnowledgeBase(kb.categories, entries);
}

// The folders of the live captures (a server, the clients run against it); the others (posts, reports,
// logs…) hold texts from many programs, grouped by the first word of their tool.
const CAPTURE_FOLDERS = new Set([
  'courier',
  'cyrus',
  'dovecot',
  'mailutils',
  'no-server',
  'popa3d',
  'solid-pop3d',
]);

/** The program of a client output: a known one, else one named by the first word of its tool. */
function programOfClient(tool) {
  const known = PROGRAMS.find((p) => p.client?.test(tool));
  if (known) return known;
  const word = (tool.match(/[A-Za-z][\w.-]*/)?.[0] ?? tool).toLowerCase();
  let program = PROGRAMS.find((p) => p.name === word);
  if (!program) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    program = { name: word, tools: [], producer: new RegExp(`\\b${escaped}\\b`, 'i') };
    PROGRAMS.push(program);
    byProgram.set(word, []);
  }
  return program;
}

const byProgram = new Map(PROGRAMS.map((p) => [p.name, []]));
const add = (program, c) => byProgram.get(program.name).push(c);

// The captured cases: catalogue cases by their catalogue's tool, client outputs by their client.
{
  for (const c of capturedCases()) {
    // Texts that are not POP errors (the negatives set) belong to no program's fold.
    if (c.category === 'none') continue;
    const folder = c.folder;
    const one = {
      text: c.text,
      category: c.category,
      lang: c.lang,
      source: c.id,
      file: folder,
      kind: c.kind,
    };
    if (caseFolders(config).includes(folder)) {
      const tool = c.id.split('/')[1];
      add(programOfTool(tool), { ...one, part: `${folder} cases` });
    } else if (c.kind === 'client-output') {
      add(programOfClient(c.tool), {
        ...one,
        part: CAPTURE_FOLDERS.has(folder) ? 'captured outputs' : 'other outputs',
      });
    }
  }
}

// The round-one catalogue messages, which have no cases: each language the catalogue ships, as printed.
for (const m of catalogueMessages(config))
  add(programOfTool(m.tool), {
    text: m.text,
    category: m.category,
    lang: m.lang,
    source: m.source,
    file: 'catalogues',
    kind: 'client-output',
    part: 'catalogue messages',
  });

// The learned fallback is retrained for each program without what that program gave: its texts (as cases,
// catalogue messages or the knowledge's examples quoting them) and its own entries' examples.
const samples = trainingSamples(kb);
const foldText = (text) => normalizeForMatch(text);
function learnedWithout(program, group) {
  const sources = new Set(group.map((c) => c.source));
  const texts = new Set(group.map((c) => foldText(c.text)));
  const owned = (s) =>
    (s.producers?.length > 0 && s.producers.every((p) => program.producer.test(p))) ||
    (s.provenance !== undefined && program.producer.test(s.provenance));
  return trainModel(
    samples.filter((s) => !sources.has(s.source) && !texts.has(foldText(s.text)) && !owned(s)),
  );
}

const tally = () => ({ correct: 0, total: 0 });
const totals = { all: tally(), perLang: {}, perPart: {}, perProgram: {} };
const misses = [];
for (const program of PROGRAMS) {
  const group = byProgram.get(program.name);
  if (group.length === 0) continue;
  const reduced = args.full ? kb : without(program);
  useLearnedModel(
    args['no-learned']
      ? undefined
      : args['learned-full'] || args.full
        ? trainModel(samples)
        : learnedWithout(program, group),
  );
  const report = evaluate(reduced, group);
  const missed = new Set(report.misses.map((m) => m.source));
  for (const c of group) {
    const ok = !missed.has(c.source);
    for (const t of [
      totals.all,
      (totals.perLang[c.lang] ??= tally()),
      (totals.perPart[c.part] ??= tally()),
      (totals.perProgram[program.name] ??= tally()),
    ]) {
      t.total += 1;
      if (ok) t.correct += 1;
    }
  }
  misses.push(...report.misses.map((m) => ({ ...m, program: program.name })));
}

const pct = (t) => `${((100 * t.correct) / t.total).toFixed(1)}% (${t.correct}/${t.total})`;
if (args.json) {
  process.stdout.write(`${JSON.stringify(totals)}\n`);
} else {
  const langs = LANGS.filter((l) => totals.perLang[l]).map((l) => `${l} ${pct(totals.perLang[l])}`);
  const parts = Object.entries(totals.perPart).map(([p, t]) => `${p} ${pct(t)}`);
  process.stdout.write(
    `${args.full ? 'whole knowledge' : 'leave-one-program-out'}: ${pct(totals.all)}; ${langs.join(', ')}\n  ${parts.join('; ')}\n`,
  );
  if (args.programs)
    for (const [name, t] of Object.entries(totals.perProgram))
      process.stdout.write(`  ${name.padEnd(16)} ${pct(t)}\n`);
  if (args.misses)
    for (const m of misses)
      process.stdout.write(
        `  [${m.program} ${m.lang}] expected ${m.expected}, got ${m.got}: ${JSON.stringify(m.text.slice(-160))}\n`,
      );
}
