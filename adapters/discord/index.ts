import type { Logger } from 'pino';
import { ConfigError } from '../../src/config/config.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';
import { countingProbeRuns } from '../../src/metrics/metrics.js';
import { GuardConfigError, guardOptionsFromEnv, ProbeGuard } from '../../src/probe/guard.js';
import { RateLimiter } from '../../src/probe/rate-limit.js';
import { runProbe } from '../../src/probe/run-probe.js';
import { processOcrEngine } from '../../src/ocr/process-engine.js';
import { DISCORD_CDN } from './images.js';
import { DiscordBot } from './bot.js';
import { createClient, wireClient } from './client.js';
import { readDiscordConfig } from './config.js';
import type { AdapterFailure, AdapterHandle } from '../../src/runtime/adapter-handle.js';
import { scrub } from './errors.js';
import { GatewayState } from './gateway-state.js';

export { discordConfigured } from './config.js';

/** stop() finishes replies in flight (bounded), cancels probes, disconnects; safe to call twice. */
export type DiscordHandle = Omit<AdapterHandle, 'name'>;

export interface StartDiscordOptions {
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** How long stop() waits for replies in flight. Default 8 s, inside the CLI's 10 s shutdown grace. */
  drainMs?: number;
  /** The process's one /popcheck rate limiter, shared with the other adapters; default: one of its own. */
  rateLimiter?: RateLimiter;
}

/**
 * Starts the Discord bot and resolves once it is connected. Bad DISCORD_* values, a token Discord rejects,
 * or the Message Content intent refused (close 4014) throw ConfigError naming what to fix; the token itself
 * never appears in a message or a log. Once running, `failed` settles if the gateway closes for good.
 */
export async function startDiscord(options: StartDiscordOptions): Promise<DiscordHandle> {
  const config = readDiscordConfig(options.env);
  let guard: ProbeGuard;
  try {
    guard = new ProbeGuard(guardOptionsFromEnv(options.env));
  } catch (error) {
    if (error instanceof GuardConfigError) throw new ConfigError(error.message, { cause: error });
    throw error;
  }
  const log = options.logger.child({ adapter: 'discord' });
  // Loaded before connecting: a broken knowledge file stops the start, not the first answer.
  const kb = defaultKnowledgeBase();
  const client = createClient(config);
  const bot = new DiscordBot({
    supportChannels: config.DISCORD_SUPPORT_CHANNELS,
    defaultLang: config.POPBOT_DEFAULT_LANG,
    chatLogin: config.POPBOT_CHAT_LOGIN,
    logger: log,
    probe: countingProbeRuns(runProbe),
    guard,
    limiter: options.rateLimiter ?? new RateLimiter(),
    selfId: () => client.user?.id,
    kb,
    images: {
      ocr: processOcrEngine(options.env),
      cdnUrl: config.DISCORD_CDN_URL ?? DISCORD_CDN,
      fetch: globalThis.fetch,
    },
  });
  wireClient(client, bot, log);
  const gateway = new GatewayState(client, log);
  try {
    await client.login(config.DISCORD_TOKEN);
  } catch (error) {
    gateway.stopped();
    await client.destroy().catch(() => undefined);
    throw loginError(error, gateway.failureSoFar());
  }
  gateway.loggedIn();
  let stopping: Promise<void> | undefined;
  return {
    health: () => gateway.health(),
    failed: gateway.failed,
    stop() {
      stopping ??= (async () => {
        gateway.stopped();
        await bot.stop(options.drainMs ?? 8_000);
        await client.destroy();
        log.info('discord: stopped');
      })();
      return stopping;
    },
  };
}

function loginError(error: unknown, failure: AdapterFailure | undefined): Error {
  if (failure?.kind === 'config') {
    return new ConfigError(`invalid configuration:\n  ${failure.message}`, { cause: error });
  }
  const code = (error as { code?: unknown } | null)?.code;
  const status = (error as { status?: unknown } | null)?.status;
  if (code === 'TokenInvalid' || status === 401) {
    return new ConfigError(
      'invalid configuration:\n  DISCORD_TOKEN: Discord rejected the token (reset it in the Developer Portal → Bot)',
      { cause: error },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`discord: could not connect: ${scrub(message)}`);
}
