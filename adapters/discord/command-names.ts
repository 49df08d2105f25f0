import { discordMessages } from '../../src/i18n/discord-messages.js';
import { langFromLocale } from '../../src/i18n/lang.js';
import type { ReplyBody } from './embeds.js';

/**
 * Discord shows each user the command names of their client's locale (`/vérifier-pop` in French): a reply
 * that tells them to run a command names it the way they see it. `locale` is the interaction's locale, or
 * for a channel message the guild's preferred locale (a message carries no locale of its author).
 */
export function commandNamesFor(locale: string | null | undefined): { popcheck: string; poperror: string } {
  const lang = langFromLocale(locale ?? undefined);
  if (lang === 'fr' || lang === 'vi') {
    return {
      popcheck: discordMessages.t(lang, 'cmd.popcheck.name'),
      poperror: discordMessages.t(lang, 'cmd.poperror.name'),
    };
  }
  return { popcheck: 'popcheck', poperror: 'poperror' };
}

export function nameCommands(text: string, locale: string | null | undefined): string {
  const names = commandNamesFor(locale);
  return text.replace(
    /\/(popcheck|poperror)\b/g,
    (_, command: 'popcheck' | 'poperror') => `/${names[command]}`,
  );
}

export function nameCommandsIn(body: ReplyBody, locale: string | null | undefined): ReplyBody {
  return body.content === undefined ? body : { ...body, content: nameCommands(body.content, locale) };
}
