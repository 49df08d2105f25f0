import { featuresOf } from './learned-features.js';
import type { LearnedModel } from './learned-model.js';

/**
 * The model's reading of a text: complement naive Bayes (Rennie et al., 2003), which scores a category by how
 * badly the text's words fit all the other categories. The categories were captured in very unequal numbers
 * (seven hundred refused logins, a dozen server shutdowns); counted against the rest, a small category is not
 * favoured or crushed by its size as plain naive Bayes favours or crushes it.
 */
export interface LearnedReading {
  category: string;
  /** How far the best category leads the runner-up, per word read (log-odds): how clear the reading is. */
  margin: number;
  /** The features of the text that favoured it most over the runner-up, as written. */
  words: string[];
}

/** Words shown: enough to see why, few enough to read. */
const SHOWN_WORDS = 3;
/**
 * Words that weigh in the reading but explain nothing to a reader when shown alone (a reply's -ERR, articles,
 * prepositions, conjunctions of the three languages); in a pair they are shown ("de stockage"). A reading
 * with no other word to show is not given (learned-finding.ts).
 */
const NOT_SHOWN_ALONE = new Set(
  'err the and for with from this that you your are was not please de et le la les des du au aux en un une par pour sur avec est pas ne vous votre cua va cac la co duoc cho voi nay khong ban'.split(
    ' ',
  ),
);
const showable = (key: string) => key.includes(' ') || (key.length > 2 && !NOT_SHOWN_ALONE.has(key));

/** How a feature's counts in the categories other than `c` fit it: a high value argues against `c`. */
function complementLog(model: LearnedModel, pairs: readonly number[], c: number, all: number): number {
  let total = 0;
  let own = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    total += pairs[i + 1]!;
    if (pairs[i] === c) own = pairs[i + 1]!;
  }
  return Math.log((total - own + model.alpha) / (all - model.totals[c]! + model.alpha * model.vocabulary));
}

/** The model's reading of `text`, or undefined when none of its words are known. */
export function readLearned(model: LearnedModel, text: string): LearnedReading | undefined {
  const known = featuresOf(text).filter((f) => Object.hasOwn(model.features, f.key));
  if (known.length === 0 || model.classes.length < 2) return undefined;
  let all = 0;
  for (const t of model.totals) all += t;
  const score = model.classes.map(() => 0);
  for (const f of known) {
    const pairs = model.features[f.key]!;
    for (let c = 0; c < score.length; c++) score[c]! -= complementLog(model, pairs, c, all);
  }
  const order = score.map((_, i) => i).sort((a, b) => score[b]! - score[a]! || a - b);
  const best = order[0]!;
  const second = order[1]!;
  const weighed = known
    .map((f) => {
      const pairs = model.features[f.key]!;
      return {
        f,
        weight: complementLog(model, pairs, second, all) - complementLog(model, pairs, best, all),
      };
    })
    .filter((w) => w.weight > 0 && showable(w.f.key))
    .sort((a, b) => b.weight - a.weight || (a.f.key < b.f.key ? -1 : 1));
  const words: string[] = [];
  for (const { f } of weighed) {
    if (words.length >= SHOWN_WORDS) break;
    // A pair already shown says its words; a word already shown is part of the pair.
    if (words.some((w) => w.includes(f.shown) || f.shown.includes(w))) continue;
    words.push(f.shown);
  }
  return {
    category: model.classes[best]!,
    margin: (score[best]! - score[second]!) / known.length,
    words,
  };
}
