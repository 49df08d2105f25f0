import type { Analysis, ExplainResult } from '../explain/types.js';
import type { Lang } from '../i18n/lang.js';

/**
 * What a chat adapter gets back for a message: the explainer's result plus the chat-level decisions
 * (answer or stay silent, which language). Adapters only turn this into Block Kit, embeds or text.
 */
export type ChatAnswer =
  /** `analysis`: the findings as data, so the answer can be put into another language without explaining again. */
  | { kind: 'explanation'; lang: Lang; result: ExplainResult; analysis?: Analysis }
  | { kind: 'help'; lang: Lang; text: string }
  | { kind: 'notice'; lang: Lang; text: string };

/**
 * watch: a message in a channel the bot merely reads; it answers only when the message holds a POP error
 * (the bot never chatters). direct: a mention, a DM, a slash command or a shortcut; it always answers.
 */
export type ChatMode = 'watch' | 'direct';

export interface ChatRequest {
  text: string;
  mode: ChatMode;
  /** An explicit choice (`lang:fr` in a command) — wins over everything. */
  lang?: Lang | undefined;
  /** The platform's user or guild locale, already mapped to a popbot language. */
  platformLang?: Lang | undefined;
  /** POPBOT_DEFAULT_LANG. */
  defaultLang: Lang;
}
