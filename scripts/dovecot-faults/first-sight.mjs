// Records the first sight of the dovecot-faults set: `popbot kb eval --source dovecot-faults` with the code and
// knowledge as they stand (run it BEFORE any change made for these cases), written to
// docs/first-sight/dovecot-faults.json. Holdout misses are counted by "expected -> got" only. Needs `npm run build`.
//
//   node scripts/dovecot-faults/first-sight.mjs

import { recordFirstSight } from '../first-sight/record.mjs';

recordFirstSight(
  'dovecot-faults',
  'scenario (one fault: every log format, chat and client output of it on one side), ranked by a seeded hash of the scenario name (seed popbot-dovecot-faults-holdout-2026-12), the first 40 % held out (scripts/dovecot-faults/build.mjs): 5 of 13 scenarios',
);
