import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { ReplyBody } from '../../adapters/discord/embeds.js';
import { renderExplanation } from '../../adapters/discord/render-explanation.js';
import { renderProbeReport } from '../../adapters/discord/render-probe.js';
import { codeSpan, neutraliseMentions, safeProse } from '../../adapters/discord/safe-text.js';
import { lookupOrExplain } from '../../src/chat/respond.js';
import type { ExplainResult, Finding } from '../../src/explain/types.js';
import { core } from '../../src/i18n/core-messages.js';
import { discordMessages } from '../../src/i18n/discord-messages.js';
import { LANGS, type Lang } from '../../src/i18n/lang.js';
import { probeMessages } from '../../src/i18n/probe-messages.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';
import { buildReportView } from '../../src/probe/report-view.js';
import { sampleReport } from './bot-fixture.js';

/** Discord's documented limits, restated here so the renderer is checked against them, not against itself. */
function expectWithinDiscordLimits(body: ReplyBody) {
  expect((body.content ?? '').length).toBeLessThanOrEqual(2000);
  expect(body.embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of body.embeds as APIEmbed[]) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(256);
    expect((e.description ?? '').length).toBeLessThanOrEqual(4096);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(2048);
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length;
    total += (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(6000);
}

function allFindings(lang: Lang): Finding[] {
  const kb = defaultKnowledgeBase();
  return kb.entries.flatMap((e) => {
    const answer = lookupOrExplain(e.entry.id, lang, lang, kb);
    return answer.kind === 'explanation' ? answer.result.findings : [];
  });
}

const result = (lang: Lang, findings: Finding[]): ExplainResult => ({
  lang,
  outcome: 'errors',
  findings,
  warnings: [],
});

describe.each(LANGS)('Discord rendering in %s', (lang) => {
  const findings = allFindings(lang);

  it('one finding: one embed with title, meaning, causes, steps, retry, references and the codes in the footer', () => {
    const f = findings.find((x) => x.entry === 'unable-to-lock-maildrop')!;
    const body = renderExplanation(result(lang, [f]));
    expectWithinDiscordLimits(body);
    expect(body.embeds).toHaveLength(1);
    const e = body.embeds[0]!;
    expect(e.title).toBe(f.title);
    expect(e.description).toContain(f.meaning);
    const names = (e.fields ?? []).map((x) => x.name);
    expect(names).toEqual(
      expect.arrayContaining([
        core.t(lang, 'label.causes'),
        core.t(lang, 'label.userSteps'),
        core.t(lang, 'label.retry'),
      ]),
    );
    if (f.references.length > 0) expect(names).toContain(core.t(lang, 'label.references'));
    expect(e.footer!.text).toContain(f.category);
    expect(e.footer!.text).toContain(f.entry);
    expect(body.content).toBeUndefined();
  });

  it(`every knowledge-base entry (${findings.length}) alone fits Discord's limits`, () => {
    for (const f of findings) expectWithinDiscordLimits(renderExplanation(result(lang, [f])));
  });

  it('many findings: as many embeds as fit, then "…and N more" with the right N', () => {
    expect(findings.length).toBeGreaterThan(20);
    const body = renderExplanation(result(lang, findings));
    expectWithinDiscordLimits(body);
    expect(body.embeds.length).toBeGreaterThan(0);
    const left = findings.length - body.embeds.length;
    // The header sums the paste up first (274 errors of 274 kinds: the first five named), then "…and N more".
    const lines = (body.content ?? '').split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${findings.length}\\D`));
    expect(lines.at(-1)).toBe(core.t(lang, 'more.findings', { count: left }));
    expect(body.embeds[0]!.title).toMatch(/^1\. /);
  });

  it('an oversized finding shrinks to fit instead of being refused by Discord', () => {
    const long = 'x'.repeat(3000);
    const huge: Finding = {
      ...findings[0]!,
      title: long,
      meaning: long,
      line: long,
      causes: Array.from({ length: 60 }, (_, i) => `${i} ${long}`),
      userSteps: Array.from({ length: 60 }, () => long),
      adminSteps: Array.from({ length: 60 }, () => long),
    };
    const body = renderExplanation(result(lang, [huge, huge, huge]));
    expectWithinDiscordLimits(body);
    expect(body.embeds.length).toBeGreaterThanOrEqual(1);
    const causes = body.embeds[0]!.fields!.find((f) => f.name === core.t(lang, 'label.causes'))!.value.split(
      '\n',
    );
    const shownCauses = causes.length - 1;
    expect(shownCauses).toBeGreaterThan(0);
    expect(causes.at(-1)).toBe(core.t(lang, 'more.findings', { count: 60 - shownCauses }));
  });

  it('a probe report with many steps and findings fits, report first', () => {
    const report = {
      ...sampleReport({ target: 'pop.example.com', lang }),
      findings: findings.slice(0, 30),
      exitCode: 2 as const,
    };
    report.steps = Array.from({ length: 13 }, (_, i) => ({
      ...report.steps[2]!,
      detail: `${'z'.repeat(900)} ${i}`,
      attempt: i % 2,
    }));
    const body = renderProbeReport(report);
    expectWithinDiscordLimits(body);
    expect(body.embeds[0]!.title).toContain('pop.example.com');
    expect(body.content).toBe(core.t(lang, 'more.findings', { count: 30 - (body.embeds.length - 1) }));
  });
});

describe('echoed text made inert', () => {
  it.each([
    ['@everyone', /@everyone/],
    ['@here', /@here/],
    ['<@&123456789012345678>', /<@&/],
    ['<@!123456789012345678>', /<@!/],
    ['<@123456789012345678>', /<@\d/],
    ['<#123456789012345678>', /<#\d/],
  ])('%s no longer reads as a mention', (input, live) => {
    expect(neutraliseMentions(`hi ${input} there`)).not.toMatch(live);
    expect(safeProse(input)).not.toMatch(live);
    expect(codeSpan(input)).not.toMatch(live);
  });

  it('a masked link with fake text does not render as a link', () => {
    expect(safeProse('[your bank](https://evil.example)')).toBe('\\[your bank](https://evil.example)');
  });

  it('a backtick cannot close the code span early, and newlines stay on one line', () => {
    const span = codeSpan('-ERR `**bold**`\n@everyone');
    expect(span.match(/`/g)).toHaveLength(2);
    expect(span).not.toContain('\n');
  });

  it('Markdown in a server line cannot change the reply layout', () => {
    expect(safeProse('# Heading **bold** ||spoiler||')).toBe(
      '\\# Heading \\*\\*bold\\*\\* \\|\\|spoiler\\|\\|',
    );
  });
});

