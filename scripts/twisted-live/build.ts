import { build, holdoutScenarios } from '../libraries-live/build.js';
import { labelOf } from './labels.js';
import { TWISTED_SCENARIOS } from './scenarios.js';

/**
 * From scripts/twisted-live/data/capture.json to the evaluation fixtures, by libraries-live's builder: one
 * case per output (a program's output, its trace, a telnet session, a chat message around an output), labelled
 * by labels.ts, split with this set's own seed BY SCENARIO AND PROGRAM FAMILY: 40 % of the (scenario, family)
 * units go to the holdout. With 11 scenarios of very unequal size a split by scenario alone held out 9 texts of
 * 116; a unit's texts (a program's output in three languages, its trace, their chat framings) stay on one side.
 *
 *   node dist/twisted-live/scripts/twisted-live/build.js [--check]
 */

export const TWISTED_HOLDOUT_SEED = 'popbot-twisted-live-holdout-2026-12';

/** Mailutils' programs share its POP code and its messages: one family. */
const family = (tool: string) =>
  ['frm', 'from', 'mail', 'readmsg', 'movemail'].includes(tool) ? 'mailutils' : tool;
const unit = (scenario: string, tool: string) => `${scenario}|${family(tool)}`;
const UNITS = TWISTED_SCENARIOS.flatMap((s) => [
  unit(s.id, 'session'),
  ...[...new Set(s.tools.map(family))].map((f) => unit(s.id, f)),
]);
const HOLDOUT = holdoutScenarios(TWISTED_HOLDOUT_SEED, UNITS);

/** The capture machine's temporary paths, as a user's and a server's would read. Nothing else is changed. */
function userPaths(text: string): string {
  return text
    .replace(/\/work\/[\w.-]+\/scripts\/(?:clients|libraries)-live\/clients\//g, '/home/ana/mailcheck/')
    .replace(/\/tmp\/twisted-live-\w+/g, '/srv/pop')
    .replace(/\/tmp\/tmp\.\w+/g, '/home/ana/mail');
}

build({
  set: 'twisted-live',
  isHoldout: (scenario, tool) => HOLDOUT.has(unit(scenario, tool)),
  userPaths,
  labelOf,
  tuningHeader:
    "# Captured real texts of Twisted's POP3 server (tuning part). Regenerate with scripts/twisted-live (README there); do not edit by hand.",
});
