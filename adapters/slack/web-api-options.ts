import type { WebClientOptions } from '@slack/web-api';
import { WEB_API_RETRY } from './web-api-retry.js';

export const SLACK_API = 'https://slack.com/api/';
export const WEB_API_TIMEOUT_MS = 15_000;

/**
 * The options of every Web API client that posts for the bot (Bolt's, and the answer thread's own): retried
 * only where nothing can post twice, bounded in time, through `fetch`, against SLACK_API_URL when set.
 */
export function webApiOptions(apiUrl: string | undefined, fetch: typeof globalThis.fetch): WebClientOptions {
  return {
    retryConfig: WEB_API_RETRY,
    timeout: WEB_API_TIMEOUT_MS,
    fetch,
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
  };
}
