import { Agent, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '../../test/support/spawn-popbot.js';
import { postSignedEvent } from '../lib/slack-signed-post.js';
import type { CapacityDriver, CapacityPicture } from './capacity-driver.js';
import { startBot } from './capacity-driver.js';

const SECRET = 'c4e1c0de5b7e4d2f9a8b6c4d2e0f1a3b';
const TOKEN = 'xoxb-0000-1111-capacitytoken';
/** Askers and channels the messages come from: the Slack locale of each asker is looked up once. */
const USERS = 50;
const CHANNELS = 50;

const tsOf = (n: number) => `1710000000.${String(n).padStart(6, '0')}`;
const numberOf = (ts: string) => Number(ts.split('.')[1]);

/**
 * Slack for one `popbot start` in HTTP mode: the bench signs and posts Events API requests to it, and plays
 * the Web API (auth.test, users.info, chat.postMessage) and the files host on one loopback port. A reply is
 * the chat.postMessage whose thread_ts is the message's ts.
 */
export async function startSlackDriver(
  root: string,
  texts: readonly string[],
  pictures: readonly CapacityPicture[],
): Promise<CapacityDriver> {
  const files = new Map(pictures.map((p) => [p.key, p.bytes]));
  let onReply: (n: number) => void = () => {};
  let ts = 1_700_000_000;
  const api = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      if (url.startsWith('/files-pri/')) {
        const bytes = files.get(url.slice('/files-pri/'.length));
        res.writeHead(bytes ? 200 : 404, { 'content-type': 'image/png' });
        res.end(bytes ?? 'no');
        return;
      }
      const method = /^\/api\/([\w.]+)/.exec(url)?.[1] ?? '';
      let body: unknown = { ok: true };
      if (method === 'auth.test')
        body = { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0CAP', user: 'popbot', team: 'cap' };
      else if (method === 'users.info') body = { ok: true, user: { id: 'U', locale: 'en-US' } };
      else if (method === 'chat.postMessage') {
        const thread = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('thread_ts');
        if (thread) onReply(numberOf(thread));
        body = { ok: true, channel: 'C0CAP', ts: `${ts++}.000100` };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  const apiPort = (api.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${apiPort}`;

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${origin}/api/`,
    PORT: String(port),
    LOG_LEVEL: 'info',
  };
  for (const name of ['SLACK_APP_TOKEN', 'DISCORD_TOKEN', 'POPBOT_HEALTH_PORT']) delete env[name];
  let bot;
  try {
    bot = await startBot(root, env);
  } catch (error) {
    api.close();
    throw error;
  }

  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let acks: number[] = [];
  let failed = 0;
  const post = (body: string) => {
    postSignedEvent(port, body, agent, SECRET).then(
      ({ ms, status }) => {
        if (status === 200) acks.push(ms);
        else failed++;
      },
      () => failed++,
    );
  };

  return {
    pid: bot.pid,
    set onReply(f: (n: number) => void) {
      onReply = f;
    },
    get onReply() {
      return onReply;
    },
    send(n, picture) {
      const user = `U0CAP${n % USERS}`;
      const channel = `C0CAP${n % CHANNELS}`;
      const p = picture === undefined ? undefined : pictures[picture];
      const event = p
        ? (() => {
            const file = {
              id: `F${n}`,
              mimetype: 'image/png',
              size: p.bytes.length,
              url_private_download: `${origin}/files-pri/${p.key}`,
            };
            return { subtype: 'file_share', text: '', files: [file] };
          })()
        : { text: texts[n % texts.length] };
      post(
        JSON.stringify({
          token: 'legacy-verification-token',
          team_id: 'T0CAP',
          api_app_id: 'A0CAP',
          type: 'event_callback',
          event_id: `Ev${n}`,
          event_time: Math.floor(Date.now() / 1000),
          event: {
            type: 'message',
            channel,
            channel_type: 'channel',
            user,
            ts: tsOf(n),
            event_ts: tsOf(n),
            ...event,
          },
        }),
      );
    },
    takeAcks() {
      const taken = { ms: acks, failed };
      acks = [];
      failed = 0;
      return taken;
    },
    async stop() {
      agent.destroy();
      await bot.stop();
      api.closeAllConnections();
      await new Promise((r) => api.close(r));
    },
  };
}
