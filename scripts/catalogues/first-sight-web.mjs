// Records the first sight of round five (catalogues-web: webmail and AOSP Email catalogues): `popbot kb eval
// --source catalogues-web` with the code and knowledge as they stand (run it BEFORE any change made for these
// cases), written to docs/first-sight/catalogues-web.json. Holdout misses are counted by "expected -> got"
// only; their texts are never read. Needs `npm run build` first.
//
//   node scripts/catalogues/first-sight-web.mjs

import { recordFirstSight } from '../first-sight/record.mjs';

recordFirstSight(
  'catalogues-web',
  'message words: the 40 % of the messages with the lowest seeded hash of their words (split.mjs wordsKey; for a keyed catalogue, the key), seed popbot-catalogues-web-holdout-2026-12 (scripts/catalogues/cases.yaml rounds.catalogues-web); every language of one message on one side',
);
