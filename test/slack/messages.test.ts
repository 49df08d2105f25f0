import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_ID, BOT_USER, type RecordedCall } from './fake-slack.js';
import { type Harness, settle, startHarness } from './harness.js';
import { channelMessage, nextTs, postEvent } from './signed.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const LOCKED = '-ERR [IN-USE] Unable to lock maildrop: mailbox is locked by another session';

type Block = { type: string; text?: { text: string }; elements?: { text: string }[] };
function blocksOf(call: RecordedCall): Block[] {
  return call.body.blocks as Block[];
}
function allText(call: RecordedCall): string {
  return JSON.stringify(call.body.blocks) + String(call.body.text);
}

/** Sends the event, then a pasted error as a marker, and returns the posts made for the first event only. */
async function postsFor(event: Record<string, unknown>, options: Parameters<typeof postEvent>[2] = {}) {
  const before = h.slack.callsTo('chat.postMessage').length;
  const res = await postEvent(h.eventsUrl, event, options);
  expect(res.status).toBe(200);
  const marker = channelMessage(LOCKED);
  await postEvent(h.eventsUrl, marker);
  // The marker's reply proves the app has handled what came before it.
  while (!h.slack.callsTo('chat.postMessage').some((c) => c.body.thread_ts === marker.ts)) await settle(20);
  await settle();
  return h.slack
    .callsTo('chat.postMessage')
    .slice(before)
    .filter((c) => c.body.thread_ts !== marker.ts);
}

describe('a pasted POP error in a channel', () => {
  it('is answered in its thread with a header, the meaning, the steps and the category code', async () => {
    const event = channelMessage(`Outlook keeps saying this:\n${LOCKED}`);
    const before = h.slack.callsTo('chat.postMessage').length;
    await postEvent(h.eventsUrl, event);
    const [post] = (await h.slack.waitFor('chat.postMessage', before + 1)).slice(before);
    expect(post?.body.channel).toBe('C0CHAN');
    expect(post?.body.thread_ts).toBe(event.ts);
    const blocks = blocksOf(post!);
    expect(blocks[0]?.type).toBe('header');
    expect(blocks.some((b) => b.type === 'section' && b.text?.text.includes('*What it means*'))).toBe(true);
    expect(blocks.some((b) => b.type === 'section' && b.text?.text.includes('*What you can do*'))).toBe(true);
    const footer = blocks.filter((b) => b.type === 'context').at(-1);
    expect(footer?.elements?.map((e) => e.text).join(' ')).toContain('`mailbox.locked`');
    expect(footer?.elements?.map((e) => e.text).join(' ')).toMatch(/<https:\/\/[^|]+\|RFC/);
    expect(String(post?.body.text)).toContain('Unable to lock maildrop');
    expect(post?.headers.authorization).toBe('Bearer xoxb-1111-2222-testtokenvalue');
  });

  it('a reply inside a thread stays in that thread', async () => {
    const event = channelMessage(LOCKED, { thread_ts: '1700000000.000001' });
    const before = h.slack.callsTo('chat.postMessage').length;
    await postEvent(h.eventsUrl, event);
    const [post] = (await h.slack.waitFor('chat.postMessage', before + 1)).slice(before);
    expect(post?.body.thread_ts).toBe('1700000000.000001');
  });

  it('several findings stay within Slack limits and end with "…and N more"', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => `S: -ERR [IN-USE] Unable to lock maildrop ${i}`).join(
      '\n',
    );
    const transcript = `C: USER alice\nS: +OK\nC: PASS x\n${lines}\n-ERR [SYS/TEMP] Temporary failure\n-ERR [AUTH] Authentication failed.`;
    const [post] = await postsFor(channelMessage(transcript));
    const blocks = blocksOf(post!);
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) {
      if (b.type === 'header') expect(b.text!.text.length).toBeLessThanOrEqual(150);
      if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(3000);
    }
    expect(allText(post!)).toMatch(/…and \d+ more/);
    expect(String(post!.body.text).length).toBeLessThanOrEqual(3000);
  });
});

