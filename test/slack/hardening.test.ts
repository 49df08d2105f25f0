import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CHAT_PASTE_CHARS } from '../../src/chat/respond.js';
import type { RecordedCall } from './fake-slack.js';
import { type Harness, settle, startHarness } from './harness.js';
import { channelMessage, eventEnvelope, postEvent, postSigned, TEST_SIGNING_SECRET } from './signed.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

function message(text: string, user = 'U0ASKER') {
  return channelMessage(text, { user });
}

/** Posts `event` and returns the replies Slack received in its thread, once the first one is there. */
async function replyTo(event: { ts: string }): Promise<RecordedCall[]> {
  const res = await postEvent(h.eventsUrl, event);
  expect(res.status).toBe(200);
  const deadline = Date.now() + 8000;
  const mine = () =>
    h.slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === event.ts && c.status === 200);
  while (mine().length === 0) {
    if (Date.now() > deadline) throw new Error('no reply');
    await settle(20);
  }
  await settle();
  return mine();
}

const everything = (calls: RecordedCall[]) => calls.map((c) => c.raw).join('\n');

describe('request signatures', () => {
  it('a bad signature is rejected with 401 and nothing is posted', async () => {
    const before = h.slack.calls.length;
    const event = message('-ERR [IN-USE] Unable to lock maildrop');
    const res = await postSigned(h.eventsUrl, eventEnvelope(event), 'application/json', {
      secret: 'ffffffffffffffffffffffffffffffff',
    });
    expect(res.status).toBe(401);
    await settle(300);
    expect(h.slack.calls.slice(before)).toEqual([]);
  });

  it('a stale timestamp (replay) is rejected with 401, even correctly signed', async () => {
    const before = h.slack.calls.length;
    const body = eventEnvelope(message('-ERR [IN-USE] Unable to lock maildrop'));
    const res = await postSigned(h.eventsUrl, body, 'application/json', {
      secret: TEST_SIGNING_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });
    expect(res.status).toBe(401);
    await settle(300);
    expect(h.slack.calls.slice(before)).toEqual([]);
  });
});

describe('mention and link injection', () => {
  // As Slack delivers them: its own markup for what the user typed as @channel, @here, @user and a link,
  // plus the escaped form of markup typed literally.
  const hostile = [
    '-ERR <!channel> <!here> <!everyone> <@U0VICTIM> <http://evil.example|click here> mailbox locked',
    '-ERR &lt;!channel&gt; &lt;@U0VICTIM&gt; &lt;http://evil.example|click&gt; Unable to lock maildrop',
  ].join('\n');

  it('none of <!channel>, <!here>, <@U…> or a fake link comes back live, in blocks or fallback text', async () => {
    const [reply] = await replyTo(message(hostile));
    const raw = JSON.stringify({ blocks: reply?.body.blocks, text: reply?.body.text });
    for (const live of ['<!channel>', '<!here>', '<!everyone>', '<@U0VICTIM>', '<http://evil.example']) {
      expect(raw).not.toContain(live);
    }
    expect(raw).not.toMatch(/(?<!\\u200b)@(?:channel|here|everyone)\b/i);
    expect(raw).toContain('&lt;');
  });
});

describe('oversized and odd pastes', () => {
  it('a paste over the chat limit that holds a -ERR gets the "too large" notice, not an explanation', async () => {
    const huge = `-ERR [IN-USE] Unable to lock maildrop\n${'y'.repeat(MAX_CHAT_PASTE_CHARS)}`;
    const [reply] = await replyTo(message(huge));
    expect(String(reply?.body.text)).toContain('too large');
    expect(JSON.stringify(reply?.body.blocks).length).toBeLessThan(5000);
  });

  it('a paste over the limit with no -ERR near the start gets nothing', async () => {
    const before = h.slack.callsTo('chat.postMessage').length;
    await postEvent(h.eventsUrl, message('z'.repeat(MAX_CHAT_PASTE_CHARS + 10)));
    const marker = message('-ERR [IN-USE] Unable to lock maildrop');
    await replyTo(marker);
    expect(
      h.slack
        .callsTo('chat.postMessage')
        .slice(before)
        .filter((c) => c.body.thread_ts !== marker.ts),
    ).toEqual([]);
  });

  it('NUL bytes, RTL overrides and ANSI escapes in a paste do not break the reply', async () => {
    const [reply] = await replyTo(
      message('\u0000\u202E\u001b[31m-ERR [IN-USE] Unable to lock maildrop\u001b[0m\u200B'),
    );
    expect(JSON.stringify(reply?.body.blocks)).toContain('mailbox.locked');
  });
});

