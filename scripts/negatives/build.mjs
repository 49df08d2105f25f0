// Builds the negatives set: real texts that are not POP retrieval errors, each expecting no finding
// (category `none`; src/knowledge/evaluate.ts counts them as false findings, outside the accuracy totals).
//   - cases.yaml: SMTP and IMAP replies, bounces, web errors, chats about mail with no error (hand-copied, each
//     with its source),
//   - data/fail2ban-lines.yaml: log lines of programs that are not POP servers (fail2ban's test logs),
//   - data/tools/<id>.<lang>.txt: non-mail programs' errors captured live in en/fr/vi (capture-tools.sh),
//   - data/success/*.txt: successful POP sessions captured live (capture-success.sh).
// Split ~40 % into the holdout by `unit` (a program, a reply's wording, a thread: what could leak), seeded.
//   node scripts/negatives/build.mjs [--check]     (prints counts only; --check fails if the files would change)

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const SEED = 'popbot-negatives-holdout-2026-12';
const HOLDOUT_SHARE = 0.4;

const inHoldout = (unit) =>
  parseInt(createHash('sha256').update(`${SEED}\u0000${unit}`).digest('hex').slice(0, 8), 16) / 2 ** 32 <
  HOLDOUT_SHARE;

const TOOLS = {
  ls: 'GNU coreutils 9.1-1 (ls)',
  cp: 'GNU coreutils 9.1-1 (cp)',
  mkdir: 'GNU coreutils 9.1-1 (mkdir)',
  tar: 'GNU tar 1.34+dfsg-1.2+deb12u1',
  git: 'git 1:2.39.5-0+deb12u3',
  wget: 'GNU Wget 1.21.3-1+deb12u1',
  apt: 'apt 2.6.1',
  curl: 'curl 7.88.1-10+deb12u14',
  ssh: 'OpenSSH client 1:9.2p1-2+deb12u6',
};

const cases = [];
for (const c of parse(readFileSync(join(here, 'cases.yaml'), 'utf8')).cases)
  cases.push({
    unit: c.unit,
    case: {
      id: `negatives/${c.id}`,
      text: c.text,
      category: 'none',
      lang: c.lang,
      kind: c.kind,
      scenario: c.why,
      tool: 'hand-copied from its source',
      config: c.source,
    },
  });

for (const l of parse(readFileSync(join(here, 'data', 'fail2ban-lines.yaml'), 'utf8')).lines)
  cases.push({
    unit: `fail2ban/${l.file}`,
    case: {
      id: `negatives/fail2ban/${l.file}/${l.line}`,
      text: l.text,
      category: 'none',
      lang: 'en',
      kind: 'server-log',
      scenario: `a log line of ${l.file}, a program that is not a POP server`,
      tool: `fail2ban test log ${l.file}`,
      config: `github.com/fail2ban/fail2ban at deffcbcd1712a3a0cbd79c1da324096ebf36d306, fail2ban/tests/files/logs/${l.file}:${l.line}`,
    },
  });

const toolDir = join(here, 'data', 'tools');
for (const name of readdirSync(toolDir).sort()) {
  const m = /^(([a-z]+)-[a-z-]+)\.(en|fr|vi)\.txt$/.exec(name);
  if (!m) throw new Error(`data/tools/${name}: not <program>-<what>.<lang>.txt`);
  const [, id, program, lang] = m;
  const text = readFileSync(join(toolDir, name), 'utf8').trimEnd();
  cases.push({
    unit: `tool/${program}`,
    case: {
      id: `negatives/tools/${id}/${lang}`,
      text,
      category: 'none',
      lang,
      kind: 'client-output',
      scenario: `${program}: an error of a program that does not retrieve mail`,
      tool: TOOLS[program] ?? program,
      cmdline: text.split('\n')[0].replace(/^\$ /, ''),
      config: 'captured live by scripts/negatives/capture-tools.sh (Debian 12, LANGUAGE=' + lang + ')',
    },
  });
}

const successDir = join(here, 'data', 'success');
for (const name of readdirSync(successDir).sort()) {
  const text = readFileSync(join(successDir, name), 'utf8').trimEnd();
  const id = name.replace(/\.txt$/, '');
  cases.push({
    unit: `success/${id}`,
    case: {
      id: `negatives/success/${id}`,
      text,
      category: 'none',
      lang: 'en',
      kind: /^S: /m.test(text) ? 'transcript' : 'client-output',
      scenario: 'a POP session in which every command succeeded',
      tool: id.startsWith('poplib')
        ? 'Python 3.11 poplib (debug level 2)'
        : 'a session typed through a socket (C:/S:)',
      config:
        'captured live by scripts/negatives/capture-success.sh: Twisted 22.4.0 POP3 server (scripts/twisted-live/server.py) on 127.0.0.1',
    },
  });
}

const ids = new Set();
for (const { case: c } of cases) {
  if (ids.has(c.id)) throw new Error(`duplicate id ${c.id}`);
  ids.add(c.id);
}

const provenance = (part) => ({
  captured_by: `scripts/negatives/build.mjs (${part}; labelled "no finding" before popbot read them)`,
  date: '2026-12-08',
  server:
    'none: texts that are not POP retrieval errors (SMTP, IMAP, web, other programs, successful POP sessions, chats)',
  server_config: 'each case says its source in `config`; scripts/negatives/README.md gives the boundary',
  clients: { various: 'see each case' },
});
const write = (path, part, list) => {
  const body =
    `# Real texts that are not POP errors (${part}): each expects no finding. Regenerate with \`node scripts/negatives/build.mjs\`; do not edit by hand.\n` +
    stringify({ provenance: provenance(part), cases: list }, { lineWidth: 0 });
  if (process.argv.includes('--check')) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== body) throw new Error(`${path} would change`);
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, body);
};
const tuning = cases.filter((c) => !inHoldout(c.unit));
const holdout = cases.filter((c) => inHoldout(c.unit));
write(
  join(root, 'test/fixtures/captured/negatives/negatives.yaml'),
  'tuning part',
  tuning.map((c) => c.case),
);
write(
  join(root, 'test/fixtures/eval/holdout/negatives/negatives.yaml'),
  'holdout part',
  holdout.map((c) => c.case),
);
const units = (list) => new Set(list.map((c) => c.unit)).size;
console.log(
  `negatives: ${cases.length} texts, ${units(cases)} units; tuning ${tuning.length} (${units(tuning)} units), holdout ${holdout.length} (${units(holdout)} units)`,
);
