import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, settle, startHarness, TEST_BOT_TOKEN } from './harness.js';
import { channelMessage, postEvent, TEST_SIGNING_SECRET } from './signed.js';

/**
 * Text answers are explained, rendered and posted on the answer thread (adapters/slack/answer-worker.ts).
 * Here that thread is the built one, made to die on purpose by two phrases (failing-answer-thread.mjs).
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, { answerThread: new URL('./failing-answer-thread.mjs', import.meta.url) });
});
afterAll(async () => {
  await h?.stop();
});

const LOCKED = '-ERR [IN-USE] Unable to lock maildrop: mailbox is locked by another session';
const direct = (text: string) => channelMessage(text, { channel: 'D0DIRECT', channel_type: 'im' });

/** The log lines (parsed) whose message matches `pattern`. */
function logLines(pattern: RegExp): Record<string, unknown>[] {
  return h
    .logs()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => pattern.test(String(l.msg)));
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await settle(20);
  }
}

/** A pasted error in a channel, answered: the answer Slack got. */
async function answered(channel: string) {
  const message = channelMessage(LOCKED, { channel });
  expect((await postEvent(h.eventsUrl, message)).status).toBe(200);
  const posts = await h.slack.waitFor('chat.postMessage', h.slack.callsTo('chat.postMessage').length + 1);
  const answer = posts.find((p) => p.body.thread_ts === message.ts);
  await until(() => logLines(/^answered$/).length > 0, 'the answered line');
  return answer;
}

describe('the answer thread', () => {
  it('answers a pasted error: the post comes from the thread, its log line reaches the adapter log', async () => {
    const answer = await answered('C0FIRST');
    expect(answer?.body.channel).toBe('C0FIRST');
    const line = logLines(/^answered$/).at(-1);
    expect(line).toMatchObject({
      adapter: 'slack',
      component: 'answer-thread',
      handler: 'message',
      kind: 'explanation',
    });
  });

  it('dies on a message: logged, restarted, the message tried once more then dropped, the next one answered', async () => {
    const before = h.slack.callsTo('chat.postMessage').length;
    const killer = direct('please kill the answer thread');
    expect((await postEvent(h.eventsUrl, killer)).status).toBe(200);
    await until(() => logLines(/^answer dropped/).length > 0, 'the dropped answer to be logged');
    expect(logLines(/^the answer thread stopped; starting a new one$/).length).toBeGreaterThanOrEqual(2);
    expect(logLines(/^answer dropped/)[0]).toMatchObject({ level: 50, handler: 'dm', attempts: 2 });
    expect(
      h.slack
        .callsTo('chat.postMessage')
        .slice(before)
        .some((p) => p.body.thread_ts === killer.ts),
    ).toBe(false);

    const answer = await answered('C0AFTER');
    expect(answer?.body.channel).toBe('C0AFTER');
  });

  it('dies while posting: logged as possibly lost, never posted twice, the next message answered', async () => {
    const killer = direct('kill it while posting');
    expect((await postEvent(h.eventsUrl, killer)).status).toBe(200);
    await until(
      () => logLines(/may not have reached Slack/).length > 0,
      'the possibly lost answer to be logged',
    );
    expect(logLines(/may not have reached Slack/)[0]).toMatchObject({ level: 50, handler: 'dm' });

    const answer = await answered('C0AFTERPOST');
    expect(answer?.body.channel).toBe('C0AFTERPOST');
    const toKiller = h.slack.callsTo('chat.postMessage').filter((p) => p.body.channel === 'D0DIRECT');
    expect(toKiller.length).toBeLessThanOrEqual(1);
  });

  it('no log line holds the bot token or the signing secret', () => {
    expect(h.logs()).not.toContain(TEST_BOT_TOKEN);
    expect(h.logs()).not.toContain(TEST_SIGNING_SECRET);
    expect(h.logs()).toContain('killed by the test');
  });
});

describe('shutdown with the answer thread', () => {
  it('waits for an answer being posted up to its limit, says what it dropped, and ends the thread', async () => {
    const s = await startHarness({}, { shutdownGraceMs: 300 });
    try {
      s.slack.script('chat.postMessage', { delayMs: 3000 });
      await postEvent(s.eventsUrl, channelMessage(LOCKED, { channel: 'C0SLOWPOST' }));
      await s.slack.waitFor('chat.postMessage');
      const started = Date.now();
      await s.handle.stop();
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(s.logs()).toContain('replies still in flight at shutdown were dropped');
      expect(s.logs()).toContain('Slack adapter stopped');
    } finally {
      await s.slack.close();
    }
  });
});
