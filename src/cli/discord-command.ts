import { readDiscordRegisterConfig } from '../../adapters/discord/config.js';
import { scrub } from '../../adapters/discord/errors.js';
import { registerCommands } from '../../adapters/discord/register.js';
import { discordMessages } from '../i18n/discord-messages.js';
import { langFromEnv } from '../i18n/lang.js';
import { unreachable } from '../runtime/unreachable.js';
import { type CliIO, EXIT, UsageError } from './io.js';

/** `popbot discord register`: (over)writes the bot's commands in DISCORD_GUILD_ID, or globally. */
export async function runDiscordCommand(args: string[], io: CliIO): Promise<number> {
  const lang = langFromEnv(io.env) ?? 'en';
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(`${discordMessages.t(lang, 'cli.usage')}\n`);
    return EXIT.ok;
  }
  if (sub !== 'register' || rest.length > 0) throw new UsageError(discordMessages.t(lang, 'cli.usage'));
  const config = readDiscordRegisterConfig(io.env);
  try {
    const result = await registerCommands(config, { chatLogin: config.POPBOT_CHAT_LOGIN });
    const key = result.scope === 'guild' ? 'cli.registered-guild' : 'cli.registered-global';
    io.stdout.write(
      `${discordMessages.t(lang, key, { count: result.count, guild: config.DISCORD_GUILD_ID ?? '' })}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    // Offline, or Discord's API out of reach: Discord refused nothing, and no setting is wrong.
    const offline = unreachable(error);
    if (offline) {
      const api = config.DISCORD_API_URL ?? 'https://discord.com/api';
      io.stderr.write(
        `popbot: ${discordMessages.t(lang, 'cli.unreachable', { api: new URL(api).host, code: offline.code })}\n`,
      );
      return EXIT.failure;
    }
    const status = (error as { status?: unknown }).status;
    const reason = scrub(error instanceof Error ? error.message : String(error));
    io.stderr.write(`popbot: ${discordMessages.t(lang, 'cli.register-failed', { reason })}\n`);
    // A rejected token or application id is a configuration problem, like a missing variable.
    return status === 401 || status === 403 || status === 404 ? EXIT.usage : EXIT.failure;
  }
}
