import type { App, webApi } from '@slack/bolt';
import type { ReplyTarget, TextRequest } from '../answer-text.js';
import type { AnswerJob } from '../answer-worker.js';
import type { SlackDeps } from '../deps.js';
import { slackToPlain } from '../escape.js';
import { slackErrorSummary } from '../locale.js';
import { eventArrival, forThisEvent } from '../reply-latency.js';
import { answerSlackImage, firstImage, type SlackFile } from './images.js';

/** Subtypes that are a person writing something new; every other one (edits, joins, bots) is ignored. */
const PEOPLE_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

interface IncomingMessage {
  type: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  files?: unknown;
}

/** A shared picture: read, then answered like a paste, in the message's thread. */
async function answerPicture(
  deps: SlackDeps,
  client: webApi.WebClient,
  m: IncomingMessage,
  file: SlackFile,
  direct: boolean,
): Promise<void> {
  const log = deps.log.child({ handler: direct ? 'dm-image' : 'message-image' });
  try {
    const reply = await answerSlackImage(deps, client, {
      file,
      user: m.user ?? '',
      mode: direct ? 'direct' : 'watch',
    });
    if (!reply) return;
    await client.chat.postMessage({
      channel: m.channel,
      thread_ts: m.thread_ts ?? m.ts,
      text: reply.text,
      blocks: reply.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    log.info('answered a picture');
  } catch (error) {
    log.error({ err: slackErrorSummary(error) }, 'reply failed');
  }
}

/**
 * Hands an answer to the reply queue: the listener returns at once, the answer is explained and posted
 * later, after the replies already owed in `key` (a channel; a picture has a key of its own, so that its
 * reading never holds up the channel's text answers). A full queue drops it, and says so.
 */
function queueReply(deps: SlackDeps, key: string, work: () => Promise<void>): void {
  if (!deps.replies.enqueue(key, work))
    deps.log.warn({ backlog: deps.replies.size }, 'reply dropped: too many replies waiting');
}

/** A paste's answer: explained, rendered and posted on the answer thread (answer-worker.ts), in channel order. */
function queueText(
  deps: SlackDeps,
  handler: AnswerJob['handler'],
  request: TextRequest,
  target: ReplyTarget,
): void {
  const job = {
    handler,
    arrival: eventArrival(),
    request: { text: request.text, mode: request.mode, ...(request.user ? { user: request.user } : {}) },
    target: { channel: target.channel, ...(target.threadTs ? { threadTs: target.threadTs } : {}) },
  };
  queueReply(deps, target.channel, () => deps.answers.answer(job));
}

export function registerMessageHandlers(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, client, context }) => {
    const m = event as unknown as IncomingMessage;
    if (!PEOPLE_SUBTYPES.has(m.subtype) || m.bot_id || !m.user) return;
    const direct = m.channel_type === 'im';
    const picture = firstImage(m.files);
    if (picture && (direct || !context.botUserId || !m.text?.includes(`<@${context.botUserId}>`))) {
      if (!deps.seen.first(`${m.channel}:${m.ts}`)) return;
      queueReply(
        deps,
        `${m.channel}:${m.ts}`,
        forThisEvent(() => answerPicture(deps, client, m, picture, direct)),
      );
      return;
    }
    if (!m.text) return;
    // A mention in a channel also arrives as app_mention, which answers it; answering here too would double.
    if (!direct && context.botUserId && m.text.includes(`<@${context.botUserId}>`)) return;
    if (!deps.seen.first(`${m.channel}:${m.ts}`)) return;
    const text = m.text;
    // In a channel the answer goes in the message's thread; in a DM, beside it (or in its thread).
    const target = { channel: m.channel, threadTs: direct ? m.thread_ts : (m.thread_ts ?? m.ts) };
    queueText(
      deps,
      direct ? 'dm' : 'message',
      { text: slackToPlain(text), mode: direct ? 'direct' : 'watch', user: m.user },
      target,
    );
  });

  app.event('app_mention', async ({ event, context }) => {
    const m = event as unknown as IncomingMessage;
    // Direct messages are answered by the message handler above.
    if (m.bot_id || !m.user || m.channel.startsWith('D')) return;
    if (!deps.seen.first(`${m.channel}:${m.ts}`)) return;
    const self = context.botUserId ? new RegExp(`<@${context.botUserId}(?:\\|[^>]*)?>`, 'g') : /(?!)/g;
    const text = slackToPlain((m.text ?? '').replace(self, '')).trim();
    queueText(
      deps,
      'mention',
      { text: text === '' ? 'help' : text, mode: 'direct', user: m.user },
      { channel: m.channel, threadTs: m.thread_ts ?? m.ts },
    );
  });
}
