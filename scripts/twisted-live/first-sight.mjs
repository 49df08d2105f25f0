// Records the first sight of the twisted-live set: `popbot kb eval --source twisted-live` with the code and
// knowledge as they stand (run it BEFORE any change made for these cases), written to
// docs/first-sight/twisted-live.json. Holdout misses are counted by "expected -> got" only. Needs `npm run build`.
//
//   node scripts/twisted-live/first-sight.mjs

import { recordFirstSight } from '../first-sight/record.mjs';

recordFirstSight(
  'twisted-live',
  'scenario and program family: the 40 % of the 27 (scenario, family) units of scripts/twisted-live/scenarios.ts with the lowest seeded hash (seed popbot-twisted-live-holdout-2026-12; scripts/twisted-live/build.ts; Mailutils programs one family, the telnet session one), decided on the units alone; every output, trace and chat of one unit on one side',
);
