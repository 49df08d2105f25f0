import { createHmac } from 'node:crypto';

/**
 * Requests as Slack sends them to /slack/events: signed with the app's signing secret, version v0
 * (HMAC-SHA256 over `v0:<timestamp>:<body>`, sent as X-Slack-Signature with X-Slack-Request-Timestamp).
 */

export const TEST_SIGNING_SECRET = 'a3f1c0de5b7e4d2f9a8b6c4d2e0f1a3b';

export interface SignOptions {
  secret?: string;
  /** Unix seconds; default now. A time five minutes off is what Slack's replay protection rejects. */
  timestamp?: number;
  retryNum?: number;
  /** Replace the computed signature (bad-signature tests). */
  signature?: string;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  options: SignOptions = {},
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? sign(options.secret ?? TEST_SIGNING_SECRET, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

let eventSeq = 0;

/** An Events API envelope around `event`. */
export function eventEnvelope(event: Record<string, unknown>, team = 'T0TEAM'): string {
  eventSeq++;
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: team,
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: `Ev${eventSeq}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}

let tsSeq = 0;
/** A fresh message timestamp, as Slack writes them. */
export function nextTs(): string {
  tsSeq++;
  return `1710000000.${String(tsSeq).padStart(6, '0')}`;
}

/** A person's new message in a channel the bot is in; `extra` overrides or adds fields. */
export function channelMessage(text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    channel: 'C0CHAN',
    channel_type: 'channel',
    user: 'U0ASKER',
    text,
    ts: nextTs(),
    ...extra,
  };
}

export function postEvent(url: string, event: Record<string, unknown>, options: SignOptions = {}) {
  return postSigned(url, eventEnvelope(event), 'application/json', options);
}

export function postCommand(url: string, fields: Record<string, string>, options: SignOptions = {}) {
  return postSigned(
    url,
    new URLSearchParams(fields).toString(),
    'application/x-www-form-urlencoded',
    options,
  );
}

export function postInteraction(url: string, payload: Record<string, unknown>, options: SignOptions = {}) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(url, body, 'application/x-www-form-urlencoded', options);
}
