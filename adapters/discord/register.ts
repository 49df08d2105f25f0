import { REST, Routes } from 'discord.js';
import { commandDefinitions } from './commands.js';
import type { DiscordRegisterConfig } from './config.js';

export interface RegisterResult {
  scope: 'guild' | 'global';
  count: number;
}

/**
 * Puts the command set in place with one bulk overwrite (PUT), so commands removed from the code disappear
 * from Discord too. A guild registration is instant (for development); a global one reaches every guild.
 */
export async function registerCommands(
  config: DiscordRegisterConfig,
  options: { chatLogin: boolean },
): Promise<RegisterResult> {
  const rest = new REST({
    version: '10',
    timeout: 15_000,
    ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
  });
  rest.setToken(config.DISCORD_TOKEN);
  const body = commandDefinitions(options);
  const guild = config.DISCORD_GUILD_ID;
  const route = guild
    ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, guild)
    : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);
  const saved = await rest.put(route, { body });
  return { scope: guild ? 'guild' : 'global', count: Array.isArray(saved) ? saved.length : body.length };
}
