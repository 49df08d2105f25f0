import { AsyncLocalStorage } from 'node:async_hooks';
import { MessageFlags, type MessageMentionOptions } from 'discord.js';
import type { Logger } from 'pino';
import { InFlight } from '../../src/chat/in-flight.js';
import { type CheckRequest, planPopcheck, type ProbeRunner, runPopcheck } from '../../src/chat/popcheck.js';
import { answerMessage, extractLangDirective, lookupOrExplain } from '../../src/chat/respond.js';
import { chat } from '../../src/i18n/chat-messages.js';
import { discordMessages } from '../../src/i18n/discord-messages.js';
import { type Lang, langFromLocale } from '../../src/i18n/lang.js';
import { observeReplyLatency } from '../../src/metrics/metrics.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { ProbeGuard } from '../../src/probe/guard.js';
import type { RateLimiter } from '../../src/probe/rate-limit.js';
import { nameCommands, nameCommandsIn } from './command-names.js';
import { COMMAND, OPTION } from './commands.js';
import type { ReplyBody } from './embeds.js';
import { describeError } from './errors.js';
import { LOGIN_MODAL_PREFIX, loginModal, PASSWORD_FIELD } from './modal.js';
import { PendingLogins } from './pending-logins.js';
import type {
  InteractionPayload,
  MessageMenuCommand,
  ModalSubmit,
  SlashCommand,
  WatchedMessage,
} from './ports.js';
import { answerDiscordImage, type DiscordImageDeps, firstImage } from './images.js';
import { renderAnswer } from './render-explanation.js';
import { renderProbeReport } from './render-probe.js';

/** The probe, as the chat layer runs it (tests pass a fake one). */
export type ProbeFn = ProbeRunner;

export interface BotOptions {
  supportChannels: readonly string[];
  defaultLang: Lang;
  chatLogin: boolean;
  logger: Logger;
  probe: ProbeFn;
  guard: ProbeGuard;
  limiter: RateLimiter;
  /** The bot's own user id once logged in. */
  selfId: () => string | undefined;
  kb?: KnowledgeBase;
  now?: () => number;
  /** Reading pictures: the process's OCR worker and where attachments are downloaded from. */
  images?: DiscordImageDeps;
}

/** Pasted text can never ping anyone; a channel reply may notify the person who asked, nobody else. */
export const NO_MENTIONS = (): MessageMentionOptions => ({ parse: [] });
const REPLY_MENTIONS = (): MessageMentionOptions => ({ parse: [], repliedUser: true });
const EPHEMERAL = MessageFlags.Ephemeral;

type AnyInteraction = SlashCommand | MessageMenuCommand | ModalSubmit;

/** The platform calls that put a first answer in front of the user: what the reply-latency histogram times. */
const FIRST_ANSWERS = new Set([
  'message.reply',
  'interaction.reply',
  'interaction.deferReply',
  'interaction.showModal',
]);

/** When the event being handled reached popbot, and whether it has been answered yet. */
const arrival = new AsyncLocalStorage<{ at: number; answered: boolean }>();

/**
 * Turns Discord events into chat-core calls and the answers into replies. Each entry point settles on its
 * own and never throws: a failure in one event is logged, answered once if possible, and forgotten.
 */
export class DiscordBot {
  readonly #o: BotOptions;
  readonly #log: Logger;
  readonly #channels: ReadonlySet<string>;
  readonly #inFlight = new InFlight();
  readonly #logins: PendingLogins;

  constructor(options: BotOptions) {
    this.#o = options;
    this.#log = options.logger;
    this.#channels = new Set(options.supportChannels);
    this.#logins = new PendingLogins(options.now);
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  onMessage(message: WatchedMessage): Promise<void> {
    return this.#run('message', () => this.#message(message));
  }

  onSlashCommand(interaction: SlashCommand): Promise<void> {
    return this.#run('command', () => this.#guarded(interaction, () => this.#slash(interaction)));
  }

  onMessageMenu(interaction: MessageMenuCommand): Promise<void> {
    return this.#run('menu', () => this.#guarded(interaction, () => this.#menu(interaction)));
  }

  onModalSubmit(interaction: ModalSubmit): Promise<void> {
    return this.#run('modal', () => this.#guarded(interaction, () => this.#modal(interaction)));
  }

  /** Stops taking events, cancels running probes (they report "cancelled"), waits for replies up to `ms`. */
  async stop(ms = 10_000): Promise<void> {
    const done = await this.#inFlight.drain(ms);
    if (!done) this.#log.warn({ pending: this.#inFlight.size }, 'discord: replies still pending at shutdown');
  }

  #run(kind: string, work: () => Promise<void>): Promise<void> {
    if (this.#inFlight.stopping) return Promise.resolve();
    return this.#inFlight.track(() =>
      arrival.run({ at: performance.now(), answered: false }, () =>
        work().catch((error: unknown) =>
          this.#log.error({ kind, err: describeError(error) }, 'discord: handler failed'),
        ),
      ),
    );
  }

