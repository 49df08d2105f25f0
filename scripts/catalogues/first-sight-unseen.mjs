// Records the first sight of round seven (catalogues-unseen: mail programs no set read, taken before the translation memory): `popbot kb eval
// --source catalogues-unseen` with the code and knowledge as they stand (run it BEFORE any change made for these
// cases), written to docs/first-sight/catalogues-unseen.json. Holdout misses are counted by "expected -> got"
// only; their texts are never read. Needs `npm run build` first.
//
//   node scripts/catalogues/first-sight-unseen.mjs

import { recordFirstSight } from '../first-sight/record.mjs';

recordFirstSight(
  'catalogues-unseen',
  'message words: the 40 % of the messages with the lowest seeded hash of their words (split.mjs wordsKey; for a keyed catalogue, the key), seed popbot-catalogues-unseen-holdout-2026-12 (scripts/catalogues/cases.yaml rounds.catalogues-unseen); every language of one message on one side',
);
