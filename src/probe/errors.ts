/** Why one step of the probe could not go on. Expected outcomes, caught by the step runner and reported. */
export type ProbeErrorCode =
  | 'probe.timeout'
  | 'probe.drip'
  | 'probe.line-too-long'
  | 'probe.response-too-large'
  | 'probe.closed'
  | 'probe.socket'
  | 'probe.aborted';

export class ProbeError extends Error {
  override name = 'ProbeError' as const;
  constructor(
    readonly code: ProbeErrorCode,
    message: string,
    /** The line Node or OpenSSL gives (`Error: connect ECONNREFUSED 127.0.0.1:1`): what the explainer reads. */
    readonly errorLine?: string,
    options?: { cause?: unknown; explainAs?: readonly string[] },
  ) {
    super(message, options);
    this.explainAs = options?.explainAs ?? (errorLine === undefined ? undefined : [errorLine]);
  }

  /** What to give the explainer, best wording first. */
  readonly explainAs: readonly string[] | undefined;
}

/** The connection ended without an error: Node's words for the same symptom follow, for the explainer. */
export function closedError(): ProbeError {
  const lines = ['Error: connection closed unexpectedly', 'Error: socket hang up', 'Error: read ECONNRESET'];
  return new ProbeError('probe.closed', 'connection closed', lines[0], { explainAs: lines });
}

/** `Error: connect ECONNREFUSED 127.0.0.1:1` — the first line of a Node error, as people paste it. */
export function nodeErrorLine(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const head = typeof code === 'string' && code.startsWith('ERR_') ? `${error.name} [${code}]` : error.name;
    return `${head}: ${error.message}`.split(/\r?\n/)[0]!;
  }
  return `Error: ${String(error)}`.split(/\r?\n/)[0]!;
}
