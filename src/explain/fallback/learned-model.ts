import { featuresOf } from './learned-features.js';
import { errorText } from './learned-gate.js';

/**
 * A naive Bayes model of which error a text's words say (multinomial over the features each text holds
 * once: its words and pairs of neighbouring words), trained from labelled real texts and stored as data.
 * Counts only: the same texts in any order give the same model, byte for byte.
 */
export interface LearnedModel {
  format: typeof FORMAT;
  /** Laplace smoothing added to every count. */
  alpha: number;
  /** Categories, sorted. */
  classes: string[];
  /** Texts per category. */
  texts: number[];
  /** How many features the model knows (the smoothing's denominator). */
  vocabulary: number;
  /** Feature occurrences per category (the smoothing's denominator). */
  totals: number[];
  /** Per feature, its counts as pairs: category index, count. Only features seen in two texts or more. */
  features: Record<string, number[]>;
}

export interface LabelledText {
  text: string;
  category: string;
  /**
   * How much the text counts, 1 unless said: a text labelled at second hand (a translation memory's pair,
   * labelled through its English) counts less than a real one, so that it adds words without swamping them.
   */
  weight?: number;
}

const FORMAT = 'popbot-learned/1';
/** A feature seen in one text only is that text's, not its category's. */
const MIN_TEXTS = 2;
const ALPHA = 0.5;
/** Counts are kept in thousandths, whole numbers, so that any order of the texts gives the same sums. */
const UNIT = 1000;
const unitsOf = (weight: number | undefined) => Math.max(1, Math.round((weight ?? 1) * UNIT));

export function trainModel(samples: readonly LabelledText[]): LearnedModel {
  const classes = [...new Set(samples.map((s) => s.category))].sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  const texts = classes.map(() => 0);
  const counts = new Map<string, Map<number, number>>();
  for (const { text, category, weight } of samples) {
    const c = index.get(category) ?? 0;
    const units = unitsOf(weight);
    texts[c] = (texts[c] ?? 0) + units;
    for (const { key } of featuresOf(errorText(text))) {
      let perClass = counts.get(key);
      if (!perClass) counts.set(key, (perClass = new Map()));
      perClass.set(c, (perClass.get(c) ?? 0) + units);
    }
  }
  const totals = classes.map(() => 0);
  const features: Record<string, number[]> = {};
  for (const key of [...counts.keys()].sort()) {
    const perClass = counts.get(key)!;
    let seen = 0;
    for (const n of perClass.values()) seen += n;
    // Weighed: a feature of lighter texts only must be seen in as many of them as weigh two real texts.
    if (seen < MIN_TEXTS * UNIT) continue;
    const pairs: number[] = [];
    for (const c of [...perClass.keys()].sort((a, b) => a - b)) {
      const n = perClass.get(c)!;
      pairs.push(c, n / UNIT);
      totals[c] = (totals[c] ?? 0) + n;
    }
    features[key] = pairs;
  }
  return {
    format: FORMAT,
    alpha: ALPHA,
    classes,
    texts: texts.map((n) => n / UNIT),
    vocabulary: Object.keys(features).length,
    totals: totals.map((n) => n / UNIT),
    features,
  };
}

/** Whether a parsed file is a model of this format (a stale or foreign file is not used). */
export function isLearnedModel(value: unknown): value is LearnedModel {
  const m = value as Partial<LearnedModel> | undefined;
  return (
    m?.format === FORMAT &&
    Array.isArray(m.classes) &&
    Array.isArray(m.texts) &&
    Array.isArray(m.totals) &&
    typeof m.vocabulary === 'number' &&
    typeof m.features === 'object'
  );
}
