import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Slack's Web API on loopback (the adapter's SLACK_API_URL), in its own process so that
 * serving popbot's replies costs neither the adapter nor the load generator any time. Answers what the
 * adapter calls: auth.test at start, users.info for locales, chat.postMessage for answers.
 */
let ts = 1_700_000_000;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const method = /^\/api\/([\w.]+)/.exec(req.url ?? '')?.[1] ?? '';
    const body =
      method === 'auth.test'
        ? { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0BENCH', user: 'popbot', team: 'bench' }
        : method === 'users.info'
          ? { ok: true, user: { id: 'U', locale: 'en-US' } }
          : method === 'chat.postMessage'
            ? { ok: true, channel: 'C0BENCH', ts: `${ts++}.000100` }
            : { ok: true };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
