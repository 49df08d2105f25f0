import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIModalInteractionResponseCallbackData,
  type APIModalSubmitInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  type Locale,
  MessageType,
} from 'discord.js';
import type { Logger } from 'pino';
import type {
  InteractionPayload,
  MessageMenuCommand,
  ModalSubmit,
  SafePayload,
  SlashCommand,
  WatchedMessage,
} from '../../adapters/discord/ports.js';
import { createLogger } from '../../src/log/logger.js';

/**
 * Discord payloads as the gateway delivers them (discord-api-types shapes), and the narrow objects the
 * handlers receive, built from those payloads the way discord.js builds its classes. Every platform call is
 * recorded in order, with the state rules discord.js enforces (no reply after a reply, no edit before one).
 */

export const APP_ID = '100000000000000001';
export const GUILD_ID = '200000000000000002';
export const SUPPORT_CHANNEL = '300000000000000003';
export const FORUM_CHANNEL = '300000000000000004';
export const OTHER_CHANNEL = '300000000000000005';
export const BOT_ID = '400000000000000006';
// Built at run time so no token-shaped literal sits in the repository.
export const FAKE_TOKEN = ['MTAw', 'A'.repeat(20), '.', 'Gabcde', '.', 'z'.repeat(30)].join('');
let next = 500000000000000000n;
export const snowflake = (): string => String(next++);

export function apiUser(id = snowflake(), bot = false): APIUser {
  return {
    id,
    username: bot ? 'somebot' : 'alice',
    discriminator: '0',
    global_name: null,
    avatar: null,
    ...(bot ? { bot } : {}),
  };
}

export function apiMessage(p: {
  content: string;
  channelId?: string;
  author?: APIUser;
  webhookId?: string;
  type?: MessageType;
}): APIMessage {
  return {
    id: snowflake(),
    channel_id: p.channelId ?? SUPPORT_CHANNEL,
    author: p.author ?? apiUser(),
    content: p.content,
    timestamp: '2026-01-01T00:00:00.000000+00:00',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: p.type ?? MessageType.Default,
    ...(p.webhookId ? { webhook_id: p.webhookId } : {}),
  };
}

export type Call = { method: string; payload?: unknown };

/** How discord.js would hand this gateway message to the bot: channel and guild from its caches. */
export function messageFrom(
  api: APIMessage,
  where: { threadParentId?: string; guildLocale?: Locale | string; failReply?: Error } = {},
): WatchedMessage & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    id: api.id,
    content: api.content,
    author: { id: api.author.id, bot: api.author.bot ?? false },
    webhookId: api.webhook_id ?? null,
    system: api.type !== MessageType.Default && api.type !== MessageType.Reply,
    channelId: api.channel_id,
    guildId: GUILD_ID,
    channel: {
      isThread: () => where.threadParentId !== undefined,
      parentId: where.threadParentId ?? null,
    },
    guild: { preferredLocale: where.guildLocale ?? 'en-US' },
    async reply(payload: SafePayload) {
      calls.push({ method: 'reply', payload });
      if (where.failReply) throw where.failReply;
    },
  };
}

interface InteractionWhere {
  locale?: Locale | `${Locale}`;
  guildLocale?: Locale | `${Locale}`;
  userId?: string;
}

function base(where: InteractionWhere) {
  return {
    id: snowflake(),
    application_id: APP_ID,
    guild_id: GUILD_ID,
    channel_id: SUPPORT_CHANNEL,
    member: {
      user: apiUser(where.userId ?? '600000000000000007'),
      roles: [],
      joined_at: '2025-01-01T00:00:00.000000+00:00',
      deaf: false,
      mute: false,
      flags: 0,
      permissions: '0',
    },
    token: 'interaction-token-secret',
    version: 1 as const,
    app_permissions: '0',
    locale: (where.locale ?? 'en-US') as Locale,
    ...(where.guildLocale ? { guild_locale: where.guildLocale as Locale } : {}),
    entitlements: [],
    authorizing_integration_owners: {},
    attachment_size_limit: 10_000_000,
  };
}

export function apiSlash(
  name: string,
  options: APIApplicationCommandInteractionDataBasicOption[],
  where: InteractionWhere = {},
): APIChatInputApplicationCommandInteraction {
  return {
    ...base(where),
    type: InteractionType.ApplicationCommand,
    channel: { id: SUPPORT_CHANNEL, type: 0 },
    data: { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options },
  } as APIChatInputApplicationCommandInteraction;
}

export const opt = {
  string: (name: string, value: string): APIApplicationCommandInteractionDataBasicOption => ({
    name,
    type: ApplicationCommandOptionType.String,
    value,
  }),
  integer: (name: string, value: number): APIApplicationCommandInteractionDataBasicOption => ({
    name,
    type: ApplicationCommandOptionType.Integer,
    value,
  }),
  boolean: (name: string, value: boolean): APIApplicationCommandInteractionDataBasicOption => ({
    name,
    type: ApplicationCommandOptionType.Boolean,
    value,
  }),
};

