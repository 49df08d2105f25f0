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
  #server: Server | undefined;
  #port = 0;

  /** The base to give DISCORD_API_URL (the REST client appends /v10/...). */
  get api(): string {
    return `http://127.0.0.1:${this.#port}/api`;
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

  async close(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}

const defaultHandler: RestHandler = (call) => {
  if (call.method === 'PUT' && /\/commands$/.test(call.path) && Array.isArray(call.body)) {
    return {
      status: 200,
      body: call.body.map((c: object, i: number) => ({
        id: String(900000000000000000n + BigInt(i)),
        version: '1',
        ...c,
      })),
    };
  }
  return { status: 404, body: { message: 'Unknown route', code: 0 } };
};
