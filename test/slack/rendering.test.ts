import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resultReply, SLACK_LIMITS } from '../../adapters/slack/blocks.js';
import { SHORTCUT_EXPLAIN } from '../../adapters/slack/deps.js';
import { clip, escapeSlack, safeText, slackToPlain } from '../../adapters/slack/escape.js';
import { loginModal } from '../../adapters/slack/handlers/login-modal.js';
import { probeReply } from '../../adapters/slack/probe-blocks.js';
import { mayRetry } from '../../adapters/slack/web-api-retry.js';
import type { ExplainResult, Finding } from '../../src/explain/types.js';
import { LANGS } from '../../src/i18n/lang.js';
import { buildReportView } from '../../src/probe/report-view.js';
import { sampleReport } from '../discord/bot-fixture.js';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    category: 'mailbox.locked',
    entry: 'unable-to-lock-maildrop',
    line: '-ERR [IN-USE] Unable to lock maildrop',
    lineNumber: 1,
    confidence: 0.9,
    title: 'The mailbox is locked',
    meaning: 'Another session holds the lock.',
    causes: ['another program'],
    userSteps: ['close it'],
    adminSteps: ['look for stale locks'],
    retry: true,
    references: [{ label: 'RFC 1939 §8', url: 'https://www.rfc-editor.org/rfc/rfc1939#section-8' }],
    ...over,
  };
}

describe('Slack text in and out', () => {
  it('escapes the three reserved characters', () => {
    expect(escapeSlack('a & b <!here> <@U1>')).toBe('a &amp; b &lt;!here&gt; &lt;@U1&gt;');
  });

  it('breaks bare @here / @channel / @everyone', () => {
    expect(safeText('@here @channel @everyone')).not.toMatch(/@(?:here|channel|everyone)/);
  });

  it('reads Slack markup back as what the user saw, then decodes entities', () => {
    expect(slackToPlain('see <http://pop.example.com|pop.example.com> and <mailto:a@b.c|a@b.c>')).toBe(
      'see pop.example.com and a@b.c',
    );
    expect(slackToPlain('<!channel> <@U123> &lt;1896.697170952@dbc.mtview.ca.us&gt; a &amp;amp; b')).toBe(
      '@channel @U123 <1896.697170952@dbc.mtview.ca.us> a &amp; b',
    );
  });

  it('never cuts an entity in half', () => {
    const cut = clip(`${'x'.repeat(8)}&amp;tail`, 11);
    expect(cut).toBe('xxxxxxxx…');
  });
});

