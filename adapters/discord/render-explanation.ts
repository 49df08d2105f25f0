import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { ChatAnswer } from '../../src/chat/types.js';
import type { ExplainResult, Finding } from '../../src/explain/types.js';
import { core } from '../../src/i18n/core-messages.js';
import { headerLine, repeatsLine, verdictLines } from '../../src/render/summary-line.js';
import type { Lang } from '../../src/i18n/lang.js';
import { contentOf, EmbedPacker, listValue, type ReplyBody, scaleOf } from './embeds.js';
import { DISCORD_LIMITS as L } from './limits.js';
import { codeSpan, neutraliseMentions, truncate } from './safe-text.js';

export const COLOR = { error: 0xda373c, temporary: 0xf0b232, ok: 0x23a55a, info: 0x5865f2 } as const;

/**
 * One finding as an embed: title, the line it is about, meaning, causes, steps, retry advice, references;
 * category code and entry id in the footer. Knowledge-base wording is trusted Markdown; echoed lines are
 * shown as inline code.
 */
export function findingEmbed(finding: Finding, lang: Lang, scale = 0, index?: number): APIEmbed {
  const t = (key: Parameters<typeof core.t>[1]) => core.t(lang, key);
  const cap = scaleOf(scale);
  const context = [
    `${t('label.line')} ${finding.lineNumber}: ${codeSpan(finding.line, Math.min(300, cap.field))}`,
    repeatsLine(finding, lang) ?? '',
    finding.command ? `${t('label.command')}: ${codeSpan(finding.command, 100)}` : '',
    finding.state ? `${t('label.state')}: ${finding.state}` : '',
  ].filter(Boolean);
  const description = `${context.join('\n')}\n\n**${t('label.meaning')}**: ${neutraliseMentions(finding.meaning)}`;
  const fields: APIEmbedField[] = [];
  const list = (name: string, items: readonly string[], numbered: boolean) => {
    if (items.length === 0) return;
    const safe = items.map(neutraliseMentions);
    fields.push({ name, value: listValue(safe, lang, cap.field, numbered) });
  };
  list(t('label.causes'), finding.causes, false);
  list(t('label.userSteps'), finding.userSteps, true);
  list(t('label.adminSteps'), finding.adminSteps, true);
  fields.push({ name: t('label.retry'), value: t(finding.retry ? 'retry.yes' : 'retry.no') });
  if (finding.references.length > 0) {
    const refs = finding.references.map((r) => `[${r.label.replace(/[[\]]/g, '')}](${r.url})`);
    fields.push({ name: t('label.references'), value: listValue(refs, lang, cap.field) });
  }
  const code = finding.responseCode ? ` · [${finding.responseCode}]` : '';
  return {
    title: truncate(
      `${index === undefined ? '' : `${index}. `}${neutraliseMentions(finding.title)}`,
      L.title,
    ),
    description: truncate(description, cap.description),
    color: finding.retry ? COLOR.temporary : COLOR.error,
    fields: fields.slice(0, L.fields),
    footer: {
      text: `${t('label.category')}: ${finding.category} · ${t('label.entry')}: ${finding.entry}${code}`,
    },
  };
}

/**
 * Adds as many findings as fit in the message; returns how many did not.
 */
export function packFindings(packer: EmbedPacker, findings: readonly Finding[], lang: Lang): number {
  const numbered = findings.length > 1;
  let shown = 0;
  for (const [i, finding] of findings.entries()) {
    if (!packer.add((scale) => findingEmbed(finding, lang, scale, numbered ? i + 1 : undefined))) break;
    shown++;
  }
  return findings.length - shown;
}

/**
 * The explainer's result as one Discord message: warnings first (a leaked password is the first thing the
 * reader must see), then one embed per finding, then "…and N more" when Discord's limits are reached.
 */
export function renderExplanation(result: ExplainResult): ReplyBody {
  const warnings = result.warnings.map((w) => `⚠️ ${w.message}`);
  if (result.findings.length === 0) {
    return { content: contentOf([...warnings, neutraliseMentions(result.message ?? '')]) ?? '…', embeds: [] };
  }
  const packer = new EmbedPacker();
  const left = packFindings(packer, result.findings, result.lang);
  const more = left > 0 ? core.t(result.lang, 'more.findings', { count: left }) : '';
  const summary = headerLine(result);
  const verdicts = verdictLines(result).map(neutraliseMentions);
  const content = contentOf([
    ...warnings,
    ...(summary ? [neutraliseMentions(summary)] : []),
    ...(verdicts.length > 0 ? [verdicts.join('\n')] : []),
    more,
  ]);
  return { ...(content ? { content } : {}), embeds: packer.embeds };
}

/** Any chat answer as a Discord message. */
export function renderAnswer(answer: ChatAnswer): ReplyBody {
  if (answer.kind === 'explanation') return renderExplanation(answer.result);
  return { content: contentOf([neutraliseMentions(answer.text)]) ?? '…', embeds: [] };
}
