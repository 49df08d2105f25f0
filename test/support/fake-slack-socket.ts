import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { type FakeSlack, startFakeSlack, TEAM } from '../slack/fake-slack.js';

/**
 * Slack's Socket Mode side, on loopback, over the fake Web API of test/slack/fake-slack.ts (same port):
 * apps.connections.open hands out a one-time ws:// URL; the WebSocket says `hello`, carries envelopes
 * (events_api, slash_commands, interactive) that the app must acknowledge by envelope_id, and can be
 * told to `disconnect`, be dropped, or be refused. The wire format follows Slack's Socket Mode
 * documentation: envelopes carry `retry_attempt` and `retry_reason` (0 and "" on a first delivery).
 */

export const APP_ID = 'A0APP';
/** Tokens of the right shapes; the fake checks that apps.connections.open gets the app-level one. */
export const SOCKET_BOT_TOKEN = 'xoxb-1111-2222-socketbottoken';
export const SOCKET_APP_TOKEN = 'xapp-1-A0APP-1111-socketapptoken';

export interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
  at: number;
}

export interface SocketPeer {
  /** 1 for the first WebSocket connection, 2 for the next… */
  n: number;
  ws: WebSocket;
  openedAt: number;
  closedAt?: number;
}

export interface FakeSlackSocket {
  slack: FakeSlack;
  /** SLACK_BOT_TOKEN, SLACK_APP_TOKEN and SLACK_API_URL for `popbot start`. */
  env: Record<string, string>;
  peers: SocketPeer[];
  acks: Ack[];
  /** Resolves once the `n`-th connection is open and greeted; rejects after `ms`. */
  connection(n: number, ms?: number): Promise<SocketPeer>;
  /** Sends an envelope on the newest connection; resolves with the app's ack. */
  send(
    type: 'events_api' | 'slash_commands' | 'interactive',
    payload: Record<string, unknown>,
    extra?: EnvelopeExtra,
  ): Promise<Ack>;
  /** An Events API event, wrapped as Slack does; `retryAttempt` defaults to 0 (a first delivery). */
  event(event: Record<string, unknown>, retry?: { attempt: number; reason: string }): Promise<Ack>;
  /** Slack's `disconnect` message on the newest connection. */
  disconnect(reason: 'refresh_requested' | 'link_disabled' | 'warning'): void;
  /** Drops the newest connection's TCP socket, no close frame. */
  drop(): void;
  /** apps.connections.open answers HTTP `status` for the next `ms` milliseconds. */
  failOpen(ms: number, status?: number): void;
  /** Stops listening for `ms` (connections refused, open sockets dropped), then listens on the same port. */
  refuse(ms: number): Promise<void>;
  /** The app-level token's answer from now on: ok, or a Slack error code such as invalid_auth. */
  openError: string | undefined;
  /** Resolves when `check` holds, re-checked on every request, connection and ack; rejects after `ms`. */
  until<T>(check: () => T | undefined | false, what: string, ms?: number): Promise<T>;
  close(): Promise<void>;
}

export interface EnvelopeExtra {
  retry_attempt?: number;
  retry_reason?: string;
  accepts_response_payload?: boolean;
}

