import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import type pino from 'pino';
import { ConfigError } from '../../src/config/config.js';
import { ServiceUnreachableError, unreachable } from '../../src/runtime/unreachable.js';
import { GuardConfigError, guardOptionsFromEnv, ProbeGuard } from '../../src/probe/guard.js';
import { RateLimiter } from '../../src/probe/rate-limit.js';
import { runProbe as defaultRunProbe } from '../../src/probe/run-probe.js';
import type { ProbeDeps } from '../../src/probe/types.js';
import { ReplyQueue, type ReplyQueueOptions } from '../../src/chat/reply-queue.js';
import { countingProbeRuns } from '../../src/metrics/metrics.js';
import type { AdapterHandle } from '../../src/runtime/adapter-handle.js';
import { AdapterStatus } from '../../src/runtime/adapter-status.js';
import type { HealthRoutes } from '../../src/runtime/health.js';
import { processOcrEngine } from '../../src/ocr/process-engine.js';
import { AnswerWorker } from './answer-worker.js';
import { buildApp, EVENTS_PATH } from './app.js';
import { readSlackConfig, type SlackMode, slackMode } from './config.js';
import type { ProbeRunner, SlackDeps } from './deps.js';
import { Inflight, RecentKeys } from './inflight.js';
import { LocaleCache, type LocaleCacheOptions } from './locale.js';
import {
  appTokenFailure,
  refusedTokenCode,
  type SocketClient,
  SocketConnection,
} from './socket-connection.js';

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
  /** HTTP mode: `/healthz` and `/metrics` on the receiver's port too (src/runtime/health.ts). */
  routes?: HealthRoutes | undefined;
  /** Bounds of the queue of message answers (src/chat/reply-queue.ts). */
  replies?: ReplyQueueOptions;
  /** The answer thread's script (answer-worker.ts); tests pass one that fails on purpose. */
  answerThread?: string | URL;
}

export interface SlackHandle extends Omit<AdapterHandle, 'name'> {
  mode: 'http' | 'socket';
  /** HTTP mode: the port actually listened on. */
  port?: number;
}

/**
 * Starts the Slack adapter from the environment (see docs/slack.md). Throws ConfigError, naming the
 * variable, for missing or malformed settings and for a token Slack refuses at start. In Socket Mode it
 * returns after the first connection attempt, connected or retrying in the background; `failed` settles if
 * Slack later refuses the app-level token (revoked while reconnecting).
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
  const answers = new AnswerWorker({
    settings: {
      botToken: config.SLACK_BOT_TOKEN,
      defaultLang: config.POPBOT_DEFAULT_LANG,
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    },
    log,
    ...(options.answerThread ? { script: options.answerThread } : {}),
  });
  const deps: SlackDeps = {
    log,
    defaultLang: config.POPBOT_DEFAULT_LANG,
    chatLogin: config.POPBOT_CHAT_LOGIN,
    locales: new LocaleCache(options.locales),
    guard,
    limiter: options.rateLimiter ?? new RateLimiter(),
    runProbe: countingProbeRuns(options.runProbe ?? defaultRunProbe),
    probeDeps: options.probeDeps ?? {},
    inflight,
    replies: new ReplyQueue(inflight, options.replies),
    answers,
    seen: new RecentKeys(),
    fetch: options.fetch ?? globalThis.fetch,
    botToken: config.SLACK_BOT_TOKEN,
    apiUrl: config.SLACK_API_URL,
    ocr: processOcrEngine(options.env),
  };
  const { app, socket } = buildApp({
    botToken: config.SLACK_BOT_TOKEN,
    mode,
    apiUrl: config.SLACK_API_URL,
    deps,
    log,
    routes: options.routes,
  });
  const status = new AdapterStatus('connecting');

  try {
    await app.init();
  } catch (error) {
    const refused = refusedTokenCode(error);
    if (refused)
      throw new ConfigError(
        `invalid configuration:\n  SLACK_BOT_TOKEN: Slack refused this token (${refused})`,
      );
    const offline = unreachable(error);
    if (offline) {
      const host = new URL(config.SLACK_API_URL ?? 'https://slack.com/api/').host;
      throw new ServiceUnreachableError('Slack', host, offline.code, { cause: error });
    }
    throw error;
  }

  // Ready before the first event can arrive; stopped again if the adapter does not start.
  await answers.start();
  let reached: { port?: number; connection?: SocketConnection };
  try {
    reached = await listenOrConnect(app, socket, mode, options.listen, status, log);
  } catch (error) {
    await answers.stop();
    throw error;
  }
  const { port, connection } = reached;

  let stopping: Promise<void> | undefined;
  const grace = options.shutdownGraceMs ?? 10_000;
  return {
    mode: mode.kind,
    ...(port !== undefined ? { port } : {}),
    health: () => status.health(),
    failed: status.failed,
    stop() {
      stopping ??= (async () => {
        const finished = await inflight.drain(grace);
        if (!finished) log.warn({ graceMs: grace }, 'replies still in flight at shutdown were dropped');
        await answers.stop();
        if (connection) await connection.stop();
        else await app.stop();
        status.set('stopped');
        log.info('Slack adapter stopped');
      })();
      return stopping;
    },
  };
}

/** HTTP mode: listens (the port it got); Socket Mode: opens the connection. */
async function listenOrConnect(
  app: App,
  socket: SocketClient | undefined,
  mode: SlackMode,
  where: StartSlackOptions['listen'],
  status: AdapterStatus,
  log: pino.Logger,
): Promise<{ port?: number; connection?: SocketConnection }> {
  if (mode.kind === 'http') {
    const listen = { host: where?.host, port: where?.port ?? mode.port };
    const server = (await app.start(
      listen.host ? { host: listen.host, port: listen.port } : listen.port,
    )) as {
      address(): AddressInfo | string | null;
    };
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : listen.port;
    // Slack connects to popbot: listening is all "connected" can mean here.
    status.set('connected');
    log.info({ mode: 'http', port, path: EVENTS_PATH }, 'Slack adapter listening');
    return { port };
  }
  if (!socket) return {};
  const connection = new SocketConnection({ client: socket, status, log });
  try {
    await connection.start();
  } catch (error) {
    throw new ConfigError(`invalid configuration:\n  ${appTokenFailure(String(error)).message}`);
  }
  return { connection };
}
