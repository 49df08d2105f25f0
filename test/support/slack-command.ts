import { TEAM } from '../slack/fake-slack.js';
import { type Harness, settle } from '../slack/harness.js';
import { postCommand } from '../slack/signed.js';

let seq = 0;

/**
 * Posts a slash command as Slack does (form fields, signed), with a response URL of its own on the fake
 * Slack, and waits for `count` posts to it.
 */
export async function slashCommand(
  h: Harness,
  name: string,
  text: string,
  options: { user?: string; count?: number; ms?: number } = {},
): Promise<Record<string, unknown>[]> {
  seq++;
  const id = `hardening-${seq}`;
  const res = await postCommand(h.eventsUrl, {
    token: 'legacy',
    team_id: TEAM,
    team_domain: 'test',
    channel_id: 'C0CHAN',
    channel_name: 'support',
    user_id: options.user ?? 'U0ASKER',
    user_name: 'asker',
    command: name,
    text,
    api_app_id: 'A0APP',
    response_url: h.slack.responseUrl(id),
    trigger_id: `trigger-${id}`,
  });
  if (res.status !== 200) throw new Error(`${name} answered HTTP ${res.status}`);
  const count = options.count ?? 1;
  const deadline = Date.now() + (options.ms ?? 15_000);
  while (h.slack.responses(id).length < count) {
    if (Date.now() > deadline) throw new Error(`only ${h.slack.responses(id).length} response(s) to ${name}`);
    await settle(20);
  }
  return h.slack.responses(id).map((c) => c.body);
}
