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

/** scripts/logs/cases-more.yaml (round three, "logs-more"): the holdout's seed and share, servers, frames, events. */
export function loadLogsMoreCases() {
  return parse(readFileSync(join(here, 'cases-more.yaml'), 'utf8'));
}

/**
 * Round three's holdout, as "<server>/<scenario>": for each server and batch, its scenarios ranked by a seeded hash
 * of "more/<server>/<scenario>", the first 40 % (rounded) held out. Ranking rather than a threshold gives each
 * server its share even with few scenarios; ranking within a batch (`batch` on the events; none: the first) leaves
 * the scenarios already scored on their side when a later batch comes.
 */
export function logsMoreHoldout(config) {
  const rank = (server, scenario) =>
    createHash('sha256').update(`${config.holdout.seed}:more/${server}/${scenario}`).digest().readUInt32BE(0);
  const held = new Set();
  const groups = new Map();
  for (const e of config.events) {
    const key = `${e.server}\t${e.batch ?? 1}`;
    groups.set(key, new Set([...(groups.get(key) ?? []), e.scenario]));
  }
  for (const [key, scenarios] of groups) {
    const server = key.split('\t')[0];
    const ranked = [...scenarios].sort((a, b) => rank(server, a) - rank(server, b));
    for (const sc of ranked.slice(0, Math.round(config.holdout.share * ranked.length)))
      held.add(`${server}/${sc}`);
  }
  return held;
}
