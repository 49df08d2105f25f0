import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/probe/rate-limit.js';
import { makeTestCerts, type TestCerts } from '../support/certs.js';
import { type FakePopServer, startFakePopServer } from '../support/fake-pop-server.js';
import { TEAM } from './fake-slack.js';
import { type Harness, settle, startHarness } from './harness.js';
import { postCommand, postInteraction } from './signed.js';

let certs: TestCerts;
let pop: FakePopServer;
let h: Harness;
let seq = 0;

beforeAll(async () => {
  certs = makeTestCerts();
  pop = await startFakePopServer({ mode: 'implicit', tls: certs.valid });
  h = await startHarness(
    { POPBOT_PROBE_ALLOW: '127.0.0.0/8', POPBOT_PROBE_PORTS: String(pop.port), POPBOT_CHAT_LOGIN: 'true' },
    { probeDeps: { ca: certs.ca } },
  );
});
afterAll(async () => {
  await h?.stop();
  await pop?.close();
  certs?.cleanup();
});

/** A slash command as Slack posts it, with its own response URL on the fake. */
function command(name: string, text: string, user = 'U0ASKER') {
  seq++;
  const responseId = `r${seq}`;
  return {
    responseId,
    fields: {
      token: 'legacy',
      team_id: TEAM,
      team_domain: 'test',
      channel_id: 'C0CHAN',
      channel_name: 'support',
      user_id: user,
      user_name: 'asker',
      command: name,
      text,
      api_app_id: 'A0APP',
      response_url: h.slack.responseUrl(responseId),
      trigger_id: `trigger-${seq}`,
    },
  };
}

/** Waits until the response URL `id` got `count` posts (the report follows the probe, so allow time). */
async function responsesTo(id: string, count: number, slack = h.slack) {
  const deadline = Date.now() + 15_000;
  while (slack.responses(id).length < count) {
    if (Date.now() > deadline) throw new Error(`only ${slack.responses(id).length} response(s) to ${id}`);
    await settle(25);
  }
  return slack.responses(id);
}

