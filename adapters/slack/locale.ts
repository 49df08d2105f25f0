import { describeError, type ErrorSummary } from '../../src/log/describe-error.js';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { type Lang, langFromLocale } from '../../src/i18n/lang.js';

export interface LocaleCacheOptions {
  /** How long a user's locale is trusted; people rarely change it. Default one hour. */
  ttlMs?: number;
  /** Oldest entries go first above this many users. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * The Slack locale of each user (`users.info` with `include_locale`), mapped to a popbot language and
 * cached, so a busy channel does not cost one API call per message. A failed lookup is not cached.
 */
export class LocaleCache {
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, { lang: Lang | undefined; until: number }>();

  constructor(options: LocaleCacheOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.#max = options.maxEntries ?? 5000;
    this.#now = options.now ?? Date.now;
  }

  async langOf(
    client: WebClient,
    userId: string | undefined,
    log: Pick<Logger, 'warn'>,
  ): Promise<Lang | undefined> {
    if (!userId) return undefined;
    const now = this.#now();
    const hit = this.#entries.get(userId);
    if (hit && hit.until > now) return hit.lang;
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      const lang = langFromLocale(info.user?.locale);
      this.#entries.delete(userId);
      this.#entries.set(userId, { lang, until: now + this.#ttlMs });
      if (this.#entries.size > this.#max) {
        const oldest = this.#entries.keys().next().value;
        if (oldest !== undefined) this.#entries.delete(oldest);
      }
      return lang;
    } catch (error) {
      log.warn({ err: slackErrorSummary(error) }, 'users.info failed; using the default language');
      return undefined;
    }
  }
}

/** What to log about a failed Slack call: its code and status, never the request (it holds the token). */
export function slackErrorSummary(error: unknown): ErrorSummary {
  // Slack's Web API errors name the API error (`channel_not_found`) in data.error: the useful part.
  const summary = describeError(error);
  const detail = (error as { data?: { error?: unknown } } | null)?.data?.error;
  return typeof detail === 'string' ? { ...summary, message: `${summary.message} (${detail})` } : summary;
}
