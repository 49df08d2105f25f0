import type { webApi } from '@slack/bolt';

/** Connection failures where the request cannot have reached Slack, so sending it again cannot post twice. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * Whether a failed Web API call may be sent again. Slack's 429 says so (the client has already waited out
 * Retry-After). Anything else — a 5xx, a reset or a timeout — may have posted the message already; sending it
 * again could answer twice, so it is logged and dropped instead.
 */
export function mayRetry(error: unknown): boolean {
  const e = error as { code?: unknown; original?: { message?: unknown; cause?: { code?: unknown } } } | null;
  if (e?.code === 'slack_webapi_request_error') {
    // The client signals "Retry-After waited out, send again" with this error, wrapped like a network failure.
    const message = e.original?.message;
    if (typeof message === 'string' && message.startsWith('A rate limit was exceeded')) return true;
    const cause = e.original?.cause?.code;
    return typeof cause === 'string' && NOT_SENT.has(cause);
  }
  return false;
}

/**
 * The Web API client's retry policy (p-retry options): a few attempts with backoff, only for what
 * `mayRetry` allows; bounded so that shutdown never waits on a retry loop.
 */
export const WEB_API_RETRY = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 5000,
  randomize: true,
  onFailedAttempt(error: unknown) {
    if (!mayRetry(error)) throw error;
  },
} as NonNullable<webApi.WebClientOptions['retryConfig']>;
