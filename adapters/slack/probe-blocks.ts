import { slackCode } from '../../src/text/untrusted.js';
import type { types } from '@slack/bolt';
import type { Lang } from '../../src/i18n/lang.js';
import { probeMessages } from '../../src/i18n/probe-messages.js';
import { slackMessages } from '../../src/i18n/slack-messages.js';
import { renderProbeText } from '../../src/probe/render.js';
import type { ProbeReport, ProbeStep, StepStatus } from '../../src/probe/types.js';
import {
  context,
  fallbackText,
  findingBlocks,
  header,
  SLACK_LIMITS,
  type SlackReply,
  section,
} from './blocks.js';
import { clip, safeCode, safeText } from './escape.js';

type KnownBlock = types.KnownBlock;

const MARK: Record<StepStatus, string> = {
  ok: ':white_check_mark:',
  warn: ':warning:',
  fail: ':x:',
  skipped: ':heavy_minus_sign:',
};
/** A probe report has at most a dozen steps per attempt; this keeps a hostile server from flooding the reply. */
const MAX_STEPS = 30;
const MAX_FINDINGS = 2;
const MAX_CAPABILITIES = 20;

function attemptLabel(step: ProbeStep): string {
  const enc = step.tls === 'implicit' ? 'SSL/TLS' : step.tls === 'stls' ? 'STARTTLS' : 'plain';
  return `${step.port ?? ''} ${enc}`.trim();
}

/** Step lines, grouped per attempt, split into sections under Slack's per-section limit. */
function stepSections(report: ProbeReport, lang: Lang): KnownBlock[] {
  const t = probeMessages.t.bind(probeMessages);
  const lines: string[] = [];
  let lastAttempt: number | undefined;
  for (const step of report.steps.slice(0, MAX_STEPS)) {
    if (step.attempt !== undefined && step.attempt !== lastAttempt) {
      lines.push(`*— ${safeText(attemptLabel(step))} —*`);
      lastAttempt = step.attempt;
    }
    const code = step.code ? ` \`${safeText(step.code)}\`` : '';
    lines.push(
      // The detail quotes the server (greeting, -ERR): as inline code, its *, _, ~ or ``` cannot restyle the report.
      `${MARK[step.status]} *${safeText(t(lang, `step.${step.name}`))}*: ${safeCode(clip(step.detail, 500))}${code}`,
    );
  }
  if (report.steps.length > MAX_STEPS) {
    lines.push(
      safeText(slackMessages.t(lang, 'report.more-steps', { count: report.steps.length - MAX_STEPS })),
    );
  }
  const sections: KnownBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current !== '' && current.length + line.length + 1 > SLACK_LIMITS.sectionText) {
      sections.push(section(current));
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') sections.push(section(current));
  return sections;
}

/** The `/popcheck` report: verdict, steps, settings to use, capabilities, and what went wrong. */
export function probeReply(report: ProbeReport, lang: Lang): SlackReply {
  const t = (key: Parameters<typeof probeMessages.t>[1], params?: Record<string, string | number>) =>
    probeMessages.t(lang, key, params);
  const blocks: KnownBlock[] = [
    header(t('render.title', { target: clip(report.target.input, 100) })),
    section(`*${safeText(t(`render.verdict.${report.exitCode}`))}*`),
    ...stepSections(report, lang),
  ];
  const s = report.settings;
  if (s) {
    const rows = [
      `${t('settings.server')}: \`${safeText(s.server)}\``,
      `${t('settings.port')}: \`${s.port}\``,
      `${t('settings.encryption')}: ${t(`enc.${s.encryption}`)}`,
      `${t('settings.authentication')}: ${t(`auth.${s.authentication}`)}`,
      s.username ? `${t('settings.username')}: \`${safeText(s.username)}\`` : '',
    ].filter(Boolean);
    blocks.push(section(`*${safeText(t('render.settings'))}*\n${rows.join('\n')}`));
  }
  const caps = report.capabilities.afterLogin ?? report.capabilities.afterStls ?? report.capabilities.before;
  if (caps && caps.length > 0) {
    const names = caps.slice(0, MAX_CAPABILITIES).map((c) => slackCode([c.name, ...c.args].join(' ')));
    blocks.push(context([`*${safeText(t('render.capabilities'))}*: ${names.join(' · ')}`]));
  }
  const findings = report.findings.slice(0, MAX_FINDINGS);
  for (const f of findings) {
    const next = findingBlocks(f, lang);
    if (blocks.length + next.length + 2 > SLACK_LIMITS.blocks) break;
    blocks.push({ type: 'divider' }, ...next);
  }
  return { text: fallbackText(renderProbeText(report, lang, { color: false })), blocks };
}
