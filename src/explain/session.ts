import { lineShape } from './line-shape.js';
import { foldAccents } from './normalize.js';
import { MASK, maskCommandContent, maskFreeText } from './secrets.js';
import type { SessionState } from './types.js';

/**
 * Follows a POP session through a pasted transcript, one line at a time (so that `explain --summary` can
 * stream a log of any size): pairs every reply with the command it answers (pipelined commands queue up),
 * skips the data of multi-line responses up to the lone ".", tracks the RFC 1939 state, and hands out the
 * lines that may hold an error, each with its context.
 */

export const POP_COMMANDS = [
  'USER',
  'PASS',
  'APOP',
  'AUTH',
  'STAT',
  'LIST',
  'RETR',
  'DELE',
  'NOOP',
  'RSET',
  'QUIT',
  'TOP',
  'UIDL',
  'CAPA',
  'STLS',
  'UTF8',
  'XTND',
  'LAST',
  'LANG',
  'RPOP',
] as const;
const COMMAND_SET = new Set<string>(POP_COMMANDS);

export interface CommandInfo {
  verb: string;
  hasArgs: boolean;
  /** The first argument, upper-cased (`XOAUTH2` in `AUTH XOAUTH2 ...`): some replies mean more after it. */
  firstArg?: string;
  /** The command as shown to the user, secrets masked (`PASS ****`). */
  display: string;
  state: SessionState;
}

export type CandidateKind = 'server' | 'client' | 'reply';

export interface Candidate {
  kind: CandidateKind;
  lineNumber: number;
  /** The line as shown to the user: secrets masked, control characters removed. */
  line: string;
  /** What the matcher sees: the text after -ERR for server candidates, the line content otherwise. */
  text: string;
  responseCode?: string;
  command?: CommandInfo;
  state?: SessionState;
  /** The -ERR stood inside a longer line (a traceback, a dialog), not at its start. */
  quoted?: boolean;
  /** A reply's text quoted by a program's own message, without -ERR: the whole line may match a client entry. */
  prose?: boolean;
}

