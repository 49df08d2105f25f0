import { AsyncLocalStorage } from 'node:async_hooks';
import { observeReplyLatency } from '../../src/metrics/metrics.js';

/**
 * The reply-latency histogram for Slack, measured where both ends are visible without touching the
 * handlers: the global middleware marks when an event reached popbot, and the fetch every Web API call and
 * respond() goes through records the first reply Slack accepted for that event.
 */

/** Web API methods that put an answer in front of the user; a POST outside the Web API is a response URL. */
const REPLY_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'views.open']);

interface EventTiming {
  receivedAt: number;
  replied: boolean;
}

const current = new AsyncLocalStorage<EventTiming>();

/** Runs an event's handlers with its arrival time in scope. */
export function measureReply<T>(next: () => Promise<T>): Promise<T> {
  return current.run({ receivedAt: performance.now(), replied: false }, next);
}

/** `base`, plus: the first reply Slack accepts for the event in scope is observed. */
export function replyTimingFetch(
  apiUrl: string,
  base: typeof globalThis.fetch = globalThis.fetch,
): typeof globalThis.fetch {
  const isReply = (url: string) =>
    url.startsWith(apiUrl) ? REPLY_METHODS.has(url.slice(apiUrl.length).split('?')[0] ?? '') : true;
  return async (input, init) => {
    const response = await base(input, init);
    const timing = current.getStore();
    if (timing && !timing.replied && response.ok && init?.method === 'POST') {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (isReply(url)) {
        timing.replied = true;
        observeReplyLatency('slack', (performance.now() - timing.receivedAt) / 1000);
      }
    }
    return response;
  };
}

/** `work` bound to the event in scope, so that a reply queued for later is still timed from that event. */
export function forThisEvent<T>(work: () => Promise<T>): () => Promise<T> {
  // Not AsyncLocalStorage.bind: on Node 20 it builds an AsyncResource and a deprecation wrapper per call.
  const timing = current.getStore();
  return timing ? () => current.run(timing, work) : work;
}

/**
 * When the event in scope reached popbot, in milliseconds since the epoch, which another thread can compare
 * with its own `performance.timeOrigin + performance.now()`; now, outside an event.
 */
export function eventArrival(): number {
  return performance.timeOrigin + (current.getStore()?.receivedAt ?? performance.now());
}
