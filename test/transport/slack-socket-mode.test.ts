import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER, TEAM } from '../slack/fake-slack.js';
import { channelMessage, nextTs } from '../slack/signed.js';
import { startFakePopServer } from '../support/fake-pop-server.js';
import {
  APP_ID,
  type FakeSlackSocket,
  SOCKET_APP_TOKEN,
  SOCKET_BOT_TOKEN,
  startFakeSlackSocket,
} from '../support/fake-slack-socket.js';
import {
  ensureBuilt,
  freePort,
  type PopbotProcess,
  spawnPopbot,
  STACK_LINE,
} from '../support/spawn-popbot.js';

/**
 * A real `popbot start` in Socket Mode against a loopback Slack that speaks the Socket Mode protocol
 * (test/support/fake-slack-socket.ts). Every assertion is on what Slack would have received.
 */

const PASTE = '-ERR [IN-USE] Unable to lock maildrop: mailbox is locked by another POP3 session';

let fake: FakeSlackSocket | undefined;
let bot: PopbotProcess | undefined;

beforeAll(() => ensureBuilt(), 120_000);
afterEach(async () => {
  await bot?.kill();
  await fake?.close();
  bot = undefined;
  fake = undefined;
});

/** A fake Slack and a popbot connected to it. */
async function launch(env: Record<string, string> = {}, lifetimeMs = 60_000) {
  const f = await startFakeSlackSocket();
  const b = spawnPopbot(['start'], { ...f.env, LOG_LEVEL: 'debug', ...env }, lifetimeMs);
  try {
    await b.waitForStderr(/popbot started/, 15_000);
    await f.connection(1);
  } catch (error) {
    await b.kill();
    await f.close();
    throw error;
  }
  return { fake: f, bot: b };
}

/** launch(), torn down after the test. */
async function start(env: Record<string, string> = {}) {
  const started = await launch(env);
  ({ fake, bot } = started);
  return started;
}

/** The first chat.postMessage to `channel`, once Slack has it. */
function postedIn(f: FakeSlackSocket, channel: string) {
  return f.until(
    () => f.slack.callsTo('chat.postMessage').find((c) => c.body.channel === channel),
    `an answer in ${channel}`,
  );
}

/** A channel message with a POP error, sent as a first delivery; resolves with the answer Slack got. */
async function askInChannel(f: FakeSlackSocket) {
  const message = channelMessage(PASTE);
  const ack = await f.event(message);
  const answer = await f.until(
    () => f.slack.callsTo('chat.postMessage').find((c) => c.body.thread_ts === message.ts),
    `the answer in the thread of ${message.ts}`,
  );
  return { message, ack, answer };
}

