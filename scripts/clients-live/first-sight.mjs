// Records the first sight of the clients-live set: `popbot kb eval --source clients-live` with the code and knowledge
// as they stand (run it BEFORE any change made for these cases), written to docs/first-sight/clients-live.json.
// Holdout misses are counted by "expected -> got" only; their texts are never read. Needs `npm run build` first.
//
//   node scripts/clients-live/first-sight.mjs

import { recordFirstSight } from '../first-sight/record.mjs';

recordFirstSight(
  'clients-live',
  'scenario: the 40 % of the 24 scenarios of scripts/libraries-live/scenarios.ts with the lowest seeded hash of their id (seed popbot-clients-live-holdout-2026-12; scripts/clients-live/build.ts), decided on the ids alone; every output, trace and chat of one scenario on one side',
);
