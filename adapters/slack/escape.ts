/**
 * Slack text in and out. Slack sends message text with `&`, `<`, `>` escaped and its own markup in angle
 * brackets (`<@U123>`, `<!here>`, `<http://x|label>`); everything we send back is escaped the same way, so a
 * pasted `<!channel>` or a fake link is shown as text and never pings or links.
 */

/** Slack's three reserved characters, escaped: the whole of what prevents mention and link injection. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes, and breaks the bare `@here` / `@channel` / `@everyone` words with a zero-width space, in case a
 * client or an integration re-parses the text with `link_names`.
 */
export function safeText(text: string): string {
  return escapeSlack(text).replace(/@(here|channel|everyone)\b/gi, '@\u200B$1');
}

/** Text shown inside inline code: a backtick would end the code span early. */
export function safeCode(text: string): string {
  return `\`${safeText(text.replace(/`/g, "'").replace(/[\r\n]+/g, ' '))}\``;
}

/**
 * A Slack message's text as the user typed it: markup turned into what it showed (`<http://x|x>` → `x`,
 * `<@U1>` → `@U1`), then the entities decoded, so the explainer sees `<1896.69@host>` in an APOP greeting.
 */
export function slackToPlain(text: string): string {
  const withoutMarkup = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (label !== undefined && label !== '') return label;
    if (target.startsWith('@') || target.startsWith('#')) return target;
    if (target.startsWith('!')) return `@${target.slice(1).split('^')[0]}`;
    return target.replace(/^mailto:/i, '');
  });
  return withoutMarkup.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Cuts `text` to at most `max` characters (Slack rejects longer fields), marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut inside an entity such as &amp;: it would show as broken text.
  let cut = text.slice(0, max - 1);
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && amp > cut.length - 6 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut}…`;
}