  /** A platform call that may fail (permissions, deleted message, expired interaction): logged, never thrown. */
  async #call(what: string, call: () => Promise<unknown>): Promise<boolean> {
    try {
      await call();
      const event = arrival.getStore();
      if (event && !event.answered && FIRST_ANSWERS.has(what)) {
        event.answered = true;
        observeReplyLatency('discord', (performance.now() - event.at) / 1000);
      }
      return true;
    } catch (error) {
      this.#log.warn({ call: what, err: describeError(error) }, 'discord: platform call failed');
      return false;
    }
  }

  #watched(message: WatchedMessage): boolean {
    if (this.#channels.has(message.channelId)) return true;
    // A forum post, or a reply in it, lives in a thread whose parent is the forum channel.
    const parent = message.channel.isThread() ? message.channel.parentId : undefined;
    return typeof parent === 'string' && this.#channels.has(parent);
  }

  async #message(message: WatchedMessage): Promise<void> {
    if (message.author.bot || message.webhookId !== null || message.system) return;
    if (message.author.id === this.#o.selfId()) return;
    if (!this.#watched(message)) return;
    const picture = this.#o.images ? firstImage(message.attachments) : undefined;
    if (picture && this.#o.images) {
      const body = await answerDiscordImage(this.#o.images, {
        attachment: picture,
        user: message.author.id,
        mode: 'watch',
        lang: undefined,
        fallback: langFromLocale(message.guild?.preferredLocale) ?? this.#o.defaultLang,
      });
      if (!body) return;
      this.#log.info(
        { guildId: message.guildId, channelId: message.channelId, messageId: message.id },
        'discord: answering a picture',
      );
      await this.#call('message.reply', () => message.reply({ ...body, allowedMentions: REPLY_MENTIONS() }));
      return;
    }
    if (message.content.trim() === '') return;
    const answer = answerMessage({
      text: message.content,
      mode: 'watch',
      platformLang: langFromLocale(message.guild?.preferredLocale),
      defaultLang: this.#o.defaultLang,
    });
    if (!answer) return;
    const body = nameCommandsIn(renderAnswer(answer), message.guild?.preferredLocale);
    this.#log.info(
      { guildId: message.guildId, channelId: message.channelId, messageId: message.id },
      'discord: answering',
    );
    await this.#call('message.reply', () => message.reply({ ...body, allowedMentions: REPLY_MENTIONS() }));
  }

  /** The interaction's language: the user's Discord locale, else the guild's, else POPBOT_DEFAULT_LANG. */
  #langs(interaction: AnyInteraction): { user: Lang | undefined; fallback: Lang } {
    return {
      user: langFromLocale(interaction.locale),
      fallback: langFromLocale(interaction.guildLocale) ?? this.#o.defaultLang,
    };
  }

  async #guarded(interaction: AnyInteraction, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.#log.error(
        { interactionId: interaction.id, err: describeError(error) },
        'discord: interaction failed',
      );
      const { user, fallback } = this.#langs(interaction);
      const body: ReplyBody = { content: chat.t(user ?? fallback, 'internal-error'), embeds: [] };
      // Exactly one answer per interaction: edit the deferred one, or reply if nothing went out yet.
      if (interaction.replied) return;
      if (interaction.deferred)
        await this.#call('interaction.editReply', () => interaction.editReply(this.#safe(body)));
      else await this.#call('interaction.reply', () => interaction.reply(this.#safe(body, true)));
    }
  }

  #safe(body: ReplyBody, ephemeral?: boolean): InteractionPayload {
    return { ...body, allowedMentions: NO_MENTIONS(), ...(ephemeral ? { flags: EPHEMERAL } : {}) };
  }

  async #notice(interaction: AnyInteraction, text: string): Promise<void> {
    await this.#call('interaction.reply', () =>
      interaction.reply(this.#safe({ content: nameCommands(text, interaction.locale), embeds: [] }, true)),
    );
  }

  async #slash(interaction: SlashCommand): Promise<void> {
    if (interaction.commandName === COMMAND.poperror) return this.#poperror(interaction);
    if (interaction.commandName === COMMAND.popcheck) return this.#popcheck(interaction);
    const { user, fallback } = this.#langs(interaction);
    await this.#notice(interaction, chat.t(user ?? fallback, 'help'));
  }

  async #poperror(interaction: SlashCommand): Promise<void> {
    const { user, fallback } = this.#langs(interaction);
    const directive = extractLangDirective(interaction.options.getString(OPTION.text) ?? '');
    const answer = lookupOrExplain(directive.text, directive.lang ?? user, fallback, this.#o.kb);
    // A paste with a password stays between the bot and its author, whatever they asked.
    const leaked =
      answer.kind === 'explanation' && answer.result.warnings.some((w) => w.code === 'secret.exposed');
    const isPublic = (interaction.options.getBoolean(OPTION.public) ?? false) && !leaked;
    await this.#call('interaction.reply', () =>
      interaction.reply(this.#safe(nameCommandsIn(renderAnswer(answer), interaction.locale), !isPublic)),
    );
  }

  async #menu(interaction: MessageMenuCommand): Promise<void> {
    const { user, fallback } = this.#langs(interaction);
    const lang = user ?? fallback;
    const text = interaction.targetMessage.content;
    const picture = this.#o.images ? firstImage(interaction.targetMessage.attachments) : undefined;
    if (picture && this.#o.images) {
      const images = this.#o.images;
      // Reading takes seconds; Discord wants a first answer within three.
      await this.#call('interaction.deferReply', () => interaction.deferReply({ flags: EPHEMERAL }));
      const body = await answerDiscordImage(images, {
        attachment: picture,
        user: interaction.user.id,
        mode: 'direct',
        lang: user,
        fallback,
      });
      if (body) await this.#call('interaction.editReply', () => interaction.editReply(this.#safe(body)));
      return;
    }
    if (text.trim() === '') return this.#notice(interaction, discordMessages.t(lang, 'no-text'));
    const answer = answerMessage({
      text,
      mode: 'direct',
      lang: user,
      platformLang: fallback,
      defaultLang: this.#o.defaultLang,
    });
    const body = nameCommandsIn(
      answer ? renderAnswer(answer) : { content: chat.t(lang, 'help'), embeds: [] },
      interaction.locale,
    );
    await this.#call('interaction.reply', () => interaction.reply(this.#safe(body, true)));
  }

  async #popcheck(interaction: SlashCommand): Promise<void> {
    const { user: userLang, fallback } = this.#langs(interaction);
    const host = interaction.options.getString(OPTION.host) ?? '';
    const port = interaction.options.getInteger(OPTION.port);
    const plan = await planPopcheck(
      {
        text: port === null ? host : `${host} ${port}`,
        user: interaction.options.getString(OPTION.user) ?? undefined,
        public: interaction.options.getBoolean(OPTION.public) ?? false,
      },
      { chatLogin: this.#o.chatLogin, lang: (explicit) => explicit ?? userLang ?? fallback },
    );
    if (plan.kind === 'refused') return this.#notice(interaction, plan.text);
    const { lang, target } = plan;
    if (plan.kind === 'login') {
      const key = this.#logins.put({
        userId: interaction.user.id,
        host: target.host,
        ...(target.port !== undefined ? { port: target.port } : {}),
        user: plan.user,
      });
      // A modal must be the first answer (no defer before it), within Discord's 3 seconds.
      await this.#call('interaction.showModal', () =>
        interaction.showModal(loginModal(key, plan.user, lang)),
      );
      return;
    }
    await this.#check(interaction, { host: target.host, port: target.port, lang }, !target.public);
  }

  async #modal(interaction: ModalSubmit): Promise<void> {
    const { user: userLang, fallback } = this.#langs(interaction);
    const lang = userLang ?? fallback;
    if (!interaction.customId.startsWith(LOGIN_MODAL_PREFIX)) return;
    const login = this.#logins.take(interaction.customId.slice(LOGIN_MODAL_PREFIX.length));
    if (!login) return this.#notice(interaction, discordMessages.t(lang, 'login.expired'));
    if (login.userId !== interaction.user.id)
      return this.#notice(interaction, discordMessages.t(lang, 'login.other-user'));
    if (!this.#o.chatLogin) return this.#notice(interaction, chat.t(lang, 'chat-login-disabled'));
    const password = interaction.fields.getTextInputValue(PASSWORD_FIELD);
    await this.#check(
      interaction,
      { host: login.host, port: login.port, user: login.user, password, lang },
      true,
    );
  }

  /**
   * The chat layer's one /popcheck flow; Discord's way of saying it: a deferred reply (Discord wants an
   * answer within 3 s, a probe takes longer), then the report edited into it.
   */
  async #check(
    interaction: SlashCommand | ModalSubmit,
    request: Omit<CheckRequest, 'who'>,
    ephemeral: boolean,
  ): Promise<void> {
    const services = {
      guard: this.#o.guard,
      limiter: this.#o.limiter,
      runProbe: this.#o.probe,
      probes: this.#inFlight,
      log: this.#log,
    };
    let deferred = false;
    await runPopcheck(
      services,
      { ...request, who: { platform: 'discord', id: interaction.user.id } },
      {
        notice: async (text) => {
          const body = { content: text, embeds: [] };
          await (deferred
            ? interaction.editReply(this.#safe(body))
            : interaction.reply(this.#safe(body, true)));
        },
        started: async () => {
          deferred = await this.#call('interaction.deferReply', () =>
            interaction.deferReply(ephemeral ? { flags: EPHEMERAL } : {}),
          );
          return deferred;
        },
        report: async (report) => {
          await this.#call('interaction.editReply', () =>
            interaction.editReply(this.#safe(renderProbeReport(report))),
          );
        },
      },
    );
  }
}
