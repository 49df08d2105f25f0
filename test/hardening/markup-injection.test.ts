import { ChatInputCommandInteraction, Client, MessageContextMenuCommandInteraction } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../adapters/discord/client.js';
import { readDiscordConfig } from '../../adapters/discord/config.js';
import type { SafePayload } from '../../adapters/discord/ports.js';
import { runProbe } from '../../src/probe/run-probe.js';
import { makeBot } from '../discord/bot-fixture.js';
import { FakeDiscordRest } from '../discord/fake-rest.js';
import {
  APP_ID,
  apiMessage,
  apiMessageMenu,
  apiSlash,
  type Call,
  FAKE_TOKEN,
  menuFrom,
  messageFrom,
  opt,
  slashFrom,
} from '../discord/fakes.js';
import { loopbackGuard } from '../probe/helpers.js';
import { type Harness, settle, startHarness } from '../slack/harness.js';
import { channelMessage, postEvent } from '../slack/signed.js';
import { runCli } from '../support/cli-io.js';
import { fromGateway } from '../support/discord-wire.js';
import { type FakePopServer, startFakePopServer } from '../support/fake-pop-server.js';
import { slashCommand } from '../support/slack-command.js';

/**
 * Mention, link and layout injection: what a paste or a hostile POP server puts in front of the bot must
 * come back as text. Nothing pings, and no live link appears but the RFC references the bot adds itself.
 */

/** Links the bot itself adds (knowledge-base references); every other live link came from someone else. */
const OWN_LINK = /^https:\/\/www\.rfc-editor\.org\//;

// ---------------------------------------------------------------- Slack

