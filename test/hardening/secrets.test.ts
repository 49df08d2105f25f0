import { createHash } from 'node:crypto';
import { type AddressInfo, createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SafePayload } from '../../adapters/discord/ports.js';
import { escapeSlack } from '../../adapters/slack/escape.js';
import { explain } from '../../src/explain/explain.js';
import { createLogger } from '../../src/log/logger.js';
import { makeBot } from '../discord/bot-fixture.js';
import { FakeDiscordRest } from '../discord/fake-rest.js';
import { apiMessage, apiSlash, messageFrom, opt, slashFrom } from '../discord/fakes.js';
import type { RecordedCall } from '../slack/fake-slack.js';
import { startFakeSlack } from '../slack/fake-slack.js';
import { type Harness, settle, startHarness, TEST_BOT_TOKEN } from '../slack/harness.js';
import { channelMessage, postEvent, TEST_SIGNING_SECRET } from '../slack/signed.js';
import { runCli } from '../support/cli-io.js';
import { type FakePopServer, startFakePopServer } from '../support/fake-pop-server.js';
import { leaked, SECRET_FORMS } from '../support/secret-forms.js';
import { ensureBuilt, freePort, STACK_LINE, spawnPopbot } from '../support/spawn-popbot.js';

/**
 * The secrets matrix: every form a secret takes in a paste, through every surface that shows or logs
 * something. Each surface asserts the secret appears nowhere, and the warning comes first where the
 * surface shows warnings.
 */

describe.each(SECRET_FORMS)('$attack', (form) => {
  it('is masked in the explain result JSON, with the secret.exposed warning first', () => {
    const result = explain(form.text);
    expect(leaked(form, JSON.stringify(result))).toEqual([]);
    expect(result.warnings[0]?.code).toBe('secret.exposed');
  });

  it('is masked in `popbot explain --json` and in its text output, warning first', async () => {
    const json = await runCli(['explain', '--json'], { stdin: form.text });
    expect(json.code).toBe(0);
    expect(leaked(form, json.stdout + json.stderr)).toEqual([]);
    expect((JSON.parse(json.stdout) as { warnings: { code: string }[] }).warnings[0]?.code).toBe(
      'secret.exposed',
    );
    const text = await runCli(['explain'], { stdin: form.text, env: { NO_COLOR: '1' } });
    expect(leaked(form, text.stdout + text.stderr)).toEqual([]);
    expect(text.stdout).toMatch(/^! .*password/);
  });

  it('is masked by the shell, which warns before anything else', async () => {
    const run = await runCli(['shell'], { stdin: `${form.text}\n`, env: { NO_COLOR: '1' } });
    expect(run.code).toBe(0);
    expect(leaked(form, run.stdout + run.stderr)).toEqual([]);
    expect(run.stdout).toMatch(/^! .*password/);
  });

  it('is masked in a Discord reply to a support-channel message, warning first, and in its log lines', async () => {
    const { bot, logs } = makeBot();
    const message = messageFrom(apiMessage({ content: form.text }));
    await bot.onMessage(message);
    const [reply] = message.calls.map((c) => c.payload as SafePayload);
    expect(reply?.content?.startsWith('⚠️')).toBe(true);
    expect(leaked(form, JSON.stringify(message.calls))).toEqual([]);
    expect(leaked(form, logs.join(''))).toEqual([]);
  });

  it('is masked in a Discord /poperror reply, which stays ephemeral even when asked to be public', async () => {
    const { bot, logs } = makeBot();
    const slash = slashFrom(
      apiSlash('poperror', [opt.string('text', form.text), opt.boolean('public', true)]),
    );
    await bot.onSlashCommand(slash);
    const reply = slash.calls[0]?.payload as SafePayload & { flags?: number };
    expect(reply.content?.startsWith('⚠️')).toBe(true);
    expect(reply.flags).toBe(64);
    expect(leaked(form, JSON.stringify(slash.calls) + logs.join(''))).toEqual([]);
  });
});

