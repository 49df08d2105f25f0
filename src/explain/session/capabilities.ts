import { wordsOf } from '../../text/words.js';
import type { Capabilities } from './session-view.js';

const MAX_CAPABILITY_LINES = 64;
const CURL_SERVER_MARKER = /^<\s+/;

/** Collects the lines of one CAPA answer (RFC 2449 §5) into the capabilities it announces. */
export class CapabilityCollector {
  private readonly names = new Set<string>();
  private readonly sasl: string[] = [];
  private implementation: string | undefined;
  private lines = 0;

  constructor(private readonly lineNumber: number) {}

  add(content: string): void {
    if (++this.lines > MAX_CAPABILITY_LINES) return;
    // curl -v marks every server line with "<", but the line reader keeps the marker on lines that do not look
    // like POP ("< SASL PLAIN LOGIN", "< PIPELINING"): no capability name starts with it.
    const words = wordsOf(content.trim().replace(CURL_SERVER_MARKER, '')).slice(0, 32);
    const name = words[0]?.toUpperCase();
    if (!name) return;
    this.names.add(name);
    // RFC 2449 §6.3: "SASL PLAIN LOGIN"; RFC 2595's older servers say "AUTH PLAIN" or "AUTH=PLAIN".
    if (name === 'SASL' || name === 'AUTH') this.sasl.push(...words.slice(1).map((w) => w.toUpperCase()));
    else if (name.startsWith('AUTH=')) this.sasl.push(name.slice(5));
    if (name === 'IMPLEMENTATION') this.implementation = words.slice(1).join(' ');
  }

  result(): Capabilities {
    return {
      names: this.names,
      sasl: this.sasl,
      lineNumber: this.lineNumber,
      ...(this.implementation !== undefined ? { implementation: this.implementation } : {}),
    };
  }
}
