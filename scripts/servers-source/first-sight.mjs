// Records the first sight of the servers-source set: `popbot kb eval --source servers-source` with the code and
// knowledge as they stand (run it BEFORE any change made for these cases), written to
// docs/first-sight/servers-source.json. Holdout misses are counted by "expected -> got" only. Needs `npm run build`.
//
//   node scripts/servers-source/first-sight.mjs

import { recordFirstSight } from '../first-sight/record.mjs';

recordFirstSight(
  'servers-source',
  "the reply's words (scripts/servers-source/build.mjs wordsKey: status, response code, numbers, quoted values and POP verbs folded), seed popbot-servers-source-holdout-2026-12, 40 %; every paste of one wording (line, transcript, chat) on one side, whichever server sends it",
);
