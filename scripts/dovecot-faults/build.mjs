// Builds the dovecot-faults set from the live captures (scripts/dovecot-faults/data, capture.mjs) and the labels
// in cases.yaml: per scenario, one server-log excerpt per log format (the lines an admin pastes: the first
// session's errors up to its Disconnected line, repeats left out), chat questions around one excerpt in en/fr/vi
// (logs-more's frames), and each client's output. Split by scenario with a seeded hash (every text of one fault on
// one side): test/fixtures/captured/dovecot-faults/dovecot.yaml and test/fixtures/eval/holdout/dovecot-faults/dovecot.yaml.
//
//   node scripts/dovecot-faults/build.mjs              # the first batch (cases.yaml → dovecot-faults)
//   node scripts/dovecot-faults/build.mjs --batch 2    # cases.batch-2.yaml → its own set, dovecot-faults-2

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const batch = process.argv.includes('--batch')
  ? process.argv[process.argv.indexOf('--batch') + 1]
  : undefined;
const SOURCE = batch ? `dovecot-faults-${batch}` : 'dovecot-faults';
const config = parse(readFileSync(join(here, batch ? `cases.batch-${batch}.yaml` : 'cases.yaml'), 'utf8'));
const frames = parse(readFileSync(join(root, 'scripts/logs/cases-more.yaml'), 'utf8')).frames.block;
const hash = (s) => createHash('sha256').update(s).digest().readUInt32BE(0);

function read(scenario, file) {
  const path = join(here, 'data', scenario, file);
  if (!existsSync(path)) return undefined;
  const all = readFileSync(path, 'utf8').split('\n');
  return {
    header: all.filter((l) => l.startsWith('# ')),
    lines: all.filter((l) => l.trim() && !l.startsWith('# ')),
  };
}

// Lines with no error in them: start and stop, logins that worked, the capture's readiness probe.
const NOISE =
  /starting up for|Killed with signal|no auth attempts|: Login: user=|Connection closed \(no auth/;
/** A log line without its time, host, pid and session ids: what repeats from one session to the next. */
const key = (l) =>
  l
    .replace(/^.*?(?=(?:pop3|auth|master|pop3-login|doveconf)[(:])/, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\d+/g, '#');

/** The admin's paste: the first failing session's lines, up to its Disconnected line; a line repeating one taken is skipped. */
function excerpt(lines) {
  const kept = [];
  const seen = new Set();
  for (const l of lines.filter((x) => !NOISE.test(x))) {
    if (seen.has(key(l))) continue;
    seen.add(key(l));
    kept.push(l);
    if (/Disconnected/.test(l) && kept.length > 1) break;
    if (kept.length >= 4) break;
  }
  return kept;
}

const names = Object.keys(config.scenarios).sort();
const ranked = [...names].sort(
  (a, b) => hash(`${config.holdout.seed}/${a}`) - hash(`${config.holdout.seed}/${b}`),
);
const held = new Set(ranked.slice(0, Math.round(names.length * config.holdout.share)));

const FORMATS = ['journalctl-short', 'rsyslog-iso', 'dovecot-log-path', 'dovecot-start'];
const CLIENTS = ['curl', 'fetchmail', 'fetchmail-verbose', 'mpop', 'getmail', 'poplib'];
const out = { tuning: [], holdout: [] };
const versions = {};
for (const name of names) {
  const s = config.scenarios[name];
  const side = held.has(name) ? 'holdout' : 'tuning';
  const fault = read(name, 'curl.txt')
    .header.filter((h) => h.startsWith('# setting: '))
    .map((h) => h.slice(11))
    .join('\n');
  const logs = {};
  for (const format of FORMATS) {
    const capture = read(name, `${format}.log`);
    if (!capture) continue;
    const lines = excerpt(capture.lines);
    if (!lines.length) continue;
    logs[format] = lines.join('\n');
    out[side].push({
      id: `${SOURCE}/${name}/log/${format}`,
      text: logs[format],
      category: s.log,
      lang: 'en',
      kind: 'server-log',
      scenario: `${SOURCE}/${name}`,
      tool: config.server.name,
      config: [
        `from: scripts/dovecot-faults/data/${name}/${format}.log`,
        `capture: ${capture.header[0].slice(2)}`,
        fault,
        `label: ${s.log_reason}`,
      ].join('\n'),
    });
  }
  for (const [lang, format] of Object.entries(config.chat)) {
    const text = logs[format] ?? logs['dovecot-start'];
    if (!text) continue;
    const pool = frames[lang];
    const template = pool[hash(`${SOURCE}/${name}/${lang}`) % pool.length];
    out[side].push({
      id: `${SOURCE}/${name}/log/chat-${lang}`,
      text: template.replaceAll('{server}', 'Dovecot').replace('{out}', text),
      category: s.log,
      lang,
      kind: 'chat',
      scenario: `${SOURCE}/${name}`,
      tool: config.server.name,
      config: `the ${logs[format] ? format : 'dovecot-start'} excerpt in a chat frame of scripts/logs/cases-more.yaml\nlabel: ${s.log_reason}`,
      framing: template,
    });
  }
  for (const client of CLIENTS) {
    const label = s.clients[client];
    if (!label) continue;
    const capture = read(name, `${client}.txt`);
    const version = capture.header[0].match(/client (.*?), captured by/)[1];
    versions[client.replace('-verbose', '')] = version;
    const cmdline = capture.header.find((h) => h.startsWith('# cmdline: ')).slice(11);
    const text = capture.lines.filter((l) => !/Loaded OpenSSL library/.test(l)).join('\n');
    out[side].push({
      id: `${SOURCE}/${name}/${client}/en`,
      text,
      category: label[0],
      lang: 'en',
      kind: / POP3[<>] /.test(text) ? 'transcript' : 'client-output',
      scenario: `${SOURCE}/${name}`,
      tool: version,
      cmdline: client === 'fetchmail-verbose' ? 'fetchmail -v' : cmdline,
      config: `${fault}\nlabel: ${label[1]}`,
    });
  }
}

for (const side of ['tuning', 'holdout']) {
  const dir =
    side === 'tuning'
      ? join(root, 'test/fixtures/captured', SOURCE)
      : join(root, 'test/fixtures/eval/holdout', SOURCE);
  mkdirSync(dir, { recursive: true });
  const file = {
    provenance: {
      captured_by: `scripts/dovecot-faults/capture.mjs (labels in scripts/dovecot-faults/${
        batch ? `cases.batch-${batch}.yaml` : 'cases.yaml'
      }, built by build.mjs)`,
      date: new Date().toISOString(),
      server: config.server.name,
      server_config: config.server.config,
      clients: versions,
    },
    cases: out[side],
  };
  writeFileSync(
    join(dir, 'dovecot.yaml'),
    `# Dovecot storage and configuration faults (${SOURCE}), ${side} part. Regenerate with \`node scripts/dovecot-faults/build.mjs${batch ? ` --batch ${batch}` : ''}\`; do not edit by hand.\n${stringify(file, { lineWidth: 0 })}`,
  );
}
console.error(
  `scenarios ${names.length}: tuning ${names.length - held.size} (${out.tuning.length} cases), holdout ${held.size} (${out.holdout.length} cases)`,
);
