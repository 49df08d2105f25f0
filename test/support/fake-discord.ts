import { FakeDiscordGateway } from './fake-discord-gateway.js';
import { botRoutes, FakeDiscordRest, type RestCall } from './fake-discord-rest.js';

/**
 * Discord for a real `popbot start`: the REST API and the gateway on 127.0.0.1, one guild whose text
 * channels include the support channel, and the environment that points popbot at them.
 */

export const DISCORD_IDS = {
  /** The application, and the bot user: Discord gives both the same id. */
  app: '100000000000000001',
  guild: '200000000000000002',
  support: '300000000000000003',
  other: '300000000000000005',
} as const;

// Built at run time so no token-shaped literal sits in the repository.
export const DISCORD_TEST_TOKEN = ['MTAw', 'B'.repeat(20), '.', 'Gfedcb', '.', 'y'.repeat(30)].join('');

function guildCreate() {
  const channel = (id: string, name: string, position: number) => ({
    id,
    type: 0,
    guild_id: DISCORD_IDS.guild,
    name,
    position,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
  });
  return {
    id: DISCORD_IDS.guild,
    name: 'Mail help',
    icon: null,
    owner_id: '600000000000000009',
    preferred_locale: 'en-US',
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    system_channel_flags: 0,
    features: [],
    emojis: [],
    stickers: [],
    roles: [],
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: '2026-01-01T00:00:00.000000+00:00',
    members: [],
    voice_states: [],
    presences: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    channels: [channel(DISCORD_IDS.support, 'pop-help', 0), channel(DISCORD_IDS.other, 'general', 1)],
  };
}

export interface FakeDiscord {
  rest: FakeDiscordRest;
  gateway: FakeDiscordGateway;
  /** DISCORD_* for popbot start. */
  env: Record<string, string>;
  /** The REST calls so far to paths matching `path` (the /api/v10 prefix left out). */
  restCalls(method: string, path: RegExp): RestCall[];
  /** Resolves with the `count`-th REST call to `path`; rejects after `ms`. */
  waitForRest(method: string, path: RegExp, count?: number, ms?: number): Promise<RestCall>;
  close(): Promise<void>;
}

export async function startFakeDiscord(options: { heartbeatIntervalMs?: number } = {}): Promise<FakeDiscord> {
  const gateway = await new FakeDiscordGateway({
    token: DISCORD_TEST_TOKEN,
    botId: DISCORD_IDS.app,
    guilds: [guildCreate()],
    ...options,
  }).start();
  const rest = await new FakeDiscordRest().start();
  rest.handle = botRoutes({
    gatewayUrl: () => gateway.url,
    botId: DISCORD_IDS.app,
    token: DISCORD_TEST_TOKEN,
    channelId: DISCORD_IDS.support,
  });
  const matches = (method: string, path: RegExp) => (c: RestCall) =>
    c.method === method && path.test(c.path.replace(/^\/api\/v10/, '').replace(/\?.*$/, ''));
  const restCalls = (method: string, path: RegExp) => rest.calls.filter(matches(method, path));
  return {
    rest,
    gateway,
    env: {
      DISCORD_TOKEN: DISCORD_TEST_TOKEN,
      DISCORD_APPLICATION_ID: DISCORD_IDS.app,
      DISCORD_SUPPORT_CHANNELS: DISCORD_IDS.support,
      DISCORD_API_URL: rest.api,
      DISCORD_CDN_URL: rest.cdn,
    },
    restCalls,
    waitForRest(method, path, count = 1, ms = 10_000) {
      return rest.waitForCall(matches(method, path), count, ms);
    },
    async close() {
      await gateway.close();
      await rest.close();
    },
  };
}
