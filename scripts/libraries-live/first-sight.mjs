// Records the first sight of the libraries-live set: `popbot kb eval --source libraries-live` with the code and knowledge as
// they stand (run it BEFORE any change made for these cases), written to docs/first-sight/libraries-live.json in the
// format of the other rounds (kb eval prints it under "first sight of libraries-live"). Holdout misses are counted by
// "expected -> got" only; their texts are never read. Needs `npm run build` first.
//
//   node scripts/libraries-live/first-sight.mjs [--batch "<what this batch adds>"]
//
// A later batch (labelled and committed before scoring, the code still unchanged) re-records the first sight
// of the whole set; the earlier records are kept beside it, never overwritten.

import { recordFirstSight } from '../first-sight/record.mjs';

recordFirstSight(
  'libraries-live',
  'scenario: the 40 % of the 24 scenarios with the lowest seeded hash of their id (seed popbot-libraries-live-holdout-2026-12; scripts/libraries-live/build.ts); every output, trace and chat of one scenario on one side',
);