describe('a password in a paste', () => {
  const paste = 'C: USER bob\nS: +OK\nC: PASS S3cr3t-Hunter2\nS: -ERR [AUTH] Authentication failed.';

  it('the reply starts with the warning, masks it, and the password reaches no Slack call and no log line', async () => {
    const [reply] = await replyTo(message(paste));
    const blocks = reply?.body.blocks as { type: string; text?: { text: string } }[];
    expect(blocks[0]?.text?.text).toContain('contains a password');
    expect(blocks[0]?.text?.text).toContain('change the password');
    expect(String(reply?.body.text)).toMatch(/^! This paste contains a password/);
    expect(JSON.stringify(blocks)).toContain('PASS ****');
    expect(everything(h.slack.calls)).not.toContain('S3cr3t-Hunter2');
    expect(h.logs()).not.toContain('S3cr3t-Hunter2');
  });
});

describe('Slack Web API faults', () => {
  it('a 429 with Retry-After is waited out and retried: one reply delivered, none lost', async () => {
    h.slack.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const event = message('-ERR [IN-USE] Unable to lock maildrop');
    const delivered = await replyTo(event);
    expect(delivered).toHaveLength(1);
    const attempts = h.slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === event.ts);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
  });

  it('a 500 is logged and dropped: no crash, no second attempt, and the next message is answered', async () => {
    h.slack.script('chat.postMessage', { status: 500, body: { ok: false } });
    const failed = message('-ERR [IN-USE] Unable to lock maildrop');
    await postEvent(h.eventsUrl, failed);
    const next = message('-ERR [IN-USE] Unable to lock maildrop');
    await replyTo(next);
    await settle(1200);
    expect(
      h.slack
        .callsTo('chat.postMessage')
        .filter((c) => c.body.thread_ts === failed.ts)
        .map((c) => c.status),
    ).toEqual([500]);
    expect(h.logs()).toContain('reply failed');
  });

  it('an API error (ok: false) from chat.postMessage is logged, not retried', async () => {
    h.slack.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const failed = message('-ERR [IN-USE] Unable to lock maildrop');
    await postEvent(h.eventsUrl, failed);
    await replyTo(message('-ERR [IN-USE] Unable to lock maildrop'));
    await settle(200);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === failed.ts)).toHaveLength(1);
    expect(h.logs()).toContain('not_in_channel');
  });

  it('users.info failing falls back to the default language', async () => {
    h.slack.script('users.info', { status: 500, body: {} });
    const [reply] = await replyTo(message('-ERR [IN-USE] Unable to lock maildrop', 'U0NOLOCALE'));
    expect(JSON.stringify(reply?.body.blocks)).toContain('What it means');
  });
});

describe('a handler that fails', () => {
  it('a malformed event that makes a handler throw is logged, and the next message is still answered', async () => {
    const res = await postEvent(h.eventsUrl, { ...message('x'), text: { not: 'a string' } });
    expect(res.status).toBe(200);
    await replyTo(message('-ERR [IN-USE] Unable to lock maildrop'));
    expect(h.logs()).toContain('unhandled error in a Slack handler');
  });
});

describe('the reply language', () => {
  it('a French message gets a French answer', async () => {
    const [reply] = await replyTo(
      message(
        "Bonjour, j'ai cette erreur dans Thunderbird quand je relève le courrier :\n-ERR [IN-USE] Unable to lock maildrop",
      ),
    );
    expect(JSON.stringify(reply?.body.blocks)).toContain('Ce que cela signifie');
  });

  it('a Vietnamese message gets a Vietnamese answer', async () => {
    const [reply] = await replyTo(
      message('Tôi không nhận được thư, máy chủ báo lỗi này:\n-ERR [IN-USE] Unable to lock maildrop'),
    );
    expect(JSON.stringify(reply?.body.blocks)).toContain('Ý nghĩa');
  });

  it('an English paste from a user whose Slack locale is vi-VN gets Vietnamese (users.info, cached)', async () => {
    h.slack.locales.set('U0VI', 'vi-VN');
    const lookups = () => h.slack.callsTo('users.info').filter((c) => c.body.user === 'U0VI').length;
    const [first] = await replyTo(message('-ERR [IN-USE] Unable to lock maildrop', 'U0VI'));
    expect(JSON.stringify(first?.body.blocks)).toContain('Ý nghĩa');
    expect(h.slack.callsTo('users.info').find((c) => c.body.user === 'U0VI')?.body.include_locale).toBe(
      'true',
    );
    await replyTo(message('-ERR [IN-USE] Unable to lock maildrop', 'U0VI'));
    expect(lookups()).toBe(1);
  });

  it('a message without a POP error costs no users.info call', async () => {
    const before = h.slack.callsTo('users.info').length;
    await postEvent(h.eventsUrl, message('good morning everyone', 'U0QUIET'));
    await replyTo(message('-ERR [IN-USE] Unable to lock maildrop', 'U0VI'));
    expect(
      h.slack
        .callsTo('users.info')
        .slice(before)
        .filter((c) => c.body.user === 'U0QUIET'),
    ).toEqual([]);
  });
});
