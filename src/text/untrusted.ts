/**
 * One cleaner for text popbot did not write: a server's greeting, -ERR lines, capability arguments, TLS
 * certificate names, and pasted text echoed back. Each output has its own dangers, so each has its own
 * function, but all start from `normaliseUntrusted`: terminal sequences removed whole (not only their ESC,
 * which would leave `]0;title` behind), controls, zero-width and bidi characters removed, so what is shown is
 * what a reader can see and no later pattern is fooled by a character nobody sees.
 */

// CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC strings (ESC P|X|^|_ … ST), two-character
// escapes, and their 8-bit C1 forms. Bounded bodies: a sequence never spans more than 256 characters.
const TERMINAL_SEQUENCE =
  /\u001b\[[0-?]{0,64}[ -/]{0,16}[@-~]?|\u009b[0-?]{0,64}[ -/]{0,16}[@-~]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[^\u0007\u001b\u009c]{0,256}(?:\u0007|\u001b\\|\u009c)?|\u001b[ -~]?/g;
// C0 (tab, line feed and carriage return are kept here; single-line outputs replace them), DEL and C1.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// Zero-width characters, bidi embeddings, overrides and isolates (U+202E turns "exe.txt" into "txt.exe"),
// the line and paragraph separators, soft hyphen, and the byte-order mark.
const INVISIBLE =
  /[\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
const HAS_SUSPECT =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;

// Anything but printable ASCII, tab and line ends: every character the cleaners below (and the explainer's
// paste cleanup) remove or change is one of these, and so is every character a non-ASCII test looks for.
const NOT_PLAIN = /[^\t\n\r\x20-\x7e]/;

/**
 * Whether `text` is printable ASCII with tabs and line ends only, as most pastes are: then `normaliseUntrusted`
 * leaves it as it is and holds no letter of another script. One search, shared by the explainer's whole-paste
 * steps (language, cleanup, the secrets pass), each of which searched the whole paste for its own class.
 */
export function isPlainText(text: string): boolean {
  return !NOT_PLAIN.test(text);
}

/** Counts what `normaliseUntrusted` removed, for "this looks binary" warnings. */
export interface Normalised {
  text: string;
  removed: number;
}

/**
 * Text with terminal sequences, controls (but tab and line ends), zero-width and bidi characters removed.
 * U+2028/U+2029 become spaces: pasted inside a -ERR line they must not cut it (nor end a `.` in a pattern).
 */
export function normaliseUntrusted(text: string): Normalised {
  if (!HAS_SUSPECT.test(text)) return { text, removed: 0 };
  let removed = 0;
  const count = (s: string) => {
    removed += s.length;
    return '';
  };
  const out = text
    .replace(TERMINAL_SEQUENCE, count)
    .replace(/[\u2028\u2029]/g, ' ')
    .replace(CONTROL, count)
    .replace(INVISIBLE, count);
  return { text: out, removed };
}

/** Cuts at `max` characters, never inside a surrogate pair, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** One line of untrusted text for a terminal or a log: nothing that moves the cursor, recolours or reorders. */
export function singleLine(text: string, max = 300): string {
  const flat = normaliseUntrusted(text).text.replace(/[\t\r\n]+/g, ' ');
  return clip(flat.trim(), max);
}

// Discord: mentions (`@everyone`, `<@id>`, `<@&role>`, `<#channel>`, `</cmd:id>`) and timestamps; a ZWSP
// after the opener keeps the text readable and inert (what Discord's own cleanContent does).
const ZWSP = '\u200b';

/** Discord inline code holding untrusted text: no markup, link or mention inside renders. */
export function discordCode(text: string, max = 300): string {
  const body = singleLine(text, max)
    .replace(/`/g, 'ˋ')
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<([@#/:a])/g, `<${ZWSP}$1`);
  return `\`${body === '' ? ' ' : body}\``;
}

/**
 * Discord text that must stay prose (a title, a field name) but holds untrusted text: every Markdown
 * character escaped (all of them, not only the first of a match), links made inert, mentions broken.
 */
export function discordPlain(text: string, max = 300): string {
  return singleLine(text, max)
    .replace(/[\\`*_~|>#[\]()<:-]/g, '\\$&')
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/(https?|ftp|mailto|discord)\\?:/gi, `$1${ZWSP}:`);
}

/** Slack mrkdwn inline code holding untrusted text: &, <, > escaped (no mention, link or command). */
export function slackCode(text: string, max = 300): string {
  const body = singleLine(text, max)
    .replace(/`/g, 'ˋ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(here|channel|everyone)\b/gi, `@${ZWSP}$1`);
  return `\`${body === '' ? ' ' : body}\``;
}

/** Slack mrkdwn prose holding untrusted text: escaped, formatting characters shown as typed. */
export function slackPlain(text: string, max = 300): string {
  return singleLine(text, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`]/g, (c) => `${c}${ZWSP}`)
    .replace(/@(here|channel|everyone)\b/gi, `@${ZWSP}$1`)
    .replace(/(https?|ftp|mailto):/gi, `$1${ZWSP}:`);
}
