import type { AddressInfo } from 'node:net';
import type pino from 'pino';
import { ConfigError } from '../../src/config/config.js';
import { GuardConfigError, guardOptionsFromEnv, ProbeGuard } from '../../src/probe/guard.js';
import { RateLimiter } from '../../src/probe/rate-limit.js';
import { runProbe as defaultRunProbe } from '../../src/probe/run-probe.js';
import type { ProbeDeps } from '../../src/probe/types.js';
import { buildApp } from './app.js';
import { readSlackConfig, slackMode } from './config.js';
import type { ProbeRunner, SlackDeps } from './deps.js';
import { Inflight, RecentKeys } from './inflight.js';
import { LocaleCache, type LocaleCacheOptions } from './locale.js';

export { slackConfigured } from './config.js';

export interface StartSlackOptions {
  env: NodeJS.ProcessEnv;
  logger: pino.Logger;
  /** HTTP mode only: where to listen. Default all interfaces on PORT; tests use `{ host: '127.0.0.1', port: 0 }`. */
  listen?: { host?: string; port?: number };
  /** Default: the real probe. */
  runProbe?: ProbeRunner;
  /** Extra probe dependencies (a test CA, a resolver); the guard always comes from the environment. */
  probeDeps?: Omit<ProbeDeps, 'guard'>;
  rateLimiter?: RateLimiter;
  locales?: LocaleCacheOptions;
  /** Posts to response_url from the login modal. Default: global fetch. */
  fetch?: typeof globalThis.fetch;
  /** How long stop() waits for replies in flight. Default 10 s. */
  shutdownGraceMs?: number;
}

export interface SlackHandle {
  mode: 'http' | 'socket';
  /** HTTP mode: the port actually listened on. */
  port?: number;
  /** Stops taking events, cancels running probes, waits (bounded) for replies in flight, closes the connection. */
  stop(): Promise<void>;
}

/** Slack's answers to auth.test or apps.connections.open that mean the token itself is wrong. */
const BAD_TOKEN = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
]);

function tokenProblem(error: unknown): string | undefined {
  const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
  return typeof code === 'string' && BAD_TOKEN.has(code) ? code : undefined;
}

/**
 * Starts the Slack adapter from the environment (see docs/slack.md). Throws ConfigError, naming the
 * variable, for missing or malformed settings and for a token Slack refuses.
 */
export async function startSlack(options: StartSlackOptions): Promise<SlackHandle> {
  const config = readSlackConfig(options.env);
  const mode = slackMode(config);
  let guard: ProbeGuard;
  try {
    guard = new ProbeGuard(guardOptionsFromEnv(options.env));
  } catch (error) {
    if (error instanceof GuardConfigError)
      throw new ConfigError(`invalid configuration:\n  ${error.message}`, { cause: error });
    throw error;
  }
  const log = options.logger.child({ adapter: 'slack' });
  const inflight = new Inflight();
  const deps: SlackDeps = {
    log,
    defaultLang: config.POPBOT_DEFAULT_LANG,
    chatLogin: config.POPBOT_CHAT_LOGIN,
    locales: new LocaleCache(options.locales),
    guard,
    limiter: options.rateLimiter ?? new RateLimiter(),
    runProbe: options.runProbe ?? defaultRunProbe,
    probeDeps: options.probeDeps ?? {},
    inflight,
    seen: new RecentKeys(),
    fetch: options.fetch ?? globalThis.fetch,
  };
  const app = buildApp({ botToken: config.SLACK_BOT_TOKEN, mode, apiUrl: config.SLACK_API_URL, deps, log });

  try {
    await app.init();
  } catch (error) {
    const problem = tokenProblem(error);
    if (problem)
      throw new ConfigError(
        `invalid configuration:\n  SLACK_BOT_TOKEN: Slack refused this token (${problem})`,
      );
    throw error;
  }

  let port: number | undefined;
  if (mode.kind === 'http') {
    const listen = { host: options.listen?.host, port: options.listen?.port ?? mode.port };
    const server = (await app.start(
      listen.host ? { host: listen.host, port: listen.port } : listen.port,
    )) as {
      address(): AddressInfo | string | null;
    };
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : listen.port;
    log.info({ mode: 'http', port, path: '/slack/events' }, 'Slack adapter listening');
  } else {
    try {
      await app.start();
    } catch (error) {
      const problem = tokenProblem(error);
      if (problem)
        throw new ConfigError(
          `invalid configuration:\n  SLACK_APP_TOKEN: Slack refused this token (${problem})`,
        );
      throw error;
    }
    log.info({ mode: 'socket' }, 'Slack adapter connected (Socket Mode)');
  }

  let stopping: Promise<void> | undefined;
  const grace = options.shutdownGraceMs ?? 10_000;
  return {
    mode: mode.kind,
    ...(port !== undefined ? { port } : {}),
    stop() {
      stopping ??= (async () => {
        const finished = await inflight.drain(grace);
        if (!finished) log.warn({ graceMs: grace }, 'replies still in flight at shutdown were dropped');
        await app.stop();
        log.info('Slack adapter stopped');
      })();
      return stopping;
    },
  };
}
