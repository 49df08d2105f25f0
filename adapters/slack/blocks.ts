import type { types } from '@slack/bolt';
import type { ChatAnswer } from '../../src/chat/types.js';
import type { ExplainResult, Finding, FindingReference } from '../../src/explain/types.js';
import { core } from '../../src/i18n/core-messages.js';
import type { Lang } from '../../src/i18n/lang.js';
import { headerLine, repeatsLine, verdictLines } from '../../src/render/summary-line.js';
import { renderResultText } from '../../src/render/text.js';
import { clip, safeCode, safeText } from './escape.js';

type KnownBlock = types.KnownBlock;

/** Slack's limits (docs.slack.dev, Block Kit reference): blocks per message, text per field. */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  /** Slack truncates a message's `text` past 40 000 characters; notifications show far less. */
  fallbackText: 3000,
} as const;

/** More findings than this in one reply would be a wall of text; the rest is counted ("…and N more"). */
const MAX_FINDINGS = 3;

/** A reply as Slack takes it: blocks plus the plain-text fallback for notifications and screen readers. */
export interface SlackReply {
  text: string;
  blocks: KnownBlock[];
}

export function section(text: string): KnownBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: clip(text, SLACK_LIMITS.sectionText), verbatim: true },
  };
}

export function header(text: string): KnownBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: clip(text, SLACK_LIMITS.headerText) || '-', emoji: false },
  };
}

export function context(parts: string[]): KnownBlock {
  return {
    type: 'context',
    elements: parts
      .filter((p) => p !== '')
      .slice(0, SLACK_LIMITS.contextElements)
      .map((p) => ({ type: 'mrkdwn' as const, text: clip(p, SLACK_LIMITS.sectionText), verbatim: true })),
  };
}

function list(items: readonly string[], numbered: boolean): string {
  return items.map((item, i) => `${numbered ? `${i + 1}.` : '•'} ${safeText(item)}`).join('\n');
}

function referenceLink(ref: FindingReference): string {
  // A link only for a plain https URL from the knowledge base; anything odd is shown as text.
  if (/^https:\/\/[^\s|<>&]+$/.test(ref.url)) return `<${ref.url}|${safeText(ref.label)}>`;
  return safeText(`${ref.label} ${ref.url}`);
}

/** One finding: header, the line, meaning, causes, steps, retry advice, and the codes for the record. */
export function findingBlocks(finding: Finding, lang: Lang): KnownBlock[] {
  const t = (key: Parameters<typeof core.t>[1]) => core.t(lang, key);
  const where = [
    `${t('label.line')} ${finding.lineNumber}: ${safeCode(finding.line)}`,
    safeText(repeatsLine(finding, lang) ?? ''),
    finding.command ? `${t('label.command')}: ${safeCode(finding.command)}` : '',
    finding.state ? `${t('label.state')}: ${safeText(finding.state)}` : '',
  ];
  const blocks: KnownBlock[] = [
    header(finding.title),
    context(where),
    section(`*${t('label.meaning')}*\n${safeText(finding.meaning)}`),
  ];
  if (finding.causes.length > 0)
    blocks.push(section(`*${t('label.causes')}*\n${list(finding.causes, false)}`));
  if (finding.userSteps.length > 0)
    blocks.push(section(`*${t('label.userSteps')}*\n${list(finding.userSteps, true)}`));
  if (finding.adminSteps.length > 0)
    blocks.push(section(`*${t('label.adminSteps')}*\n${list(finding.adminSteps, true)}`));
  blocks.push(section(`*${t('label.retry')}*: ${t(finding.retry ? 'retry.yes' : 'retry.no')}`));
  blocks.push(
    context([
      `${t('label.category')}: \`${safeText(finding.category)}\``,
      `${t('label.entry')}: \`${safeText(finding.entry)}\``,
      finding.responseCode ? `[${safeText(finding.responseCode)}]` : '',
      finding.references.length > 0
        ? `${t('label.references')}: ${finding.references.slice(0, 4).map(referenceLink).join(', ')}`
        : '',
    ]),
  );
  return blocks;
}

/** The plain-text fallback: the terminal rendering, escaped, cut to what a notification can hold. */
export function fallbackText(text: string): string {
  return clip(safeText(text), SLACK_LIMITS.fallbackText);
}

/** Findings and warnings as Block Kit, staying within Slack's limits. */
export function resultReply(result: ExplainResult): SlackReply {
  const blocks: KnownBlock[] = [];
  for (const w of result.warnings) {
    blocks.push(section(`${w.code === 'secret.exposed' ? ':warning: ' : ''}*${safeText(w.message)}*`));
  }
  if (result.findings.length === 0) {
    blocks.push(section(safeText(result.message ?? '')));
    return { text: fallbackText(renderResultText(result, { color: false })), blocks };
  }
  const summary = headerLine(result);
  if (summary) blocks.push(section(`*${safeText(summary)}*`));
  const [verdictHeader, ...verdicts] = verdictLines(result);
  if (verdictHeader)
    blocks.push(section([`*${safeText(verdictHeader)}*`, ...verdicts.map(safeText)].join('\n')));
  // Keep room for the "…and N more" line.
  const budget = SLACK_LIMITS.blocks - 1;
  let shown = 0;
  for (const finding of result.findings) {
    if (shown >= MAX_FINDINGS) break;
    const next = findingBlocks(finding, result.lang);
    const divider: KnownBlock[] = shown > 0 ? [{ type: 'divider' }] : [];
    if (blocks.length + divider.length + next.length > budget) break;
    blocks.push(...divider, ...next);
    shown++;
  }
  const more = result.findings.length - shown;
  if (more > 0) blocks.push(context([safeText(core.t(result.lang, 'more.findings', { count: more }))]));
  return { text: fallbackText(renderResultText(result, { color: false }, shown)), blocks };
}

export function noticeReply(text: string): SlackReply {
  return { text: fallbackText(text), blocks: [section(safeText(text))] };
}

export function answerReply(answer: ChatAnswer): SlackReply {
  if (answer.kind === 'explanation') return resultReply(answer.result);
  return noticeReply(answer.text);
}
