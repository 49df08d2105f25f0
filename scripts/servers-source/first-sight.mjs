// Records the first sight of a servers-source set: `popbot kb eval --source SET` with the code and knowledge as
// they stand (run it BEFORE any change made for these cases), written to docs/first-sight/SET.json. Holdout
// misses are counted by "expected -> got" only. Needs `npm run build`.
//
//   node scripts/servers-source/first-sight.mjs [--set servers-source-2]

import { recordFirstSight } from '../first-sight/record.mjs';

const SEEDS = {
  'servers-source': 'popbot-servers-source-holdout-2026-12',
  'servers-source-2': 'popbot-servers-source-2-holdout-2026-12-08',
  'servers-source-3': 'popbot-servers-source-3-holdout-2026-12-08',
};
const set = process.argv.includes('--set')
  ? process.argv[process.argv.indexOf('--set') + 1]
  : 'servers-source';
if (!SEEDS[set]) throw new Error(`unknown set ${set}`);

recordFirstSight(
  set,
  `the reply's words (scripts/servers-source/build.mjs wordsKey: status, response code, numbers, quoted values and POP verbs folded), seed ${SEEDS[set]}, 40 %; every paste of one wording (line, transcript, chat) on one side, whichever server sends it`,
);
