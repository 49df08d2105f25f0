import { Client, Events, GatewayIntentBits, Options } from 'discord.js';
import type { Logger } from 'pino';
import type { DiscordBot } from './bot.js';
import type { DiscordConfig } from './config.js';
import { describeError } from './errors.js';

/**
 * The discord.js client, with caches kept small so memory stays flat on a busy server: the bot never reads
 * history, so messages are not cached at all; threads and channels stay (the support-channel filter needs
 * a thread's parent), everything else is either off or swept.
 */
export function createClient(config: DiscordConfig): Client {
  const watching = config.DISCORD_SUPPORT_CHANNELS.length > 0;
  const self = (id: string, client: Client) => id === client.user?.id;
  return new Client({
    // Message Content is privileged: asked for only when there are channels to watch, so a bot without it
    // enabled in the Developer Portal still serves slash and context-menu commands.
    intents: [
      GatewayIntentBits.Guilds,
      ...(watching ? [GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent] : []),
    ],
    partials: [],
    allowedMentions: { parse: [] },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMessageManager: 0,
      DMMessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      GuildEmojiManager: 0,
      BaseGuildEmojiManager: 0,
      ApplicationEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      StageInstanceManager: 0,
      VoiceStateManager: 0,
      ThreadMemberManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
      EntitlementManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => self(member.id, member.client) },
      UserManager: { maxSize: 0, keepOverLimit: (user) => self(user.id, user.client) },
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      // Archived threads leave the cache after an hour; active ones stay for the parent-channel check.
      threads: { interval: 3600, lifetime: 3600 },
    },
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });
}

/** Routes gateway events to the bot; every listener returns at once, the bot tracks its own work. */
export function wireClient(client: Client, bot: DiscordBot, log: Logger): void {
  client.on(Events.MessageCreate, (message) => {
    void bot.onMessage(message);
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void bot.onSlashCommand(interaction);
    else if (interaction.isMessageContextMenuCommand()) void bot.onMessageMenu(interaction);
    else if (interaction.isModalSubmit()) void bot.onModalSubmit(interaction);
  });
  client.once(Events.ClientReady, (ready) => {
    log.info({ botId: ready.user.id, guilds: ready.guilds.cache.size }, 'discord: connected');
  });
  // Without an 'error' listener an EventEmitter error would end the process.
  client.on(Events.Error, (error) => log.error({ err: describeError(error) }, 'discord: client error'));
  client.on(Events.ShardError, (error) => log.warn({ err: describeError(error) }, 'discord: gateway error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord: warning'));
}
