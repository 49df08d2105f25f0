import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../slack/fake-slack.js';
import { channelMessage, postEvent, TEST_SIGNING_SECRET } from '../slack/signed.js';
import { ensureBuilt, freePort, type PopbotProcess, spawnPopbot } from '../support/spawn-popbot.js';

/**
 * Slack HTTP mode: Slack connects to popbot, so the receiver's own port serves `/healthz` and `/metrics`
 * too — a container platform checks the port it already routes to.
 */
describe('Slack HTTP mode: /healthz and /metrics on the receiver port', () => {
  let slack: FakeSlack;
  let bot: PopbotProcess;
  let base: string;
  beforeAll(async () => {
    ensureBuilt();
    slack = await startFakeSlack();
    const port = await freePort();
    bot = spawnPopbot(
      ['start'],
      {
        SLACK_BOT_TOKEN: 'xoxb-1111-2222-httphealth',
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
      },
      60_000,
    );
    await bot.waitForStderr(/popbot started/, 15_000);
    base = `http://127.0.0.1:${port}`;
  }, 120_000);
  afterAll(async () => {
    await bot?.kill();
    await slack?.close();
  });

  it('GET /healthz: 200 with the adapter connected and since when', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      adapters: Record<string, { state: string; since: string }>;
    };
    expect(body.status).toBe('ok');
    expect(body.adapters.slack?.state).toBe('connected');
    expect(Date.parse(body.adapters.slack?.since ?? '')).toBeLessThanOrEqual(Date.now());
  });

  it('GET /metrics counts a pasted error answered over signed HTTP events', async () => {
    await postEvent(`${base}/slack/events`, channelMessage('-ERR [IN-USE] Unable to lock maildrop'));
    await slack.waitFor('chat.postMessage', 1);
    // The answer thread sends its counts with the end of the job, once Slack has answered the post.
    let res = await fetch(`${base}/metrics`);
    let text = await res.text();
    for (let i = 0; i < 50 && !text.includes('popbot_pastes_explained_total{outcome="errors"}'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      res = await fetch(`${base}/metrics`);
      text = await res.text();
    }
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(text).toMatch(/^popbot_pastes_explained_total\{outcome="errors"\} 1$/m);
    expect(text).toMatch(/^popbot_findings_total\{category="mailbox.locked",lang="en"\} 1$/m);
  });

  it('the events endpoint still refuses an unsigned request', async () => {
    const res = await fetch(`${base}/slack/events`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
  });
});
