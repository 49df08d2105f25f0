// Records the first sight of the dovecot-faults second batch (its own set, dovecot-faults-2): `popbot kb eval
// --source dovecot-faults-2` with the code and knowledge as they stand after the first batch's tuning, before any
// change made for these cases, written to docs/first-sight/dovecot-faults-2.json. Needs `npm run build` done
// BEFORE the batch's fixtures were written (the learned fallback trains on the tuning texts present at build time).
//
//   node scripts/dovecot-faults/first-sight-2.mjs

import { recordFirstSight } from '../first-sight/record.mjs';

recordFirstSight(
  'dovecot-faults-2',
  'scenario (one fault: every log format, chat and client output of it on one side), ranked by a seeded hash of the scenario name (seed popbot-dovecot-faults-2-holdout-2026-12), the first 40 % held out (scripts/dovecot-faults/build.mjs --batch 2): 2 of 5 scenarios; scored with the code after the first batch tuning (branch faults11), not main',
);