describe('Block Kit limits', () => {
  it('a 500-character title is cut to the header limit; a huge meaning to the section limit', () => {
    const result: ExplainResult = {
      lang: 'en',
      outcome: 'errors',
      findings: [finding({ title: 'T'.repeat(500), meaning: '<&>'.repeat(5000) })],
      warnings: [],
    };
    const reply = resultReply(result);
    for (const b of reply.blocks) {
      const text = (b as { text?: { text: string } }).text?.text ?? '';
      expect(text.length).toBeLessThanOrEqual(
        b.type === 'header' ? SLACK_LIMITS.headerText : SLACK_LIMITS.sectionText,
      );
    }
    expect(reply.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  });

  it('forty findings: at most 50 blocks and "…and N more" with the right count', () => {
    const findings = Array.from({ length: 40 }, (_, i) => finding({ lineNumber: i + 1 }));
    const reply = resultReply({ lang: 'en', outcome: 'errors', findings, warnings: [] });
    expect(reply.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    const headers = reply.blocks.filter((b) => b.type === 'header').length;
    expect(JSON.stringify(reply.blocks.at(-1))).toContain(`…and ${40 - headers} more.`);
  });

  it('a reference URL that is not plain https is shown as text, not as a link', () => {
    const reply = resultReply({
      lang: 'en',
      outcome: 'errors',
      findings: [finding({ references: [{ label: 'x', url: 'https://a.example/|<!here>' }] })],
      warnings: [],
    });
    expect(JSON.stringify(reply.blocks)).not.toContain('<https://a.example');
  });
});

describe('the login modal', () => {
  it('fits Slack: title, submit and close at most 24 characters in every language', () => {
    for (const lang of LANGS) {
      const view = loginModal(
        {
          host: 'pop.example.com',
          user: 'alice',
          public: false,
          lang,
          responseUrl: 'https://hooks.slack.com/x',
        },
        lang,
      );
      for (const t of [view.title, view.submit, view.close]) expect(t?.text.length).toBeLessThanOrEqual(24);
    }
  });
});

describe('Web API retry policy', () => {
  it("retries Slack's rate limit and connections that never opened; never a 5xx or a timeout", () => {
    expect(
      mayRetry({
        code: 'slack_webapi_request_error',
        original: { message: 'A rate limit was exceeded (url: x)' },
      }),
    ).toBe(true);
    expect(
      mayRetry({
        code: 'slack_webapi_request_error',
        original: { message: 'fetch failed', cause: { code: 'ECONNREFUSED' } },
      }),
    ).toBe(true);
    expect(
      mayRetry({
        code: 'slack_webapi_request_error',
        original: { message: 'fetch failed', cause: { code: 'ECONNRESET' } },
      }),
    ).toBe(false);
    expect(mayRetry({ code: 'slack_webapi_http_error', statusCode: 500 })).toBe(false);
    expect(mayRetry({ code: 'slack_webapi_platform_error', data: { error: 'not_in_channel' } })).toBe(false);
  });
});

describe('manifest.yml', () => {
  const manifest = parse(
    readFileSync(new URL('../../adapters/slack/manifest.yml', import.meta.url), 'utf8'),
  ) as {
    features: { slash_commands: { command: string }[]; shortcuts: { callback_id: string; type: string }[] };
    oauth_config: { scopes: { bot: string[] } };
    settings: {
      event_subscriptions: { bot_events: string[] };
      socket_mode_enabled: boolean;
      interactivity: { is_enabled: boolean };
    };
  };
  const code = [
    'handlers/messages.ts',
    'handlers/commands.ts',
    'handlers/shortcut.ts',
    'handlers/login-modal.ts',
    'locale.ts',
  ]
    .map((f) => readFileSync(new URL(`../../adapters/slack/${f}`, import.meta.url), 'utf8'))
    .join('\n');

  it('declares every command, the shortcut, the events and the scopes the code uses; Socket Mode on', () => {
    const commands = [...code.matchAll(/app\.command\('([^']+)'/g)].map((m) => m[1]);
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(commands.sort());
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({ callback_id: SHORTCUT_EXPLAIN, type: 'message' }),
    );
    const events = [...code.matchAll(/app\.event\('([^']+)'/g)].map((m) => m[1]);
    expect(events).toEqual(['message', 'app_mention']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining([
        'app_mention',
        'message.channels',
        'message.groups',
        'message.im',
        'message.mpim',
      ]),
    );
    const scopes = manifest.oauth_config.scopes.bot;
    for (const s of [
      'app_mentions:read',
      'channels:history',
      'groups:history',
      'im:history',
      'mpim:history',
      'chat:write',
      'commands',
      'users:read',
    ]) {
      expect(scopes).toContain(s);
    }
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});

describe('the /popcheck report blocks read the neutral report view', () => {
  it.each(LANGS)('%s: the same verdict, steps, notes and settings as the text report', (lang) => {
    const report = {
      ...sampleReport({ target: 'pop.example.com', lang }),
      encryption: 'none-offered' as const,
      capabilities: {
        before: [{ name: 'USER', args: [], gloss: 'user/pass login' }],
        afterLogin: [{ name: 'UIDL', args: [], gloss: 'permanent ids' }],
      },
    };
    const view = buildReportView(report, lang);
    const reply = probeReply(report, lang);
    const blocks = JSON.stringify(reply.blocks);
    expect(blocks).toContain(JSON.stringify(safeText(view.header.verdict.text)).slice(1, -1));
    expect(blocks).toContain(JSON.stringify(safeText(view.notes[0]!)).slice(1, -1));
    for (const step of view.attempts.flatMap((g) => g.steps)) {
      expect(blocks).toContain(JSON.stringify(safeText(step.label)).slice(1, -1));
    }
    // The capabilities a client meets: the last list the server sent.
    expect(blocks).toContain('`UIDL`');
    expect(blocks).not.toContain('`USER`');
    expect(blocks).toContain('`pop.example.com`');
    expect(reply.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  });
});

describe("a server log's verdict in the Slack reply", () => {
  it('is a section of its own, the names tried escaped', () => {
    const result: ExplainResult = {
      lang: 'en',
      outcome: 'errors',
      findings: [finding()],
      warnings: [],
      verdicts: [
        'Looks like password guessing: 5 failed logins from 203.0.113.50 for 5 user names (<!channel>, @here, admin).',
      ],
    };
    const reply = resultReply(result);
    const texts = reply.blocks.map((b) => JSON.stringify(b));
    const verdict = texts.find((t) => t.includes('password guessing'));
    expect(verdict).toBeDefined();
    expect(verdict).not.toMatch(/<!channel>|(?<![\w\u200b])@here/);
  });
});
