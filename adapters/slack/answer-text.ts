import { setImmediate as nextTurn } from 'node:timers/promises';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { answerIn, answerMessage } from '../../src/chat/respond.js';
import type { ChatAnswer, ChatMode } from '../../src/chat/types.js';
import type { Lang } from '../../src/i18n/lang.js';
import { answerReply } from './blocks.js';
import { type LocaleCache, slackErrorSummary } from './locale.js';

/** The log calls an answer makes: pino's, or the answer thread's, which hands them to pino's thread. */
export type AnswerLog = Pick<Logger, 'info' | 'warn' | 'error'>;

/** What answering a text needs: the default language, the users' Slack locales, a log. */
export interface AnswerDeps {
  defaultLang: Lang;
  locales: LocaleCache;
  log: AnswerLog;
}

/** A paste to answer: who wrote it, how (watched channel or direct request), in which thread to answer. */
export interface TextRequest {
  text: string;
  mode: ChatMode;
  user?: string | undefined;
}

export interface ReplyTarget {
  channel: string;
  threadTs: string | undefined;
}

/**
 * The answer in the asker's language: an explicit or detected language first (answerMessage), the Slack
 * locale only when the message did not settle it, so chatter never costs a users.info call.
 */
export async function answerInLanguage(
  deps: AnswerDeps,
  client: WebClient,
  request: TextRequest & { lang?: Lang | undefined },
): Promise<ChatAnswer | undefined> {
  const base = { text: request.text, mode: request.mode, lang: request.lang, defaultLang: deps.defaultLang };
  const first = answerMessage(base);
  if (!first || request.lang || first.lang !== deps.defaultLang) return first;
  const platformLang = await deps.locales.langOf(client, request.user, deps.log);
  if (!platformLang || platformLang === deps.defaultLang) return first;
  return answerIn(first, platformLang, () => answerMessage({ ...base, platformLang }));
}

/**
 * A paste's answer, posted in `target`'s thread; nothing for a message without a POP error. `posting` is
 * called just before the post: from then on the answer may have reached Slack. Failures are logged, not thrown.
 * Resolves true once Slack accepted an answer.
 */
export async function answerText(
  deps: AnswerDeps,
  client: WebClient,
  request: TextRequest,
  target: ReplyTarget,
  posting: () => void = () => undefined,
): Promise<boolean> {
  try {
    const answer = await answerInLanguage(deps, client, request);
    if (!answer) return false;
    // Between explaining and posting, whatever arrived meanwhile runs first.
    await nextTurn();
    const reply = answerReply(answer);
    posting();
    await client.chat.postMessage({
      channel: target.channel,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      text: reply.text,
      blocks: reply.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    deps.log.info({ kind: answer.kind, lang: answer.lang }, 'answered');
    return true;
  } catch (error) {
    deps.log.error({ err: slackErrorSummary(error) }, 'reply failed');
    return false;
  }
}
