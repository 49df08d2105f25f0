import { chat } from '../../../src/i18n/chat-messages.js';
import type { Lang } from '../../../src/i18n/lang.js';
import { noticeReply, type SlackReply } from '../blocks.js';
import type { SlackDeps } from '../deps.js';
import { slackErrorSummary } from '../locale.js';
import { probeReply } from '../probe-blocks.js';

/** A message for a slash command's response_url: `in_channel` when the user asked for `public`. */
export type Respond = (
  message: SlackReply & { response_type: 'ephemeral' | 'in_channel'; replace_original?: boolean },
) => Promise<unknown>;

export interface CheckRequest {
  host: string;
  port?: number | undefined;
  user?: string | undefined;
  /** Only from the login modal; dropped as soon as the probe has it. */
  password?: string | undefined;
  public: boolean;
  lang: Lang;
  /** Team and user: what the rate limit counts. */
  userKey: string;
}

/**
 * `/popcheck` after the arguments are settled: rate limit, "checking…", the probe behind the guard, the
 * report. Never throws: every failure is logged (without the request's text) and told to the user.
 */
export async function runCheck(deps: SlackDeps, request: CheckRequest, respond: Respond): Promise<void> {
  const log = deps.log.child({ handler: 'popcheck' });
  const responseType = request.public ? 'in_channel' : 'ephemeral';
  const rate = deps.limiter.acquire(request.userKey, request.lang);
  if (!rate.ok) {
    await respond({ response_type: 'ephemeral', ...noticeReply(rate.message) }).catch((error: unknown) =>
      log.warn({ err: slackErrorSummary(error) }, 'could not send the rate-limit notice'),
    );
    log.info({ code: rate.code }, 'check refused by the rate limiter');
    return;
  }
  const probe = deps.inflight.probeSignal();
  try {
    const target = request.port ? `${request.host}:${request.port}` : request.host;
    await respond({
      response_type: responseType,
      ...noticeReply(chat.t(request.lang, 'checking', { target })),
    });
    const report = await deps.runProbe(
      {
        target: request.host,
        port: request.port,
        user: request.user,
        password: request.password,
        lang: request.lang,
        signal: probe.signal,
      },
      { ...deps.probeDeps, guard: deps.guard },
    );
    await respond({ response_type: responseType, ...probeReply(report, request.lang) });
    log.info(
      { exitCode: report.exitCode, ms: report.durationMs, login: request.password !== undefined },
      'check done',
    );
  } catch (error) {
    log.error({ err: slackErrorSummary(error) }, 'check failed');
    await respond({
      response_type: 'ephemeral',
      ...noticeReply(chat.t(request.lang, 'internal-error')),
    }).catch(() => undefined);
  } finally {
    probe.done();
    rate.release();
  }
}