describe('a Slack reply to each secret form (real Bolt app, fake Slack API)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function replyTo(text: string): Promise<RecordedCall> {
    // Slack delivers message text with &, < and > escaped.
    const event = channelMessage(escapeSlack(text));
    expect((await postEvent(h.eventsUrl, event)).status).toBe(200);
    const deadline = Date.now() + 8000;
    for (;;) {
      const found = h.slack.callsTo('chat.postMessage').find((c) => c.body.thread_ts === event.ts);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('no Slack reply');
      await settle(20);
    }
  }

  it.each(SECRET_FORMS)(
    '$attack: masked in blocks and fallback text, the warning block first',
    async (form) => {
      const reply = await replyTo(form.text);
      const blocks = reply.body.blocks as { text?: { text?: string } }[];
      expect(blocks[0]?.text?.text).toMatch(/^:warning: \*.*password/);
      expect(String(reply.body.text)).toMatch(/^! .*password/);
      expect(leaked(form, reply.raw)).toEqual([]);
    },
  );

  it('no secret of any form, nor the bot token or signing secret, reaches a Slack call or a log line', async () => {
    await settle();
    const everything = h.slack.calls.map((c) => c.raw).join('\n') + h.logs();
    for (const form of SECRET_FORMS) expect(leaked(form, everything), form.attack).toEqual([]);
    expect(h.logs()).not.toContain(TEST_BOT_TOKEN);
    expect(h.logs()).not.toContain(TEST_SIGNING_SECRET);
  });
});

describe('`popbot check --transcript` with the password from POPBOT_PASSWORD', () => {
  const PASSWORD = 'Check-S3cret-pw';
  const GREETING_STAMP = '<4242.1700000000@pop.test>';
  const forms = {
    plain: Buffer.from(`\0alice\0${PASSWORD}`).toString('base64'),
    apop: createHash('md5').update(`${GREETING_STAMP}${PASSWORD}`).digest('hex'),
  };
  let server: FakePopServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function check(extra: string[]) {
    const args = ['check', '--tls', 'none', '--allow-plaintext', '--allow-private', '--transcript'];
    const target = `127.0.0.1:${server!.port}`;
    const env = { POPBOT_PASSWORD: PASSWORD, NO_COLOR: '1' };
    const json = await runCli([...args, '--json', '--user', 'alice', ...extra, target], { env });
    const text = await runCli([...args, '--user', 'alice', ...extra, target], { env });
    const received = server!.sessions.flatMap((s) => s.received).join('\n');
    return { json, text, all: [json.stdout, json.stderr, text.stdout, text.stderr].join('\n'), received };
  }

  const secrets = [PASSWORD, forms.plain, forms.apop];
  it.each([
    ['USER/PASS', { capabilities: ['USER', 'UIDL'], users: { alice: PASSWORD } }, []],
    ['AUTH PLAIN', { users: { alice: PASSWORD } }, []],
    [
      'APOP',
      {
        greeting: `+OK ready ${GREETING_STAMP}`,
        capabilities: ['USER', 'UIDL'],
        handlers: { APOP: (s: { write(l: string): void }) => s.write('+OK') },
      },
      ['--apop'],
    ],
    ['a refused login', { capabilities: ['USER', 'UIDL'], users: { alice: 'something else' } }, []],
    [
      'a server that echoes the password back in its -ERR',
      {
        capabilities: ['USER'],
        handlers: {
          PASS: (s: { write(l: string): void }, args: string) => s.write(`-ERR bad password ${args}`),
        },
      },
      [],
    ],
  ] as const)(
    '%s: the password and what derives from it appear in neither the JSON nor the text',
    async (_name, options, extra) => {
      server = await startFakePopServer(options as Parameters<typeof startFakePopServer>[0]);
      const run = await check([...extra]);
      // The login really happened with the secret (the fake server is the only one to see it)...
      expect(secrets.some((s) => run.received.includes(s))).toBe(true);
      // ...and the transcript shows the exchange, masked.
      expect(run.json.stdout).toContain('****');
      for (const s of secrets) expect(run.all).not.toContain(s);
    },
  );
});

