import { normaliseUntrusted } from '../../text/untrusted.js';
import { EchoMasker, echoedSecrets, isFlattened, LineMasker, maskSecretLines } from '../../secrets/index.js';

/** Past this many secrets seen, only those the echo search can still use are kept: memory stays bounded. */
const MAX_KEPT_SECRETS = 256;

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
    const masked = maskSecretLines(lines.join('\n'));
    return masked.lines.length === lines.length ? { lines: masked.lines, found: masked.found } : undefined;
  }

  /** One line of the log, after the lines before it. */
  mask(line: string): string {
    const { values } = this.masker;
    const before = values.size;
    const masked = this.masker.mask(normaliseUntrusted(line).text);
    if (values.size !== before) {
      this.echoes = undefined;
      // Secrets never searched for again (shorter than the ones kept) need not be remembered.
      if (values.size > MAX_KEPT_SECRETS) {
        const kept = new Set(echoedSecrets(values));
        for (const value of values) if (!kept.has(value)) values.delete(value);
      }
    }
    if (values.size === 0) return masked;
    this.echoes ??= new EchoMasker(values);
    const echoed = this.echoes.mask(masked);
    if (echoed.found) this.echoed = true;
    return echoed.text;
  }
}