describe('Socket Mode: messages (one popbot for these tests)', () => {
  let shared: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    shared = await launch({}, 180_000);
  }, 60_000);
  afterAll(async () => {
    await shared?.bot.kill();
    await shared?.fake.close();
  });

  it('a channel message with retry_attempt 0 is answered in its thread; a real retry (retry_attempt 1) is not', async () => {
    const { fake: f, bot: b } = shared;
    // The connection was opened with the app-level token, through SLACK_API_URL.
    const open = f.slack.callsTo('apps.connections.open');
    expect(open[0]?.headers.authorization).toBe(`Bearer ${SOCKET_APP_TOKEN}`);
    expect(f.slack.callsTo('auth.test')[0]?.headers.authorization).toBe(`Bearer ${SOCKET_BOT_TOKEN}`);

    const { message, ack, answer } = await askInChannel(f);
    expect(ack.payload ?? {}).toEqual({});
    expect(answer.body).toMatchObject({ channel: 'C0CHAN', thread_ts: message.ts, unfurl_links: 'false' });
    // Form-encoded, blocks as a JSON string that parses to Block Kit.
    expect(answer.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(new URLSearchParams(answer.raw).get('blocks')).toMatch(/^\[\{"type":/);
    expect(JSON.stringify(answer.body.blocks)).toContain('IN-USE');
    expect(answer.headers.authorization).toBe(`Bearer ${SOCKET_BOT_TOKEN}`);

    // A retry of a message never seen before: only the retry filter can keep it unanswered.
    const retried = channelMessage(PASTE);
    await f.event(retried, { attempt: 1, reason: 'timeout' });
    await b.waitForStderr(/"retryNum":1,"retryReason":"timeout".*ignored a Slack retry/);
    // A later first delivery is answered, so the retry had its chance to be answered first.
    await askInChannel(f);
    expect(f.slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === retried.ts)).toEqual([]);
    expect(b.stderr()).not.toMatch(/"retryNum":0.*ignored a Slack retry/);
  });

  it('a DM is answered beside it and a mention in its thread', async () => {
    const { fake: f } = shared;
    const dm = { ...channelMessage(PASTE), channel: 'D0DM', channel_type: 'im' };
    await f.event(dm);
    const dmAnswer = await postedIn(f, 'D0DM');
    expect(dmAnswer.body.thread_ts).toBeUndefined();

    // Slack delivers a mention twice: as app_mention, and as a message carrying <@bot>. One answer.
    const ts = nextTs();
    const text = `<@${BOT_USER}> ${PASTE}`;
    await f.event({ type: 'app_mention', channel: 'C0CHAN', user: 'U0ASKER', text, ts });
    await f.event({ type: 'message', channel: 'C0CHAN', channel_type: 'channel', user: 'U0ASKER', text, ts });
    const mentionAnswer = await f.until(
      () => f.slack.callsTo('chat.postMessage').find((c) => c.body.thread_ts === ts),
      'the answer to the mention',
    );
    expect(JSON.stringify(mentionAnswer.body.blocks)).toContain('IN-USE');
    // The next message's answer proves the duplicate delivery was handled and not answered.
    await askInChannel(f);
    expect(f.slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts)).toHaveLength(1);
  });

  it('a slash command is acknowledged on the socket and answered at its absolute response_url', async () => {
    const { fake: f } = shared;
    const responseUrl = f.slack.responseUrl('socket-poperror');
    const ack = await f.send('slash_commands', {
      token: 'legacy-verification-token',
      team_id: TEAM,
      team_domain: 'test',
      channel_id: 'C0CHAN',
      channel_name: 'support',
      user_id: 'U0ASKER',
      user_name: 'asker',
      command: '/poperror',
      text: PASTE,
      api_app_id: APP_ID,
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: '1111.2222.abcd',
    });
    expect(ack.envelope_id).toBeTruthy();
    const response = await f.until(() => f.slack.responses('socket-poperror')[0], 'the /poperror response');
    expect(response?.path).toBe('/response/socket-poperror');
    expect(response?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(response?.body)).toContain('IN-USE');
  });

  it('the message shortcut (an interactive envelope) answers ephemerally in the thread', async () => {
    const { fake: f } = shared;
    const ts = nextTs();
    await f.send('interactive', {
      type: 'message_action',
      callback_id: 'explain_pop_error',
      trigger_id: '1111.3333.abcd',
      team: { id: TEAM, domain: 'test' },
      user: { id: 'U0ASKER', name: 'asker', team_id: TEAM },
      channel: { id: 'C0CHAN', name: 'support' },
      message: { type: 'message', user: 'U0OTHER', text: PASTE, ts },
      response_url: f.slack.responseUrl('socket-shortcut'),
      action_ts: '1710000000.999',
      token: 'legacy-verification-token',
      is_enterprise_install: false,
    });
    const ephemeral = await f.until(
      () => f.slack.callsTo('chat.postEphemeral').find((c) => c.body.thread_ts === ts),
      'the ephemeral answer',
    );
    expect(ephemeral?.body).toMatchObject({ channel: 'C0CHAN', user: 'U0ASKER', thread_ts: ts });
    expect(JSON.stringify(ephemeral?.body.blocks)).toContain('IN-USE');
  });
});

