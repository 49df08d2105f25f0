import { Writable } from 'node:stream';
import { type SlackHandle, type StartSlackOptions, startSlack } from '../../adapters/slack/index.js';
import { createLogger } from '../../src/log/logger.js';
import { ensureBuilt } from '../support/spawn-popbot.js';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';
import { TEST_SIGNING_SECRET } from './signed.js';

/** A token of the right shape; the fake Slack accepts anything. */
export const TEST_BOT_TOKEN = 'xoxb-1111-2222-testtokenvalue';

export interface Harness {
  slack: FakeSlack;
  handle: SlackHandle;
  /** http://127.0.0.1:PORT/slack/events */
  eventsUrl: string;
  /** Every log line written so far, raw JSON. */
  logs(): string;
  stop(): Promise<void>;
}

/** A real Bolt app on a loopback port, its Web API pointed at a fresh fake Slack, its logs captured. */
export async function startHarness(
  env: NodeJS.ProcessEnv = {},
  options: Partial<Omit<StartSlackOptions, 'env' | 'logger'>> = {},
): Promise<Harness> {
  // The answer thread runs the built code (adapters/slack/answer-worker.ts): build it if the sources are newer.
  ensureBuilt();
  const slack = await startFakeSlack();
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: 'trace', destination: sink });
  let handle: SlackHandle;
  try {
    handle = await startSlack({
      env: {
        SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        ...env,
      },
      logger,
      listen: { host: '127.0.0.1', port: 0 },
      shutdownGraceMs: 3000,
      ...options,
    });
  } catch (error) {
    await slack.close();
    throw error;
  }
  return {
    slack,
    handle,
    eventsUrl: `http://127.0.0.1:${handle.port}/slack/events`,
    logs: () => lines.join(''),
    async stop() {
      await handle.stop();
      await slack.close();
    },
  };
}

/** Gives handlers already running a moment to make (unwanted) calls before a test asserts there were none. */
export function settle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
