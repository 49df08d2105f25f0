import { type CheckOutcome, type CheckRequest, runPopcheck } from '../../../src/chat/popcheck.js';
import { noticeReply, type SlackReply } from '../blocks.js';
import type { SlackDeps } from '../deps.js';
import { probeReply } from '../probe-blocks.js';

/** A message for a slash command's response_url: `in_channel` when the user asked for `public`. */
export type Respond = (
  message: SlackReply & { response_type: 'ephemeral' | 'in_channel'; replace_original?: boolean },
) => Promise<unknown>;

/** Who asks, for the rate limit: a user id is unique only within its workspace. */
export function slackUser(who: { team_id?: string | undefined; user_id: string }): CheckRequest['who'] {
  return { platform: 'slack', id: `${who.team_id ?? ''}:${who.user_id}` };
}

/**
 * `/popcheck` after the arguments are settled, through the chat layer's one flow: Slack says "checking…"
 * and the report through response_url, in the channel when the user asked for `public`; refusals and
 * errors only to the user.
 */
export function runCheck(
  deps: SlackDeps,
  request: CheckRequest,
  isPublic: boolean,
  respond: Respond,
): Promise<CheckOutcome> {
  const responseType = isPublic ? 'in_channel' : 'ephemeral';
  const services = {
    guard: deps.guard,
    limiter: deps.limiter,
    runProbe: deps.runProbe,
    probeDeps: deps.probeDeps,
    probes: deps.inflight,
    log: deps.log.child({ handler: 'popcheck' }),
  };
  return runPopcheck(services, request, {
    async notice(text) {
      await respond({ response_type: 'ephemeral', ...noticeReply(text) });
    },
    async started(text) {
      await respond({ response_type: responseType, ...noticeReply(text) });
      return true;
    },
    async report(report) {
      await respond({ response_type: responseType, ...probeReply(report, request.lang) });
    },
  });
}
