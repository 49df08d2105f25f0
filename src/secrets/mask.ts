import { normaliseUntrusted } from '../text/untrusted.js';
import { EchoMasker } from './echoes.js';
import { COMPARISON, readInline } from './inline.js';
import { keyWords, linesWithKeyWords } from './key-words.js';
import { readKeyValues } from './key-values.js';
import { isFlattened, PopSecretReader } from './pop-commands.js';
import { LineSpans } from './spans.js';

/**
 * The secrets pass: the first thing that reads a paste, before anything cuts, splits, matches or shows it.
 * The whole input is normalised (terminal sequences, controls, zero-width and bidi characters removed) and
 * then masked line by line, each line read by every recogniser (POP/SASL commands, key/value syntaxes,
 * inline credentials); what was masked is then searched for again as an echo anywhere in the paste.
 */

export interface MaskedText {
  /** The normalised input with every secret replaced by `****`. */
  text: string;
  /** True when a real secret (not a placeholder such as `PASS ****`) was masked. */
  found: boolean;
  /** Characters removed by normalising (controls, terminal sequences, invisible characters). */
  removed: number;
}

export function maskSecrets(input: string): MaskedText {
  const { lines, found, removed } = maskSecretLines(input);
  return { text: lines.join('\n'), found, removed };
}

/**
 * The secrets pass handing back its lines: `maskSecrets(input).text.split('\n')`, without the join and split.
 * `plain`: the caller found `input` to be plain text (`isPlainText`), so there is nothing to normalise.
 */
export function maskSecretLines(
  input: string,
  plain = false,
): { lines: string[]; found: boolean; removed: number } {
  const { text, removed } = plain ? { text: input, removed: 0 } : normaliseUntrusted(input);
  const lines = text.split('\n');
  const masker = new LineMasker(isFlattened(lines));
  // One lower-cased copy of the text, for the key-word screen and the echo search.
  const lowered = text.toLowerCase();
  // One search of the whole text for the key words instead of one per line (`linesWithKeyWords`).
  const withWords = linesWithKeyWords(text, lines.length, lowered);
  const changed = new Uint8Array(lines.length);
  let anyChanged = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const masked = masker.mask(line, withWords[i] === 1);
    if (masked !== line) {
      lines[i] = masked;
      changed[i] = 1;
      anyChanged = true;
    }
  }
  const echoMasker = new EchoMasker(masker.values);
  // Lines the masker left as they were join back into the normalised text: no join needed to search it.
  const echoes = plain
    ? echoMasker.maskPlainLines(lines, text, lowered, changed)
    : echoMasker.maskLines(lines, anyChanged ? undefined : text);
  return { lines: echoes.lines, found: masker.found || echoes.found, removed };
}

/**
 * The per-line part of the secrets pass, for a reader that cannot hold the whole input (`explain --summary`
 * over a log): lines in order, already normalised; `flattened` from `isFlattened` over the first lines. The
 * echoes of the secrets seen so far (`values`) are the caller's to mask (`maskEchoes`).
 */
export class LineMasker {
  private readonly reader: PopSecretReader;
  readonly values = new Set<string>();
  /** Set once a real secret was masked. */
  found = false;

  constructor(flattened: boolean) {
    this.reader = new PopSecretReader(flattened);
  }

  /** `mayHoldWords`: false when the caller found no key word in the line (`linesWithKeyWords`). */
  mask(line: string, mayHoldWords = true): string {
    // Every recogniser needs one of its key words, an `@` (credentials in a URL or a target), an option
    // (`-u`, `--password`) or Dovecot's password comparison (`) != '`): a line without any is passed over
    // after one search for the words of all of them, and each reads only lines that hold its own.
    const words = mayHoldWords ? keyWords(line) : undefined;
    const awaiting = this.reader.awaitingSasl;
    if (
      !words &&
      !awaiting &&
      !line.includes('@') &&
      !line.includes('-u') &&
      !line.includes('--') &&
      !line.includes(COMPARISON)
    )
      return line;
    const spans = new LineSpans(line, this.values);
    if (words?.commands || awaiting) this.reader.read(spans, words?.commands === true);
    if (words?.keys) readKeyValues(spans);
    readInline(spans, words?.authorization === true);
    if (spans.spans.length === 0) return line;
    this.found = true;
    return spans.masked();
  }
}

/** One line or message (a log field, an error) with its secrets masked; nothing else changed. */
export function maskLine(text: string): string {
  return maskSecrets(text).text;
}
