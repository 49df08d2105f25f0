import type { App, webApi } from '@slack/bolt';
import { parsePopcheckArgs } from '../../../src/chat/popcheck-args.js';
import { answerIn, extractLangDirective, lookupOrExplain } from '../../../src/chat/respond.js';
import { chat } from '../../../src/i18n/chat-messages.js';
import type { Lang } from '../../../src/i18n/lang.js';
import { answerReply, noticeReply, type SlackReply } from '../blocks.js';
import type { SlackDeps } from '../deps.js';
import { slackToPlain } from '../escape.js';
import { slackErrorSummary } from '../locale.js';
import { loginModal } from './login-modal.js';
import { type Respond, runCheck } from './probe-run.js';

/** The language of a command's reply when the text does not set it: the user's Slack locale, then the default. */
async function commandLang(
  deps: SlackDeps,
  client: webApi.WebClient,
  user: string,
  explicit: Lang | undefined,
): Promise<Lang> {
  return explicit ?? (await deps.locales.langOf(client, user, deps.log)) ?? deps.defaultLang;
}

function ephemeral(reply: SlackReply) {
  return { response_type: 'ephemeral' as const, ...reply };
}

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command('/poperror', async ({ command, ack, respond, client }) => {
    // Slack wants the acknowledgement within 3 s; the explanation follows through response_url.
    await ack();
    const log = deps.log.child({ handler: 'poperror' });
    await deps.inflight.track(async () => {
      try {
        const directive = extractLangDirective(slackToPlain(command.text ?? ''));
        if (directive.text.trim() === '') {
          const lang = await commandLang(deps, client, command.user_id, directive.lang);
          await respond(ephemeral(noticeReply(chat.t(lang, 'usage.poperror'))));
          return;
        }
        // The paste's own language outranks the locale: look the locale up only if the paste is silent.
        let answer = lookupOrExplain(directive.text, directive.lang, deps.defaultLang);
        if (!directive.lang && answer.lang === deps.defaultLang) {
          const locale = await deps.locales.langOf(client, command.user_id, deps.log);
          if (locale && locale !== deps.defaultLang)
            answer =
              answerIn(answer, locale, () => lookupOrExplain(directive.text, undefined, locale)) ?? answer;
        }
        await respond(ephemeral(answerReply(answer)));
        log.info({ kind: answer.kind, lang: answer.lang }, 'answered');
      } catch (error) {
        log.error({ err: slackErrorSummary(error) }, 'reply failed');
      }
    });
  });

  app.command('/popcheck', async ({ command, ack, respond, client }) => {
    await ack();
    const log = deps.log.child({ handler: 'popcheck' });
    await deps.inflight.track(async () => {
      try {
        const text = slackToPlain(command.text ?? '');
        const args = parsePopcheckArgs(text);
        const lang = await commandLang(
          deps,
          client,
          command.user_id,
          args.ok ? args.lang : extractLangDirective(text).lang,
        );
        if (!args.ok) {
          // A password typed into the command is refused without repeating any of the text.
          await respond(
            ephemeral(
              noticeReply(chat.t(lang, args.error === 'usage' ? 'usage.popcheck' : 'password-in-command')),
            ),
          );
          log.info({ refused: args.error }, 'popcheck refused');
          return;
        }
        const userKey = `${command.team_id}:${command.user_id}`;
        if (args.user !== undefined) {
          if (!deps.chatLogin) {
            await respond(ephemeral(noticeReply(chat.t(lang, 'chat-login-disabled'))));
            return;
          }
          await client.views.open({
            trigger_id: command.trigger_id,
            view: loginModal(
              {
                host: args.host,
                port: args.port,
                user: args.user,
                public: args.public,
                lang,
                responseUrl: command.response_url,
              },
              lang,
            ),
          });
          return;
        }
        await runCheck(
          deps,
          { host: args.host, port: args.port, public: args.public, lang, userKey },
          respond as Respond,
        );
      } catch (error) {
        log.error({ err: slackErrorSummary(error) }, 'popcheck failed');
        // E.g. views.open after the 3-second trigger expired: the user should not be left waiting.
        await respond(ephemeral(noticeReply(chat.t(deps.defaultLang, 'internal-error')))).catch(
          () => undefined,
        );
      }
    });
  });
}
