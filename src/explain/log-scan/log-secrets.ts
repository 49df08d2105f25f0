import { normaliseUntrusted } from '../../text/untrusted.js';
import { EchoMasker, isFlattened, LineMasker, maskSecrets } from '../../secrets/index.js';

/**
 * `explain`'s secrets pass over a log: what `explain` reads is the paste with its secrets masked (a masked
 * word may change which entry a line matches), so the summary reads the same. The start of a log, read whole
 * as `explain` reads a paste, goes through the very same pass; past it, lines are masked one at a time by the
 * same recognisers, and an echo of a secret is masked from the line the secret was seen on (a paste's pass also
 * masks echoes written before it; a log that long is no paste `explain` would read).
 */
export class LogSecrets {
  private readonly masker: LineMasker;
  private echoed = false;
  /** The echo search for the secrets seen so far, prepared again only when one more is seen. */
  private echoes: EchoMasker | undefined;
  private echoesOf = 0;

  /** `start`: the log's first lines, which tell whether it is one flattened transcript. */
  constructor(start: readonly string[]) {
    this.masker = new LineMasker(isFlattened(start));
  }

  /** Whether a real secret was masked. */
  get found(): boolean {
    return this.masker.found || this.echoed;
  }

  /** `lines` masked as `explain` masks a paste of them; undefined when the pass would not keep them apart. */
  static whole(lines: readonly string[]): { lines: string[]; found: boolean } | undefined {
    const masked = maskSecrets(lines.join('\n'));
    const out = masked.text.split('\n');
    return out.length === lines.length ? { lines: out, found: masked.found } : undefined;
  }

  /** One line of the log, after the lines before it. */
  mask(line: string): string {
    const masked = this.masker.mask(normaliseUntrusted(line).text);
    const { values } = this.masker;
    if (values.size === 0) return masked;
    if (!this.echoes || this.echoesOf !== values.size) {
      this.echoes = new EchoMasker(values);
      this.echoesOf = values.size;
    }
    const echoed = this.echoes.mask(masked);
    if (echoed.found) this.echoed = true;
    return echoed.text;
  }
}