/** Everything wrong with a Slack payload: live mentions, foreign links, bare @channel words, code fences. */
function slackProblems(body: Record<string, unknown>): string[] {
  const text = JSON.stringify({ blocks: body.blocks, text: body.text, attachments: body.attachments });
  const problems: string[] = [];
  for (const m of text.matchAll(/<([!@#][^>]*)>/g)) problems.push(`live mention <${m[1]}>`);
  for (const m of text.matchAll(/<((?:https?|mailto|ftp):[^|>]*)/gi))
    if (!OWN_LINK.test(m[1] ?? '')) problems.push(`foreign link ${m[1]}`);
  for (const m of text.matchAll(/@(channel|here|everyone)\b/gi)) problems.push(`bare @${m[1]}`);
  // The fallback text is for notifications, shown plain; in blocks a fence would swallow the layout.
  if (JSON.stringify(body.blocks ?? []).includes('```')) problems.push('a code fence in the blocks');
  if (body.link_names === true || body.link_names === 'true' || body.link_names === '1')
    problems.push('link_names on');
  return problems;
}

/** As Slack delivers it: what the user typed as @channel, a user, a channel, a link; markup typed literally. */
const SLACK_HOSTILE = [
  '-ERR [IN-USE] <!channel> <!here> <!everyone> <@U0VICTIM> <#C0SECRET|general> <!subteam^S0TEAM|@admins> <https://evil.example/login|click here> <mailto:boss@evil.example|your boss> Unable to lock maildrop',
  '-ERR &lt;!channel&gt; &lt;@U0VICTIM&gt; &lt;#C0SECRET&gt; &lt;https://evil.example|reset your password&gt; ```fence``` *bold* Unable to lock maildrop',
  '# Heading',
  '&gt; quoted',
].join('\n');

const HOSTILE_GREETING =
  '+OK <!channel> @everyone <@U0VICTIM> <https://evil.example|verify> [login](https://evil.example) ```x``` # ready';

describe('Slack: mention, link and layout injection', () => {
  let h: Harness;
  let pop: FakePopServer;
  beforeAll(async () => {
    pop = await startFakePopServer({
      greeting: HOSTILE_GREETING,
      capabilities: ['USER', '<!here> [x](https://evil.example) @channel'],
    });
    h = await startHarness({ POPBOT_PROBE_ALLOW: '127.0.0.0/8', POPBOT_PROBE_PORTS: String(pop.port) });
  });
  afterAll(async () => {
    await h?.stop();
    await pop?.close();
  });

  it('a channel paste with <!channel>, <!here>, <!everyone>, <@U…>, <#C…>, a usergroup and fake-text links: the thread reply pings nobody and links nowhere', async () => {
    const event = channelMessage(SLACK_HOSTILE);
    await postEvent(h.eventsUrl, event);
    const deadline = Date.now() + 8000;
    let reply = h.slack.callsTo('chat.postMessage').find((c) => c.body.thread_ts === event.ts);
    while (!reply && Date.now() < deadline) {
      await settle(20);
      reply = h.slack.callsTo('chat.postMessage').find((c) => c.body.thread_ts === event.ts);
    }
    expect(reply, 'a reply').toBeDefined();
    expect(JSON.stringify(reply?.body.blocks)).toContain('mailbox.locked');
    expect(slackProblems(reply!.body)).toEqual([]);
    expect(reply?.body.unfurl_links).toBe('false');
    // What the user typed is still shown, as inert text (a special mention becomes @channel, broken by a
    // zero-width space, or stays escaped).
    expect(JSON.stringify(reply?.body.blocks)).toMatch(/@\u200bchannel|&lt;!channel&gt;/);
  });

  it('/poperror with the same paste answers with inert text', async () => {
    const [reply] = await slashCommand(h, '/poperror', SLACK_HOSTILE);
    expect(JSON.stringify(reply?.blocks)).toContain('mailbox.locked');
    expect(slackProblems(reply!)).toEqual([]);
  });

  it('/popcheck against a server whose greeting and CAPA carry Slack markup: the report pings nobody and links nowhere', async () => {
    const replies = await slashCommand(h, '/popcheck', `127.0.0.1 ${pop.port}`, { count: 2 });
    expect(JSON.stringify(replies[1]?.blocks)).toContain('verify');
    for (const r of replies)
      expect(slackProblems(r).filter((p) => !p.startsWith('a code fence'))).toEqual([]);
  });

  it('/popcheck against a server whose greeting carries a code fence: the fence does not reach the report blocks', async () => {
    const replies = await slashCommand(h, '/popcheck', `127.0.0.1 ${pop.port}`, {
      count: 2,
      user: 'U0FENCE',
    });
    expect(JSON.stringify(replies[1]?.blocks)).toContain('verify');
    expect(JSON.stringify(replies[1]?.blocks)).not.toContain('```');
  });
});

// ---------------------------------------------------------------- Discord

/** The text Discord renders from a payload: content, embed titles, descriptions, fields, footers. */
function discordStrings(p: SafePayload): string[] {
  return [
    p.content ?? '',
    ...(p.embeds ?? []).flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      e.footer?.text ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ];
}

/** Everything wrong with a Discord payload: mentions that parse, live mentions, foreign links, broken layout. */
function discordProblems(p: SafePayload): string[] {
  const problems: string[] = [];
  if (JSON.stringify(p.allowedMentions?.parse) !== '[]') problems.push('allowedMentions.parse is not []');
  if ((p.allowedMentions?.users ?? []).length + (p.allowedMentions?.roles ?? []).length > 0)
    problems.push('allowedMentions lists users or roles');
  for (const s of discordStrings(p)) {
    for (const m of s.matchAll(/@(everyone|here)/gi)) problems.push(`@${m[1]}`);
    for (const m of s.matchAll(/<(@[&!]?\d+|#\d+|\/[\w-]+:\d+)>/g)) problems.push(`live mention <${m[1]}>`);
    // Inline code renders nothing; outside it, no masked link but the bot's own, no fence, no heading.
    const outside = s.replace(/`[^`\n]*`/g, '');
    for (const m of outside.matchAll(/(?<!\\)\[[^\]\n]*\]\(([^)\s]*)/g))
      if (!OWN_LINK.test(m[1] ?? '')) problems.push(`masked link to ${m[1]}`);
    if (outside.includes('```')) problems.push('a code fence');
    if (/^#{1,3} /m.test(outside)) problems.push('a heading');
  }
  return problems;
}

const sent = (calls: Call[]) =>
  calls
    .filter((c) => c.method !== 'deferReply' && c.method !== 'showModal')
    .map((c) => c.payload as SafePayload);

const DISCORD_HOSTILE = [
  '-ERR [IN-USE] @everyone @here <@&123456789012345678> <@123456789012345678> <@!123456789012345678> <#123456789012345678> </popcheck:123456789012345678> [reset your password](https://evil.example) Unable to lock maildrop',
  '-ERR ```js\n# Heading\n-ERR **bold** ||spoiler|| > quote Unable to lock maildrop',
  // Already inert, with a zero-width space a cleaner could remove: it must stay inert.
  '-ERR @\u200beveryone <\u200b@123456789012345678> Unable to lock maildrop',
].join('\n');

describe('Discord: mention, link and layout injection', () => {
  let pop: FakePopServer;
  beforeAll(async () => {
    pop = await startFakePopServer({
      greeting: '+OK @everyone <@&123456789012345678> [login](https://evil.example) ```\n',
      capabilities: ['USER', '@here <#123456789012345678> [x](https://evil.example) # big'],
    });
  });
  afterAll(async () => {
    await pop?.close();
  });

  it('a support-channel paste with @everyone, @here, role, user, channel and command mentions, masked links, fences and headings: the reply pings nobody', async () => {
    const { bot } = makeBot();
    const message = messageFrom(apiMessage({ content: DISCORD_HOSTILE }));
    await bot.onMessage(message);
    const [reply] = sent(message.calls);
    expect(reply?.embeds?.length).toBeGreaterThan(0);
    expect(discordProblems(reply!)).toEqual([]);
  });

  it('/poperror public:true with the same paste pings nobody either', async () => {
    const { bot } = makeBot();
    const slash = slashFrom(
      apiSlash('poperror', [opt.string('text', DISCORD_HOSTILE), opt.boolean('public', true)]),
    );
    await bot.onSlashCommand(slash);
    expect(sent(slash.calls)).toHaveLength(1);
    for (const p of sent(slash.calls)) expect(discordProblems(p)).toEqual([]);
  });

  it('the "Explain POP error" command on a hostile message pings nobody', async () => {
    const { bot } = makeBot();
    const menu = menuFrom(apiMessageMenu(apiMessage({ content: DISCORD_HOSTILE })));
    await bot.onMessageMenu(menu);
    for (const p of sent(menu.calls)) expect(discordProblems(p)).toEqual([]);
  });

  it('/popcheck against a real server whose greeting and CAPA carry mentions, links and fences: the report pings nobody', async () => {
    const { bot } = makeBot({
      // The real probe against the hostile server on loopback (the fixture's strict guard would refuse it).
      probe: (request) =>
        runProbe(
          { ...request, target: '127.0.0.1', port: pop.port, tls: 'none', timeouts: { stepMs: 2000 } },
          { guard: loopbackGuard },
        ),
    });
    const slash = slashFrom(
      apiSlash('popcheck', [opt.string('host', 'pop.example.com'), opt.boolean('public', true)]),
    );
    await bot.onSlashCommand(slash);
    const [report] = sent(slash.calls);
    // The greeting is in the report, as text.
    expect(discordStrings(report!).join('\n')).toContain('evil.example');
    expect(discordProblems(report!)).toEqual([]);
  });

  it('a /popcheck host that is itself markup is refused without echoing it', async () => {
    const { bot } = makeBot();
    const slash = slashFrom(
      apiSlash('popcheck', [opt.string('host', '[x](https://evil.example) @everyone')]),
    );
    await bot.onSlashCommand(slash);
    for (const p of sent(slash.calls)) {
      expect(discordProblems(p)).toEqual([]);
      expect(discordStrings(p).join('\n')).not.toContain('evil.example');
    }
  });

  describe('over the wire (discord.js interactions, a fake Discord REST API on 127.0.0.1)', () => {
    let rest: FakeDiscordRest;
    let client: Client;
    beforeAll(async () => {
      rest = await new FakeDiscordRest().start();
      rest.handle = () => ({ status: 204 });
      client = new Client({ intents: [], rest: { api: rest.api } });
    });
    afterEach(() => {
      rest.calls.length = 0;
    });
    afterAll(async () => {
      await client?.destroy();
      await rest?.close();
    });

    it('every request with a message body carries allowed_mentions { parse: [] }', async () => {
      const { bot } = makeBot();
      await bot.onSlashCommand(
        fromGateway(
          ChatInputCommandInteraction,
          client,
          apiSlash('poperror', [opt.string('text', DISCORD_HOSTILE)]),
        ),
      );
      await bot.onMessageMenu(
        fromGateway(
          MessageContextMenuCommandInteraction,
          client,
          apiMessageMenu(apiMessage({ content: DISCORD_HOSTILE })),
        ),
      );
      expect(rest.calls).toHaveLength(2);
      for (const call of rest.calls) {
        const data = (call.body as { data?: { allowed_mentions?: unknown } }).data;
        expect(data?.allowed_mentions, call.path).toEqual({ parse: [] });
      }
    });

    it('the bot’s client itself defaults to allowedMentions { parse: [] } for any send', async () => {
      const bot = createClient(
        readDiscordConfig({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID }),
      );
      try {
        expect(bot.options.allowedMentions).toEqual({ parse: [] });
      } finally {
        await bot.destroy();
      }
    });
  });
});

// ---------------------------------------------------------------- Terminal

// C0 and C1 controls but newline and tab (ESC and CSI among them), bidi overrides and isolates, zero-width.
const TERMINAL_UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

function unsafeIn(text: string): string[] {
  return [...text].filter((c) => TERMINAL_UNSAFE.test(c)).map((c) => `U+${c.codePointAt(0)!.toString(16)}`);
}

const TERMINAL_HOSTILE = [
  'C: RETR 1\u202e\u009b2J\u0085',
  'S: -ERR [IN-USE] \u001b]0;pwned\u0007\u001b[2J\u001b[31mUnable\u200b to \u2066lock\u2069 maildrop \u202eevil\u009b31m\u001bP1$r\u001b\\',
  'C: USER \u202ejoe\u200f',
  'S: -ERR \u001b[8mhidden\u001b[0m [AUTH] Authentication failed.\u0008\u0008\u0008\u0008 ok',
].join('\n');

describe('terminal: escape sequences and invisible characters', () => {
  it('the shell strips ANSI/OSC/8-bit CSI escapes, bidi overrides and zero-width characters from echoed lines', async () => {
    const run = await runCli(['shell'], { stdin: `${TERMINAL_HOSTILE}\n`, env: { NO_COLOR: '1' } });
    expect(run.stdout).toContain('Unable');
    expect(unsafeIn(run.stdout)).toEqual([]);
  });

  it('`popbot explain` prints no escape sequence or bidi override that came from the paste', async () => {
    const run = await runCli(['explain'], { stdin: TERMINAL_HOSTILE, env: { NO_COLOR: '1' } });
    expect(run.stdout).toContain('Unable');
    expect(unsafeIn(run.stdout)).toEqual([]);
  });

  it('the shell’s /popcheck shows a hostile greeting without its escapes', async () => {
    const pop = await startFakePopServer({
      greeting: '+OK \u001b]0;pwned\u0007\u001b[2J\u202eready\u200b \u009b31m now',
      capabilities: ['USER', 'X-\u001b[31mRED\u202e'],
    });
    try {
      const run = await runCli(['shell'], {
        stdin: `/popcheck 127.0.0.1 ${pop.port}\n`,
        env: { NO_COLOR: '1', POPBOT_PROBE_ALLOW: '127.0.0.0/8', POPBOT_PROBE_PORTS: String(pop.port) },
      });
      expect(run.stdout).toContain('ready');
      expect(unsafeIn(run.stdout)).toEqual([]);
    } finally {
      await pop.close();
    }
  });
});
