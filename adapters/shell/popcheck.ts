import type { Logger } from 'pino';
import { InFlight } from '../../src/chat/in-flight.js';
import { planPopcheck, runPopcheck } from '../../src/chat/popcheck.js';
import type { Lang } from '../../src/i18n/lang.js';
import { createLogger } from '../../src/log/logger.js';
import { guardOptionsFromEnv, ProbeGuard } from '../../src/probe/guard.js';
import { RateLimiter } from '../../src/probe/rate-limit.js';
import { liveStepPrinter, renderProbeText } from '../../src/probe/render.js';
import { runProbe } from '../../src/probe/run-probe.js';

export type ShellPopcheck = (args: string[], lang: Lang, write: (text: string) => void) => Promise<void>;

export interface ShellPopcheckOptions {
  env: NodeJS.ProcessEnv;
  /** ANSI colours in the report. */
  color: boolean;
  /** On a terminal the steps appear as they happen; piped, the report comes whole at the end. */
  live: boolean;
  /** Only failures are logged (default: error lines to stderr); the shell writes the rest to its output. */
  logger?: Logger;
  limiter?: RateLimiter;
}

/**
 * The shell's /popcheck, through the chat layer's one flow: the same guard and rate limit as in chat, no
 * login (that is `popbot check --user`). Throws GuardConfigError for a bad POPBOT_PROBE_* at creation.
 */
export function shellPopcheck(options: ShellPopcheckOptions): ShellPopcheck {
  const services = {
    guard: new ProbeGuard(guardOptionsFromEnv(options.env)),
    limiter: options.limiter ?? new RateLimiter(),
    runProbe,
    probes: new InFlight(),
    log: options.logger ?? createLogger({ level: 'error' }),
  };
  return async (args, lang, write) => {
    const plan = await planPopcheck({ text: args.join(' ') }, { chatLogin: false, lang: (l) => l ?? lang });
    if (plan.kind === 'refused') return write(plan.text);
    const { host, port } = plan.target;
    await runPopcheck(
      services,
      { host, port, lang: plan.lang, who: { platform: 'shell', id: 'local' } },
      {
        notice: async (text) => write(text),
        started: async (text) => {
          write(text);
          return true;
        },
        ...(options.live ? { onStep: liveStepPrinter(write, plan.lang, { color: options.color }) } : {}),
        report: async (report) =>
          write(renderProbeText(report, plan.lang, { color: options.color, includeSteps: !options.live })),
      },
    );
  };
}
