import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RestCall {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export type RestHandler = (call: RestCall) => {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};

/**
 * A stand-in for Discord's REST API on 127.0.0.1 (port 0). By default it answers like Discord: a bulk
 * overwrite echoes the commands with ids. A test overrides `handle` to script errors and rate limits.
 */
export class FakeDiscordRest {
  readonly calls: RestCall[] = [];
  handle: RestHandler = defaultHandler;
  /** Attachments served at `/attachments/<key>` (the CDN side, same port); downloads are recorded calls. */
  readonly attachments = new Map<string, Buffer>();
  #server: Server | undefined;
  #port = 0;
  readonly #watchers = new Set<() => void>();

  /** The base to give DISCORD_API_URL (the REST client appends /v10/...). */
  get api(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  /** The base to give DISCORD_CDN_URL. */
  get cdn(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const call: RestCall = {
          method: req.method ?? '',
          path: decodeURIComponent(req.url ?? ''),
          headers: req.headers,
          body: raw ? (JSON.parse(raw) as unknown) : undefined,
        };
        this.calls.push(call);
        for (const w of this.#watchers) w();
        if (call.path.startsWith('/attachments/')) {
          const bytes = this.attachments.get(call.path.slice('/attachments/'.length).replace(/\?.*$/, ''));
          res.writeHead(bytes ? 200 : 404, { 'content-type': bytes ? 'image/png' : 'text/plain' });
          res.end(bytes ?? 'not found');
          return;
        }
        const reply = this.handle(call);
        const type = reply.body === undefined ? {} : { 'content-type': 'application/json' };
        res.writeHead(reply.status, { ...type, ...reply.headers });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.#port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  /** Resolves with the `count`-th call matching `match` (counting those already made); rejects after `ms`. */
  waitForCall(match: (call: RestCall) => boolean, count = 1, ms = 10_000): Promise<RestCall> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.calls.filter(match);
        if (found.length < count) return;
        done();
        resolve(found[count - 1]!);
      };
      const timer = setTimeout(() => {
        done();
        const seen = this.calls.map((c) => `${c.method} ${c.path}`).join(', ');
        reject(new Error(`REST: call #${count} not made within ${ms} ms; calls: ${seen}`));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        this.#watchers.delete(check);
      };
      this.#watchers.add(check);
      check();
    });
  }

  async close(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}

const UNKNOWN_ROUTE = { status: 404, body: { message: 'Unknown route', code: 0 } };

/** A bulk overwrite of commands, answered like Discord: the commands echoed back with ids. */
function commandsOverwrite(call: RestCall) {
  if (call.method !== 'PUT' || !/\/commands$/.test(call.path) || !Array.isArray(call.body)) return undefined;
  return {
    status: 200,
    body: call.body.map((c: object, i: number) => ({
      id: String(900000000000000000n + BigInt(i)),
      version: '1',
      ...c,
    })),
  };
}

const defaultHandler: RestHandler = (call) => commandsOverwrite(call) ?? UNKNOWN_ROUTE;

let nextId = 700000000000000000n;

/** A message as Discord returns it after a create or an edit: the request's fields on a full message. */
function messageBack(channelId: string, authorId: string, body: unknown) {
  return {
    id: String(nextId++),
    channel_id: channelId,
    author: {
      id: authorId,
      username: 'popbot',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
    },
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    ...(typeof body === 'object' && body !== null ? body : {}),
  };
}

/**
 * The routes a running bot uses, answered as Discord does: GET /gateway/bot pointing at `gatewayUrl`, channel
 * messages, interaction callbacks (204, no body and no content type: discord.js would try to parse one),
 * the webhook edits and follow-ups of an interaction, and command registration.
 */
export function botRoutes(options: {
  gatewayUrl: () => string;
  botId: string;
  token: string;
  /** Where the interactions' messages live. */
  channelId: string;
}): RestHandler {
  return (call) => {
    const path = call.path.replace(/^\/api\/v10/, '').replace(/\?.*$/, '');
    const authed = call.headers.authorization === `Bot ${options.token}`;
    if (call.method === 'GET' && path === '/gateway/bot') {
      if (!authed) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      return {
        status: 200,
        body: {
          url: options.gatewayUrl(),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
        },
      };
    }
    let m = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (call.method === 'POST' && m) {
      if (!authed) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      return { status: 200, body: messageBack(m[1]!, options.botId, call.body) };
    }
    if (call.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    m = /^\/webhooks\/(\d+)\/[^/]+(?:\/messages\/@original)?$/.exec(path);
    if (m && (call.method === 'PATCH' || call.method === 'POST')) {
      return { status: 200, body: messageBack(options.channelId, options.botId, call.body) };
    }
    return commandsOverwrite(call) ?? UNKNOWN_ROUTE;
  };
}