export function apiMessageMenu(
  target: APIMessage,
  where: InteractionWhere = {},
): APIMessageApplicationCommandInteraction {
  return {
    ...base(where),
    type: InteractionType.ApplicationCommand,
    channel: { id: SUPPORT_CHANNEL, type: 0 },
    data: {
      id: snowflake(),
      name: 'Explain POP error',
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  } as APIMessageApplicationCommandInteraction;
}

export function apiModalSubmit(
  customId: string,
  values: Record<string, string>,
  where: InteractionWhere = {},
): APIModalSubmitInteraction {
  return {
    ...base(where),
    type: InteractionType.ModalSubmit,
    channel: { id: SUPPORT_CHANNEL, type: 0 },
    data: {
      custom_id: customId,
      components: Object.entries(values).map(([id, value], i) => ({
        type: ComponentType.Label,
        id: i + 1,
        component: { type: ComponentType.TextInput, id: i + 10, custom_id: id, value },
      })),
    },
  } as APIModalSubmitInteraction;
}

export interface Recorded {
  calls: Call[];
}

/** The state rules of discord.js's InteractionResponses: one initial response, edits only after it. */
function responder(calls: Call[], fail: Partial<Record<string, Error>> = {}) {
  const state = {
    deferred: false,
    replied: false,
    async reply(payload: InteractionPayload) {
      calls.push({ method: 'reply', payload });
      if (state.deferred || state.replied) throw new Error('InteractionAlreadyReplied');
      if (fail.reply) throw fail.reply;
      state.replied = true;
    },
    async deferReply(payload: { flags?: number }) {
      calls.push({ method: 'deferReply', payload });
      if (state.deferred || state.replied) throw new Error('InteractionAlreadyReplied');
      if (fail.deferReply) throw fail.deferReply;
      state.deferred = true;
    },
    async editReply(payload: SafePayload) {
      calls.push({ method: 'editReply', payload });
      if (!state.deferred && !state.replied) throw new Error('InteractionNotReplied');
      if (fail.editReply) throw fail.editReply;
      state.replied = true;
    },
  };
  return state;
}

function userOf(api: { member?: { user: APIUser }; user?: APIUser }): { id: string } {
  return { id: (api.member?.user ?? api.user)!.id };
}

export function slashFrom(
  api: APIChatInputApplicationCommandInteraction,
  fail: Partial<Record<string, Error>> = {},
): SlashCommand & Recorded {
  const calls: Call[] = [];
  const r = responder(calls, fail);
  const find = (name: string, type: ApplicationCommandOptionType) => {
    const o = (api.data.options ?? []).find((x) => x.name === name);
    if (!o) return null;
    if (o.type !== type) throw new Error(`option ${name} is not of the expected type`);
    return 'value' in o ? o.value : null;
  };
  return Object.assign(r, {
    calls,
    id: api.id,
    locale: api.locale,
    guildLocale: api.guild_locale ?? null,
    user: userOf(api),
    commandName: api.data.name,
    options: {
      getString: (name: string) => find(name, ApplicationCommandOptionType.String) as string | null,
      getInteger: (name: string) => find(name, ApplicationCommandOptionType.Integer) as number | null,
      getBoolean: (name: string) => find(name, ApplicationCommandOptionType.Boolean) as boolean | null,
    },
    async showModal(modal: APIModalInteractionResponseCallbackData) {
      calls.push({ method: 'showModal', payload: modal });
      if (r.deferred || r.replied) throw new Error('InteractionAlreadyReplied');
      r.replied = true;
    },
  });
}

export function menuFrom(api: APIMessageApplicationCommandInteraction): MessageMenuCommand & Recorded {
  const calls: Call[] = [];
  const r = responder(calls);
  const target = api.data.resolved.messages[api.data.target_id]!;
  return Object.assign(r, {
    calls,
    id: api.id,
    locale: api.locale,
    guildLocale: api.guild_locale ?? null,
    user: userOf(api),
    commandName: api.data.name,
    targetMessage: { id: target.id, content: target.content },
  });
}

export function modalFrom(api: APIModalSubmitInteraction): ModalSubmit & Recorded {
  const calls: Call[] = [];
  const r = responder(calls);
  return Object.assign(r, {
    calls,
    id: api.id,
    locale: api.locale,
    guildLocale: api.guild_locale ?? null,
    user: userOf(api),
    customId: api.data.custom_id,
    fields: {
      getTextInputValue(id: string) {
        for (const c of api.data.components) {
          const inner = c.type === ComponentType.Label ? c.component : undefined;
          if (inner && inner.type === ComponentType.TextInput && inner.custom_id === id) return inner.value;
        }
        throw new Error(`no text input ${id}`);
      },
    },
  });
}

/** A pino logger writing into an array, to search logs for secrets. */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({ level: 'trace', destination: { write: (line: string) => lines.push(line) } });
  return { logger, lines };
}
