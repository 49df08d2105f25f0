// Server logs, round three ("logs-more"): reads scripts/logs/cases-more.yaml and the live captures in
// data/logs-more/<server>/<scenario>/<format>.log (dovecot-more.mjs, servers-more.ts), builds one bare-log case
// per event and per format the event was written in, and the chat cases around some of them, splits them by
// server and scenario with a seeded hash (every format and chat of one event, and every event of one scenario,
// on one side), and writes test/fixtures/captured/logs-more/<server>.yaml and
// test/fixtures/eval/holdout/logs-more/<server>.yaml.
//
//   node scripts/logs/extract-more.mjs            # write the fixtures
//   node scripts/logs/extract-more.mjs --check    # only check that every event finds its lines, print the counts

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { loadLogsMoreCases, logsMoreHoldout } from './split.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const DATA = join(here, 'data', 'logs-more');
const config = loadLogsMoreCases();
const checkOnly = process.argv.includes('--check');
const hash = (s) => createHash('sha256').update(s).digest().readUInt32BE(0);

/** A capture file: its provenance header (# lines) and its log lines. */
function readCapture(server, scenario, format) {
  const text = readFileSync(join(DATA, server, scenario, `${format}.log`), 'utf8');
  const all = text.split('\n');
  return {
    header: all.filter((l) => l.startsWith('# ')),
    lines: all.filter((l) => l.trim() && !l.startsWith('# ')),
  };
}

/**
 * The lines an event names in one capture: each `match` picks the first line after the previous pick that
 * contains it; `range` keeps every line from the first pick to the last (the paste of a whole stretch).
 * `whole` keeps the whole capture (a scenario that is one burst), `filter` every line containing it (a grep). Undefined when a match is missing here.
 */
function pick(lines, event) {
  if (event.whole) return lines;
  if (event.filter) {
    const kept = lines.filter((l) => l.includes(event.filter));
    return kept.length ? kept : undefined;
  }
  const picked = [];
  let from = 0;
  for (const m of [event.match].flat()) {
    const i = lines.findIndex((l, n) => n >= from && l.includes(m));
    if (i < 0) return undefined;
    picked.push(i);
    from = i + 1;
  }
  if (event.range) return lines.slice(picked[0], picked.at(-1) + 1);
  return picked.map((i) => lines[i]);
}

function formatsOf(event) {
  const dir = join(DATA, event.server, event.scenario);
  if (!existsSync(dir)) throw new Error(`${event.id}: no capture ${dir}`);
  const present = readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => f.slice(0, -4))
    .sort();
  return event.formats ? present.filter((f) => event.formats.includes(f)) : present;
}

function frame(event, text, lang) {
  const single = !text.includes('\n');
  const pool = (single ? config.frames.inline : config.frames.block)[lang];
  const template = pool[hash(`${event.id}/${lang}`) % pool.length];
  return template.replaceAll('{server}', config.servers[event.server].short).replace('{out}', text);
}

const holdoutScenarios = logsMoreHoldout(config);

const out = new Map(); // `${side}/${server}` -> cases
const seen = new Map();
const problems = [];
for (const event of config.events) {
  const server = config.servers[event.server];
  if (!server) throw new Error(`${event.id}: unknown server ${event.server}`);
  const scenario = `${event.server}/${event.scenario}`;
  const side = holdoutScenarios.has(scenario) ? 'holdout' : 'tuning';
  const formats = formatsOf(event);
  const cases = [];
  for (const format of formats) {
    const capture = readCapture(event.server, event.scenario, format);
    const lines = pick(capture.lines, event);
    if (!lines) {
      if (!event.partial && format !== 'doveadm-log-errors')
        problems.push(`${event.id}: ${format}: a match is missing`);
      continue;
    }
    const text = lines.join('\n');
    if (seen.has(text)) {
      problems.push(`${event.id}: ${format}: same text as ${seen.get(text)}`);
      continue;
    }
    seen.set(text, `${event.id}/${format}`);
    cases.push({
      id: `logs-more/${event.id}/${format}`,
      text,
      category: event.category,
      lang: 'en',
      kind: 'server-log',
      scenario,
      tool: server.name,
      config: [
        `from: scripts/logs/data/logs-more/${event.server}/${event.scenario}/${format}.log`,
        `format: ${format}`,
        ...capture.header.filter((l) => l.startsWith('# setting: ')).map((l) => `setting: ${l.slice(11)}`),
        `capture: ${capture.header[0]?.slice(2) ?? ''}`,
        `label: ${event.label_reason}`,
      ].join('\n'),
    });
  }
  if (!cases.length) problems.push(`${event.id}: no format has its lines`);
  // Chats: each language asks about the lines of one format (a different one per language when it can).
  const bare = [...cases];
  (event.chat ?? []).forEach((lang, i) => {
    const base = bare[(hash(`${event.id}/chat`) + i) % bare.length];
    if (!base) return;
    cases.push({
      ...base,
      id: `${base.id}/chat-${lang}`,
      text: frame(event, base.text, lang),
      lang,
      kind: 'chat',
    });
  });
  const key = `${side}/${event.server}`;
  out.set(key, [...(out.get(key) ?? []), ...cases]);
}

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
      server: tally((c) => c.scenario.split('/')[0]),
      format: tally(
        (c) => c.id.split('/').find((p, i, a) => i === a.length - 1 || a[i + 1]?.startsWith('chat-')) ?? '',
      ),
      category: tally((c) => c.category),
    },
    null,
    1,
  ),
);
if (problems.length) console.error(`problems:\n  ${problems.join('\n  ')}`);
if (checkOnly) process.exit(problems.length ? 1 : 0);

const dirs = {
  tuning: join(root, 'test/fixtures/captured/logs-more'),
  holdout: join(root, 'test/fixtures/eval/holdout/logs-more'),
};
for (const d of Object.values(dirs)) {
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
}
const date = new Date().toISOString();
for (const [key, cases] of [...out.entries()].sort()) {
  const [side, serverId] = key.split('/');
  const server = config.servers[serverId];
  const doc = {
    provenance: {
      captured_by: 'scripts/logs/extract-more.mjs (events and labels in scripts/logs/cases-more.yaml)',
      date,
      server: server.name,
      server_config: server.config,
      clients: {},
    },
    cases,
  };
  const head =
    side === 'holdout'
      ? '# Server logs, round three (logs-more): HOLDOUT. Never tune on these (docs/evaluation.md). Regenerate with `node scripts/logs/extract-more.mjs`.\n'
      : '# Server logs, round three (logs-more), tuning part. Regenerate with `node scripts/logs/extract-more.mjs`; do not edit by hand.\n';
  writeFileSync(join(dirs[side], `${serverId}.yaml`), head + stringify(doc, { lineWidth: 0 }));
}
