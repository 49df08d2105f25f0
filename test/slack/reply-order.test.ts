import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.js';
import { channelMessage, postEvent } from './signed.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // Some askers' Slack language takes long to look up: the answer to their message is slow to start.
  h.slack.answer('users.info', (body) =>
    String(body.user).startsWith('U0SLOW') ? { delayMs: 400 } : undefined,
  );
});
afterAll(async () => {
  await h?.stop();
});

const LOCKED = '-ERR [IN-USE] Unable to lock maildrop: mailbox is locked by another session';
const AUTH = '-ERR [AUTH] Authentication failed.';

describe('answers are posted after the acknowledgement, in order per channel', () => {
  it("a channel's answers keep the order of its messages, even when the first one is slower", async () => {
    const before = h.slack.callsTo('chat.postMessage').length;
    const slow = channelMessage(LOCKED, { channel: 'C0ORDER', user: 'U0SLOW' });
    const quick = channelMessage(AUTH, { channel: 'C0ORDER', user: 'U0QUICK' });
    expect((await postEvent(h.eventsUrl, slow)).status).toBe(200);
    expect((await postEvent(h.eventsUrl, quick)).status).toBe(200);
    const posts = (await h.slack.waitFor('chat.postMessage', before + 2)).slice(before);
    expect(posts.map((p) => p.body.thread_ts)).toEqual([slow.ts, quick.ts]);
  });

  it('another channel is not held up by a slow answer', async () => {
    const before = h.slack.callsTo('chat.postMessage').length;
    // A user not looked up yet (the first test's slow asker is cached now).
    const slow = channelMessage(LOCKED, { channel: 'C0SLOW', user: 'U0SLOW2' });
    const other = channelMessage(AUTH, { channel: 'C0OTHER', user: 'U0OTHER' });
    await postEvent(h.eventsUrl, slow);
    await postEvent(h.eventsUrl, other);
    const posts = (await h.slack.waitFor('chat.postMessage', before + 2)).slice(before);
    expect(posts.map((p) => p.body.channel)).toEqual(['C0OTHER', 'C0SLOW']);
  });
});