describe('/popcheck HOST [PORT]', () => {
  it('is acknowledged at once, says "checking…", then posts the probe report (ephemeral)', async () => {
    const { fields, responseId } = command('/popcheck', `127.0.0.1 ${pop.port}`);
    const started = Date.now();
    const ack = await postCommand(h.eventsUrl, fields);
    expect(ack.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const [checking, report] = await responsesTo(responseId, 2);
    expect(checking?.body.response_type).toBe('ephemeral');
    expect(String(checking?.body.text)).toContain(`Checking 127.0.0.1:${pop.port}`);
    expect(report?.body.response_type).toBe('ephemeral');
    const blocks = JSON.stringify(report?.body.blocks);
    // No user given: the verdict says the server answers, not that the login works (the report view's).
    expect(blocks).toContain('OK: the server answers; the login was not checked.');
    expect(blocks).not.toContain('--user');
    expect(blocks).not.toContain('the server works');
    expect(blocks).toContain('SSL/TLS');
    expect(blocks).toContain('Use these settings in your mail program');
    expect(pop.connections).toBeGreaterThan(0);
  });

  it('`public` shares the report in the channel', async () => {
    const { fields, responseId } = command('/popcheck', `127.0.0.1 ${pop.port} public`, 'U0PUBLIC');
    await postCommand(h.eventsUrl, fields);
    const [checking, report] = await responsesTo(responseId, 2);
    expect(checking?.body.response_type).toBe('in_channel');
    expect(report?.body.response_type).toBe('in_channel');
  });

  it('the guard refuses a private address outside POPBOT_PROBE_ALLOW without connecting', async () => {
    const before = pop.connections;
    const { fields, responseId } = command('/popcheck', `10.1.2.3 ${pop.port}`, 'U0GUARD');
    await postCommand(h.eventsUrl, fields);
    const [, report] = await responsesTo(responseId, 2);
    expect(JSON.stringify(report?.body.blocks)).toContain('private or internal address');
    expect(pop.connections).toBe(before);
  });

  it('the guard refuses a port outside POPBOT_PROBE_PORTS', async () => {
    const { fields, responseId } = command('/popcheck', '127.0.0.1 25', 'U0PORT');
    await postCommand(h.eventsUrl, fields);
    const [, report] = await responsesTo(responseId, 2);
    expect(JSON.stringify(report?.body.blocks)).toContain('Port 25 is not allowed');
  });

  it('no host: the usage line', async () => {
    const { fields, responseId } = command('/popcheck', '');
    await postCommand(h.eventsUrl, fields);
    const [usage] = await responsesTo(responseId, 1);
    expect(String(usage?.body.text)).toContain('Usage: /popcheck');
  });

  it('a password typed into the command is refused and never echoed', async () => {
    const { fields, responseId } = command('/popcheck', `127.0.0.1 ${pop.port} alice Tr0ub4dor&3`);
    await postCommand(h.eventsUrl, fields);
    const [refusal] = await responsesTo(responseId, 1);
    expect(String(refusal?.body.text)).toContain('Change that password now');
    await settle();
    expect(h.slack.calls.some((c) => c.raw.includes('Tr0ub4dor'))).toBe(false);
    expect(h.logs()).not.toContain('Tr0ub4dor');
    expect(h.slack.callsTo('views.open').some((c) => c.body.trigger_id === fields.trigger_id)).toBe(false);
  });
});

describe('/popcheck HOST PORT USER with POPBOT_CHAT_LOGIN=true', () => {
  it('opens the password modal with the plain warning, and its submission logs in without the password leaking', async () => {
    const { fields, responseId } = command('/popcheck', `127.0.0.1 ${pop.port} alice`, 'U0LOGIN');
    await postCommand(h.eventsUrl, fields);
    const opens = await h.slack.waitFor('views.open');
    const open = opens.find((c) => c.body.trigger_id === fields.trigger_id);
    const view = open?.body.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(view.callback_id).toBe('popcheck_login');
    expect(JSON.stringify(view.blocks)).toContain('this field is not masked');
    expect(JSON.stringify(view.blocks)).toContain('test account or an app password');

    const submission = await postInteraction(h.eventsUrl, {
      type: 'view_submission',
      team: { id: TEAM, domain: 'test' },
      user: { id: 'U0LOGIN', team_id: TEAM },
      api_app_id: 'A0APP',
      token: 'legacy',
      trigger_id: 'trigger-submit',
      view: {
        id: 'V0VIEW',
        type: 'modal',
        callback_id: 'popcheck_login',
        private_metadata: view.private_metadata,
        state: { values: { password: { password: { type: 'plain_text_input', value: 'correct horse' } } } },
        hash: 'h',
      },
    });
    expect(submission.status).toBe(200);
    const [checking, report] = await responsesTo(responseId, 2);
    expect(String(checking?.body.text)).toContain('Checking');
    const blocks = JSON.stringify(report?.body.blocks);
    expect(blocks).toContain('Logged in as alice');
    expect(pop.sessions.some((s) => s.loggedIn)).toBe(true);
    await settle();
    // The password went to the POP server and nowhere else: no Slack call after the submission, no log.
    const afterSubmit = h.slack.calls.filter((c) => c.method !== 'views.open');
    expect(afterSubmit.some((c) => c.raw.includes('correct horse'))).toBe(false);
    expect(h.logs()).not.toContain('correct horse');
  });

  it('an empty password keeps the modal open with an error on the field', async () => {
    const res = await postInteraction(h.eventsUrl, {
      type: 'view_submission',
      team: { id: TEAM },
      user: { id: 'U0LOGIN', team_id: TEAM },
      api_app_id: 'A0APP',
      token: 'legacy',
      view: {
        id: 'V0VIEW',
        type: 'modal',
        callback_id: 'popcheck_login',
        private_metadata: '{}',
        state: { values: { password: { password: { type: 'plain_text_input', value: null } } } },
      },
    });
    expect(JSON.parse(res.text)).toEqual({
      response_action: 'errors',
      errors: { password: 'Type the password, or cancel.' },
    });
  });
});

describe('login tests switched off (the default)', () => {
  it('`/popcheck HOST PORT USER` says so and opens no modal', async () => {
    const off = await startHarness({
      POPBOT_PROBE_ALLOW: '127.0.0.0/8',
      POPBOT_PROBE_PORTS: String(pop.port),
    });
    try {
      const url = off.slack.responseUrl('off');
      await postCommand(off.eventsUrl, {
        ...command('/popcheck', `127.0.0.1 ${pop.port} alice`).fields,
        response_url: url,
      });
      const [reply] = await off.slack.waitFor('response');
      expect(String(reply?.body.text)).toContain('switched off');
      expect(off.slack.callsTo('views.open')).toEqual([]);
    } finally {
      await off.stop();
    }
  });
});

describe('the per-user rate limit', () => {
  it('refuses a second check within the window with "try again in N s"', async () => {
    const limited = await startHarness(
      { POPBOT_PROBE_ALLOW: '127.0.0.0/8', POPBOT_PROBE_PORTS: String(pop.port) },
      {
        probeDeps: { ca: certs.ca },
        rateLimiter: new RateLimiter({ perUser: { limit: 1, windowMs: 60_000 } }),
      },
    );
    try {
      const first = {
        ...command('/popcheck', `127.0.0.1 ${pop.port}`).fields,
        response_url: limited.slack.responseUrl('a'),
      };
      await postCommand(limited.eventsUrl, first);
      await limited.slack.waitFor('response', 2, 15_000);
      const second = {
        ...command('/popcheck', `127.0.0.1 ${pop.port}`).fields,
        response_url: limited.slack.responseUrl('b'),
      };
      await postCommand(limited.eventsUrl, second);
      const all = await limited.slack.waitFor('response', 3);
      expect(String(all[2]?.body.text)).toMatch(/Try again in \d+ s/);
      await settle();
      expect(limited.slack.callsTo('response')).toHaveLength(3);
    } finally {
      await limited.stop();
    }
  });
});

describe('/poperror TEXT|CODE', () => {
  it('a code shows the knowledge-base entry', async () => {
    const { fields, responseId } = command('/poperror', 'unable-to-lock-maildrop');
    await postCommand(h.eventsUrl, fields);
    const [reply] = await responsesTo(responseId, 1);
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.body.blocks)).toContain('`mailbox.locked`');
  });

  it('pasted text is explained; lang:fr answers in French', async () => {
    const { fields, responseId } = command('/poperror', '-ERR [IN-USE] Unable to lock maildrop lang:fr');
    await postCommand(h.eventsUrl, fields);
    const [reply] = await responsesTo(responseId, 1);
    expect(JSON.stringify(reply?.body.blocks)).toContain('Ce que cela signifie');
  });
});

