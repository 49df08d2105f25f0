import { explain } from '../../src/explain/explain.js';
import { explainImage } from '../../src/ocr/explain-image.js';
import { OcrEngine } from '../../src/ocr/ocr-engine.js';
import { corpus, DEGRADATIONS, type Degradation, pictureBytes } from '../corpus/screenshots.js';
import type { BenchContext, Row } from '../lib/context.js';

const PER_LANG_TARGET = 0.9;
const UNDEGRADED_TARGET = 0.95;

const categories = (findings: readonly { category: string }[]) =>
  [...new Set(findings.map((f) => f.category))].sort().join(',');

type Tally = Record<string, { right: number; all: number }>;
const add = (tally: Tally, key: string, right: boolean) => {
  const t = (tally[key] ??= { right: 0, all: 0 });
  t.all++;
  if (right) t.right++;
};
const share = (t: { right: number; all: number } | undefined) => (t && t.all ? t.right / t.all : 0);
const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/**
 * Category accuracy on the screenshot corpus: a picture counts as right when it gets the same categories as
 * its text pasted. Every picture as rendered, and (not with --quick) each of its degradations.
 */
export const screenshotAccuracy: Row = {
  id: 'screenshot-accuracy',
  figure: 'screenshot corpus: same findings as the text pasted',
  target: `≥ ${PER_LANG_TARGET * 100} % per language, ≥ ${UNDEGRADED_TARGET * 100} % undegraded`,
  async run(ctx: BenchContext) {
    const pictures = corpus();
    const degradations: (Degradation | 'none')[] = ctx.quick
      ? ['none']
      : ['none', ...(Object.keys(DEGRADATIONS) as Degradation[])];
    const engine = new OcrEngine();
    const byLang: Tally = {};
    const byStyle: Tally = {};
    const byDegradation: Tally = {};
    const misses: string[] = [];
    let done = 0;
    try {
      for (const picture of pictures) {
        const expected = categories(explain(picture.text).findings);
        for (const degradation of degradations) {
          ctx.progress.update(`screenshot-accuracy: ${++done}/${pictures.length * degradations.length}`);
          const png = pictureBytes(picture);
          const bytes = degradation === 'none' ? png : await DEGRADATIONS[degradation](png);
          const got = categories((await explainImage(bytes, engine)).result.findings);
          const right = got === expected;
          add(byLang, picture.lang, right);
          add(byStyle, picture.style, right);
          add(byDegradation, degradation, right);
          if (!right) misses.push(`${picture.file} ${degradation}: got [${got}], pasted [${expected}]`);
        }
      }
    } finally {
      await engine.close();
    }
    const langs = Object.keys(byLang).sort();
    const worstLang = Math.min(...langs.map((l) => share(byLang[l])));
    const undegraded = share(byDegradation.none);
    return {
      id: this.id,
      figure: this.figure,
      ours: langs.map((l) => `${l} ${pct(share(byLang[l]))}`).join(', ') + `; undegraded ${pct(undegraded)}`,
      reference: 'the same texts pasted',
      ratio: '',
      target: this.target,
      status: worstLang >= PER_LANG_TARGET && undegraded >= UNDEGRADED_TARGET ? 'pass' : 'fail',
      metrics: {
        pictures: pictures.length,
        degradations,
        byLang: Object.fromEntries(langs.map((l) => [l, byLang[l]])),
        byStyle,
        byDegradation,
        misses,
      },
    };
  },
};
