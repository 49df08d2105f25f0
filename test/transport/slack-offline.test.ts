import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, freePort, spawnPopbot } from '../support/spawn-popbot.js';

const TOKEN = 'xoxb-1234567890-1234567890-abcdefghijklmnopqrstuvwx';

describe('popbot start when Slack cannot be reached', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('says Slack could not be reached, with the host and the cause, exit 3, no internal error, no token', async () => {
    // Nothing listens on this loopback port: every request to "Slack" is refused.
    const closed = await freePort();
    const p = spawnPopbot(
      ['start'],
      {
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
        SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
        PORT: String(await freePort()),
      },
      60_000,
    );
    const exit = await p.exited;
    expect(exit.code, p.stderr()).toBe(3);
    expect(p.stderr()).toMatch(
      new RegExp(`popbot: could not reach Slack \\(127\\.0\\.0\\.1:${closed}: ECONNREFUSED\\)`),
    );
    expect(p.stderr()).not.toMatch(/internal error/);
    expect(p.stderr()).not.toContain(TOKEN);
  }, 90_000);
});
