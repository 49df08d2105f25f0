import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { type Candidate, candidateOf } from './candidate.js';
import type { ProgramStep } from './client-output/program-step.js';
import { byFallback, type DecideContext, decide } from './decide.js';
import type { Found } from './echoes.js';
import type { Extensions } from './extensions.js';
import { displayLine, MAX_LINE_CHARS } from './lines/display.js';
import { parseCommand } from './lines/command-line.js';
import { lineShape } from './line-shape.js';
import { unflatten } from './paste-cleanup.js';
import { SessionMachine } from './session/session-machine.js';
import type { FindingData } from './types.js';

/**
 * The explainer's step for one line, shared by `analyse` (a paste) and the log summary (a stream): the line
 * split where it was flattened, each part through the session machine, each candidate decided, and free text
 * no entry knows joined with the wrapped line before it. What it finds goes out in line order; the whole-paste
 * steps (dropping echoes, grouping repeats) are the caller's.
 */

const MAX_WRAPPED_LINES = 2;
/** The prescan of a paste for client commands reads at most this many lines that are not the server's. */
const COMMAND_PRESCAN_LINES = 5000;

/** Cheap pre-scan: does the input show client commands at all (then a first reply is a greeting)? */
export function showsClientCommands(lines: readonly string[]): boolean {
  let seen = 0;
  for (const full of lines) {
    const shape = lineShape(full.length > MAX_LINE_CHARS ? full.slice(0, MAX_LINE_CHARS) : full);
    if (shape.role === 'server') continue;
    if (parseCommand(shape.content, shape.explicit && shape.role === 'client')) return true;
    if (++seen > COMMAND_PRESCAN_LINES) break;
  }
  return false;
}

/** The wrapped lines before `last`, joined with it, when that reads as a message an entry explains. */
function joinWrapped(
  before: readonly Candidate[],
  last: Candidate,
  context: DecideContext,
): { candidate: Candidate; finding: FindingData } | undefined {
  for (let start = before.length - 1; start >= 0; start--) {
    const parts = [...before.slice(start), last];
    // Only consecutive lines: a blank or explained line between them ends a wrapped message.
    if (parts.some((p, i) => i > 0 && p.lineNumber !== (parts[i - 1]?.lineNumber ?? 0) + 1)) continue;
    const first = parts[0]!;
    const candidate: Candidate = {
      kind: 'client',
      lineNumber: first.lineNumber,
      line: displayLine(parts.map((p) => p.line).join(' ')),
      text: parts.map((p) => p.text).join(' '),
    };
    const finding = decide(candidate, context, false);
    if (finding) return { candidate, finding };
  }
  return undefined;
}

export interface LineFinderOptions {
  kb: KnowledgeBase;
  extensions: Extensions;
  /** Whether the whole input shows client commands (see `showsClientCommands`). */
  hasClientCommands: boolean;
  /** The step a program's message names as the one that failed (mpop's "command STLS failed"). */
  programStep?: ProgramStep | undefined;
}

export class LineFinder {
  readonly machine: SessionMachine;
  /**
   * The lines that were a message's text (RETR, TOP): what a mail says is no program's output, nor the
   * session's words. Only a message whose end the paste shows (its lone "." or the next command typed) counts:
   * one still open where the paste stops may be a session whose "." the paste lost, and is read as before.
   */
  readonly messageLines = new Set<number>();
  private openMessage: number[] = [];
  // Free-text lines no entry explains, kept while they run on: a dialog copied from a window or a screenshot
  // arrives wrapped, and its message may only be recognisable across the break.
  private unexplained: Candidate[] = [];

  constructor(private readonly options: LineFinderOptions) {
    this.machine = new SessionMachine({
      hasClientCommands: options.hasClientCommands,
      serverLog: options.extensions.serverLog,
      ...(options.programStep ? { programStep: options.programStep } : {}),
    });
  }

  private closeMessage(): void {
    for (const n of this.openMessage) this.messageLines.add(n);
    this.openMessage = [];
  }

  /** Reads one line of the input; what it finds is pushed onto `found`. */
  feed(line: string, lineNumber: number, found: Found[]): void {
    for (const part of unflatten(line)) this.feedPart(part, lineNumber, found);
  }

  private feedPart(part: string, lineNumber: number, found: Found[]): void {
    const { kb, extensions } = this.options;
    const observation = this.machine.feed(part, lineNumber);
    if (observation.read.kind === 'data' && this.machine.inMessage) this.openMessage.push(lineNumber);
    else if (this.openMessage.length > 0) this.closeMessage();
    const candidate = candidateOf(observation);
    if (!candidate) {
      this.unexplained = [];
      return;
    }
    // Built by assignment, not object spreads (one per candidate line; same keys in the same order).
    const context: DecideContext = { kb, session: this.machine.session };
    if (observation.answers) context.sent = observation.answers;
    if (extensions.fallback) context.fallback = extensions.fallback;
    let finding = decide(candidate, context, false);
    let line = candidate;
    if (!finding && candidate.kind === 'client') {
      const joined = joinWrapped(this.unexplained, candidate, context);
      if (joined) ({ candidate: line, finding } = joined);
      else finding = byFallback(candidate, context);
      if (!finding) {
        this.unexplained = [...this.unexplained, candidate].slice(-(MAX_WRAPPED_LINES - 1));
        return;
      }
    }
    if (!finding && candidate.kind === 'log') finding = byFallback(candidate, context);
    if (!finding) return;
    this.unexplained = [];
    // A program's summary line, or a frame of what it was doing: the lines beside it say what failed.
    const summary =
      kb.entry(finding.entry)?.entry.match.summary === true || finding.evidence.frame !== undefined;
    // A refused CAPA is worked around by every client (RFC 2449 §5: a server without it answers -ERR): what
    // failed next is the error to explain first.
    const worksAround = line.kind === 'server' && line.command?.verb === 'CAPA';
    found.push({
      finding,
      kind: line.kind,
      quoted: line.quoted === true,
      ...(summary ? { summary } : {}),
      ...(worksAround ? { context: true } : {}),
      ...(line.kind === 'server'
        ? { reply: `${line.responseCode ?? ''} ${line.text}`.trim().toLowerCase() }
        : {}),
    });
  }
}
