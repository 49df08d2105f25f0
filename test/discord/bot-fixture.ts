import { DiscordBot, type ProbeFn } from '../../adapters/discord/bot.js';
import type { Lang } from '../../src/i18n/lang.js';
import { ProbeGuard } from '../../src/probe/guard.js';
import { RateLimiter } from '../../src/probe/rate-limit.js';
import type { ProbeReport, ProbeRequest } from '../../src/probe/types.js';
import { BOT_ID, captureLogger, FORUM_CHANNEL, SUPPORT_CHANNEL } from './fakes.js';

/** A probe report as runProbe returns it, with a server greeting that tries to ping everyone. */
export function sampleReport(request: ProbeRequest): ProbeReport {
  return {
    lang: request.lang ?? 'en',
    target: {
      input: request.target,
      host: request.target,
      port: 995,
      source: 'given',
      addresses: ['192.0.2.10'],
    },
    steps: [
      { name: 'dns', status: 'ok', ms: 3, detail: '192.0.2.10' },
      {
        name: 'connect',
        status: 'ok',
        ms: 20,
        detail: '192.0.2.10 port 995',
        port: 995,
        tls: 'implicit',
        attempt: 0,
      },
      {
        name: 'greeting',
        status: 'ok',
        ms: 15,
        detail: '+OK @everyone <@&123456789012345678> [click](https://evil.example) ready',
        port: 995,
        tls: 'implicit',
        attempt: 0,
      },
    ],
    findings: [],
    settings: { server: request.target, port: 995, encryption: 'ssl/tls', authentication: 'normal password' },
    capabilities: { before: [{ name: 'UIDL', args: [], gloss: 'permanent ids' }] },
    exitCode: 0,
    durationMs: 38,
  };
}

export interface BotFixture {
  bot: DiscordBot;
  probes: ProbeRequest[];
  logs: string[];
}

export function makeBot(
  options: { chatLogin?: boolean; defaultLang?: Lang; probe?: ProbeFn; limiter?: RateLimiter } = {},
): BotFixture {
  const probes: ProbeRequest[] = [];
  const { logger, lines } = captureLogger();
  const bot = new DiscordBot({
    supportChannels: [SUPPORT_CHANNEL, FORUM_CHANNEL],
    defaultLang: options.defaultLang ?? 'en',
    chatLogin: options.chatLogin ?? false,
    logger,
    probe:
      options.probe ??
      (async (request) => {
        probes.push(request);
        return sampleReport(request);
      }),
    // The fake probe never connects; the guard is passed through as the adapter must.
    guard: new ProbeGuard(),
    limiter: options.limiter ?? new RateLimiter(),
    selfId: () => BOT_ID,
  });
  return { bot, probes, logs: lines };
}
