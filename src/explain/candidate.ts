import type { ServerLogLine } from './extensions.js';
import { displayLine } from './lines/display.js';
import { MASK } from './secrets.js';
import type { Observation } from './session/session-machine.js';
import type { SentCommand } from './session/session-view.js';
import type { SessionState } from './types.js';

/** A line that may hold an error, with its context: what the matcher and the rules look at. */

export interface CommandInfo {
  verb: string;
  hasArgs: boolean;
  /** The first argument, upper-cased (`XOAUTH2` in `AUTH XOAUTH2 ...`): some replies mean more after it. */
  firstArg?: string;
  /** The command as shown to the user, secrets masked (`PASS ****`). */
  display: string;
  state: SessionState | undefined;
  /** The line of the command in the paste, when it was sent there. */
  lineNumber?: number;
}

/** server: the text after -ERR; client: a program's or person's whole line; reply: a server line that is
 * neither +OK nor -ERR; log: a server's log line. */
export type CandidateKind = 'server' | 'client' | 'reply' | 'log';

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
  /** For a server log line: what its recogniser read. */
  log?: ServerLogLine;
}

const RESPONSE_CODE = /^\[([A-Za-z0-9][A-Za-z0-9/-]*)\]\s*/;
const GREETING: CommandInfo = {
  verb: 'GREETING',
  hasArgs: false,
  display: '(greeting)',
  state: 'AUTHORIZATION',
};

export function commandInfo(sent: SentCommand): CommandInfo {
  const first = sent.args[0];
  return {
    verb: sent.verb,
    hasArgs: sent.args.length > 0,
    ...(first && sent.verb !== 'PASS' ? { firstArg: first.toUpperCase() } : {}),
    display: sent.display,
    state: sent.state,
    ...(sent.verb === 'GREETING' ? {} : { lineNumber: sent.lineNumber }),
  };
}

function withContext(candidate: Candidate, command: CommandInfo | undefined): Candidate {
  if (!command) return candidate;
  return { ...candidate, command, ...(command.state ? { state: command.state } : {}) };
}

/** A -ERR's text: its RFC 2449 response code taken off, the quoting of a repr or a sentence undone. */
function serverCandidate(
  afterErr: string,
  lineNumber: number,
  shown: string,
  command?: CommandInfo,
): Candidate {
  // trimEnd first: a `\s*$` in the pattern would rescan a run of spaces from every position (quadratic).
  const text = afterErr
    .trimEnd()
    .replace(/(?:\\r\\n|\\r|\\n)?['"`\u00bb\u201d\u2019]*$/, '')
    .replace(/^['"`\u00ab\u201c\u2018]+\s*/, '')
    .trim();
  return withContext(
    withResponseCode({ kind: 'server', lineNumber, line: displayLine(shown), text }),
    command,
  );
}

/**
 * A server candidate with its RFC 2449 response code taken off the text and kept apart: wordings are written
 * for the text after the code (`^authentication failed`), wherever the reply was found.
 */
export function withResponseCode(candidate: Candidate): Candidate {
  const code = RESPONSE_CODE.exec(candidate.text);
  if (!code) return candidate;
  return {
    ...candidate,
    responseCode: (code[1] ?? '').toUpperCase(),
    text: candidate.text.slice(code[0].length),
  };
}

/** The candidate error an observed line holds, if any. */
export function candidateOf(observation: Observation): Candidate | undefined {
  const { read, lineNumber, shown } = observation;
  // Most replies are +OK: the command a reply answers is read only for one that may hold an error.
  if (read.kind === 'status' && read.ok) return undefined;
  const command = observation.answers ? commandInfo(observation.answers) : undefined;
  switch (read.kind) {
    case 'status':
      return serverCandidate(read.text, lineNumber, shown, command);
    case 'quoted-reply': {
      // A quoted reply answers the step the program named, when it named one (`command`).
      if (read.via === 'embedded')
        return { ...serverCandidate(read.text, lineNumber, shown, command), quoted: true };
      const about: CommandInfo | undefined = read.about
        ? {
            verb: read.about,
            hasArgs: true,
            display: read.about === 'PASS' ? `PASS ${MASK}` : 'USER',
            state: 'AUTHORIZATION',
          }
        : command;
      return { ...serverCandidate(read.text, lineNumber, shown, about), prose: true };
    }
    case 'server-text':
      return withContext({ kind: 'reply', lineNumber, line: displayLine(shown), text: read.text }, command);
    case 'other-protocol':
      return withContext(
        { kind: 'reply', lineNumber, line: displayLine(shown), text: read.text },
        read.quoted ? GREETING : command,
      );
    case 'server-log':
      return { kind: 'log', lineNumber, line: displayLine(shown), text: read.text, log: read.log };
    case 'client-message':
      return { kind: 'client', lineNumber, line: displayLine(shown), text: read.text };
    default:
      return undefined;
  }
}
