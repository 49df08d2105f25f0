import type { App, types } from '@slack/bolt';
import { z } from 'zod';
import { chat } from '../../../src/i18n/chat-messages.js';
import { isLang, LANGS, type Lang } from '../../../src/i18n/lang.js';
import { slackMessages } from '../../../src/i18n/slack-messages.js';
import { type SlackDeps, VIEW_LOGIN } from '../deps.js';
import { clip, safeText } from '../escape.js';
import { slackErrorSummary } from '../locale.js';
import { type Respond, runCheck, slackUser } from './probe-run.js';

const BLOCK_PASSWORD = 'password';
const ACTION_PASSWORD = 'password';

/** What the modal carries from the command to its submission (Slack keeps it; at most 3000 characters). */
const MetadataSchema = z.object({
  host: z.string().min(1).max(260),
  port: z.number().int().min(1).max(65535).optional(),
  user: z.string().min(1).max(320),
  public: z.boolean(),
  lang: z.enum(LANGS),
  responseUrl: z.url({ protocol: /^https?$/ }),
});
export type LoginMetadata = z.infer<typeof MetadataSchema>;

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: clip(text, max), emoji: false };
}

/**
 * The password prompt. Slack has no masked input, so the modal says plainly that the field is visible and
 * that the password passes through Slack, and suggests a test account or an app password.
 */
export function loginModal(meta: LoginMetadata, lang: Lang): types.ModalView {
  const s = (key: Parameters<typeof slackMessages.t>[1], params?: Record<string, string | number>) =>
    slackMessages.t(lang, key, params);
  return {
    type: 'modal',
    callback_id: VIEW_LOGIN,
    private_metadata: JSON.stringify(meta),
    title: plain(s('modal.title'), 24),
    submit: plain(s('modal.submit'), 24),
    close: plain(s('modal.close'), 24),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          verbatim: true,
          text: clip(
            s('modal.intro', {
              host: safeText(meta.host),
              port: meta.port ?? s('modal.port-auto'),
              user: safeText(meta.user),
            }),
            3000,
          ),
        },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          verbatim: true,
          text: `:warning: *${safeText(chat.t(lang, 'chat-login-warning'))}*`,
        },
      },
      {
        type: 'input',
        block_id: BLOCK_PASSWORD,
        label: plain(s('modal.password'), 2000),
        element: { type: 'plain_text_input', action_id: ACTION_PASSWORD, max_length: 500 },
      },
    ],
  };
}

export function registerLoginModal(app: App, deps: SlackDeps): void {
  app.view(VIEW_LOGIN, async ({ ack, view, body }) => {
    const log = deps.log.child({ handler: 'login-modal' });
    const parsed = MetadataSchema.safeParse(safeJson(view.private_metadata));
    const lang: Lang = parsed.success && isLang(parsed.data.lang) ? parsed.data.lang : deps.defaultLang;
    const password = view.state.values[BLOCK_PASSWORD]?.[ACTION_PASSWORD]?.value ?? '';
    if (password === '') {
      await ack({
        response_action: 'errors',
        errors: { [BLOCK_PASSWORD]: slackMessages.t(lang, 'modal.password-empty') },
      });
      return;
    }
    // Closing the modal at once: the report goes to the conversation the command came from.
    await ack();
    if (!parsed.success) {
      log.warn('login modal submitted with unreadable metadata');
      return;
    }
    const meta = parsed.data;
    const respond: Respond = async (message) => {
      const res = await deps.fetch(meta.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
      });
      if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
    };
    await deps.inflight.track(async () => {
      try {
        await runCheck(
          deps,
          {
            host: meta.host,
            port: meta.port,
            user: meta.user,
            password,
            lang,
            who: slackUser({ team_id: body.team?.id, user_id: body.user.id }),
          },
          meta.public,
          respond,
        );
      } catch (error) {
        log.error({ err: slackErrorSummary(error) }, 'login check failed');
      }
    });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
