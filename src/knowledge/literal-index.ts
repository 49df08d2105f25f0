/**
 * Which of many items (the patterns of the knowledge base) may occur in a text, found in one pass over the
 * text whatever the number of items: each item is keyed by literal runs of which every occurrence holds one
 * (required-literal.ts), and each run by one of its four-character grams. The pass hashes every gram of the
 * text into a bit set of the runs' grams; only the rare hits look up the runs and compare them. An item
 * whose runs are all absent costs nothing, so a knowledge base four times larger is not four times slower.
 *
 * Sound, not exact: every item that can occur is returned (patterns then decide), never one fewer. Letters
 * are compared the way a case-insensitive regular expression without the `u` flag compares them.
 */

const GRAM = 4;
const BITS = 21;

/** A character folded as `/x/i` sees it: ASCII to lower case, others to their single upper-case form. */
function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  const upper = String.fromCharCode(code).toUpperCase();
  const folded = upper.length === 1 ? upper.charCodeAt(0) : code;
  // The regex engine never folds a non-ASCII character onto an ASCII one (the Kelvin sign is no k).
  return folded < 128 ? code : folded;
}

const NON_ASCII_OR_UPPER = /[A-Z\u0080-\uffff]/;

export function foldText(text: string): string {
  if (!NON_ASCII_OR_UPPER.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out;
}

/** The gram ending at `text[i]` shifted in: seven bits a character keeps every key a small integer. */
const shiftIn = (key: number, code: number) => ((key >>> 7) | ((code & 0x7f) << 21)) >>> 0;
const slot = (key: number) => Math.imul(key, 0x9e3779b1) >>> (32 - BITS);

function gramKey(text: string, at: number): number {
  let key = 0;
  for (let i = at; i < at + GRAM; i++) key = shiftIn(key, text.charCodeAt(i));
  return key;
}

interface Anchor {
  /** The folded run. */
  run: string;
  /** Where the keyed gram starts inside the run. */
  offset: number;
  items: number[];
}

/** A LiteralIndex as plain data: what the build stores in the knowledge cache, so a start need not derive it. */
export interface LiteralIndexData {
  items: number;
  always: number[];
  /** [folded run, offset of its keyed gram, items] */
  anchors: [string, number, number[]][];
}

/**
 * Chooses each run's gram. Short runs have the fewest grams to choose from: they choose first. Each takes
 * its least shared gram, so no gram's list grows long.
 */
export function literalIndexData(runs: readonly (readonly string[] | undefined)[]): LiteralIndexData {
  const always: number[] = [];
  const itemsByRun = new Map<string, number[]>();
  runs.forEach((set, item) => {
    if (!set || set.length === 0 || set.some((run) => run.length < GRAM)) {
      always.push(item);
      return;
    }
    for (const run of new Set(set.map(foldText))) {
      const items = itemsByRun.get(run);
      if (items) items.push(item);
      else itemsByRun.set(run, [item]);
    }
  });
  const load = new Map<number, number>();
  const anchors: LiteralIndexData['anchors'] = [];
  const ordered = [...itemsByRun].sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  for (const [run, items] of ordered) {
    let bestKey = 0;
    let bestOffset = 0;
    let bestLoad = Infinity;
    for (let offset = 0; offset + GRAM <= run.length; offset++) {
      const key = gramKey(run, offset);
      const n = load.get(key) ?? 0;
      if (n < bestLoad) {
        bestKey = key;
        bestOffset = offset;
        bestLoad = n;
      }
    }
    load.set(bestKey, bestLoad + 1);
    anchors.push([run, bestOffset, items]);
  }
  return { items: runs.length, always, anchors };
}

export class LiteralIndex {
  private readonly always: readonly number[];
  private readonly bits = new Uint8Array(1 << (BITS - 3));
  private readonly anchors = new Map<number, Anchor[]>();
  private readonly seen: Uint32Array;
  private epoch = 0;

  /**
   * `runs[i]`: literal runs of which every occurrence of item i holds one at least (any case), or undefined
   * when the item has none (it is then a candidate for every text). Runs shorter than four characters
   * cannot be keyed and make their item such an item.
   */
  static build(runs: readonly (readonly string[] | undefined)[]): LiteralIndex {
    return new LiteralIndex(literalIndexData(runs));
  }

  constructor(readonly data: LiteralIndexData) {
    this.always = data.always;
    this.seen = new Uint32Array(data.items);
    for (const [run, offset, items] of data.anchors) {
      const key = gramKey(run, offset);
      const anchor = { run, offset, items };
      const list = this.anchors.get(key);
      if (list) list.push(anchor);
      else this.anchors.set(key, [anchor]);
      const s = slot(key);
      this.bits[s >>> 3]! |= 1 << (s & 7);
    }
  }

  /** Every item that may occur in the text, in ascending order. */
  candidates(text: string): number[] {
    const folded = foldText(text);
    const found = this.always.slice();
    if (this.epoch === 0xffffffff) {
      this.seen.fill(0);
      this.epoch = 0;
    }
    const epoch = ++this.epoch;
    const { bits, anchors, seen } = this;
    let key = 0;
    for (let i = 0; i < folded.length; i++) {
      key = shiftIn(key, folded.charCodeAt(i));
      if (i < GRAM - 1) continue;
      const s = slot(key);
      if ((bits[s >>> 3]! & (1 << (s & 7))) === 0) continue;
      const list = anchors.get(key);
      if (!list) continue;
      const start = i - GRAM + 1;
      for (const anchor of list) {
        const at = start - anchor.offset;
        if (at < 0 || !folded.startsWith(anchor.run, at)) continue;
        for (const item of anchor.items) {
          if (seen[item] === epoch) continue;
          seen[item] = epoch;
          found.push(item);
        }
      }
    }
    return found.length > 1 ? found.sort((a, b) => a - b) : found;
  }
}
