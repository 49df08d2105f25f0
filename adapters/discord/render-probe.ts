import type { APIEmbed, APIEmbedField } from 'discord.js';
import { core } from '../../src/i18n/core-messages.js';
import { discordMessages } from '../../src/i18n/discord-messages.js';
import type { Lang } from '../../src/i18n/lang.js';
import { probeMessages } from '../../src/i18n/probe-messages.js';
import type { ProbeReport, ProbeStep, StepStatus } from '../../src/probe/types.js';
import { contentOf, EmbedPacker, listValue, type ReplyBody, scaleOf } from './embeds.js';
import { DISCORD_LIMITS as L } from './limits.js';
import { COLOR, packFindings } from './render-explanation.js';
import { discordCode, discordPlain } from '../../src/text/untrusted.js';
import { safeProse, truncate } from './safe-text.js';

const MARK: Record<StepStatus, string> = { ok: '✅', warn: '⚠️', fail: '❌', skipped: '➖' };
const VERDICT_COLOR = [COLOR.ok, COLOR.temporary, COLOR.error, COLOR.info] as const;

type ProbeKey = Parameters<typeof probeMessages.t>[1];

function stepLine(step: ProbeStep, lang: Lang, maxDetail: number): string {
  const name = probeMessages.t(lang, `step.${step.name}` as ProbeKey);
  // Details quote the server (greetings, -ERR lines): a hostile server must not ping or lay out the reply.
  // Step details carry server text (greeting, -ERR, certificate names): every link and mention made inert.
  const detail = discordPlain(step.detail, maxDetail);
  const code = step.code ? ` \`${step.code}\`` : '';
  return `${MARK[step.status]} **${name}** — ${detail}${code}`;
}

function attemptLine(step: ProbeStep, lang: Lang): string {
  const enc = step.tls === 'implicit' ? 'enc.ssl/tls' : step.tls === 'stls' ? 'enc.starttls' : 'enc.none';
  const encryption = probeMessages.t(lang, enc);
  return `__${discordMessages.t(lang, 'probe.attempt', { port: step.port ?? '', encryption })}__`;
}

/** The probe's steps, capabilities and settings as one embed, at a size level (0 = full). */
export function probeEmbed(report: ProbeReport, lang: Lang, scale = 0): APIEmbed {
  const t = (key: ProbeKey, params?: Record<string, string | number>) => probeMessages.t(lang, key, params);
  const cap = scaleOf(scale);
  const lines: string[] = [`**${t(`render.verdict.${report.exitCode}` as ProbeKey)}**`, ''];
  let lastAttempt: number | undefined;
  const perStep = Math.max(60, Math.floor(cap.description / Math.max(1, report.steps.length)) - 40);
  for (const step of report.steps) {
    if (step.attempt !== undefined && step.attempt !== lastAttempt && step.port !== undefined) {
      lines.push(attemptLine(step, lang));
      lastAttempt = step.attempt;
    }
    lines.push(stepLine(step, lang, Math.min(300, perStep)));
  }
  const fields: APIEmbedField[] = [];
  const caps = report.capabilities.afterLogin ?? report.capabilities.afterStls ?? report.capabilities.before;
  if (caps && caps.length > 0) {
    const items = caps.map((c) => {
      const name = discordCode([c.name, ...c.args].join(' '));
      return c.gloss ? `${name} — ${discordPlain(c.gloss)}` : name;
    });
    fields.push({ name: t('render.capabilities'), value: listValue(items, lang, cap.field) });
  }
  const s = report.settings;
  if (s) {
    const rows = [
      `${t('settings.server')}: ${safeProse(s.server)}`,
      `${t('settings.port')}: ${s.port}`,
      `${t('settings.encryption')}: ${t(`enc.${s.encryption}` as ProbeKey)}`,
      `${t('settings.authentication')}: ${t(`auth.${s.authentication}` as ProbeKey)}`,
      s.username ? `${t('settings.username')}: ${safeProse(s.username)}` : '',
    ].filter(Boolean);
    fields.push({
      name: truncate(t('render.settings'), L.fieldName),
      value: truncate(rows.join('\n'), cap.field),
    });
  }
  return {
    title: truncate(t('render.title', { target: safeProse(report.target.input) }), L.title),
    description: truncate(lines.join('\n'), cap.description),
    color: VERDICT_COLOR[report.exitCode],
    fields,
    footer: { text: `${(report.durationMs / 1000).toFixed(1)} s` },
  };
}

/** The report embed first, then the explainer's reading of each failure, within Discord's limits. */
export function renderProbeReport(report: ProbeReport): ReplyBody {
  const packer = new EmbedPacker();
  packer.add((scale) => probeEmbed(report, report.lang, scale));
  const left = packFindings(packer, report.findings, report.lang);
  const content = contentOf(left > 0 ? [core.t(report.lang, 'more.findings', { count: left })] : []);
  return { ...(content ? { content } : {}), embeds: packer.embeds };
}
