import type { App, webApi } from '@slack/bolt';
import { answerIn, answerMessage } from '../../../src/chat/respond.js';
import type { ChatAnswer, ChatMode } from '../../../src/chat/types.js';
import type { Lang } from '../../../src/i18n/lang.js';
import { answerReply } from '../blocks.js';
import type { SlackDeps } from '../deps.js';
import { slackToPlain } from '../escape.js';
import { slackErrorSummary } from '../locale.js';

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

export function registerMessageHandlers(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, client, context }) => {
    const m = event as unknown as IncomingMessage;
    if (!PEOPLE_SUBTYPES.has(m.subtype) || m.bot_id || !m.text || !m.user) return;
    const direct = m.channel_type === 'im';
    // A mention in a channel also arrives as app_mention, which answers it; answering here too would double.
    if (!direct && context.botUserId && m.text.includes(`<@${context.botUserId}>`)) return;
    if (!deps.seen.first(`${m.channel}:${m.ts}`)) return;
    const log = deps.log.child({ handler: direct ? 'dm' : 'message' });
    await deps.inflight.track(async () => {
      try {
        const answer = await answerInLanguage(deps, client, {
          text: slackToPlain(m.text ?? ''),
          mode: direct ? 'direct' : 'watch',
          user: m.user,
        });
        if (!answer) return;
        // In a channel the answer goes in the message's thread; in a DM, beside it (or in its thread).
        await postAnswer(
          client,
          { channel: m.channel, threadTs: direct ? m.thread_ts : (m.thread_ts ?? m.ts) },
          answer,
        );
        log.info({ kind: answer.kind, lang: answer.lang }, 'answered');
      } catch (error) {
        log.error({ err: slackErrorSummary(error) }, 'reply failed');
      }
    });
  });

  app.event('app_mention', async ({ event, client, context }) => {
    const m = event as unknown as IncomingMessage;
    // Direct messages are answered by the message handler above.
    if (m.bot_id || !m.user || m.channel.startsWith('D')) return;
    if (!deps.seen.first(`${m.channel}:${m.ts}`)) return;
    const log = deps.log.child({ handler: 'mention' });
    await deps.inflight.track(async () => {
      try {
        const self = context.botUserId ? new RegExp(`<@${context.botUserId}(?:\\|[^>]*)?>`, 'g') : /(?!)/g;
        const text = slackToPlain((m.text ?? '').replace(self, '')).trim();
        const answer = await answerInLanguage(deps, client, {
          text: text === '' ? 'help' : text,
          mode: 'direct',
          user: m.user,
        });
        if (!answer) return;
        await postAnswer(client, { channel: m.channel, threadTs: m.thread_ts ?? m.ts }, answer);
        log.info({ kind: answer.kind, lang: answer.lang }, 'answered');
      } catch (error) {
        log.error({ err: slackErrorSummary(error) }, 'reply failed');
      }
    });
  });
}
