#!/usr/bin/env node
// Writes the evaluation cases of the catalogue messages: for each labelled row of mapping.yaml whose tool
// cases.yaml names, one case per language its catalogue ships, its text as the client prints it (cases.yaml's
// frames: the client's prefix and wrapper, the placeholders filled), its category the row's (a human
// decision). A seeded hash of the message (split.mjs: its tool and msgid, so all its languages and framings
// stay together) puts about a third of the messages in the holdout, the rest in the tuning part.
//
//   node scripts/catalogues/cases.mjs
//
// Re-running it rewrites test/fixtures/captured/<folder>/<tool>.yaml and
// test/fixtures/eval/holdout/<folder>/<tool>.yaml, the folder being the tool's round (`catalogues`, or one
// of cases.yaml's `rounds`); every case stays on its side.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { loadCatalogueData, PLACEHOLDER } from './catalogue-formats.mjs';
import { caseFolders, isHoldoutMessage, loadCasesConfig, messageKey, roundOf } from './split.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const LANGS = ['en', 'fr', 'vi'];

const data = loadCatalogueData(join(here, 'data'));
const mapping = parse(readFileSync(join(here, 'mapping.yaml'), 'utf8'));
const config = loadCasesConfig();

function message(tool, msgid) {
  const m = data.get(`${tool}\u0000${msgid}`);
  if (!m) throw new Error(`cases: ${tool} ${JSON.stringify(msgid)} is not in data/ (re-run extract.mjs?)`);
  return m;
}

/** A catalogue's text in the case's language, else English: what the program prints without a catalogue. */
const textIn = (m, lang) => m[lang] ?? m.en;

/** Fills a message's placeholders in order (Qt's %N by number) with already resolved values. */
function fillPlaceholders(text, values) {
  let next = 0;
  return text.replace(PLACEHOLDER, (p) => {
    const numbered = /^%(\d)$/.exec(p);
    const value = numbered ? values[Number(numbered[1]) - 1] : values[next++];
    if (value === undefined) throw new Error(`cases: no value for ${p} in ${JSON.stringify(text)}`);
    return value;
  });
}

/** `$name` values, then `@{tool:msgid}` references (in the case's language), in a literal. */
function resolve(item, lang, vars) {
  if (item in vars) return vars[item];
  const names = Object.keys(vars).sort((a, b) => b.length - a.length);
  return item
    .replace(new RegExp(`\\$(${names.join('|')})`, 'g'), (_, name) => vars[name])
    .replace(/@\{([^:}]+):([^}]*)\}/g, (_, tool, msgid) => textIn(message(tool, msgid), lang));
}

function caseText(row, lang) {
  const frame = row.frame ? config.frames[row.frame] : {};
  if (row.frame && !frame) throw new Error(`cases: no frame ${row.frame}`);
  const vars = { ...config.values, ...(frame.vars ?? {}), ...(row.vars ?? {}) };
  const own = message(row.tool, row.msgid);
  vars.msg =
    fillPlaceholders(
      own[lang],
      (row.fill ?? []).map((item) => resolve(item, lang, vars)),
    ) + (row.detail ? resolve(row.detail, lang, vars) : '');
  const parts = [...(frame.parts ?? []), ...(row.parts ?? [])].map((part) => {
    const ref = /^@\{([^:}]+):([^}]*)\}$/.exec(part.ref);
    if (!ref) throw new Error(`cases: a part is one @{tool:msgid}, not ${JSON.stringify(part.ref)}`);
    const wrapper = textIn(message(ref[1], ref[2]), lang);
    return fillPlaceholders(
      wrapper,
      (part.args ?? []).map((a) => resolve(a, lang, vars)),
    );
  });
  const template = (frame.template ?? '$inner').replace('$inner', row.template ?? '$msg');
  const names = [...Object.keys(vars), ...parts.keys()].map(String).sort((a, b) => b.length - a.length);
  return template.replace(new RegExp(`\\$(${names.join('|')})`, 'g'), (_, name) =>
    /^\d+$/.test(name) ? parts[Number(name)] : vars[name],
  );
}

