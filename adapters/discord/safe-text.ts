import { escapeMarkdown } from 'discord.js';

/**
 * Text that came from a user or a server and is shown back. `allowedMentions: { parse: [] }` already stops
 * every ping; these also stop the text from *looking* like a mention, a live masked link or broken layout.
 */

// Discord's own clean-content uses a zero-width space after the @ so the word stays readable but inert.
const ZWSP = '\u200b';

/** `@everyone`, `@here`, `<@user>`, `<@!user>`, `<@&role>`, `<#channel>`, `</command:id>` made inert. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<([@#/])/g, `<${ZWSP}$1`);
}

/** Echoed prose: mentions inert, Markdown (masked links included) shown as typed. */
export function safeProse(text: string): string {
  return neutraliseMentions(
    escapeMarkdown(text, { maskedLink: true, heading: true, bulletedList: true, numberedList: true }),
  );
}

/** Echoed line as inline code: nothing inside renders, so a backtick is the only thing to defuse. */
export function codeSpan(text: string, max = 300): string {
  const body = neutraliseMentions(truncate(text.replace(/`/g, 'ˋ').replace(/[\r\n]+/g, ' '), max));
  return `\`${body.trim() === '' ? ' ' : body}\``;
}

/** Cuts at `max` characters (code points kept whole) with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  // Never leave half of a surrogate pair at the end.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
