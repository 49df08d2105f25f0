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
 * Whether a message is in the holdout: only tools with evaluation cases (cases.yaml `clients`) have one;
 * the messages of the other tools are all tuning material.
 */
export function isHoldoutMessage(config, tool, msgid) {
  if (!config.clients[tool]) return false;
  const h = createHash('sha256')
    .update(`${config.holdout.seed}:${messageKey(tool, msgid)}`)
    .digest();
  return h.readUInt32BE(0) / 2 ** 32 < config.holdout.share;
}
