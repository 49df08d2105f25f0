// Records the first sight of round six (catalogues-business: web applications and business software that fetch mail over POP3): `popbot kb eval
// --source catalogues-business` with the code and knowledge as they stand (run it BEFORE any change made for these
// cases), written to docs/first-sight/catalogues-business.json. Holdout misses are counted by "expected -> got"
// only; their texts are never read. Needs `npm run build` first.
//
//   node scripts/catalogues/first-sight-business.mjs

import { recordFirstSight } from '../first-sight/record.mjs';

recordFirstSight(
  'catalogues-business',
  'message words: the 40 % of the messages with the lowest seeded hash of their words (split.mjs wordsKey; for a keyed catalogue, the key), seed popbot-catalogues-business-holdout-2026-12 (scripts/catalogues/cases.yaml rounds.catalogues-business); every language of one message on one side',
);
