import { setImmediate as nextTurn } from 'node:timers/promises';
import type { App, webApi } from '@slack/bolt';
import { answerIn, answerMessage } from '../../../src/chat/respond.js';
import type { ChatAnswer, ChatMode } from '../../../src/chat/types.js';
import type { Lang } from '../../../src/i18n/lang.js';
import { answerReply } from '../blocks.js';
import type { SlackDeps } from '../deps.js';
import { slackToPlain } from '../escape.js';
import { slackErrorSummary } from '../locale.js';
import { forThisEvent } from '../reply-latency.js';
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

/**
 * The answer in the asker's language: an explicit or detected language first (answerMessage), the Slack
 * locale only when the message did not settle it, so chatter never costs a users.info call.
 */
export async function answerInLanguage(
  deps: SlackDeps,
  client: webApi.WebClient,
  request: { text: string; mode: ChatMode; user: string | undefined; lang?: Lang | undefined },
): Promise<ChatAnswer | undefined> {
  const base = { text: request.text, mode: request.mode, lang: request.lang, defaultLang: deps.defaultLang };
  const first = answerMessage(base);
  if (!first || request.lang || first.lang !== deps.defaultLang) return first;
  const platformLang = await deps.locales.langOf(client, request.user, deps.log);
  if (!platformLang || platformLang === deps.defaultLang) return first;
  return answerIn(first, platformLang, () => answerMessage({ ...base, platformLang }));
}

async function postAnswer(
  client: webApi.WebClient,
  target: { channel: string; threadTs: string | undefined },
  answer: ChatAnswer,
): Promise<void> {
  const reply = answerReply(answer);
  await client.chat.postMessage({
    channel: target.channel,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    text: reply.text,
    blocks: reply.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
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

/** A paste's answer, posted in `target`'s thread; nothing for a message without a POP error. */
async function answerText(
  deps: SlackDeps,
  client: webApi.WebClient,
  handler: string,
  request: { text: string; mode: ChatMode; user: string | undefined },
  target: { channel: string; threadTs: string | undefined },
): Promise<void> {
  const log = deps.log.child({ handler });
  try {
    const answer = await answerInLanguage(deps, client, request);
    if (!answer) return;
    // Between explaining and posting, the requests that arrived meanwhile are acknowledged first.
    await nextTurn();
    await postAnswer(client, target, answer);
    log.info({ kind: answer.kind, lang: answer.lang }, 'answered');
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
  if (!deps.replies.enqueue(key, forThisEvent(work)))
    deps.log.warn({ backlog: deps.replies.size }, 'reply dropped: too many replies waiting');
}

export function registerMessageHandlers(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, client, context }) => {
    const m = event as unknown as IncomingMessage;
    if (!PEOPLE_SUBTYPES.has(m.subtype) || m.bot_id || !m.user) return;
    const direct = m.channel_type === 'im';
    const picture = firstImage(m.files);
    if (picture && (direct || !context.botUserId || !m.text?.includes(`<@${context.botUserId}>`))) {
      if (!deps.seen.first(`${m.channel}:${m.ts}`)) return;
      queueReply(deps, `${m.channel}:${m.ts}`, () => answerPicture(deps, client, m, picture, direct));
      return;
    }
    if (!m.text) return;
    // A mention in a channel also arrives as app_mention, which answers it; answering here too would double.
    if (!direct && context.botUserId && m.text.includes(`<@${context.botUserId}>`)) return;
    if (!deps.seen.first(`${m.channel}:${m.ts}`)) return;
    const text = m.text;
    // In a channel the answer goes in the message's thread; in a DM, beside it (or in its thread).
    const target = { channel: m.channel, threadTs: direct ? m.thread_ts : (m.thread_ts ?? m.ts) };
    queueReply(deps, m.channel, () =>
      answerText(
        deps,
        client,
        direct ? 'dm' : 'message',
        { text: slackToPlain(text), mode: direct ? 'direct' : 'watch', user: m.user },
        target,
      ),
    );
  });

  app.event('app_mention', async ({ event, client, context }) => {
    const m = event as unknown as IncomingMessage;
    // Direct messages are answered by the message handler above.
    if (m.bot_id || !m.user || m.channel.startsWith('D')) return;
    if (!deps.seen.first(`${m.channel}:${m.ts}`)) return;
    const self = context.botUserId ? new RegExp(`<@${context.botUserId}(?:\\|[^>]*)?>`, 'g') : /(?!)/g;
    const text = slackToPlain((m.text ?? '').replace(self, '')).trim();
    queueReply(deps, m.channel, () =>
      answerText(
        deps,
        client,
        'mention',
        { text: text === '' ? 'help' : text, mode: 'direct', user: m.user },
        { channel: m.channel, threadTs: m.thread_ts ?? m.ts },
      ),
    );
  });
}
