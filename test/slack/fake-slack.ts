import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Slack's side, on loopback and port 0: the Web API (`/api/<method>`, pointed at through
 * SLACK_API_URL) and response URLs (`/response/<id>`). It records every request so a test asserts on what
 * Slack would have received. Happy defaults; a test scripts failures per method.
 */

export interface RecordedCall {
  method: string;
  /** The request path (`/api/chat.postMessage`, `/response/r1`). */
  path: string;
  /** Form fields (Web API) or the JSON body (response URLs); JSON-looking fields such as blocks are parsed. */
  body: Record<string, unknown>;
  /** The raw body as received, for "this secret appears nowhere" checks. */
  raw: string;
  headers: IncomingMessage['headers'];
  /** The HTTP status the fake answered with (a scripted 429 or 500, or 200). */
  status: number;
}

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Hold the answer this long (a slow Slack, to catch replies in flight). */
  delayMs?: number;
}

export interface FakeSlack {
  /** The HTTP server (the Socket Mode fake takes its WebSocket upgrades from it). */
  server: Server;
  url: string;
  apiUrl: string;
  calls: RecordedCall[];
  /** Calls to one Web API method, or `response` for response-URL posts. */
  callsTo(method: string): RecordedCall[];
  /** A response URL the fake records under `response`. */
  responseUrl(id: string): string;
  /** The next replies for `method`, used once each before the defaults resume. */
  script(method: string, ...replies: ScriptedReply[]): void;
  /** Answers `method` from now on (after any scripted replies); `undefined` falls back to the default. */
  answer(
    method: string,
    reply: (body: Record<string, unknown>, req: IncomingMessage) => ScriptedReply | undefined,
  ): void;
  /** Slack locale per user id for users.info (default en-US). */
  locales: Map<string, string>;
  /**
   * Files served at `/files-pri/<key>` (url_private_download), only to a request bearing the bot token
   * `botToken`; every download is recorded as a `files-pri` call.
   */
  files: Map<string, Buffer>;
  /** The `url_private_download` of a file in `files`. */
  fileUrl(key: string): string;
  /** Posts to the response URL `responseUrl(id)`, in order. */
  responses(id: string): RecordedCall[];
  /** Resolves once `count` calls to `method` were recorded; rejects after `ms`. */
  waitFor(method: string, count?: number, ms?: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

export const BOT_USER = 'UBOT';
export const BOT_ID = 'BBOT';
export const TEAM = 'T0TEAM';

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // Not JSON after all: keep the string.
      }
    }
    out[k] = v;
  }
  return out;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const scripts = new Map<string, ScriptedReply[]>();
  const answers = new Map<
    string,
    (body: Record<string, unknown>, req: IncomingMessage) => ScriptedReply | undefined
  >();
  const locales = new Map<string, string>();
  const files = new Map<string, Buffer>();
  const waiters = new Set<() => void>();
  let ts = 1_700_000_000;

  const defaults = (method: string, body: Record<string, unknown>): unknown => {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: BOT_USER, bot_id: BOT_ID, team_id: TEAM, user: 'popbot', team: 'test' };
      case 'chat.postMessage':
        return { ok: true, channel: body.channel, ts: `${ts++}.000100` };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${ts++}.000200` };
      case 'users.info': {
        const id = String(body.user ?? '');
        return { ok: true, user: { id, locale: locales.get(id) ?? 'en-US' } };
      }
      case 'views.open':
        return { ok: true, view: { id: 'V0VIEW' } };
      case 'response':
        return undefined;
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const api = /^\/api\/([\w.]+)$/.exec(path);
    if (path.startsWith('/files-pri/')) {
      calls.push({ method: 'files-pri', path, body: {}, raw, headers: req.headers, status: 200 });
      const bytes = files.get(path.slice('/files-pri/'.length));
      const authorised = /^Bearer xoxb-/.test(req.headers.authorization ?? '');
      const status = !bytes ? 404 : authorised ? 200 : 403;
      calls.at(-1)!.status = status;
      for (const w of waiters) w();
      res.writeHead(status, { 'content-type': status === 200 ? 'image/png' : 'text/html' });
      res.end(status === 200 ? bytes : 'no');
      return;
    }
    const method = api ? (api[1] ?? '') : path.startsWith('/response/') ? 'response' : '';
    const body = parseBody(raw, req.headers['content-type']);
    const scripted = scripts.get(method)?.shift() ?? answers.get(method)?.(body, req);
    const status = scripted?.status ?? (method === '' ? 404 : 200);
    const payload = scripted?.body ?? defaults(method, body);
    calls.push({ method, path, body, raw, headers: req.headers, status });
    for (const w of waiters) w();
    const send = () => {
      res.writeHead(status, {
        'content-type': method === 'response' ? 'text/plain' : 'application/json',
        ...scripted?.headers,
      });
      res.end(payload === undefined ? 'ok' : JSON.stringify(payload));
    };
    if (scripted?.delayMs) setTimeout(send, scripted.delayMs);
    else send();
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const callsTo = (method: string) => calls.filter((c) => c.method === method);
  return {
    server,
    url,
    apiUrl: `${url}/api/`,
    calls,
    callsTo,
    responseUrl: (id) => `${url}/response/${id}`,
    script(method, ...replies) {
      scripts.set(method, [...(scripts.get(method) ?? []), ...replies]);
    },
    answer(method, reply) {
      answers.set(method, reply);
    },
    locales,
    files,
    fileUrl: (key) => `${url}/files-pri/${key}`,
    responses: (id) => calls.filter((c) => c.path === `/response/${id}`),
    waitFor(method, count = 1, ms = 8000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (callsTo(method).length >= count) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(callsTo(method));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`waited ${ms} ms for ${count} ${method} call(s); got ${callsTo(method).length}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
