/** Why one step of the probe could not go on. Expected outcomes, caught by the step runner and reported. */
export type ProbeErrorCode =
  | 'probe.timeout'
  | 'probe.drip'
  | 'probe.line-too-long'
  | 'probe.response-too-large'
  | 'probe.closed'
  | 'probe.socket'
  | 'probe.aborted';

export interface ProbeErrorDetails {
  cause?: unknown;
  /** Node's or OpenSSL's code for a socket or TLS error (`ECONNREFUSED`, `ERR_SSL_WRONG_VERSION_NUMBER`). */
  nodeCode?: string | undefined;
  /** OpenSSL's reason, without its file and line (`wrong version number`). */
  reason?: string | undefined;
}

export class ProbeError extends Error {
  override name = 'ProbeError' as const;
  readonly nodeCode: string | undefined;
  readonly reason: string | undefined;
  constructor(
    readonly code: ProbeErrorCode,
    message: string,
    details: ProbeErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.nodeCode = details.nodeCode;
    this.reason = details.reason;
  }

  /** What Node said, short and without OpenSSL's source file: the evidence a finding shows. */
  get evidence(): string {
    if (this.reason) return this.nodeCode ? `${this.reason} (${this.nodeCode})` : this.reason;
    return this.message;
  }
}

/** The connection ended without an error. */
export function closedError(): ProbeError {
  return new ProbeError('probe.closed', 'connection closed');
}

/** A socket or TLS error from Node, kept as its code and reason (never as a pasted-looking line). */
export function socketError(error: Error): ProbeError {
  const e = error as Error & { code?: unknown; reason?: unknown };
  const nodeCode = typeof e.code === 'string' ? e.code : undefined;
  const reason = typeof e.reason === 'string' ? e.reason : undefined;
  // OpenSSL's message carries its source path (`../deps/openssl/...c:350:`); the reason alone is enough.
  const message = reason ?? error.message.split(/\r?\n/)[0] ?? '';
  return new ProbeError('probe.socket', message, { cause: error, nodeCode, reason });
}
