import { allMatches } from '../secrets/matches.js';
import { POP_VERB_ALTERNATION } from './pop-commands.js';

/**
 * What chat, mail, web forms and terminals do to a paste, undone before the explainer reads it: terminal
 * colours and control characters, HTML entities and non-breaking spaces, and transcripts flattened onto
 * one line.
 */

const HTML_ENTITY = /&(?:lt|gt|amp|quot|#39);/;
const HTML_ENTITIES = /&(?:lt|gt|amp|quot|#39);/g;
const ENTITY_TEXT: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
};
// A transcript line that carries further transcript markers was flattened (newlines lost in a form or a
// chat client): "C: PASS x S: -ERR ..." is two lines. Each piece must itself read as a reply or a command,
// so that prose quoting a -ERR ("S: Bonjour, Thunderbird affiche « -ERR ... »") stays whole.
const SEGMENT = new RegExp(`^\\s*(?:(?:[CS]:|[<>])\\s*)?(?:\\+OK\\b|-ERR\\b|(?:${POP_VERB_ALTERNATION})\\b)`);
const MAX_FLATTENED_PIECES = 64;
const LONE_MARKER = /^\s*(?:[CS]:|[<>])$/;
// A cheap check first: most lines have no second marker. One pattern whose every branch starts with the
// space (the engine skips from space to space) costs half of six substring searches.
const FLATTENED_HINT = / (?:S: |C: |-ERR|\+OK|< |> )/g;

/** Whether a marker that may start a flattened line's next part stands past the line's first two characters. */
function mayBeFlattened(line: string): boolean {
  FLATTENED_HINT.lastIndex = 2;
  return FLATTENED_HINT.test(line);
}
const FLATTENED_BREAK = /\s+(?=(?:[CS]: |[<>] |\+OK\b|-ERR\b))/g;

/** Splits a flattened transcript line at its markers; each part keeps the number of the line it came from. */
export function unflatten(line: string): string[] {
  // The anchored SEGMENT first: it fails at a line's first characters, the hint searches the whole line.
  if (line.length > 4096 || !SEGMENT.test(line) || !mayBeFlattened(line)) return [line];
  // Every "S: +OK" line gets here (the hint sees the space after its own marker): one search lists the
  // breaks for both the count and the cut, without the copy of the pattern `matchAll` makes per call.
  const breaks = allMatches(FLATTENED_BREAK, line);
  // Dozens of markers on one line is no flattened session but a wall of junk ("-ERR -ERR -ERR ..."): one piece.
  if (breaks.length > MAX_FLATTENED_PIECES) return [line];
  const pieces: string[] = [];
  let start = 0;
  for (const m of breaks) {
    // The space after a line's own marker ("S: -ERR") is no break.
    if (m.index <= start || LONE_MARKER.test(line.slice(start, m.index))) continue;
    pieces.push(line.slice(start, m.index));
    start = m.index + m[0].length;
  }
  pieces.push(line.slice(start));
  // A piece that does not read as POP belongs to the one before it ("a < b" inside a reply's text).
  const merged: string[] = [];
  for (const piece of pieces) {
    if (merged.length > 0 && !SEGMENT.test(piece)) merged[merged.length - 1] += ` ${piece}`;
    else merged.push(piece);
  }
  return merged;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// Terminal colours in pasted logs (fetchmail, journalctl) would glue "\e[31m" to the "-ERR" after it.
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]/g;

/**
 * The paste with colours, control characters, HTML entities and non-breaking spaces undone. `plain`: the caller
 * found the paste to be plain text (`isPlainText`): no escape, control or no-break space, only entities to undo.
 */
export function cleanPaste(input: string, plain = false): { text: string; controls: number } {
  if (plain) return { text: undoEntities(input), controls: 0 };
  let text = input.includes('\u001b') ? input.replace(ANSI, '') : input;
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0) text = text.replace(CONTROL, '');
  // Pastes that went through HTML (a web form, a ticket system) arrive with &lt; and non-breaking spaces.
  text = undoEntities(text);
  return { text: text.includes('\u00a0') ? text.replace(/\u00a0/g, ' ') : text, controls };
}

function undoEntities(text: string): string {
  return HTML_ENTITY.test(text) ? text.replace(HTML_ENTITIES, (e) => ENTITY_TEXT[e] ?? e) : text;
}
