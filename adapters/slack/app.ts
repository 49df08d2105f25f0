import { App, HTTPReceiver, LogLevel, type webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { slackMessages } from '../../src/i18n/slack-messages.js';
import { boltLogger } from './bolt-logger.js';
import type { SlackMode } from './config.js';
import type { SlackDeps } from './deps.js';
import { registerCommands } from './handlers/commands.js';
import { registerLoginModal } from './handlers/login-modal.js';
import { registerMessageHandlers } from './handlers/messages.js';
import { registerShortcut } from './handlers/shortcut.js';
import { slackErrorSummary } from './locale.js';
import { WEB_API_RETRY } from './web-api-retry.js';

export const EVENTS_PATH = '/slack/events';

const WEB_API_TIMEOUT_MS = 15_000;

export interface BuildAppOptions {
  botToken: string;
  mode: SlackMode;
  apiUrl?: string | undefined;
  deps: SlackDeps;
  /** Rootlogger of the adapter; Bolt's own lines go to a child of it. */
  log: Logger;
}

/** A Bolt app with every popbot handler, not started. */
export function buildApp(options: BuildAppOptions): App {
  const { deps, mode } = options;
  const logger = boltLogger(options.log.child({ component: 'bolt' }));
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: WEB_API_RETRY,
    timeout: WEB_API_TIMEOUT_MS,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  };
  const common = {
    token: options.botToken,
    logger,
    logLevel: LogLevel.INFO,
    clientOptions,
    deferInitialization: true,
    // The conversation store keeps per-channel state popbot does not need.
    convoStore: false as const,
  };
  const app =
    mode.kind === 'socket'
      ? new App({ ...common, socketMode: true, appToken: mode.appToken })
      : new App({
          ...common,
          receiver: new HTTPReceiver({
            signingSecret: mode.signingSecret,
            endpoints: EVENTS_PATH,
            logger,
            logLevel: LogLevel.INFO,
          }),
        });

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
    if (kind === 'event_callback' && context.retryNum !== undefined) {
      deps.log.debug(
        { retryNum: context.retryNum, retryReason: context.retryReason },
        'ignored a Slack retry',
      );
      return;
    }
    await next();
  });

  registerMessageHandlers(app, deps);
  registerCommands(app, deps);
  registerLoginModal(app, deps);
  registerShortcut(app, deps);

  app.error(async (error) => {
    deps.log.error({ err: slackErrorSummary(error) }, 'unhandled error in a Slack handler');
  });
  return app;
}
