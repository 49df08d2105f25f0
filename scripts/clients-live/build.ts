import { build, holdoutScenarios } from '../libraries-live/build.js';
import { labelOf } from './labels.js';

/**
 * From scripts/clients-live/data/capture*.json to the evaluation fixtures, by libraries-live's builder
 * (scripts/libraries-live/build.ts): one case per output, labelled by labels.ts, a chat message around each
 * program's output, split BY SCENARIO with this set's own seed (40 % of the 24 scenarios to the holdout,
 * decided on the scenario ids alone).
 *
 *   node dist/clients-live/scripts/clients-live/build.js [--check]
 */

export const CLIENTS_HOLDOUT_SEED = 'popbot-clients-live-holdout-2026-12';
const HOLDOUT = holdoutScenarios(CLIENTS_HOLDOUT_SEED);

/** The capture machine's temporary paths, as a user's would read. Nothing else in a text is changed. */
function userPaths(text: string): string {
  return (
    text
      .replace(/\/work\/[\w.-]+\/scripts\/clients-live\/clients\//g, '/home/ana/mailcheck/')
      .replace(/\/tmp\/clients7-npm\//g, '/home/ana/mailcheck/')
      .replace(/\/tmp\/tmp\.\w+/g, '/home/ana/mail')
      // Emacs's pop3-movemail target (make-temp-file "pop3-").
      .replace(/\/tmp\/pop3-\w+/g, '/home/ana/mail')
  );
}

build({
  set: 'clients-live',
  isHoldout: (scenario) => HOLDOUT.has(scenario),
  userPaths,
  labelOf,
  tuningHeader:
    '# Captured real texts of mail programs run live (tuning part). Regenerate with scripts/clients-live (README there); do not edit by hand.',
});
