import type { App, MessageShortcut } from '@slack/bolt';
import { slackMessages } from '../../../src/i18n/slack-messages.js';
import { answerInLanguage } from '../answer-text.js';
import { answerReply, noticeReply, type SlackReply } from '../blocks.js';
import { SHORTCUT_EXPLAIN, type SlackDeps } from '../deps.js';
import { slackToPlain } from '../escape.js';
import { slackErrorSummary } from '../locale.js';
import { answerSlackImage, firstImage } from './images.js';

/**
 * "Explain POP error" on any message: slash commands cannot run in threads, this can. The answer is
 * ephemeral, in the message's thread, so only the person who asked sees it.
 */
export function registerShortcut(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(
    { callback_id: SHORTCUT_EXPLAIN, type: 'message_action' },
    async ({ shortcut, ack, client, respond }) => {
      await ack();
      const log = deps.log.child({ handler: 'shortcut' });
      await deps.inflight.track(async () => {
        try {
          const text = slackToPlain(shortcut.message.text ?? '').trim();
          let reply: SlackReply | undefined;
          const picture = firstImage((shortcut.message as { files?: unknown }).files);
          if (picture)
            reply = await answerSlackImage(deps, client, {
              file: picture,
              user: shortcut.user.id,
              mode: 'direct',
            });
          else if (text === '') {
            const lang = (await deps.locales.langOf(client, shortcut.user.id, deps.log)) ?? deps.defaultLang;
            reply = noticeReply(slackMessages.t(lang, 'shortcut.empty'));
          } else {
            const answer = await answerInLanguage(deps, client, {
              text,
              mode: 'direct',
              user: shortcut.user.id,
            });
            if (!answer) return;
            reply = answerReply(answer);
          }
          if (!reply) return;
          const threadTs = shortcut.message.thread_ts ?? shortcut.message.ts;
          try {
            await client.chat.postEphemeral({
              channel: shortcut.channel.id,
              user: shortcut.user.id,
              thread_ts: threadTs,
              text: reply.text,
              blocks: reply.blocks,
            });
          } catch (error) {
            // Slack said no (the bot is not in that channel): the shortcut's response_url still reaches the user.
            // Any other failure may have delivered the message; trying again could answer twice.
            if ((error as { code?: unknown }).code !== 'slack_webapi_platform_error') throw error;
            log.info(
              { err: slackErrorSummary(error) },
              'postEphemeral failed; answering through response_url',
            );
            await respond({ response_type: 'ephemeral', text: reply.text, blocks: reply.blocks });
          }
        } catch (error) {
          log.error({ err: slackErrorSummary(error) }, 'reply failed');
        }
      });
    },
  );
}
