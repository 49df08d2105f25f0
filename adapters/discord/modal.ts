import { type APIModalInteractionResponseCallbackData, ComponentType, TextInputStyle } from 'discord.js';
import { chat } from '../../src/i18n/chat-messages.js';
import { discordMessages } from '../../src/i18n/discord-messages.js';
import type { Lang } from '../../src/i18n/lang.js';
import { DISCORD_LIMITS as L } from './limits.js';
import { truncate } from './safe-text.js';

export const LOGIN_MODAL_PREFIX = 'popcheck-login:';
export const PASSWORD_FIELD = 'password';

/**
 * The password form. Discord modals have no masked input, so the form says so in full (a text display) and
 * again under the field's label, before anyone types.
 */
export function loginModal(key: string, user: string, lang: Lang): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${LOGIN_MODAL_PREFIX}${key}`,
    title: truncate(discordMessages.t(lang, 'modal.title'), L.modalTitle),
    components: [
      { type: ComponentType.TextDisplay, content: `⚠️ ${chat.t(lang, 'chat-login-warning')}` },
      {
        type: ComponentType.Label,
        // A user name is plain text in a label: nothing renders there.
        label: truncate(discordMessages.t(lang, 'modal.password.label', { user }), L.modalLabel),
        description: truncate(discordMessages.t(lang, 'modal.password.description'), L.modalDescription),
        component: {
          type: ComponentType.TextInput,
          custom_id: PASSWORD_FIELD,
          style: TextInputStyle.Short,
          required: true,
          min_length: 1,
          max_length: 256,
        },
      },
    ],
  };
}
