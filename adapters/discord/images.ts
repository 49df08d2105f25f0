import type { ChatMode } from '../../src/chat/types.js';
import { imageMessages } from '../../src/i18n/image-messages.js';
import type { Lang } from '../../src/i18n/lang.js';
import { downloadImage } from '../../src/ocr/download-image.js';
import { ImageError } from '../../src/ocr/errors.js';
import { explainImage, type ImageExplanation, notesSayItAll } from '../../src/ocr/explain-image.js';
import type { OcrEngine } from '../../src/ocr/ocr-engine.js';
import { imageErrorText } from '../../src/render/image-text.js';
import { contentOf, type ReplyBody } from './embeds.js';
import { renderExplanation } from './render-explanation.js';
import { codeSpan, neutraliseMentions } from './safe-text.js';

/** An attachment as discord.js (and the gateway payload) describes it. */
export interface AttachmentLike {
  url: string;
  contentType: string | null;
  size: number;
}

/** Discord's CDN, where attachments live; DISCORD_CDN_URL points elsewhere (a test's loopback fake). */
export const DISCORD_CDN = 'https://cdn.discordapp.com';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

/** The first picture popbot reads among a message's attachments (one answer per message). */
export function firstImage(
  attachments: { values(): Iterable<AttachmentLike> } | undefined,
): AttachmentLike | undefined {
  if (!attachments) return undefined;
  for (const a of attachments.values()) {
    const type = (a.contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (IMAGE_TYPES.has(type)) return a;
  }
  return undefined;
}

export interface DiscordImageDeps {
  ocr: OcrEngine;
  /** DISCORD_CDN_URL, or Discord's CDN. The bot token is never sent there: attachment URLs are signed. */
  cdnUrl: string;
  fetch: typeof globalThis.fetch;
}

/** A picture's answer: the same message as a paste, with what was read (and notes) at its top. */
export function renderImageAnswer(explanation: ImageExplanation): ReplyBody {
  const body = renderExplanation(explanation.result);
  const lang = explanation.result.lang;
  const read =
    explanation.readLines.length > 0
      ? [
          imageMessages.t(lang, 'read-from'),
          ...explanation.readLines.map((l) => `> ${codeSpan(l, 200)}`),
        ].join('\n')
      : '';
  const notes = explanation.notes.map((n) => `⚠️ ${neutraliseMentions(n.message)}`);
  if (notesSayItAll(explanation)) return { content: contentOf([read, ...notes]) ?? '', embeds: [] };
  const content = contentOf([read, ...notes, body.content ?? '']);
  return { ...(content ? { content } : {}), embeds: body.embeds };
}

/**
 * Downloads and reads an attachment for `user` on the process's one OCR worker. A watched channel gets an
 * answer only when the picture shows a POP error; a direct request always gets one, a short notice when
 * the picture cannot be read (busy, too large, broken), never silence.
 */
export async function answerDiscordImage(
  deps: DiscordImageDeps,
  request: {
    attachment: AttachmentLike;
    user: string;
    mode: ChatMode;
    lang: Lang | undefined;
    fallback: Lang;
  },
): Promise<ReplyBody | undefined> {
  try {
    const bytes = await downloadImage(request.attachment.url, {
      origin: new URL(deps.cdnUrl).origin,
      announcedSize: request.attachment.size,
      fetch: deps.fetch,
    });
    const explanation = await explainImage(bytes, deps.ocr, {
      ...(request.lang ? { lang: request.lang } : {}),
      fallbackLang: request.fallback,
      user: request.user,
    });
    if (request.mode === 'watch' && explanation.result.outcome !== 'errors') return undefined;
    return renderImageAnswer(explanation);
  } catch (error) {
    if (!(error instanceof ImageError) || request.mode === 'watch') {
      if (error instanceof ImageError) return undefined;
      throw error;
    }
    return {
      content: neutraliseMentions(imageErrorText(error, request.lang ?? request.fallback)),
      embeds: [],
    };
  }
}
