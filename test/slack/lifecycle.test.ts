import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack } from '../../adapters/slack/index.js';
import { ConfigError } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { type FakePopServer, startFakePopServer } from '../support/fake-pop-server.js';
import { startFakeSlack, TEAM } from './fake-slack.js';
import { settle, startHarness, TEST_BOT_TOKEN } from './harness.js';
import { channelMessage, nextTs, postCommand, postEvent, TEST_SIGNING_SECRET } from './signed.js';

const silent = createLogger({
  level: 'silent',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});

async function configError(env: NodeJS.ProcessEnv): Promise<string> {
  try {
    await startSlack({ env, logger: silent, listen: { host: '127.0.0.1', port: 0 } });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('startSlack accepted a bad configuration');
}

describe('configuration', () => {
  it('no SLACK_BOT_TOKEN: a ConfigError naming it', async () => {
    expect(await configError({ SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET })).toContain('SLACK_BOT_TOKEN');
  });

  it('a malformed token is named, and its value is not repeated', async () => {
    const message = await configError({
      SLACK_BOT_TOKEN: 'xoxp-user-token-secretvalue',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    });
    expect(message).toContain('SLACK_BOT_TOKEN');
    expect(message).not.toContain('secretvalue');
  });

  it('neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET: says to set one', async () => {
    const message = await configError({ SLACK_BOT_TOKEN: TEST_BOT_TOKEN });
    expect(message).toContain('SLACK_APP_TOKEN');
    expect(message).toContain('SLACK_SIGNING_SECRET');
  });

  it('bad PORT, SLACK_API_URL and POPBOT_PROBE_ALLOW are each named', async () => {
    const base = { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET };
    expect(await configError({ ...base, PORT: 'eighty' })).toContain('PORT');
    expect(await configError({ ...base, SLACK_API_URL: 'not a url' })).toContain('SLACK_API_URL');
    expect(await configError({ ...base, POPBOT_PROBE_ALLOW: '10.0.0.0/99' })).toContain('POPBOT_PROBE_ALLOW');
    expect(await configError({ ...base, SLACK_APP_TOKEN: 'xoxb-wrong-kind' })).toContain('SLACK_APP_TOKEN');
  });

  it('a token Slack refuses (auth.test invalid_auth) is a ConfigError naming SLACK_BOT_TOKEN', async () => {
    const slack = await startFakeSlack();
    try {
      slack.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
      const message = await configError({
        SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      });
      expect(message).toContain('SLACK_BOT_TOKEN');
      expect(message).toContain('invalid_auth');
    } finally {
      await slack.close();
    }
  });
});

describe('shutdown (what SIGTERM runs)', () => {
  let pop: FakePopServer;
  beforeAll(async () => {
    // A server that never greets: a probe against it runs until cancelled.
    pop = await startFakePopServer({ greeting: null });
  });
  afterAll(async () => {
    await pop?.close();
  });

  it('a reply in flight is finished before stop() resolves; then the port is closed', async () => {
    const h = await startHarness();
    h.slack.script('chat.postMessage', { delayMs: 400 });
    const event = channelMessage('-ERR [IN-USE] Unable to lock maildrop', { user: 'U0A' });
    await postEvent(h.eventsUrl, event);
    await h.slack.waitFor('chat.postMessage');
    const started = Date.now();
    await h.handle.stop();
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(h.logs()).toContain('"kind":"explanation"');
    expect(h.logs()).not.toContain('dropped');
    await expect(fetch(h.eventsUrl, { method: 'POST', body: '{}' })).rejects.toThrow();
    await h.slack.close();
  });

  it('an event that arrives while stopping is acknowledged and not answered', async () => {
    const h = await startHarness();
    h.slack.script('chat.postMessage', { delayMs: 500 });
    const first = channelMessage('-ERR [IN-USE] Unable to lock maildrop', { user: 'U0A' });
    await postEvent(h.eventsUrl, first);
    await h.slack.waitFor('chat.postMessage');
    const stopped = h.handle.stop();
    const late = await postEvent(h.eventsUrl, { ...first, ts: nextTs() });
    expect(late.status).toBe(200);
    await stopped;
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    await h.slack.close();
  });

  it('a running probe is cancelled, its user told so, and stop() does not wait for the probe timeout', async () => {
    const h = await startHarness({ POPBOT_PROBE_ALLOW: '127.0.0.0/8', POPBOT_PROBE_PORTS: String(pop.port) });
    await postCommand(h.eventsUrl, {
      team_id: TEAM,
      channel_id: 'C0CHAN',
      user_id: 'U0A',
      command: '/popcheck',
      text: `127.0.0.1 ${pop.port}`,
      response_url: h.slack.responseUrl('cancel'),
      trigger_id: 't',
      api_app_id: 'A0APP',
      token: 'legacy',
    });
    await h.slack.waitFor('response');
    while (pop.connections === 0) await settle(20);
    const started = Date.now();
    await h.handle.stop();
    expect(Date.now() - started).toBeLessThan(3000);
    const responses = h.slack.responses('cancel');
    expect(responses).toHaveLength(2);
    expect(JSON.stringify(responses[1]?.body.blocks)).toContain('cancelled');
    await h.slack.close();
  });
});
