import type { Logger } from 'pino';
import { shellPopcheck } from '../../adapters/shell/popcheck.js';
import { runShell } from '../../adapters/shell/shell.js';
import { ConfigError, CoreConfigSchema, readConfig } from '../config/config.js';
import { langFromEnv } from '../i18n/lang.js';
import { defaultKnowledgeBase } from '../knowledge/load.js';
import { describeError } from '../log/describe-error.js';
import { createLogger } from '../log/logger.js';
import { RateLimiter } from '../probe/rate-limit.js';
import type { AdapterHandle } from '../runtime/adapter-handle.js';
import { HealthBoard, healthRoutes, startHealthServer } from '../runtime/health.js';
import { supervise } from '../runtime/supervise.js';
import { cliLang, parseCommandArgs } from './args.js';
import { type CliIO, EXIT } from './io.js';

/** How long in-flight replies may take to finish at shutdown before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

export async function runShellCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, { lang: { type: 'string' } }, langFromEnv(io.env) ?? 'en');
  const config = readConfig(CoreConfigSchema, io.env);
  const lang = values.lang === undefined ? undefined : cliLang(values.lang, io.env);
  const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  await runShell({
    input: io.stdin,
    output: io.stdout,
    ...(lang ? { lang } : {}),
    fallbackLang: langFromEnv(io.env) ?? config.POPBOT_DEFAULT_LANG,
    color,
    popcheck: shellPopcheck({ env: io.env, color, live: Boolean(io.stdout.isTTY) }),
  });
  return EXIT.ok;
}

/** `popbot start` ended because an adapter gave up for good (not a configuration problem: those exit 2). */
const EXIT_ADAPTER_FAILED = 1;
/**
 * Once the adapters are stopped (or failed to start), how long a leftover socket may keep the process: the
 * platform SDKs' HTTP keep-alive connections otherwise hold it for seconds after the last word is printed.
 */
const EXIT_LINGER_MS = 500;

function exitSoon(io: CliIO): void {
  // Only the real process ends itself: a command run in-process (its streams injected) leaves its host alone.
  if (io.stdout !== process.stdout) return;
  setTimeout(() => process.exit(), EXIT_LINGER_MS).unref();
}

/**
 * Starts the adapters whose tokens are configured; with none, the local shell. Each adapter module is
 * imported only when configured, so a Slack-only bot never loads discord.js. Then supervises them
 * (src/runtime/supervise.ts) until a signal or until one gives up; with POPBOT_HEALTH_PORT, serves
 * `/healthz` and `/metrics` meanwhile.
 */
export async function runStartCommand(args: string[], io: CliIO): Promise<number> {
  parseCommandArgs(args, {}, langFromEnv(io.env) ?? 'en');
  const config = readConfig(CoreConfigSchema, io.env);
  // A broken knowledge file stops the start (KnowledgeError, exit 3), not the first answer in a chat.
  defaultKnowledgeBase();
  // Any variable of a platform means "start it": a half-configured adapter then fails with a message naming
  // what is missing, instead of silently falling back to the shell.
  const wantSlack = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'].some((v) => io.env[v]);
  const wantDiscord = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'].some((v) => io.env[v]);
  if (!wantSlack && !wantDiscord) return runShellCommand([], io);

  const logger: Logger = createLogger({ level: config.LOG_LEVEL });
  const board = new HealthBoard([
    ...(wantSlack ? ['slack' as const] : []),
    ...(wantDiscord ? ['discord' as const] : []),
  ]);
  const routes = healthRoutes(board, logger);
  const health = config.POPBOT_HEALTH_PORT
    ? await startHealthServer(config.POPBOT_HEALTH_PORT, routes, logger)
    : undefined;
  const running: AdapterHandle[] = [];
  // One limiter for the process: a user's checks count once, whichever platform they come from.
  const rateLimiter = new RateLimiter();
  try {
    if (wantSlack) {
      const { startSlack } = await import('../../adapters/slack/index.js');
      running.push({ name: 'slack', ...(await startSlack({ env: io.env, logger, routes, rateLimiter })) });
    }
    if (wantDiscord) {
      const { startDiscord } = await import('../../adapters/discord/index.js');
      running.push({ name: 'discord', ...(await startDiscord({ env: io.env, logger, rateLimiter })) });
    }
  } catch (error) {
    await Promise.allSettled(running.map((r) => r.stop()));
    await health?.close();
    exitSoon(io);
    throw error;
  }
  for (const r of running) board.watch(r.name, () => r.health());
  logger.info({ adapters: running.map((r) => r.name) }, 'popbot started');

  // An exception in one handler must never take the bot down (the adapters catch their own); what escapes
  // them is logged without the error object itself, whose request URLs can carry interaction tokens.
  process.on('unhandledRejection', (reason) =>
    logger.error({ error: describeError(reason) }, 'unhandled rejection'),
  );
  process.on('uncaughtException', (error) =>
    logger.error({ error: describeError(error) }, 'uncaught exception'),
  );

  const cause = await supervise(running, { log: logger, graceMs: SHUTDOWN_GRACE_MS });
  await health?.close();
  logger.flush();
  // Everything is closed; should a library still hold a socket or a timer, the process ends anyway.
  exitSoon(io);
  if (cause.kind === 'signal') return EXIT.ok;
  if (cause.failure.kind === 'config')
    throw new ConfigError(`invalid configuration:\n  ${cause.failure.message}`);
  const { message } = cause.failure;
  io.stderr.write(
    `popbot: ${message.startsWith(`${cause.adapter}:`) ? '' : `${cause.adapter}: `}${message}\n`,
  );
  return EXIT_ADAPTER_FAILED;
}
