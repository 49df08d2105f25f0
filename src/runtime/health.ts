import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { ConfigError } from '../config/errors.js';
import { enableProcessMetrics, registry } from '../metrics/metrics.js';
import type { AdapterHealth, AdapterName } from './adapter-handle.js';

/**
 * What `/healthz` reports: every adapter `popbot start` was configured to run, with its state and since
 * when. An adapter not started yet counts as `connecting`; the whole is healthy only when all are connected.
 */
export class HealthBoard {
  readonly #sources = new Map<AdapterName, () => AdapterHealth>();
  readonly #created = new Date();

  constructor(readonly expected: readonly AdapterName[]) {}

  watch(name: AdapterName, health: () => AdapterHealth): void {
    this.#sources.set(name, health);
  }

  report(): { ok: boolean; adapters: Record<string, { state: string; since: string }> } {
    const adapters: Record<string, { state: string; since: string }> = {};
    let ok = this.expected.length > 0;
    for (const name of this.expected) {
      const h = this.#sources.get(name)?.() ?? { state: 'connecting', since: this.#created };
      adapters[name] = { state: h.state, since: h.since.toISOString() };
      if (h.state !== 'connected') ok = false;
    }
    return { ok, adapters };
  }
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** The two routes, as plain Node handlers: served by the health server and, in Slack HTTP mode, by Bolt. */
export interface HealthRoutes {
  healthz: RouteHandler;
  metrics: RouteHandler;
}

export function healthRoutes(board: HealthBoard, log: Logger): HealthRoutes {
  return {
    healthz(req, res) {
      const report = board.report();
      res.writeHead(report.ok ? 200 : 503, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(
        req.method === 'HEAD'
          ? undefined
          : JSON.stringify({ status: report.ok ? 'ok' : 'unavailable', ...report }),
      );
    },
    metrics(req, res) {
      registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
          res.end(req.method === 'HEAD' ? undefined : text);
        },
        (error: unknown) => {
          log.error(
            { error: error instanceof Error ? error.message : String(error) },
            'metrics collection failed',
          );
          res.writeHead(500).end();
        },
      );
    },
  };
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * POPBOT_HEALTH_PORT: `/healthz` and `/metrics` on all interfaces (a container platform probes from outside
 * the container). Anything else is 404; only GET and HEAD are answered.
 */
export async function startHealthServer(
  port: number,
  routes: HealthRoutes,
  log: Logger,
  host?: string,
): Promise<HealthServer> {
  enableProcessMetrics();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = path === '/healthz' ? routes.healthz : path === '/metrics' ? routes.metrics : undefined;
    if (!route) return void res.writeHead(404).end();
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    route(req, res);
  });
  // A probe every few seconds must not pile up idle connections.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new ConfigError(
              `invalid configuration:\n  POPBOT_HEALTH_PORT: cannot listen on port ${port} (${error.code === 'EADDRINUSE' ? 'already in use' : 'permission denied'})`,
            )
          : error,
      ),
    );
    server.listen(port, host, resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  log.info({ port: actual, paths: ['/healthz', '/metrics'] }, 'health endpoint listening');
  return {
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