export async function startFakeSlackSocket(): Promise<FakeSlackSocket> {
  const slack = await startFakeSlack();
  const port = (slack.server.address() as AddressInfo).port;
  const changes = new EventEmitter();
  changes.setMaxListeners(100);
  const changed = () => changes.emit('change');
  const peers: SocketPeer[] = [];
  const acks: Ack[] = [];
  const tickets = new Set<string>();
  let failUntil = 0;
  let failStatus = 503;

  const fake: FakeSlackSocket = {
    slack,
    env: {
      SLACK_BOT_TOKEN: SOCKET_BOT_TOKEN,
      SLACK_APP_TOKEN: SOCKET_APP_TOKEN,
      SLACK_API_URL: slack.apiUrl,
    },
    peers,
    acks,
    openError: undefined,
    connection: (n, ms = 20_000) =>
      fake.until(
        () => peers.find((p) => p.n === n && p.closedAt === undefined),
        `WebSocket connection ${n}`,
        ms,
      ),
    async send(type, payload, extra = {}) {
      const peer = peers.at(-1);
      if (!peer || peer.closedAt !== undefined) throw new Error('no open Socket Mode connection');
      const envelopeId = randomUUID();
      peer.ws.send(
        JSON.stringify({
          envelope_id: envelopeId,
          payload,
          type,
          accepts_response_payload: extra.accepts_response_payload ?? type !== 'events_api',
          ...(type === 'events_api'
            ? { retry_attempt: extra.retry_attempt ?? 0, retry_reason: extra.retry_reason ?? '' }
            : {}),
        }),
      );
      // Slack expects the ack within 3 s.
      return fake.until(
        () => acks.find((a) => a.envelope_id === envelopeId),
        `ack of ${type} ${envelopeId}`,
        3000,
      );
    },
    event(event, retry) {
      return fake.send('events_api', eventPayload(event), {
        retry_attempt: retry?.attempt ?? 0,
        retry_reason: retry?.reason ?? '',
      });
    },
    disconnect(reason) {
      peers
        .at(-1)
        ?.ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake-1' } }));
    },
    drop() {
      peers.at(-1)?.ws.terminate();
    },
    failOpen(ms, status = 503) {
      failUntil = Date.now() + ms;
      failStatus = status;
    },
    async refuse(ms) {
      for (const p of peers) p.ws.terminate();
      slack.server.closeAllConnections();
      await new Promise<void>((resolve) => slack.server.close(() => resolve()));
      await new Promise((resolve) => setTimeout(resolve, ms));
      await new Promise<void>((resolve) => slack.server.listen(port, '127.0.0.1', resolve));
    },
    until(check, what, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const test = () => {
          const value = check();
          if (value === undefined || value === false) return;
          finish();
          resolve(value as never);
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`waited ${ms} ms for ${what}`));
        }, ms);
        const finish = () => {
          clearTimeout(timer);
          changes.off('change', test);
        };
        changes.on('change', test);
        test();
      });
    },
    async close() {
      for (const p of peers) p.ws.terminate();
      wss.close();
      await slack.close();
    },
  };

  slack.answer('apps.connections.open', (_body, req) => {
    if (Date.now() < failUntil) return { status: failStatus, body: 'upstream unavailable' };
    if (req.headers.authorization !== `Bearer ${SOCKET_APP_TOKEN}`)
      return { body: { ok: false, error: 'not_allowed_token_type' } };
    if (fake.openError) return { body: { ok: false, error: fake.openError } };
    const ticket = randomUUID();
    tickets.add(ticket);
    return { body: { ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=${ticket}&app_id=${APP_ID}` } };
  });
  // Every Web API request is a change a test may be waiting on.
  slack.server.on('request', (req) => req.on('end', changed));

  const wss = new WebSocketServer({ noServer: true });
  slack.server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ticket = url.searchParams.get('ticket') ?? '';
    // A WebSocket URL is good once, as Slack's are.
    if (url.pathname !== '/link/' || !tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const peer: SocketPeer = { n: peers.length + 1, ws, openedAt: Date.now() };
      peers.push(peer);
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as {
          envelope_id?: string;
          payload?: Record<string, unknown>;
        };
        if (message.envelope_id)
          acks.push({
            envelope_id: message.envelope_id,
            ...(message.payload ? { payload: message.payload } : {}),
            at: Date.now(),
          });
        changed();
      });
      ws.on('close', () => {
        peer.closedAt = Date.now();
        changed();
      });
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'applink-fake-1', build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: APP_ID },
        }),
      );
      changed();
    });
  });
  return fake;
}

let eventSeq = 0;

/** The Events API payload around `event`, as Socket Mode carries it (no verification token check applies). */
export function eventPayload(event: Record<string, unknown>): Record<string, unknown> {
  eventSeq++;
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: APP_ID,
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: `Ev0SOCKET${eventSeq}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-fake-${eventSeq}`,
  };
}
