import { describe, expect, it } from 'vitest';
import { probeEmbed } from '../../adapters/discord/render-probe.js';
import { probeReply } from '../../adapters/slack/probe-blocks.js';
import { renderProbeText } from '../../src/probe/render.js';
import { buildReportView } from '../../src/probe/report-view.js';
import type { ProbeReport } from '../../src/probe/types.js';
import { singleLine } from '../../src/text/untrusted.js';
import { sampleReport } from '../discord/bot-fixture.js';

/**
 * Server-controlled text (capability arguments, certificate names) through every renderer (issue #16 items
 * 6 and 7): no live link or mention in Discord or Slack, no escape sequence, line break or bidi override in
 * a terminal.
 */

const LINKS =
  'IMPLEMENTATION [click here](https://evil.example) and [again](https://b.example) @everyone <@&123>';
const SUBJECT = 'CN=pop.example.org\u001b[2J\u001b]0;owned\u0007\nO=Evil\u202eCorp';

function hostileReport(): ProbeReport {
  const report = sampleReport({ target: 'pop.example.org' });
  report.capabilities = {
    before: [{ name: 'IMPLEMENTATION', args: LINKS.split(' ').slice(1), gloss: `server software: ${LINKS}` }],
  };
  report.steps.push({ name: 'tls', status: 'ok', ms: 5, detail: `certificate for ${singleLine(SUBJECT)}` });
  return report;
}

// A Markdown link whose brackets are not escaped: `[text](http…`.
const LIVE_LINK = /(?<!\\)\[[^\]\\]*(?<!\\)\]\(\s*https?:/;

describe('server text in probe reports', () => {
  it('Discord: every masked link in capabilities and details is inert, mentions broken', () => {
    const report = hostileReport();
    const embed = JSON.stringify(probeEmbed(buildReportView(report, 'en'), report.durationMs));
    expect(JSON.parse(embed) as object).toBeDefined();
    const text = JSON.parse(embed) as { fields?: { value: string }[]; description?: string };
    const all = [text.description ?? '', ...(text.fields ?? []).map((f) => f.value)].join('\n');
    // Inside inline code nothing renders; outside it, every bracket must be escaped.
    const outsideCode = all.replace(/`[^`]*`/g, '');
    expect(all).toContain('`IMPLEMENTATION [click here](https://evil.example)');
    expect(outsideCode).not.toMatch(LIVE_LINK);
    expect(all).not.toMatch(/@everyone/);
    expect(outsideCode).not.toMatch(/(?<![\\\u200b])<@&/);
  });

  it('Slack: capabilities shown as code, no mention or link markup', () => {
    const reply = JSON.stringify(probeReply(hostileReport(), 'en'));
    expect(reply).not.toMatch(/<@&|<!everyone>|@everyone/);
    expect(reply).not.toContain('\u202e');
  });

  it('the terminal: a certificate subject loses its escape sequences, line breaks and bidi override', () => {
    const cleaned = singleLine(SUBJECT);
    expect(cleaned).toBe('CN=pop.example.org O=EvilCorp');
    const text = renderProbeText(hostileReport(), 'en', { color: false });
    expect(text).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(text).toContain('CN=pop.example.org O=EvilCorp');
  });
});
