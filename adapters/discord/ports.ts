import type {
  APIEmbed,
  APIModalInteractionResponseCallbackData,
  MessageFlags,
  MessageMentionOptions,
} from 'discord.js';
import type { AttachmentLike } from './images.js';

/**
 * The narrow slice of discord.js the handlers use. discord.js's Message and interaction classes satisfy these
 * shapes as they are (the client passes them straight through); tests build them from discord-api-types
 * payloads. Every payload type requires `allowedMentions`, so no send can forget it.
 */

export interface SafePayload {
  content?: string;
  embeds?: APIEmbed[];
  allowedMentions: MessageMentionOptions;
}

export interface InteractionPayload extends SafePayload {
  flags?: MessageFlags.Ephemeral;
}

/** A message the gateway delivered in a guild channel, thread or DM. */
export interface WatchedMessage {
  id: string;
  content: string;
  author: { id: string; bot: boolean };
  webhookId: string | null;
  system: boolean;
  channelId: string;
  guildId: string | null;
  /** Threads (forum posts included) have a parent channel. */
  channel: { isThread(): boolean; parentId?: string | null };
  guild: { preferredLocale: string } | null;
  /** Files posted with the message (discord.js: a Collection); pictures are read (images.ts). */
  attachments?: { values(): Iterable<AttachmentLike> };
  reply(options: SafePayload): Promise<unknown>;
}

interface InteractionBase {
  id: string;
  /** The user's client language (`fr`, `vi`, `en-US`, ...). */
  locale: string;
  guildLocale: string | null;
  user: { id: string };
  deferred: boolean;
  replied: boolean;
  reply(options: InteractionPayload): Promise<unknown>;
  deferReply(options: { flags?: MessageFlags.Ephemeral }): Promise<unknown>;
  editReply(options: SafePayload): Promise<unknown>;
}

export interface SlashCommand extends InteractionBase {
  commandName: string;
  options: {
    getString(name: string): string | null;
    getInteger(name: string): number | null;
    getBoolean(name: string): boolean | null;
  };
  showModal(modal: APIModalInteractionResponseCallbackData): Promise<unknown>;
}

export interface MessageMenuCommand extends InteractionBase {
  commandName: string;
  targetMessage: { id: string; content: string; attachments?: { values(): Iterable<AttachmentLike> } };
}

export interface ModalSubmit extends InteractionBase {
  customId: string;
  fields: { getTextInputValue(customId: string): string };
}
