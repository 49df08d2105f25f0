import { normaliseUntrusted } from '../text/untrusted.js';
import { maskEchoes } from './echoes.js';
import { readInline } from './inline.js';
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
  const { text, removed } = normaliseUntrusted(input);
  const lines = text.split('\n');
  const reader = new PopSecretReader(isFlattened(lines));
  const values = new Set<string>();
  let found = false;
  const out = lines.map((line) => {
    const spans = new LineSpans(line, values);
    reader.read(spans);
    readKeyValues(spans);
    readInline(spans);
    if (spans.spans.length === 0) return line;
    found = true;
    return spans.masked();
  });
  const masked = out.join('\n');
  const echoes = maskEchoes(masked, values);
  return { text: echoes.text, found: found || echoes.found, removed };
}

/** One line or message (a log field, an error) with its secrets masked; nothing else changed. */
export function maskLine(text: string): string {
  return maskSecrets(text).text;
}
