// The split between the tuning part and the holdout, by MESSAGE: a seeded hash of the tool and msgid, so
// every language and every framing of one message lands on the same side. cases.mjs writes the cases by it,
// apply.mjs refuses to add knowledge from a holdout message, and the holdout test checks the knowledge by it.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));

/** cases.yaml: the holdout's seed and share, the frames, and which client prints each tool's messages. */
export function loadCasesConfig() {
  return parse(readFileSync(join(here, 'cases.yaml'), 'utf8'));
}

/** A message's part of its case ids, `catalogues/<tool>/<slug>`: readable, and stable across re-runs. */
export function messageKey(tool, msgid) {
  const words = msgid
    .split('\u0004')
    .pop()
    .toLowerCase()
    .replace(/%[^ ]*?[sdu1-9]|[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return `catalogues/${tool}/${words}-${createHash('sha256').update(msgid).digest('hex').slice(0, 6)}`;
}

/**
 * The round a tool's cases belong to: its case folder (test/fixtures/captured/<folder>, and the same under
 * eval/holdout), its split (seed, share, and what is hashed) and its clients. Round two's tools are the top
 * level of cases.yaml (folder `catalogues`); later rounds are listed under `rounds`, each in its own folder so
 * `kb eval --source` reports it apart. A tool no round names has no cases.
 */
export function roundOf(config, tool) {
  if (config.clients[tool]) return { folder: 'catalogues', holdout: config.holdout, clients: config.clients };
  for (const [folder, round] of Object.entries(config.rounds ?? {}))
    if (round.clients[tool]) return { folder, holdout: round.holdout, clients: round.clients };
  return undefined;
}

/** Every round's case folder, round two's first. */
export function caseFolders(config) {
  return ['catalogues', ...Object.keys(config.rounds ?? {})];
}

/**
 * A message's words without its program: lower case, placeholders and punctuation folded. Programs that
 * share a text (Sylpheed and Claws Mail, Mutt and NeoMutt, "Authentication failed" in several) share it.
 */
export function wordsKey(msgid) {
  return msgid
    .split('\u0004')
    .pop()
    .toLowerCase()
    .replace(/%[^ ]*?[sdu1-9]|\{ ?\$?[\w-]+ ?\}|[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Whether a message is in the holdout: only tools with evaluation cases (a round's `clients`) have one; the
 * messages of the other tools are all tuning material. A round split `by: words` hashes the message's words
 * (wordsKey), so one text is on one side whichever program prints it; otherwise the tool and msgid.
 */
export function isHoldoutMessage(config, tool, msgid) {
  const round = roundOf(config, tool);
  if (!round) return false;
  const key = round.holdout.by === 'words' ? wordsKey(msgid) : messageKey(tool, msgid);
  const h = createHash('sha256').update(`${round.holdout.seed}:${key}`).digest();
  return h.readUInt32BE(0) / 2 ** 32 < round.holdout.share;
}