describe('the logger’s second net', () => {
  it('a log call that carries a token or a password in a known field writes [redacted] instead', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } });
    log.info({ token: 'Tok-1', password: 'Pw-1', botToken: 'Tok-2', signingSecret: 'Sec-1' }, 'top level');
    log.info(
      { config: { slack: { SLACK_BOT_TOKEN: 'Tok-3' }, discord: { DISCORD_TOKEN: 'Tok-4' } } },
      'config',
    );
    log.info({ req: { headers: { authorization: 'Bearer Tok-5' } }, login: { pass: 'Pw-2' } }, 'nested');
    const all = lines.join('');
    for (const secret of ['Tok-1', 'Tok-2', 'Tok-3', 'Tok-4', 'Tok-5', 'Pw-1', 'Pw-2', 'Sec-1'])
      expect(all, secret).not.toContain(secret);
    expect(all).toContain('[redacted]');
  });
});

describe('tokens from the environment never reach a log line or an error', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  const SLACK_TOKEN = 'xoxb-9999-8888-EnvTokenMustNotLeak';
  const SIGNING = '0123456789abcdef0123456789abcdef';
  const DISCORD = ['MTk5', 'Q'.repeat(20), '.', 'Hzyxwv', '.', 'EnvDiscordTokenMustNotLeak01'].join('');

  it.each([
    [
      'a Slack user token given as SLACK_BOT_TOKEN',
      { SLACK_BOT_TOKEN: 'xoxp-1-2-EnvTokenMustNotLeak', SLACK_SIGNING_SECRET: SIGNING },
      'SLACK_BOT_TOKEN',
      'EnvTokenMustNotLeak',
    ],
    [
      'a signing secret that is not hexadecimal',
      { SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: 'EnvSigningMustNotLeak!' },
      'SLACK_SIGNING_SECRET',
      'EnvSigningMustNotLeak',
    ],
    [
      'a bot token given as SLACK_APP_TOKEN',
      { SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_APP_TOKEN: 'xoxb-EnvAppTokenMustNotLeak' },
      'SLACK_APP_TOKEN',
      'EnvAppTokenMustNotLeak',
    ],
    [
      'a DISCORD_TOKEN with a missing part',
      { DISCORD_TOKEN: 'EnvDiscordTokenMustNotLeak.abcd', DISCORD_APPLICATION_ID: '100000000000000001' },
      'DISCORD_TOKEN',
      'EnvDiscordTokenMustNotLeak',
    ],
  ])(
    'a malformed value (%s) is a configuration error naming the variable, never its value',
    async (_name, env, variable, value) => {
      const run = await runCli(['start'], { env });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(variable);
      expect(run.stderr + run.stdout).not.toContain(value);
      expect(run.stderr).not.toMatch(STACK_LINE);
    },
  );

  it('a token Slack or Discord rejects at start, or a malformed one: exit 2, the variable named, no token in any log line', async () => {
    const slack = await startFakeSlack();
    const rest = await new FakeDiscordRest().start();
    slack.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    rest.handle = () => ({ status: 401, body: { message: '401: Unauthorized', code: 0 } });
    try {
      const [s, d] = [
        spawnPopbot(['start'], {
          SLACK_BOT_TOKEN: SLACK_TOKEN,
          SLACK_SIGNING_SECRET: SIGNING,
          SLACK_API_URL: slack.apiUrl,
          PORT: String(await freePort()),
        }),
        spawnPopbot(['start'], {
          DISCORD_TOKEN: DISCORD,
          DISCORD_APPLICATION_ID: '100000000000000001',
          DISCORD_API_URL: rest.api,
        }),
      ];
      // And a malformed one, refused before any request: its whole stderr, log lines included.
      const m = spawnPopbot(['start'], {
        SLACK_BOT_TOKEN: `xoxp-${SLACK_TOKEN}`,
        SLACK_SIGNING_SECRET: SIGNING,
      });
      const [slackExit, discordExit, malformedExit] = await Promise.all([s.exited, d.exited, m.exited]);
      expect(malformedExit.code, m.stderr()).toBe(2);
      expect(m.stderr()).toContain('SLACK_BOT_TOKEN');
      expect(m.stderr()).not.toContain(SLACK_TOKEN);
      expect(slackExit.code, s.stderr()).toBe(2);
      expect(discordExit.code, d.stderr()).toBe(2);
      expect(s.stderr()).toMatch(/SLACK_BOT_TOKEN: Slack refused this token \(invalid_auth\)/);
      expect(d.stderr()).toMatch(/DISCORD_TOKEN: Discord rejected the token/);
      for (const out of [s.stderr(), s.stdout(), d.stderr(), d.stdout()]) {
        expect(out).not.toContain(SLACK_TOKEN);
        expect(out).not.toContain(SIGNING);
        expect(out).not.toContain(DISCORD);
        expect(out).not.toMatch(STACK_LINE);
      }
      // The request did carry it: the test proves masking, not that the token was never used.
      expect(slack.calls[0]?.headers.authorization).toBe(`Bearer ${SLACK_TOKEN}`);
    } finally {
      await slack.close();
      await rest.close();
    }
  });

  it('a Slack API that drops the connection at start: an error without the token, even with POPBOT_DEBUG stacks', async () => {
    // Accepts, then resets: a request that may have been sent is not retried, so the start fails at once.
    const dropper = createServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => dropper.listen(0, '127.0.0.1', resolve));
    const apiPort = (dropper.address() as AddressInfo).port;
    const p = spawnPopbot(['start'], {
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING,
      SLACK_API_URL: `http://127.0.0.1:${apiPort}/api/`,
      PORT: String(await freePort()),
      POPBOT_DEBUG: '1',
    });
    try {
      const { code } = await p.exited;
      expect(code).toBe(3);
      // Not an internal error: the service could not be reached, and the message says which and why.
      expect(p.stderr()).toMatch(/^popbot: could not reach Slack \(127\.0\.0\.1:\d+: E[A-Z]+\)/m);
      expect(p.stderr()).toMatch(STACK_LINE);
      expect(p.stderr() + p.stdout()).not.toContain(SLACK_TOKEN);
      expect(p.stderr() + p.stdout()).not.toContain(SIGNING);
    } finally {
      await p.kill();
      await new Promise((resolve) => dropper.close(resolve));
    }
  });

  it('a handler that throws, and a token Slack revokes mid-run, are logged without the token (crash report path)', async () => {
    const slack = await startFakeSlack();
    const port = await freePort();
    const p = spawnPopbot(['start'], {
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
    });
    try {
      await p.waitForStderr(/popbot started/);
      const url = `http://127.0.0.1:${port}/slack/events`;
      const message = (text: unknown) => channelMessage('', { text });
      // A payload whose text is not a string makes the handler throw inside Bolt.
      await postEvent(url, message({ boom: true }), { secret: SIGNING });
      await p.waitForStderr(/unhandled error in a Slack handler/);
      slack.script('chat.postMessage', { body: { ok: false, error: 'token_revoked' } });
      await postEvent(url, message('-ERR [IN-USE] Unable to lock maildrop'), { secret: SIGNING });
      await p.waitForStderr(/token_revoked/);
      p.child.kill('SIGTERM');
      expect((await p.exited).code).toBe(0);
      expect(p.stderr() + p.stdout()).not.toContain(SLACK_TOKEN);
      expect(p.stderr() + p.stdout()).not.toContain(SIGNING);
      expect(p.stderr()).not.toMatch(STACK_LINE);
    } finally {
      await p.kill();
      await slack.close();
    }
  });
});
