import { slackCode } from '../../src/text/untrusted.js';
import type { types } from '@slack/bolt';
import type { Lang } from '../../src/i18n/lang.js';
import { slackMessages } from '../../src/i18n/slack-messages.js';
import { renderProbeText } from '../../src/probe/render.js';
import { buildReportView, type ProbeReportView } from '../../src/probe/report-view.js';
import type { ProbeReport, StepStatus } from '../../src/probe/types.js';
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

/**
 * The `/popcheck` report as Block Kit, read from the neutral report view (src/probe/report-view.ts): this
 * file only adds Slack's marks, mrkdwn escaping and size limits.
 */

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

/** Step lines, grouped per attempt, split into sections under Slack's per-section limit. */
function stepSections(view: ProbeReportView): KnownBlock[] {
  const lines: string[] = [];
  let shown = 0;
  let total = 0;
  for (const group of view.attempts) {
    total += group.steps.length;
    const steps = group.steps.slice(0, Math.max(0, MAX_STEPS - shown));
    if (steps.length === 0) continue;
    if (group.label) lines.push(`*— ${safeText(group.label)} —*`);
    for (const step of steps) {
      const code = step.code ? ` \`${safeText(step.code)}\`` : '';
      // The detail quotes the server (greeting, -ERR): as inline code, its *, _, ~ or ``` cannot restyle the report.
      lines.push(
        `${MARK[step.status]} *${safeText(step.label)}*: ${safeCode(clip(step.detail, 500))}${code}`,
      );
    }
    shown += steps.length;
  }
  if (total > MAX_STEPS) {
    lines.push(safeText(slackMessages.t(view.lang, 'report.more-steps', { count: total - MAX_STEPS })));
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

/** The `/popcheck` report: verdict, steps, notes, settings to use, capabilities, and what went wrong. */
export function probeReply(report: ProbeReport, lang: Lang): SlackReply {
  const view = buildReportView(report, lang);
  const blocks: KnownBlock[] = [
    header(view.header.title),
    section(`*${safeText(view.header.verdict.text)}*`),
    ...stepSections(view),
  ];
  if (view.notes.length > 0)
    blocks.push(section(view.notes.map((n) => `:warning: ${safeText(n)}`).join('\n')));
  if (view.settings) {
    // What the user types into a mail client is shown literally, as code.
    const rows = view.settings.rows.map(
      (r) => `${safeText(r.label)}: ${r.literal ? `\`${safeText(r.value)}\`` : safeText(r.value)}`,
    );
    blocks.push(section(`*${safeText(view.settings.title)}*\n${rows.join('\n')}`));
  }
  // The last list the server sent (after login, after STLS, or before) is what a client will meet.
  const caps = view.capabilities.filter((list) => list.items && list.items.length > 0).at(-1);
  if (caps?.items) {
    const names = caps.items.slice(0, MAX_CAPABILITIES).map((c) => slackCode(c.text));
    blocks.push(context([`*${safeText(view.labels.capabilities)}*: ${names.join(' · ')}`]));
  }
  for (const f of view.findings.slice(0, MAX_FINDINGS)) {
    const next = findingBlocks(f, lang);
    if (blocks.length + next.length + 2 > SLACK_LIMITS.blocks) break;
    blocks.push({ type: 'divider' }, ...next);
  }
  return { text: fallbackText(renderProbeText(report, lang, { color: false })), blocks };
}