describe('the "Explain POP error" message shortcut', () => {
  const shortcut = (text: string, responseId: string) => ({
    type: 'message_action',
    callback_id: 'explain_pop_error',
    trigger_id: 'trigger-shortcut',
    response_url: h.slack.responseUrl(responseId),
    team: { id: TEAM, domain: 'test' },
    channel: { id: 'C0CHAN', name: 'support' },
    user: { id: 'U0ASKER', name: 'asker' },
    message_ts: '1700000000.000500',
    message: {
      type: 'message',
      user: 'U0OTHER',
      text,
      ts: '1700000000.000500',
      thread_ts: '1700000000.000100',
    },
    token: 'legacy',
  });

  it('answers ephemerally in the message thread', async () => {
    const before = h.slack.callsTo('chat.postEphemeral').length;
    await postInteraction(h.eventsUrl, shortcut('-ERR [IN-USE] Unable to lock maildrop', 'sc1'));
    const [post] = (await h.slack.waitFor('chat.postEphemeral', before + 1)).slice(before);
    expect(post?.body).toMatchObject({ channel: 'C0CHAN', user: 'U0ASKER', thread_ts: '1700000000.000100' });
    expect(JSON.stringify(post?.body.blocks)).toContain('`mailbox.locked`');
  });

  it('falls back to the response URL when the bot is not in the channel', async () => {
    h.slack.script('chat.postEphemeral', { body: { ok: false, error: 'channel_not_found' } });
    await postInteraction(h.eventsUrl, shortcut('-ERR [IN-USE] Unable to lock maildrop', 'sc2'));
    const [reply] = await responsesTo('sc2', 1);
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.body.blocks)).toContain('`mailbox.locked`');
  });
});

describe('a failing views.open (the trigger expired)', () => {
  it('is logged, and the user gets a short apology instead of silence', async () => {
    h.slack.script('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    const { fields, responseId } = command('/popcheck', `127.0.0.1 ${pop.port} alice`, 'U0EXPIRED');
    await postCommand(h.eventsUrl, fields);
    const [reply] = await responsesTo(responseId, 1);
    expect(String(reply?.body.text)).toContain('Something went wrong on my side');
    expect(h.logs()).toContain('expired_trigger_id');
  });
});
