// The split of the server-log round between the tuning part and the holdout, by source and scenario: a seeded
// hash of "logs/<source>/<scenario>", so every line, excerpt and chat of one scenario lands on one side and a
// re-run puts it on the same side. extract.mjs writes the fixtures by it; test/eval/logs-split.test.ts checks them.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));

/** scripts/logs/cases.yaml: the holdout's seed and share, the sources, the chat frames and the cases. */
export function loadLogCases() {
  return parse(readFileSync(join(here, 'cases.yaml'), 'utf8'));
}

/** `scenario`: "<source>/<scenario>", as written in each fixture case's `scenario` field. */
export function isHoldoutScenario(config, scenario) {
  const h = createHash('sha256').update(`${config.holdout.seed}:logs/${scenario}`).digest();
  return h.readUInt32BE(0) / 2 ** 32 < config.holdout.share;
}
