import type { APIEmbed, APIEmbedField } from 'discord.js';
import { core } from '../../src/i18n/core-messages.js';
import { discordMessages } from '../../src/i18n/discord-messages.js';
import type { Lang } from '../../src/i18n/lang.js';
import { probeMessages } from '../../src/i18n/probe-messages.js';
import {
  type AttemptView,
  buildReportView,
  type ProbeReportView,
  type StepView,
} from '../../src/probe/report-view.js';
import type { ProbeReport, StepStatus } from '../../src/probe/types.js';
import { contentOf, EmbedPacker, listValue, type ReplyBody, scaleOf } from './embeds.js';
import { DISCORD_LIMITS as L } from './limits.js';
import { COLOR, packFindings } from './render-explanation.js';
import { discordCode, discordPlain } from '../../src/text/untrusted.js';
import { codeSpan, safeProse, truncate } from './safe-text.js';

/**
 * The probe report as Discord embeds, read from the neutral report view (src/probe/report-view.ts): this
 * file only adds Discord's marks, colours, Markdown escaping and size limits.
 */

const MARK: Record<StepStatus, string> = { ok: '✅', warn: '⚠️', fail: '❌', skipped: '➖' };
const VERDICT_COLOR = { ok: COLOR.ok, warning: COLOR.temporary, critical: COLOR.error, unknown: COLOR.info };

function stepLine(step: StepView, maxDetail: number): string {
  // Details quote the server (greetings, -ERR lines): a hostile server must not ping or lay out the reply.
  // Step details carry server text (greeting, -ERR, certificate names): every link and mention made inert.
  const detail = discordPlain(step.detail, maxDetail);
  const code = step.code ? ` \`${step.code}\`` : '';
  return `${MARK[step.status]} **${step.label}** — ${detail}${code}`;
}

/** "Port 995, SSL/TLS", in the report's language; nothing for the steps before any connection. */
function attemptLine(group: AttemptView, lang: Lang): string | undefined {
  if (group.port === undefined || group.tls === undefined) return undefined;
  const enc = group.tls === 'implicit' ? 'enc.ssl/tls' : group.tls === 'stls' ? 'enc.starttls' : 'enc.none';
  const encryption = probeMessages.t(lang, enc);
  return `__${discordMessages.t(lang, 'probe.attempt', { port: group.port, encryption })}__`;
}

/** The probe's verdict, steps, notes, capabilities and settings as one embed, at a size level (0 = full). */
export function probeEmbed(view: ProbeReportView, durationMs: number, scale = 0): APIEmbed {
  const cap = scaleOf(scale);
  const lines: string[] = [`**${view.header.verdict.text}**`, ''];
  const stepCount = view.attempts.reduce((n, g) => n + g.steps.length, 0);
  const perStep = Math.max(60, Math.floor(cap.description / Math.max(1, stepCount)) - 40);
  for (const group of view.attempts) {
    const header = attemptLine(group, view.lang);
    if (header) lines.push(header);
    for (const step of group.steps) lines.push(stepLine(step, Math.min(300, perStep)));
  }
  if (view.notes.length > 0) lines.push('', ...view.notes.map((n) => `⚠️ ${safeProse(n)}`));
  const fields: APIEmbedField[] = [];
  // The last list the server sent (after login, after STLS, or before) is what a client will meet.
  const caps = view.capabilities.filter((list) => list.items && list.items.length > 0).at(-1);
  if (caps?.items) {
    const items = caps.items.map((c) => {
      const name = discordCode(c.text);
      return c.gloss ? `${name} — ${discordPlain(c.gloss)}` : name;
    });
    fields.push({
      name: truncate(view.labels.capabilities, L.fieldName),
      value: listValue(items, view.lang, cap.field),
    });
  }
  if (view.settings) {
    // Values the user types into a mail client are shown literally, as code.
    const rows = view.settings.rows.map(
      (r) => `${r.label}: ${r.literal ? codeSpan(r.value, 200) : safeProse(r.value)}`,
    );
    fields.push({
      name: truncate(view.settings.title, L.fieldName),
      value: truncate(rows.join('\n'), cap.field),
    });
  }
  return {
    title: truncate(safeProse(view.header.title), L.title),
    description: truncate(lines.join('\n'), cap.description),
    color: VERDICT_COLOR[view.header.verdict.level],
    fields,
    footer: { text: `${(durationMs / 1000).toFixed(1)} s` },
  };
}

/** The report embed first, then the explainer's reading of each failure, within Discord's limits. */
export function renderProbeReport(report: ProbeReport): ReplyBody {
  const view = buildReportView(report);
  const packer = new EmbedPacker();
  packer.add((scale) => probeEmbed(view, report.durationMs, scale));
  const left = packFindings(packer, view.findings, view.lang);
  const content = contentOf(left > 0 ? [core.t(view.lang, 'more.findings', { count: left })] : []);
  return { ...(content ? { content } : {}), embeds: packer.embeds };
}
