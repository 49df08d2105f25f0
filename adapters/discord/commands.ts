import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type LocalizationMap,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { discordMessages } from '../../src/i18n/discord-messages.js';

type Key = Parameters<typeof discordMessages.t>[1];

const en = (key: Key) => discordMessages.t('en', key);
/** Discord's locale codes for our languages are `fr` and `vi`; English is the default name. */
const localised = (key: Key): LocalizationMap => ({
  fr: discordMessages.t('fr', key),
  vi: discordMessages.t('vi', key),
});

/** The default (English) names Discord sends back in interactions, whatever the user's locale. */
export const COMMAND = {
  popcheck: en('cmd.popcheck.name'),
  poperror: en('cmd.poperror.name'),
  explainMessage: en('cmd.explain-message.name'),
} as const;

export const OPTION = {
  host: en('opt.host.name'),
  port: en('opt.port.name'),
  user: en('opt.user.name'),
  public: en('opt.public.name'),
  text: en('opt.text.name'),
} as const;

const named = (name: Key, description: Key) => ({
  name: en(name),
  name_localizations: localised(name),
  description: en(description),
  description_localizations: localised(description),
});

/** Servers and the bot's DMs; installed by a guild (user installs would bypass the guild's settings). */
const WHERE = {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
};

/**
 * The commands `popbot discord register` puts in place. The `user` option exists only when the operator
 * allows logins through chat (POPBOT_CHAT_LOGIN=true), so nobody is invited to type a password otherwise.
 */
export function commandDefinitions(options: {
  chatLogin: boolean;
}): RESTPostAPIApplicationCommandsJSONBody[] {
  const popcheckOptions: APIApplicationCommandBasicOption[] = [
    {
      type: ApplicationCommandOptionType.String,
      ...named('opt.host.name', 'opt.host.description'),
      required: true,
      max_length: 254,
    },
    {
      type: ApplicationCommandOptionType.Integer,
      ...named('opt.port.name', 'opt.port.description'),
      min_value: 1,
      max_value: 65535,
    },
  ];
  if (options.chatLogin) {
    popcheckOptions.push({
      type: ApplicationCommandOptionType.String,
      ...named('opt.user.name', 'opt.user.description'),
      max_length: 254,
    });
  }
  popcheckOptions.push({
    type: ApplicationCommandOptionType.Boolean,
    ...named('opt.public.name', 'opt.public.description'),
  });
  return [
    {
      type: ApplicationCommandType.ChatInput,
      ...named('cmd.popcheck.name', 'cmd.popcheck.description'),
      options: popcheckOptions,
      ...WHERE,
    },
    {
      type: ApplicationCommandType.ChatInput,
      ...named('cmd.poperror.name', 'cmd.poperror.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          ...named('opt.text.name', 'opt.text.description'),
          required: true,
          max_length: 6000,
        },
        { type: ApplicationCommandOptionType.Boolean, ...named('opt.public.name', 'opt.public.description') },
      ],
      ...WHERE,
    },
    {
      // Discord hands the target message to this command, so it works without the Message Content intent.
      type: ApplicationCommandType.Message,
      name: en('cmd.explain-message.name'),
      name_localizations: localised('cmd.explain-message.name'),
      ...WHERE,
    },
  ];
}