// Status lines: +OK / -ERR, the seed article's machine-translated "-SE TROMPER" and "+ Ok".
const STATUS = /^["'`(\s]*(\+\s?ok|-\s?err(?:eur|or)?|-se tromper)(?![a-z])[\s:]*(.*)$/i;
const EMBEDDED_ERR = /(?:^|[^\w+-])(-ERR|-SE TROMPER)(?![a-z])[\s:]*(.*)$/i;
const RESPONSE_CODE = /^\[([A-Za-z0-9][A-Za-z0-9/-]*)\]\s*/;
const BROKEN_STATUS = /^(?:\+err|-ok)\b/i;
const OTHER_PROTOCOL = /^(?:220[ -]|\* (?:OK|PREAUTH|BYE)\b|HTTP\/\d|SSH-\d|<!doctype|<html)/i;
const QUOTED_GREETING =
  /(?:greeting|banner)(?: from (?:the )?server)?\s*:\s*(.+)$|(?:^|:\s)((?:\* OK\b|220[ -]\S).*)$/i;
const CONNECTION_MARKER = /^(?:Connected to |CONNECTED\(|\* Connected to |Trying \S+\.\.\.|\*\s+Trying )/;
// A server reply quoted inside a client's own message: Thunderbird, Apple Mail, Outlook dialogs, in en/fr/vi.
const QUOTED_REPLY =
  /(?:\bresponded|\breplied|\bserver response|\ba repondu|\ba renvoye(?: l.?erreur)?|\breponse du serveur|\bda tra loi|\bda phan hoi|\bphan hoi cua may chu|\bcommand failed|exception)\s*:\s*(.+)$|\b(?:returned|reported)(?: the| an)? error\s*:?\s*(["'\u201c\u00ab].+)$/;
const ABOUT_PASSWORD = /\b(?:password|mot de passe|mat khau)\b/;
const ABOUT_USER = /\b(?:user ?name|username|nom d.?utilisateur|ten (?:nguoi dung|dang nhap))\b/;

const TRANSACTION_ONLY = new Set(['STAT', 'LIST', 'RETR', 'DELE', 'NOOP', 'RSET', 'TOP', 'UIDL', 'LAST']);
const MULTILINE_ALWAYS = new Set(['RETR', 'TOP', 'CAPA', 'XTND']);
const MULTILINE_WITHOUT_ARGS = new Set(['LIST', 'UIDL']);
// Commands a telnet user types in lowercase too; the count of arguments tells them from prose.
const ARITY: Record<string, [number, number, boolean?]> = {
  USER: [1, 1],
  PASS: [1, 99],
  APOP: [2, 2],
  AUTH: [0, 2],
  STAT: [0, 0],
  LIST: [0, 1, true],
  RETR: [1, 1, true],
  DELE: [1, 1, true],
  NOOP: [0, 0],
  RSET: [0, 0],
  QUIT: [0, 0],
  TOP: [2, 2, true],
  UIDL: [0, 1, true],
  CAPA: [0, 0],
  STLS: [0, 0],
  UTF8: [0, 0],
  XTND: [1, 3],
  LAST: [0, 0],
  LANG: [0, 1],
  RPOP: [1, 1],
};

// Control characters (but tab), ANSI escapes, bidi overrides and zero-width characters never reach a reply or a
// terminal: they would rewrite or hide what the reader sees.
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]/g;
const CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const MAX_SHOWN = 300;
export const MAX_LINE_CHARS = 4096;

export function displayLine(line: string): string {
  const clean = line.replace(ANSI, '').replace(CONTROL, '').trim();
  return clean.length > MAX_SHOWN ? `${clean.slice(0, MAX_SHOWN - 1)}…` : clean;
}

function parseCommand(content: string, explicit: boolean): { verb: string; args: string[] } | undefined {
  const m = /^([A-Za-z][A-Za-z0-9]{2,15})(?:\s+(.*))?$/.exec(content);
  if (!m) return undefined;
  const verb = (m[1] ?? '').toUpperCase();
  const args = (m[2] ?? '').trim().split(/\s+/).filter(Boolean);
  // A line the transcript marks as the client's is a command even when POP has no such verb ("C: XYZ"):
  // its reply must not be paired with the next command.
  if (!COMMAND_SET.has(verb)) return explicit && verb.length <= 8 ? { verb, args } : undefined;
  if (explicit) return { verb, args };
  // Unlabelled lines (telnet): people type commands in one case, and prose starts with a capital
  // ("Pass the salt", "User unknown", "Last login"), so a mixed-case verb is no command.
  const typed = m[1] ?? '';
  if (typed !== typed.toUpperCase() && typed !== typed.toLowerCase()) return undefined;
  // A password may hold spaces, and PASS lines must be recognised so they are masked.
  if (verb === 'PASS' && args.length > 0) return { verb, args };
  const [min = 0, max = 0, numeric] = ARITY[verb] ?? [0, 0];
  if (args.length < min || args.length > max) return undefined;
  if (numeric && !args.every((a) => /^\d+$/.test(a))) return undefined;
  // "APOP authentication failed." is a client's message; a real APOP carries a 32-digit MD5 digest.
  if (verb === 'APOP' && !/^[0-9a-f]{32}$/i.test(args[1] ?? '')) return undefined;
  // A SASL mechanism name, not a word of a sentence ("AUTH failed.").
  if (verb === 'AUTH' && args[0] !== undefined && !/^[A-Z0-9_-]{1,20}$/i.test(args[0])) return undefined;
  return { verb, args };
}

export interface SessionOptions {
  /** Whether the whole input shows client commands; then the first reply before any command is a greeting. */
  hasClientCommands: boolean;
}

export class SessionTracker {
  private state: SessionState = 'AUTHORIZATION';
  /** False until the paste shows where the session starts: a greeting, a connection, or a first command. */
  private stateKnown = false;
  private readonly pending: CommandInfo[] = [];
  private dataFor: string | undefined;
  private seenStatus = false;
  private connected = false;
  private awaitingAuthData = false;
  /** Set once a real secret was masked anywhere in the input. */
  secretFound = false;
  /** Set once any POP status line or command was seen: the input is a POP conversation. */
  sawPop = false;

  constructor(private readonly options: SessionOptions) {}

  /** Reads one input line; returns the candidate error it holds, if any (its line masked for display). */
  next(fullLine: string, lineNumber: number): { candidate?: Candidate } {
    // A POP line is at most 512 octets (RFC 2449); only a bounded prefix of any line is read, so no
    // pattern ever runs on a megabyte, and nothing past it is ever shown.
    const rawLine = fullLine.length > MAX_LINE_CHARS ? boundedLine(fullLine) : fullLine;
    const shape = lineShape(rawLine);
    const content = shape.content;
    // The data of a multi-line response (a message, a listing) is never shown or explained.
    if (this.dataFor !== undefined) {
      const endsData =
        content === '.' ||
        (shape.explicit && shape.role === 'client') ||
        (this.dataFor !== 'RETR' && this.dataFor !== 'TOP' && STATUS.test(content));
      if (!endsData) return {};
      this.dataFor = undefined;
      if (content === '.') return {};
    }

    let shown = rawLine;
    const free = maskFreeText(shown);
    if (free.found) {
      this.secretFound = true;
      shown = free.text;
    }

    if (CONNECTION_MARKER.test(content)) this.connected = true;

    const status = STATUS.exec(content);
    if (status) this.sawPop = true;
    if (status && !(this.awaitingAuthData && /^\+\s/.test(content) && !/^\+\s?ok\b/i.test(content))) {
      return { ...this.onStatus(status, lineNumber, shown) };
    }

    // SASL continuation from the server: the next client line carries credentials.
    if (/^\+(?:\s|$)/.test(content) && this.pending[0]?.verb === 'AUTH') {
      this.awaitingAuthData = true;
      return {};
    }
    if (this.awaitingAuthData && shape.role !== 'server' && /^[A-Za-z0-9+/=*]+$/.test(content)) {
      // The credentials line itself is never shown; it only marks the paste as holding a secret.
      if (content !== '*' && content !== '=') this.secretFound = true;
      this.awaitingAuthData = false;
      return {};
    }

    if (shape.role !== 'server') {
      const command = parseCommand(content, shape.explicit && shape.role === 'client');
      if (command) {
        this.sawPop = true;
        const masked = maskCommandContent(content);
        let display = content;
        if (masked?.found) {
          this.secretFound = true;
          display = masked.text;
        }
        this.awaitingAuthData = false;
        if (!this.stateKnown) {
          // A paste that starts with RETR or DELE starts mid-session, after a login it does not show.
          if (!this.seenStatus && !this.connected && TRANSACTION_ONLY.has(command.verb))
            this.state = 'TRANSACTION';
          this.stateKnown = true;
        }
        this.pending.push({
          verb: command.verb,
          hasArgs: command.args.length > 0,
          ...(command.args[0] && command.verb !== 'PASS' ? { firstArg: command.args[0].toUpperCase() } : {}),
          display: displayLine(display.replace(/(?:\\r\\n|\\r|\\n)$/, '')),
          state: this.state,
        });
        return {};
      }
    }

    const embedded = EMBEDDED_ERR.exec(content);
    if (embedded) {
      return {
        candidate: { ...this.serverCandidate(embedded[2] ?? '', lineNumber, shown, undefined), quoted: true },
      };
    }

    const folded = foldAccents(content);
    const quoted = QUOTED_REPLY.exec(folded);
    const quotedText = quoted ? (quoted[1] ?? quoted[2] ?? '') : '';
    if (quoted && quotedText.length > 1) {
      const lower = folded;
      const verb = ABOUT_PASSWORD.test(lower) ? 'PASS' : ABOUT_USER.test(lower) ? 'USER' : undefined;
      const command: CommandInfo | undefined = verb
        ? { verb, hasArgs: true, display: verb === 'PASS' ? `PASS ${MASK}` : 'USER', state: 'AUTHORIZATION' }
        : undefined;
      const candidate = this.serverCandidate(quotedText, lineNumber, shown, command);
      return { candidate: { ...candidate, kind: 'server', prose: true } };
    }

    const atStatusPosition =
      this.pending.length > 0 || (!this.seenStatus && (this.connected || shape.explicit));
    if (
      content !== '' &&
      shape.role === 'server' &&
      shape.explicit &&
      (atStatusPosition || BROKEN_STATUS.test(content))
    ) {
      const command = this.pending.shift() ?? this.greeting();
      this.seenStatus = true;
      return {
        candidate: withContext(
          { kind: 'reply', lineNumber, line: displayLine(shown), text: content },
          command,
        ),
      };
    }
    // Unlabelled lines (telnet, openssl s_client) hold much noise; only another protocol's greeting, or a
    // reply with a broken status indicator, is taken for the server's answer.
    if (
      shape.role === 'unknown' &&
      (BROKEN_STATUS.test(content) || (!this.seenStatus && OTHER_PROTOCOL.test(content)))
    ) {
      this.seenStatus = true;
      return {
        candidate: withContext(
          { kind: 'reply', lineNumber, line: displayLine(shown), text: content },
          this.greeting(),
        ),
      };
    }
    // Another protocol's greeting quoted by a client ("Unexpected greeting from server: 220 ... ESMTP").
    const greeting = QUOTED_GREETING.exec(content);
    if (greeting) {
      const text = (greeting[1] ?? greeting[2] ?? '').trim();
      if (OTHER_PROTOCOL.test(text)) {
        const command: CommandInfo = {
          verb: 'GREETING',
          hasArgs: false,
          display: '(greeting)',
          state: 'AUTHORIZATION',
        };
        return {
          candidate: withContext({ kind: 'reply', lineNumber, line: displayLine(shown), text }, command),
        };
      }
    }
    if (content.length >= 4 && /[a-z]/i.test(content)) {
      return {
        candidate: { kind: 'client', lineNumber, line: displayLine(shown), text: content },
      };
    }
    return {};
  }

  private greeting(): CommandInfo | undefined {
    if (this.seenStatus) return undefined;
    if (!this.connected && !this.options.hasClientCommands) return undefined;
    return { verb: 'GREETING', hasArgs: false, display: '(greeting)', state: 'AUTHORIZATION' };
  }

  private onStatus(status: RegExpExecArray, lineNumber: number, shown: string): { candidate?: Candidate } {
    const ok = (status[1] ?? '').startsWith('+');
    const command = this.pending.shift() ?? this.greeting();
    this.seenStatus = true;
    this.awaitingAuthData = false;
    if (ok) {
      if (command) this.advance(command);
      return {};
    }
    if (command?.verb === 'QUIT' && command.state === 'TRANSACTION') command.state = 'UPDATE';
    return { candidate: this.serverCandidate(status[2] ?? '', lineNumber, shown, command) };
  }

  private advance(command: CommandInfo): void {
    const verb = command.verb;
    if (verb === 'PASS' || verb === 'APOP' || verb === 'AUTH') this.state = 'TRANSACTION';
    else if (verb === 'QUIT' && this.state === 'TRANSACTION') this.state = 'UPDATE';
    if (MULTILINE_ALWAYS.has(verb) || (MULTILINE_WITHOUT_ARGS.has(verb) && !command.hasArgs))
      this.dataFor = verb;
  }

  private serverCandidate(
    afterErr: string,
    lineNumber: number,
    shown: string,
    command: CommandInfo | undefined,
  ): Candidate {
    // Python's repr (b'-ERR ...\r\n') and quoting in prose leave a line end escape and a closing quote.
    // trimEnd first: a `\s*$` in the pattern would rescan a run of spaces from every position (quadratic).
    let text = afterErr
      .trimEnd()
      .replace(/(?:\\r\\n|\\r|\\n)?['"`\u00bb\u201d\u2019]*$/, '')
      .replace(/^['"`\u00ab\u201c\u2018]+\s*/, '')
      .trim();
    const code = RESPONSE_CODE.exec(text);
    let responseCode: string | undefined;
    if (code) {
      responseCode = (code[1] ?? '').toUpperCase();
      text = text.slice(code[0].length);
    }
    const candidate: Candidate = { kind: 'server', lineNumber, line: displayLine(shown), text };
    if (responseCode) candidate.responseCode = responseCode;
    return withContext(candidate, command);
  }
}

/** The part of an over-long line worth reading: its start, or the window around a -ERR found further on. */
function boundedLine(line: string): string {
  const at = line.indexOf('-ERR');
  const start = at > MAX_LINE_CHARS - 512 ? at - 256 : 0;
  return line.slice(start, start + MAX_LINE_CHARS);
}

function withContext(candidate: Candidate, command: CommandInfo | undefined): Candidate {
  if (!command) return candidate;
  return { ...candidate, command, state: command.state };
}

/** Cheap pre-scan: does the input show client commands at all (then a first reply is a greeting)? */
export function showsClientCommands(lines: readonly string[]): boolean {
  let seen = 0;
  for (const full of lines) {
    const shape = lineShape(full.length > MAX_LINE_CHARS ? full.slice(0, MAX_LINE_CHARS) : full);
    if (shape.role === 'server') continue;
    if (parseCommand(shape.content, shape.explicit && shape.role === 'client')) return true;
    if (++seen > 5000) break;
  }
  return false;
}
