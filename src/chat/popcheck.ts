import type { Logger } from 'pino';
import { chat } from '../i18n/chat-messages.js';
import type { Lang } from '../i18n/lang.js';
import { describeError } from '../log/describe-error.js';
import type { ProbeGuard } from '../probe/guard.js';
import type { RateLimiter } from '../probe/rate-limit.js';
import type { ProbeDeps, ProbeReport, ProbeRequest, ProbeStep } from '../probe/types.js';
import { parsePopcheckArgs } from './popcheck-args.js';
import { extractLangDirective } from './respond.js';

/**
 * `/popcheck`, once for every platform (shell, Slack, Discord): what the command asks for, then rate limit,
 * "checking…", the probe behind the guard, the report. A platform supplies only how it says each thing.
 */

export type ProbeRunner = (request: ProbeRequest, deps: ProbeDeps) => Promise<ProbeReport>;

export interface PopcheckTarget {
  host: string;
  port?: number | undefined;
  public: boolean;
}

export type PopcheckPlan =
  /** Not run: `text` (usage, a password typed into the command, login checks disabled) says why. */
  | {
      kind: 'refused';
      lang: Lang;
      reason: 'usage' | 'password-in-command' | 'chat-login-disabled';
      text: string;
    }
  /** A login check: the platform asks for the password its own way (a form), then calls runPopcheck. */
  | { kind: 'login'; lang: Lang; target: PopcheckTarget; user: string }
  | { kind: 'check'; lang: Lang; target: PopcheckTarget };

export interface PopcheckInput {
  /** `HOST [PORT] [USER] [public] [lang:xx]`, as typed (the shell, Slack) or built from options (Discord). */
  text: string;
  /** A platform's separate `user` option, when it has one. */
  user?: string | undefined;
  /** A platform's separate `public` option, when it has one. */
  public?: boolean | undefined;
}

export interface PlanOptions {
  /** POPBOT_CHAT_LOGIN; the shell always passes false (a login check there is `popbot check --user`). */
  chatLogin: boolean;
  /** The reply's language when the text sets none (`lang:fr`): the user's locale, then the default. */
  lang: (explicit: Lang | undefined) => Lang | Promise<Lang>;
}

/** Reads a `/popcheck` request: never echoes a password typed into it, never runs anything. */
export async function planPopcheck(input: PopcheckInput, options: PlanOptions): Promise<PopcheckPlan> {
  const args = parsePopcheckArgs(input.text);
  const lang = await options.lang(args.ok ? args.lang : extractLangDirective(input.text).lang);
  const refused = (reason: 'usage' | 'password-in-command' | 'chat-login-disabled'): PopcheckPlan => ({
    kind: 'refused',
    lang,
    reason,
    text: chat.t(lang, reason === 'usage' ? 'usage.popcheck' : reason),
  });
  if (!args.ok) return refused(args.error);
  const target: PopcheckTarget = {
    host: args.host,
    ...(args.port !== undefined ? { port: args.port } : {}),
    public: input.public ?? args.public,
  };
  const user = input.user?.trim() || args.user;
  if (user) return options.chatLogin ? { kind: 'login', lang, target, user } : refused('chat-login-disabled');
  return { kind: 'check', lang, target };
}

/** What every adapter shares to run checks: one guard and, per process, one rate limiter. */
export interface PopcheckServices {
  guard: ProbeGuard;
  limiter: RateLimiter;
  runProbe: ProbeRunner;
  /** Extra probe dependencies (tests pass a CA, a resolver); the guard always comes from `guard`. */
  probeDeps?: Omit<ProbeDeps, 'guard'> | undefined;
  /** Gives each probe a signal that shutdown aborts (an InFlight). */
  probes: { probeSignal(): { signal: AbortSignal; done: () => void } };
  log: Logger;
}

export interface CheckRequest {
  host: string;
  port?: number | undefined;
  user?: string | undefined;
  /** Only from a login form; handed to the probe and dropped. */
  password?: string | undefined;
  lang: Lang;
  /** Who asks, for the rate limit: unique across platforms, so one limiter serves them all. */
  who: { platform: 'shell' | 'slack' | 'discord'; id: string };
}

/** How a platform says each step of a check. A failed call rejects; the flow logs it and goes on. */
export interface PopcheckReplies {
  /** A refusal (rate limit) or an error, to the user who asked. */
  notice(text: string): Promise<void>;
  /** The check starts: "checking…" (`text`), or Discord's deferred reply. False: do not run it. */
  started(text: string): Promise<boolean>;
  /** Each step as it finishes, for a platform that shows progress live (the shell on a terminal). */
  onStep?: ((step: ProbeStep) => void) | undefined;
  report(report: ProbeReport): Promise<void>;
}

export type CheckOutcome = 'rate-limited' | 'not-started' | 'done' | 'failed';

/**
 * Runs one check: rate limit, "checking…", the probe, the report. Never throws: a failure is logged
 * (without the request's text or password) and told to the user as an internal error.
 */
export async function runPopcheck(
  services: PopcheckServices,
  request: CheckRequest,
  replies: PopcheckReplies,
): Promise<CheckOutcome> {
  const log = services.log;
  const tell = (text: string) =>
    replies
      .notice(text)
      .catch((error: unknown) => log.warn({ err: describeError(error) }, 'could not send a notice'));
  const rate = services.limiter.acquire(`${request.who.platform}:${request.who.id}`, request.lang);
  if (!rate.ok) {
    await tell(rate.message);
    log.info({ code: rate.code }, 'check refused by the rate limiter');
    return 'rate-limited';
  }
  const probe = services.probes.probeSignal();
  try {
    const target = request.port ? `${request.host}:${request.port}` : request.host;
    if (!(await replies.started(chat.t(request.lang, 'checking', { target })))) return 'not-started';
    const report = await services.runProbe(
      {
        target: request.host,
        lang: request.lang,
        signal: probe.signal,
        ...(request.port !== undefined ? { port: request.port } : {}),
        ...(request.user !== undefined ? { user: request.user } : {}),
        ...(request.password !== undefined ? { password: request.password } : {}),
        ...(replies.onStep ? { onStep: replies.onStep } : {}),
      },
      { ...services.probeDeps, guard: services.guard },
    );
    await replies.report(report);
    log.info(
      { exitCode: report.exitCode, ms: report.durationMs, login: request.password !== undefined },
      'check done',
    );
    return 'done';
  } catch (error) {
    log.error({ err: describeError(error) }, 'check failed');
    await tell(chat.t(request.lang, 'internal-error'));
    return 'failed';
  } finally {
    probe.done();
    rate.release();
  }
}
