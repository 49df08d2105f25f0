/**
 * Tells "the service could not be reached" (no DNS answer, no route, refused, timed out) from "the service
 * answered no". Node's fetch (undici) and discord.js wrap the system error in `cause`, so the chain is walked.
 */

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_SOCKET',
]);

export interface Unreachable {
  /** The system's code (`ENOTFOUND`), or `timeout` when a request was aborted for taking too long. */
  code: string;
}

export function unreachable(error: unknown): Unreachable | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return { code };
    const name = (current as { name?: unknown }).name;
    if (name === 'AbortError' || name === 'TimeoutError') return { code: 'timeout' };
    // Node's fetch keeps the system error in `cause`; Slack's Web API client in `original`.
    const next = current as { cause?: unknown; original?: unknown };
    current = next.cause ?? next.original;
  }
  return undefined;
}

/**
 * A service popbot needs could not be reached at start (offline, DNS down, a firewall): not a setting to
 * fix, not an internal error. `popbot` says which service and host, and exits 3.
 */
export class ServiceUnreachableError extends Error {
  override name = 'ServiceUnreachableError' as const;
  readonly code = 'service.unreachable' as const;
  constructor(
    readonly service: string,
    readonly host: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`could not reach ${service} (${host}: ${reason})`, options);
  }
}
