// Records the first sight of the proxies set: `popbot kb eval --source proxies` with the code and knowledge as
// they stand (run it BEFORE any change made for these cases), written to docs/first-sight/proxies.json in the
// format of the other rounds (kb eval prints it under "first sight of proxies"). Holdout misses are counted by
// "expected -> got" only; their texts are never read. Needs `npm run build` first.
//
//   node scripts/proxies/first-sight.mjs [--batch "<what this batch adds>"]
//
// A later batch (labelled and committed before scoring, the code still unchanged) re-records the first sight
// of the whole set; the earlier records are kept beside it, never overwritten.

import { recordFirstSight } from '../first-sight/record.mjs';

recordFirstSight(
  'proxies',
  'scenario: a seeded hash of the scenario id (seed popbot-proxies-holdout-2026-12, share 0.4; scripts/proxies/build.ts); every client output, transcript, typed session, log line and chat of one scenario on one side',
);