describe('Socket Mode: the connection', () => {
  it('after disconnect (refresh_requested) and apps.connections.open failing with 503 for 10 s, popbot reconnects and answers; /healthz says so', async () => {
    const health = String(await freePort());
    const { fake: f, bot: b } = await start({ POPBOT_HEALTH_PORT: health });
    const healthz = async () => {
      const res = await fetch(`http://127.0.0.1:${health}/healthz`);
      return {
        status: res.status,
        body: (await res.json()) as { adapters: Record<string, { state: string; since: string }> },
      };
    };
    expect((await healthz()).status).toBe(200);

    f.failOpen(10_000);
    const cut = Date.now();
    f.disconnect('refresh_requested');
    await b.waitForStderr(/Socket Mode connection closed; reconnecting/);
    const during = await healthz();
    expect(during.status).toBe(503);
    expect(during.body.adapters.slack?.state).toBe('reconnecting');
    await b.waitForStderr(
      /"reason":"apps.connections.open answered HTTP 503".*Socket Mode connection attempt failed/,
    );

    const second = await f.connection(2, 30_000);
    const reconnectMs = second.openedAt - cut;
    const failures = f.slack.callsTo('apps.connections.open').filter((c) => c.status === 503).length;
    expect(reconnectMs).toBeGreaterThanOrEqual(10_000);
    expect(failures).toBeGreaterThanOrEqual(2);
    // One log line per failed attempt, each with the delay before the next.
    expect(b.stderr().match(/Socket Mode connection attempt failed/g)).toHaveLength(failures);
    await askInChannel(f);
    const after = await healthz();
    expect(after.status).toBe(200);
    expect(Date.parse(after.body.adapters.slack?.since ?? '')).toBeGreaterThanOrEqual(cut + 10_000);
    const metrics = await (await fetch(`http://127.0.0.1:${health}/metrics`)).text();
    expect(metrics).toMatch(/^popbot_adapter_reconnects_total\{adapter="slack"\} 1$/m);
    console.info(`reconnected ${reconnectMs} ms after the disconnect, after ${failures} refused attempts`);
  }, 60_000);

  it('after a refused connection (Slack unreachable for 3 s, the socket dropped), popbot reconnects and answers', async () => {
    const { fake: f, bot: b } = await start();
    const cut = Date.now();
    await f.refuse(3000);
    await b.waitForStderr(/apps.connections.open failed \(ECONNREFUSED\)/);
    const second = await f.connection(2, 30_000);
    await askInChannel(f);
    expect(b.child.exitCode).toBeNull();
    console.info(`reconnected ${second.openedAt - cut} ms after the connection was refused`);
  }, 60_000);

  it('a dropped socket (no close frame) is reconnected and the next message answered', async () => {
    const { fake: f } = await start();
    const cut = Date.now();
    f.drop();
    const second = await f.connection(2, 30_000);
    await askInChannel(f);
    console.info(`reconnected ${second.openedAt - cut} ms after the drop`);
  }, 60_000);

  it('SIGTERM while reconnecting: exit 0 at once, no connection left behind', async () => {
    const { fake: f, bot: b } = await start();
    f.failOpen(60_000);
    f.disconnect('link_disabled');
    await b.waitForStderr(/Socket Mode connection attempt failed/);
    const signalled = Date.now();
    b.child.kill('SIGTERM');
    const { code } = await b.exited;
    expect(code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(3000);
    expect(b.stderr()).toMatch(/Slack adapter stopped/);
  }, 30_000);
});

/** One sample of `name{labels}` from a Prometheus text exposition, or 0 when absent. */
function sample(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('Socket Mode: /metrics', () => {
  it('counts a pasted error (paste, finding by category and language, reply latency), not the chatter around it, and a /popcheck run', async () => {
    const pop = await startFakePopServer();
    try {
      const health = await freePort();
      const { fake: f } = await start({
        POPBOT_HEALTH_PORT: String(health),
        POPBOT_PROBE_ALLOW: '127.0.0.0/8',
        POPBOT_PROBE_PORTS: String(pop.port),
      });
      const metrics = async () => (await fetch(`http://127.0.0.1:${health}/metrics`)).text();
      const before = await metrics();
      expect(sample(before, 'popbot_pastes_explained_total', 'outcome="errors"')).toBe(0);

      await f.event(channelMessage('good morning, anyone up for lunch?'));
      await askInChannel(f);
      // The answer thread reports the reply's latency once Slack's answer to the post reaches it, a moment
      // after Slack has the post.
      let after = await metrics();
      for (
        let i = 0;
        i < 50 && sample(after, 'popbot_reply_latency_seconds_count', 'adapter="slack"') === 0;
        i++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        after = await metrics();
      }
      expect(sample(after, 'popbot_pastes_explained_total', 'outcome="errors"')).toBe(1);
      expect(sample(after, 'popbot_pastes_explained_total', 'outcome="not-pop"')).toBe(0);
      expect(sample(after, 'popbot_findings_total', 'category="mailbox.locked",lang="en"')).toBe(1);
      expect(sample(after, 'popbot_reply_latency_seconds_count', 'adapter="slack"')).toBe(1);
      expect(sample(after, 'popbot_reply_latency_seconds_sum', 'adapter="slack"')).toBeGreaterThan(0);
      expect(after).toMatch(/^# TYPE popbot_reply_latency_seconds histogram$/m);
      expect(after).toMatch(/^process_cpu_seconds_total /m);

      const responseUrl = f.slack.responseUrl('socket-popcheck');
      await f.send('slash_commands', {
        team_id: TEAM,
        channel_id: 'C0CHAN',
        user_id: 'U0ASKER',
        command: '/popcheck',
        text: `127.0.0.1 ${pop.port}`,
        api_app_id: APP_ID,
        response_url: responseUrl,
        trigger_id: '1111.4444.abcd',
      });
      // "checking…", then the report.
      await f.slack.waitFor('response', 2, 15_000);
      const probed = await metrics();
      const runs = ['ok', 'warning', 'critical', 'unknown', 'error'].map((o) =>
        sample(probed, 'popbot_probe_runs_total', `outcome="${o}"`),
      );
      expect(runs.reduce((a, b) => a + b)).toBe(1);
      expect(sample(probed, 'popbot_probe_runs_total', 'outcome="error"')).toBe(0);
    } finally {
      await pop.close();
    }
  }, 60_000);
});

describe('Socket Mode: tokens Slack refuses', () => {
  it('invalid_auth for the app-level token at start: exit 2 naming SLACK_APP_TOKEN, no token printed', async () => {
    fake = await startFakeSlackSocket();
    fake.openError = 'invalid_auth';
    bot = spawnPopbot(['start'], fake.env, 20_000);
    const { code } = await bot.exited;
    expect(code, bot.stderr()).toBe(2);
    expect(bot.stderr()).toMatch(
      /^popbot: invalid configuration:\n {2}SLACK_APP_TOKEN: Slack refused this token \(invalid_auth\)$/m,
    );
    expect(bot.stderr()).not.toContain(SOCKET_APP_TOKEN);
    expect(bot.stderr()).not.toMatch(STACK_LINE);
  });

  it('invalid_auth for the bot token at start: exit 2 naming SLACK_BOT_TOKEN', async () => {
    fake = await startFakeSlackSocket();
    fake.slack.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    bot = spawnPopbot(['start'], fake.env, 20_000);
    const { code } = await bot.exited;
    expect(code, bot.stderr()).toBe(2);
    expect(bot.stderr()).toMatch(/SLACK_BOT_TOKEN: Slack refused this token \(invalid_auth\)/);
    expect(fake.slack.callsTo('apps.connections.open')).toHaveLength(0);
  });

  it('the app-level token revoked while reconnecting: popbot logs why and exits 2 naming SLACK_APP_TOKEN', async () => {
    const { fake: f, bot: b } = await start();
    f.openError = 'token_revoked';
    f.disconnect('refresh_requested');
    const { code } = await b.exited;
    expect(code, b.stderr()).toBe(2);
    expect(b.stderr()).toMatch(
      /"reason":"SLACK_APP_TOKEN: Slack refused this token \(token_revoked\)".*an adapter gave up/,
    );
    expect(b.stderr()).toMatch(
      /^popbot: invalid configuration:\n {2}SLACK_APP_TOKEN: Slack refused this token \(token_revoked\)$/m,
    );
  }, 30_000);
});