/** The catalogue messages a row's case quotes besides its own: its fill, parts, detail and frame. */
function quoted(row) {
  const text = JSON.stringify([row.fill, row.parts, row.detail, row.template, config.frames[row.frame]]);
  return [...text.matchAll(/@\{([^:}]+):([^}]*)\}/g)].map((r) => [r[1], JSON.parse(`"${r[2]}"`)]);
}

/** Per side, per round folder, per tool: the cases. */
const parts = { tuning: new Map(), holdout: new Map() };
for (const row of mapping.messages) {
  const round = roundOf(config, row.tool);
  if (!round) continue;
  const client = round.clients[row.tool];
  const m = message(row.tool, row.msgid);
  const holdout = isHoldoutMessage(config, row.tool, row.msgid);
  // A tuning case that quotes a holdout message would put that message in front of whoever tunes.
  const leak = !holdout && quoted(row).find(([tool, msgid]) => isHoldoutMessage(config, tool, msgid));
  if (leak)
    throw new Error(
      `cases: ${row.tool} ${JSON.stringify(row.msgid)} is a tuning message that quotes the holdout message ${leak[0]} ${JSON.stringify(leak[1])}`,
    );
  for (const lang of LANGS) {
    // Every language the catalogue ships gets a case (a row's `langs` only limits the patterns apply.mjs adds).
    if (!m[lang]) continue;
    const id = `${messageKey(row.tool, row.msgid)}/${lang}`;
    const file = m.files[lang] ?? Object.values(m.files)[0];
    const c = {
      id,
      text: caseText(row, lang),
      category: row.category,
      lang,
      kind: 'client-output',
      scenario: `${row.tool} message ${JSON.stringify(row.msgid.split('\u0004').pop())}`,
      tool: client,
      config: `catalogue: ${file.origin}, ${file.file}${row.frame ? `; printed as ${row.frame}` : ''}`,
    };
    const side = holdout ? parts.holdout : parts.tuning;
    const key = `${round.folder}/${row.tool}`;
    if (!side.has(key)) side.set(key, []);
    side.get(key).push(c);
  }
}

const dirs = {
  tuning: join(root, 'test', 'fixtures', 'captured'),
  holdout: join(root, 'test', 'fixtures', 'eval', 'holdout'),
};
const date = new Date().toISOString().slice(0, 10);
const counts = {};
for (const [side, byTool] of Object.entries(parts)) {
  for (const folder of caseFolders(config)) {
    rmSync(join(dirs[side], folder), { recursive: true, force: true });
    mkdirSync(join(dirs[side], folder), { recursive: true });
  }
  for (const [key, cases] of byTool) {
    const [folder, tool] = key.split('/');
    const clients = roundOf(config, tool).clients;
    const origins = [
      ...new Set(
        [...data.values()]
          .filter((m) => m.tool === tool)
          .flatMap((m) => Object.values(m.files).map((f) => f.origin)),
      ),
    ];
    const doc = {
      provenance: {
        captured_by:
          'scripts/catalogues/cases.mjs (catalogue texts as the client prints them, not a capture)',
        date,
        server: 'none: the message comes from the client side',
        server_config: `${tool} catalogue messages labelled in scripts/catalogues/mapping.yaml, printed as scripts/catalogues/cases.yaml says`,
        clients: { [clients[tool]]: origins.join('; ') },
      },
      cases,
    };
    const header =
      `# Real catalogue texts as ${clients[tool]} prints them (${side} part). ` +
      `Regenerate with \`node scripts/catalogues/cases.mjs\`; do not edit by hand.\n`;
    writeFileSync(join(dirs[side], folder, `${tool}.yaml`), header + stringify(doc, { lineWidth: 0 }));
    for (const c of cases) {
      const count = `${folder} ${side} ${c.lang}`;
      counts[count] = (counts[count] ?? 0) + 1;
    }
  }
}
process.stdout.write(
  `${Object.entries(counts)
    .sort()
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ')}\n`,
);
