import { App, HTTPReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import { slackMessages } from '../../src/i18n/slack-messages.js';
import type { HealthRoutes } from '../../src/runtime/health.js';
import { boltLogger } from './bolt-logger.js';
import type { SlackMode } from './config.js';
import type { SlackDeps } from './deps.js';
import { registerCommands } from './handlers/commands.js';
import { registerLoginModal } from './handlers/login-modal.js';
import { registerMessageHandlers } from './handlers/messages.js';
import { registerShortcut } from './handlers/shortcut.js';
import { keptAliveFetch } from './http-fetch.js';
import { slackErrorSummary } from './locale.js';
import { measureReply, replyTimingFetch } from './reply-latency.js';
import type { SocketClient } from './socket-connection.js';
import { SLACK_API, WEB_API_TIMEOUT_MS, webApiOptions } from './web-api-options.js';

export const EVENTS_PATH = '/slack/events';

export interface BuildAppOptions {
  botToken: string;
  mode: SlackMode;
  apiUrl?: string | undefined;
  deps: SlackDeps;
  /** Rootlogger of the adapter; Bolt's own lines go to a child of it. */
  log: Logger;
  /** HTTP mode: extra GET routes on the receiver's port (`/healthz`, `/metrics`). */
  routes?: HealthRoutes | undefined;
}

export interface BuiltApp {
  app: App;
  /** Socket Mode: the client SocketConnection drives (its own reconnect is off). */
  socket?: SocketClient;
}

/** A Bolt app with every popbot handler, not started. */
export function buildApp(options: BuildAppOptions): BuiltApp {
  const { deps, mode } = options;
  const logger = boltLogger(options.log.child({ component: 'bolt' }));
  const apiUrl = options.apiUrl ? { slackApiUrl: options.apiUrl } : {};
  const common = {
    token: options.botToken,
    logger,
    logLevel: LogLevel.INFO,
    // The bot's Web API calls (and respond() to response URLs): retried only where nothing can post twice.
    clientOptions: webApiOptions(
      options.apiUrl,
      replyTimingFetch(options.apiUrl ?? SLACK_API, keptAliveFetch()),
    ),
    deferInitialization: true,
    // The conversation store keeps per-channel state popbot does not need.
    convoStore: false as const,
  };
  let app: App;
  let socket: SocketClient | undefined;
  if (mode.kind === 'socket') {
    const receiver = new SocketModeReceiver({
      appToken: mode.appToken,
      logger,
      logLevel: LogLevel.INFO,
      // SocketConnection reconnects, with its own backoff; the client's Web API client makes one
      // apps.connections.open call per attempt, against SLACK_API_URL like every other call. These options
      // are the Socket Mode client's alone: Bolt would otherwise hand it the bot's (and the client mutates them).
      autoReconnectEnabled: false,
      installerOptions: {
        clientOptions: { retryConfig: { retries: 0 }, timeout: WEB_API_TIMEOUT_MS, ...apiUrl },
      },
    });
    socket = receiver.client;
    app = new App({ ...common, socketMode: true, receiver });
  } else {
    const { routes } = options;
    const customRoutes = routes
      ? [
          { path: '/healthz', method: ['GET', 'HEAD'], handler: routes.healthz },
          { path: '/metrics', method: ['GET', 'HEAD'], handler: routes.metrics },
        ]
      : [];
    app = new App({
      ...common,
      receiver: new HTTPReceiver({
        signingSecret: mode.signingSecret,
        endpoints: EVENTS_PATH,
        logger,
        logLevel: LogLevel.INFO,
        customRoutes,
      }),
    });
  }

  app.use(async (args) => {
    const { body, context, next } = args;
    const kind = (body as { type?: unknown }).type;
    if (deps.inflight.stopping) {
      const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
      // A command gets a word that the bot is restarting; other requests are acknowledged silently.
      if (ack) await ack('command' in body ? slackMessages.t(deps.defaultLang, 'stopping') : undefined);
      return;
    }
    // Slack resends an event it thinks was not received (X-Slack-Retry-Num, or retry_attempt in Socket
    // Mode); the first delivery was acknowledged at once and is being answered, so a retry is dropped.
    // Socket Mode numbers every delivery, the first one 0: only 1 and up are retries.
    if (kind === 'event_callback' && (context.retryNum ?? 0) > 0) {
      deps.log.debug(
        { retryNum: context.retryNum, retryReason: context.retryReason },
        'ignored a Slack retry',
      );
      return;
    }
    await measureReply(next);
  });

  registerMessageHandlers(app, deps);
  registerCommands(app, deps);
  registerLoginModal(app, deps);
  registerShortcut(app, deps);

  app.error(async (error) => {
    deps.log.error({ err: slackErrorSummary(error) }, 'unhandled error in a Slack handler');
  });
  return socket ? { app, socket } : { app };
}