describe('the bot never chatters and never answers twice', () => {
  it('a message without a POP error gets nothing', async () => {
    expect(await postsFor(channelMessage('Anyone up for lunch at noon?'))).toEqual([]);
  });

  it("Slack's retry of an event (X-Slack-Retry-Num) is acknowledged and not processed", async () => {
    // Only the retry arrives here: the first delivery is the one being answered, so the retry must add nothing.
    const retry = channelMessage(LOCKED);
    expect(await postsFor(retry, { retryNum: 1 })).toEqual([]);
  });

  it('the same event delivered twice without a retry header is answered once', async () => {
    const event = channelMessage(LOCKED);
    const before = h.slack.callsTo('chat.postMessage').length;
    await postEvent(h.eventsUrl, event);
    await postEvent(h.eventsUrl, event);
    await h.slack.waitFor('chat.postMessage', before + 1);
    await settle(300);
    expect(
      h.slack
        .callsTo('chat.postMessage')
        .slice(before)
        .filter((c) => c.body.thread_ts === event.ts),
    ).toHaveLength(1);
  });

  it('a bot message (bot_id, subtype bot_message) gets nothing', async () => {
    expect(await postsFor(channelMessage(LOCKED, { subtype: 'bot_message', bot_id: 'B0OTHER' }))).toEqual([]);
    expect(await postsFor(channelMessage(LOCKED, { bot_id: 'B0OTHER' }))).toEqual([]);
  });

  it("the bot's own message gets nothing", async () => {
    expect(await postsFor(channelMessage(LOCKED, { user: BOT_USER, bot_id: BOT_ID }))).toEqual([]);
  });

  it('an edit (message_changed) gets nothing', async () => {
    const edit = {
      type: 'message',
      subtype: 'message_changed',
      channel: 'C0CHAN',
      channel_type: 'channel',
      ts: nextTs(),
      message: { type: 'message', user: 'U0ASKER', text: LOCKED, ts: nextTs() },
      previous_message: { type: 'message', user: 'U0ASKER', text: 'typo', ts: nextTs() },
    };
    expect(await postsFor(edit)).toEqual([]);
  });

  it('a channel message that mentions the bot is answered once, by the mention handler', async () => {
    const ts = nextTs();
    const text = `<@${BOT_USER}> help`;
    const before = h.slack.callsTo('chat.postMessage').length;
    await postEvent(h.eventsUrl, {
      type: 'message',
      channel: 'C0CHAN',
      channel_type: 'channel',
      user: 'U0ASKER',
      text,
      ts,
    });
    await postEvent(h.eventsUrl, { type: 'app_mention', channel: 'C0CHAN', user: 'U0ASKER', text, ts });
    await h.slack.waitFor('chat.postMessage', before + 1);
    await settle(300);
    const posts = h.slack.callsTo('chat.postMessage').slice(before);
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.body.text)).toContain('I explain POP3 email errors');
    expect(posts[0]?.body.thread_ts).toBe(ts);
  });
});

describe('mentions and direct messages', () => {
  it('"help" in a DM explains what the bot does', async () => {
    const before = h.slack.callsTo('chat.postMessage').length;
    await postEvent(h.eventsUrl, {
      type: 'message',
      channel: 'D0DM',
      channel_type: 'im',
      user: 'U0ASKER',
      text: 'help',
      ts: nextTs(),
    });
    const [post] = (await h.slack.waitFor('chat.postMessage', before + 1)).slice(before);
    expect(post?.body.channel).toBe('D0DM');
    expect(String(post?.body.text)).toContain('/popcheck');
  });

  it('a DM without a POP error still gets an answer (direct mode)', async () => {
    const before = h.slack.callsTo('chat.postMessage').length;
    await postEvent(h.eventsUrl, {
      type: 'message',
      channel: 'D0DM',
      channel_type: 'im',
      user: 'U0ASKER',
      text: 'my mail does not work',
      ts: nextTs(),
    });
    const [post] = (await h.slack.waitFor('chat.postMessage', before + 1)).slice(before);
    expect(String(post?.body.text)).toContain('No POP error found');
  });
});
