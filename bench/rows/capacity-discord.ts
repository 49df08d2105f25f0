import { DISCORD_IDS, startFakeDiscord } from '../../test/support/fake-discord.js';
import type { CapacityDriver, CapacityPicture } from './capacity-driver.js';
import { startBot } from './capacity-driver.js';

const USERS = 50;
/**
 * Support channels the messages are spread over: discord.js sends one request at a time per channel (its
 * rate-limit bucket), so one channel measures the round trip, not the process.
 */
const CHANNELS = 8;
const channelId = (i: number) =>
  i === 0 ? DISCORD_IDS.support : String(310_000_000_000_000_000n + BigInt(i));
/** Message ids are snowflakes; the bench numbers its messages from this one. */
const FIRST_ID = 400_000_000_000_000_000n;
const REPLIES = /^\/api\/v10\/channels\/\d+\/messages$/;

/**
 * Discord for one `popbot start`: the fake gateway (test/support) delivers MESSAGE_CREATE in the support
 * channel over its WebSocket, the fake REST API takes the replies; a reply is the POST whose
 * message_reference names the message. Pictures are served from the fake's CDN side.
 */
export async function startDiscordDriver(
  root: string,
  texts: readonly string[],
  pictures: readonly CapacityPicture[],
): Promise<CapacityDriver> {
  const discord = await startFakeDiscord();
  for (const p of pictures) discord.rest.attachments.set(p.key, p.bytes);
  let onReply: (n: number) => void = () => {};
  const routes = discord.rest.handle;
  discord.rest.handle = (call) => {
    // The fake records every call; the load would make that a leak.
    if (discord.rest.calls.length > 1000) discord.rest.calls.length = 0;
    if (call.method === 'POST' && REPLIES.test(call.path)) {
      const id = (call.body as { message_reference?: { message_id?: string } }).message_reference?.message_id;
      if (id) onReply(Number(BigInt(id) - FIRST_ID));
    }
    return routes(call);
  };
  const channels = Array.from({ length: CHANNELS }, (_, i) => channelId(i));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...discord.env,
    DISCORD_SUPPORT_CHANNELS: channels.join(','),
    LOG_LEVEL: 'info',
  };
  for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'POPBOT_HEALTH_PORT']) delete env[name];
  let bot;
  try {
    bot = await startBot(root, env);
  } catch (error) {
    await discord.close();
    throw error;
  }
  // The guild's other support channels, created the way Discord announces a new one.
  for (const id of channels.slice(1))
    discord.gateway.dispatch('CHANNEL_CREATE', {
      id,
      type: 0,
      guild_id: DISCORD_IDS.guild,
      name: `pop-help-${id.slice(-2)}`,
      position: 2,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
    });
  return {
    pid: bot.pid,
    set onReply(f: (n: number) => void) {
      onReply = f;
    },
    get onReply() {
      return onReply;
    },
    send(n, picture) {
      const p = picture === undefined ? undefined : pictures[picture];
      discord.gateway.dispatch('MESSAGE_CREATE', {
        id: String(FIRST_ID + BigInt(n)),
        channel_id: channelId(n % CHANNELS),
        guild_id: DISCORD_IDS.guild,
        author: {
          id: String(500_000_000_000_000_000n + BigInt(n % USERS)),
          username: 'alice',
          discriminator: '0',
          global_name: null,
          avatar: null,
        },
        content: p ? '' : (texts[n % texts.length] ?? ''),
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: [],
        mention_roles: [],
        attachments: p
          ? [
              {
                id: String(600_000_000_000_000_000n + BigInt(n)),
                filename: `${p.key}.png`,
                size: p.bytes.length,
                url: `${discord.rest.cdn}/attachments/${p.key}`,
                proxy_url: `${discord.rest.cdn}/attachments/${p.key}`,
                content_type: 'image/png',
              },
            ]
          : [],
        embeds: [],
        pinned: false,
        type: 0,
      });
    },
    async stop() {
      await bot.stop();
      await discord.close();
    },
  };
}
