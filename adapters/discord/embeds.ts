import type { APIEmbed } from 'discord.js';
import { core } from '../../src/i18n/core-messages.js';
import type { Lang } from '../../src/i18n/lang.js';
import { DISCORD_LIMITS as L } from './limits.js';
import { truncate } from './safe-text.js';

/** What a reply carries before the sender adds `allowedMentions` and flags. */
export interface ReplyBody {
  content?: string;
  embeds: APIEmbed[];
}

/** Characters Discord counts towards the 6000 per message. */
export function embedSize(embed: APIEmbed): number {
  let n = (embed.title ?? '').length + (embed.description ?? '').length;
  n += (embed.footer?.text ?? '').length + (embed.author?.name ?? '').length;
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/**
 * A list as one field value: as many items as fit under `max`, then "…and N more". Items are already safe
 * to show (knowledge-base text, or echoed text made inert by the caller).
 */
export function listValue(items: readonly string[], lang: Lang, max: number, numbered = false): string {
  const lines = items.map((item, i) => `${numbered ? `${i + 1}.` : '•'} ${item}`);
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const left = lines.length - i - 1;
    const tail = left > 0 ? core.t(lang, 'more.findings', { count: left }).length + 1 : 0;
    if (used + line.length + 1 + tail > max) {
      // One item longer than the field still shows, cut: better than an empty list.
      if (out.length === 0) out.push(truncate(line, max - tail - 1));
      const more = lines.length - out.length;
      if (more > 0) out.push(core.t(lang, 'more.findings', { count: more }));
      return truncate(out.join('\n'), max);
    }
    out.push(line);
    used += line.length + 1;
  }
  return out.join('\n');
}

/**
 * Fills one message with embeds: up to 10, under 6000 characters together. `build(scale)` makes an embed at
 * a size level (0 = full, higher = shorter) so a long finding shrinks before it is left out.
 */
export class EmbedPacker {
  readonly embeds: APIEmbed[] = [];
  #used = 0;

  get left(): number {
    return L.embedTotal - this.#used;
  }

  /** Adds the largest version of the embed that fits; false when none does or the message is full. */
  add(build: (scale: number) => APIEmbed, scales = SCALES.length): boolean {
    if (this.embeds.length >= L.embedsPerMessage) return false;
    for (let scale = 0; scale < scales; scale++) {
      const embed = build(scale);
      const size = embedSize(embed);
      if (size <= this.left) {
        this.embeds.push(embed);
        this.#used += size;
        return true;
      }
    }
    return false;
  }
}

/** Per-scale caps for a description and a field value. */
export const SCALES: readonly { description: number; field: number }[] = [
  { description: L.description, field: L.fieldValue },
  { description: 1500, field: 600 },
  { description: 800, field: 300 },
  { description: 400, field: 150 },
];

export function scaleOf(scale: number): { description: number; field: number } {
  return SCALES[Math.min(scale, SCALES.length - 1)]!;
}

/** Content text cut to Discord's 2000. */
export function contentOf(parts: readonly string[]): string | undefined {
  const text = parts.filter((p) => p !== '').join('\n\n');
  return text === '' ? undefined : truncate(text, L.content);
}
