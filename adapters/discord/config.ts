import { z } from 'zod';
import { CoreConfigSchema, readConfig } from '../../src/config/config.js';

const SNOWFLAKE = /^\d{17,20}$/;
// Bot tokens are three base64url parts joined by dots; the message never repeats the value.
const TOKEN = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/;

const snowflake = (what: string) =>
  z
    .string()
    .trim()
    .regex(SNOWFLAKE, { message: `${what}: a Discord id (17 to 20 digits)` });

/** What `popbot discord register` needs: the token, the application and, optionally, a guild. */
export const DiscordRegisterSchema = CoreConfigSchema.extend({
  DISCORD_TOKEN: z
    .string({ message: 'required: the bot token (Developer Portal → your application → Bot → Reset Token)' })
    .trim()
    .regex(TOKEN, { message: 'not a bot token (three dot-separated parts); the value is not shown' }),
  DISCORD_APPLICATION_ID: snowflake('the application id (Developer Portal → General Information)'),
  DISCORD_GUILD_ID: snowflake('the guild (server) id to register the commands in').optional(),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, message: 'an http(s) URL, e.g. https://discord.com/api' })
    .optional(),
  /** Where attachments are downloaded from (tests: a loopback fake); Discord's CDN by default. */
  DISCORD_CDN_URL: z
    .url({ protocol: /^https?$/, message: 'an http(s) URL, e.g. https://cdn.discordapp.com' })
    .optional(),
});

/** The running bot adds the channels it watches. */
export const DiscordConfigSchema = DiscordRegisterSchema.extend({
  DISCORD_SUPPORT_CHANNELS: z
    .string()
    .default('')
    .transform((s, ctx) => {
      const ids = s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      const bad = ids.find((id) => !SNOWFLAKE.test(id));
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: 'comma-separated channel ids (17 to 20 digits each)' });
        return z.NEVER;
      }
      return ids;
    }),
});

export type DiscordRegisterConfig = z.infer<typeof DiscordRegisterSchema>;
export type DiscordConfig = z.infer<typeof DiscordConfigSchema>;

/** Throws ConfigError naming each bad DISCORD_* (or core) variable. */
export function readDiscordConfig(env: NodeJS.ProcessEnv): DiscordConfig {
  return readConfig(DiscordConfigSchema, env);
}

export function readDiscordRegisterConfig(env: NodeJS.ProcessEnv): DiscordRegisterConfig {
  return readConfig(DiscordRegisterSchema, env);
}

/** True when the operator meant to run the Discord adapter. */
export function discordConfigured(env: NodeJS.ProcessEnv): boolean {
  return (env.DISCORD_TOKEN ?? '').trim() !== '';
}
