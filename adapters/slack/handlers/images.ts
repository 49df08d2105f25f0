import type { types, webApi } from '@slack/bolt';
import type { ChatMode } from '../../../src/chat/types.js';
import { imageMessages } from '../../../src/i18n/image-messages.js';
import type { Lang } from '../../../src/i18n/lang.js';
import { ImageError } from '../../../src/ocr/errors.js';
import { explainImage, type ImageExplanation, notesSayItAll } from '../../../src/ocr/explain-image.js';
import { downloadImage } from '../../../src/ocr/download-image.js';
import { imageErrorText } from '../../../src/render/image-text.js';
import { context, noticeReply, resultReply, type SlackReply } from '../blocks.js';
import type { SlackDeps } from '../deps.js';
import { safeCode, safeText } from '../escape.js';

/** A file as Slack describes it in a message event or a shortcut's message. */
export interface SlackFile {
  id?: string;
  mimetype?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

/** The pictures popbot reads among a message's files (the first one only: one answer per message). */
export function firstImage(files: unknown): SlackFile | undefined {
  if (!Array.isArray(files)) return undefined;
  return (files as SlackFile[]).find((f) => typeof f?.mimetype === 'string' && IMAGE_TYPES.has(f.mimetype));
}

/**
 * Where Slack serves files: files.slack.com, or the SLACK_API_URL's origin (a test's loopback Slack). The
 * bot token goes to that origin only, and a redirect elsewhere is refused rather than followed with it.
 */
export function filesOrigin(apiUrl: string | undefined): string {
  return apiUrl ? new URL(apiUrl).origin : 'https://files.slack.com';
}

/** A file's bytes, with the bot token, from Slack's files origin only. */
export function downloadSlackFile(file: SlackFile, deps: SlackDeps): Promise<Buffer> {
  return downloadImage(file.url_private_download ?? file.url_private ?? '', {
    origin: filesOrigin(deps.apiUrl),
    headers: { authorization: `Bearer ${deps.botToken}` },
    announcedSize: file.size,
    fetch: deps.fetch,
  });
}

/** The answer to a picture: the same blocks as a paste, and a context block with what was read. */
export function imageReply(explanation: ImageExplanation): SlackReply {
  const reply = resultReply(explanation.result);
  const lang = explanation.result.lang;
  const read: types.KnownBlock[] = [];
  if (explanation.readLines.length > 0)
    read.push(
      context([
        `${safeText(imageMessages.t(lang, 'read-from'))}\n${explanation.readLines.map((l) => `> ${safeCode(l)}`).join('\n')}`,
      ]),
    );
  const notes = explanation.notes.map((n) => context([`:warning: ${safeText(n.message)}`]));
  if (notesSayItAll(explanation))
    return {
      text: explanation.notes.map((n) => safeText(n.message)).join('\n'),
      blocks: [...read, ...notes],
    };
  return { text: reply.text, blocks: [...read, ...notes, ...reply.blocks] };
}

/**
 * Downloads and reads a picture for `user` on the process's one OCR worker. Watched channels get an answer
 * only when the picture shows a POP error; a direct request always gets one, a short notice when the picture
 * cannot be read (busy, too large, broken), never silence.
 */
export async function answerSlackImage(
  deps: SlackDeps,
  client: webApi.WebClient,
  request: { file: SlackFile; user: string; mode: ChatMode },
): Promise<SlackReply | undefined> {
  const lang: Lang = (await deps.locales.langOf(client, request.user, deps.log)) ?? deps.defaultLang;
  try {
    const bytes = await downloadSlackFile(request.file, deps);
    const explanation = await explainImage(bytes, deps.ocr, { fallbackLang: lang, user: request.user });
    if (request.mode === 'watch' && explanation.result.outcome !== 'errors') return undefined;
    return imageReply(explanation);
  } catch (error) {
    if (!(error instanceof ImageError)) throw error;
    deps.log.info({ code: error.code }, 'picture not read');
    return request.mode === 'direct' ? noticeReply(imageErrorText(error, lang)) : undefined;
  }
}
