import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDiscordConfig } from '../../adapters/discord/config.js';
import { discordConfigured, startDiscord } from '../../adapters/discord/index.js';
import { ConfigError } from '../../src/config/config.js';
import { FakeDiscordRest } from '../support/fake-discord-rest.js';
import { APP_ID, captureLogger, FAKE_TOKEN, GUILD_ID, SUPPORT_CHANNEL } from './fakes.js';

const good = { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID };

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    readDiscordConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('Discord configuration', () => {
  it('reads the support channels, the guild and the API base', () => {
    const config = readDiscordConfig({
      ...good,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_SUPPORT_CHANNELS: ` ${SUPPORT_CHANNEL}, 300000000000000004 `,
      DISCORD_API_URL: 'http://127.0.0.1:1/api',
    });
    expect(config.DISCORD_SUPPORT_CHANNELS).toEqual([SUPPORT_CHANNEL, '300000000000000004']);
    expect(config.DISCORD_GUILD_ID).toBe(GUILD_ID);
    expect(config.DISCORD_API_URL).toBe('http://127.0.0.1:1/api');
  });

  it.each([
    ['a missing token', { DISCORD_APPLICATION_ID: APP_ID }, 'DISCORD_TOKEN'],
    ['a missing application id', { DISCORD_TOKEN: FAKE_TOKEN }, 'DISCORD_APPLICATION_ID'],
    [
      'an application id that is not a snowflake',
      { ...good, DISCORD_APPLICATION_ID: 'my-app' },
      'DISCORD_APPLICATION_ID',
    ],
    ['a guild id that is not a snowflake', { ...good, DISCORD_GUILD_ID: '12' }, 'DISCORD_GUILD_ID'],
    [
      'a channel list with a name in it',
      { ...good, DISCORD_SUPPORT_CHANNELS: `${SUPPORT_CHANNEL},#help` },
      'DISCORD_SUPPORT_CHANNELS',
    ],
    [
      'an API base that is not http(s)',
      { ...good, DISCORD_API_URL: 'ftp://example.com/api' },
      'DISCORD_API_URL',
    ],
    ['a bad POPBOT_CHAT_LOGIN', { ...good, POPBOT_CHAT_LOGIN: 'perhaps' }, 'POPBOT_CHAT_LOGIN'],
  ])('%s is a ConfigError naming the variable', (_name, env, variable) => {
    expect(configError(env).message).toContain(variable);
  });

  it('a malformed token is named, never shown', () => {
    const secretish = 'not-a-token-but-still-secret-0123456789';
    const error = configError({ ...good, DISCORD_TOKEN: secretish });
    expect(error.message).toContain('DISCORD_TOKEN');
    expect(error.message).not.toContain(secretish);
  });

  it('discordConfigured is true exactly when DISCORD_TOKEN is set', () => {
    expect(discordConfigured({ DISCORD_TOKEN: FAKE_TOKEN })).toBe(true);
    expect(discordConfigured({ DISCORD_TOKEN: '' })).toBe(false);
    expect(discordConfigured({})).toBe(false);
  });
});

describe('startDiscord (against a fake Discord REST API on 127.0.0.1)', () => {
  let rest: FakeDiscordRest;
  beforeEach(async () => {
    rest = await new FakeDiscordRest().start();
  });
  afterEach(async () => {
    await rest.close();
  });

  it('a token Discord rejects stops the start with a ConfigError naming DISCORD_TOKEN, token nowhere', async () => {
    rest.handle = () => ({ status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const { logger, lines } = captureLogger();
    const start = startDiscord({ env: { ...good, DISCORD_API_URL: rest.api }, logger });
    const error = await start.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('DISCORD_TOKEN');
    expect((error as Error).message).not.toContain(FAKE_TOKEN);
    expect(lines.join('\n')).not.toContain(FAKE_TOKEN);
    expect(rest.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/v10/gateway/bot']);
  });

  it('a bad probe guard setting is a ConfigError naming the variable, before connecting', async () => {
    const { logger } = captureLogger();
    const env = { ...good, DISCORD_API_URL: rest.api, POPBOT_PROBE_ALLOW: '10.0.0.0/99' };
    const error = await startDiscord({ env, logger }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('POPBOT_PROBE_ALLOW');
    expect(rest.calls).toEqual([]);
  });
});
