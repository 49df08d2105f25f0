import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import pino from 'pino';
import { startSlack } from '../../adapters/slack/index.js';
import { createLogger } from '../../src/log/logger.js';

/**
 * One side of the Slack row, in its own process: `popbot` is the real adapter (startSlack, HTTP mode),
 * `bare` a Bolt app with the same receiver that only acknowledges. Both take their settings from the
 * environment (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, BENCH_LOG) and print their port.
 */
const kind = process.argv[2];
const env = process.env;
const logFile = env.BENCH_LOG ?? '/dev/null';

async function startPopbot(): Promise<{ port: number; stop: () => Promise<void> }> {
  // popbot logs JSON lines as in production, to a file instead of stderr.
  const logger = createLogger({
    level: 'info',
    destination: pino.destination({ dest: logFile, sync: false }),
  });
  const handle = await startSlack({
    env,
    logger,
    listen: { host: '127.0.0.1', port: 0 },
    shutdownGraceMs: 2000,
  });
  if (handle.port === undefined) throw new Error('the adapter did not start in HTTP mode');
  return { port: handle.port, stop: () => handle.stop() };
}

async function startBare(): Promise<{ port: number; stop: () => Promise<void> }> {
  const receiver = new HTTPReceiver({
    signingSecret: env.SLACK_SIGNING_SECRET ?? '',
    endpoints: '/slack/events',
    logLevel: LogLevel.ERROR,
  });
  const app = new App({
    token: env.SLACK_BOT_TOKEN ?? '',
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: env.SLACK_API_URL ?? '' },
    convoStore: false,
  });
  app.event('message', async () => {});
  const server = (await app.start({ host: '127.0.0.1', port: 0 })) as { address(): AddressInfo };
  return { port: server.address().port, stop: () => app.stop() as Promise<void> };
}

const started = kind === 'popbot' ? await startPopbot() : kind === 'bare' ? await startBare() : undefined;
if (!started) throw new Error(`unknown server kind ${kind}`);
process.stdout.write(`${JSON.stringify({ port: started.port })}\n`);
process.on('SIGTERM', () => {
  void started.stop().finally(() => process.exit(0));
});