describe('the probe report embed reads the neutral report view', () => {
  it.each(LANGS)(
    '%s: the same verdict, steps, notes and settings as the text report, Discord-formatted',
    (lang) => {
      const report = {
        ...sampleReport({ target: 'pop.example.com', lang }),
        encryption: 'none-offered' as const,
        capabilities: {
          before: [{ name: 'USER', args: [], gloss: 'user/pass login' }],
          afterLogin: [{ name: 'UIDL', args: [], gloss: 'permanent ids' }],
        },
      };
      const view = buildReportView(report);
      const embed = renderProbeReport(report).embeds[0] as APIEmbed;
      expect(embed.description).toContain(`**${view.header.verdict.text}**`);
      expect(embed.description).toContain(safeProse(view.notes[0]!));
      for (const step of view.attempts.flatMap((g) => g.steps))
        expect(embed.description).toContain(step.label);
      // "Port 995, SSL/TLS" said in the user's language, once for the attempt.
      expect(embed.description).toContain(
        discordMessages.t(lang, 'probe.attempt', {
          port: 995,
          encryption: probeMessages.t(lang, 'enc.ssl/tls'),
        }),
      );
      // The last capability list the server sent is what a client meets.
      const caps = embed.fields!.find((f) => f.name === view.labels.capabilities)!;
      expect(caps.value).toContain('UIDL');
      expect(caps.value).not.toContain('USER');
      // What the user types into a mail client is shown literally.
      const settings = embed.fields!.find((f) => f.name === view.settings!.title)!;
      expect(settings.value).toContain(codeSpan('pop.example.com'));
      expect(embed.description).not.toMatch(/@everyone|(?<![\\\u200b])<@&\d/);
    },
  );
});

describe("a server log's verdict in the reply", () => {
  // User names come from the log, written by whoever tried to log in: they are never markup.
  const users = ['@everyone', '<@&123456789012345678>', 'admin', 'info', 'sales'];
  const log = users
    .map(
      (u, i) =>
        `Mar  3 10:00:0${i} mx dovecot: pop3-login: Aborted login (auth failed, 1 attempts in 2 secs): user=<${u}>, method=PLAIN, rip=203.0.113.50, lip=192.0.2.1, session=<s${i}>`,
    )
    .join('\n');

  it('is said before the explanations, with the names tried made inert', () => {
    const answer = lookupOrExplain(log, 'en', 'en');
    if (answer.kind !== 'explanation') throw new Error(`expected an explanation, got ${answer.kind}`);
    const body = renderExplanation(answer.result);
    expect(body.content).toMatch(/password guessing: 5 failed logins from 203\.0\.113\.50/);
    expect(body.content).not.toMatch(/(?<![\\\u200b])@everyone|(?<![\\\u200b])<@&\d/);
  });
});
