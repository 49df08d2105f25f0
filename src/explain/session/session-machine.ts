import { commandNamedBy } from '../client-output/named-command.js';
import type { ProgramStep } from '../client-output/program-step.js';
import type { ServerLogRecogniser } from '../extensions.js';
import { boundedLine, displayLine } from '../lines/display.js';
import type { ForeignProtocol } from '../lines/foreign-command.js';
import type { LineKind, ReadContext } from '../lines/line-kind.js';
import { type ReadOptions, readLine } from '../lines/read-line.js';
import { answersWithData, validIn } from '../pop-commands.js';
import { maskCommandContent, maskFreeText } from '../secrets.js';
import type { SessionState } from '../types.js';
import { CapabilityCollector } from './capabilities.js';
import type { SentCommand, SessionView } from './session-view.js';

/**
 * The RFC 1939 session machine: reads a paste one line at a time (so `explain --summary` streams a log of
 * any size in constant memory), pairs every reply with the command it answers (pipelined commands queue up),
 * moves through AUTHORIZATION → TRANSACTION → UPDATE on the replies that move a real session, and keeps what
 * the session has shown (TLS, CAPA lists, the user, deleted messages) for the reasoning rules.
 */

/** One line as the machine saw it. */
export interface Observation {
  read: LineKind;
  lineNumber: number;
  /** The line as it may be shown to the user: secrets masked (control characters go at display time). */
  shown: string;
  /** For a reply: the command it answers (`GREETING` for the server's first line), when the paste shows it. */
  answers?: SentCommand;
}

export interface SessionOptions {
  /** Whether the whole input shows client commands; then the first reply before any command is a greeting. */
  hasClientCommands: boolean;
  serverLog?: readonly ServerLogRecogniser[];
  /** The POP step the program's output shows it running (a traceback's poplib call), for the replies it quotes. */
  programStep?: ProgramStep;
}

const MAX_PENDING = 256;
const LOGIN_STEPS = new Set(['USER', 'PASS', 'APOP', 'AUTH']);
/** A program names the step that failed on the line of the reply it quotes or a few lines before it. */
const STEP_DISTANCE = 3;
const MAX_DELETED = 10_000;
const STAT_ANSWER = /^(\d{1,9})\s+\d+/;
// What a server says when a login succeeds (RFC 1939 §7: "+OK mrose's maildrop has 2 messages (320 octets)").
const LOGIN_COUNT = /\b(\d{1,9}) messages?\b/i;
const LOGIN_ANSWER = /\b(?:maildrop|mailbox open|logged in|\d+ messages?\b)/i;
// A line end a program's repr left after the command (`PASS x\r\n` in poplib's debug output).
const ESCAPED_LINE_END = /(?:\\r\\n|\\r|\\n)$/;

export class SessionMachine {
  private readonly view: {
    state: SessionState | undefined;
    tls: boolean;
    capa: SessionView['capa'];
    greeting?: string;
    user?: string;
    userAccepted: boolean;
    deleted: Map<number, number>;
    messageCount?: number;
    capaRefused?: number;
    awaitingReply?: boolean;
  } = { state: 'AUTHORIZATION', tls: false, capa: {}, userAccepted: false, deleted: new Map() };
  /** False until the paste shows where the session starts: a greeting, a connection, or a first command. */
  private stateKnown = false;
  private readonly pending: SentCommand[] = [];
  private dataFor: string | undefined;
  private capability: CapabilityCollector | undefined;
  private seenStatus = false;
  private connected = false;
  private saslAnswerDue = false;
  /** The last step a program's own message said failed ("command STLS failed", "la commande STLS a échoué"). */
  private namedStep: SentCommand | undefined;
  /** Set once a real secret was masked anywhere in the input. */
  secretFound = false;
  /** Set once any POP status line or command was seen: the input is a POP conversation. */
  sawPop = false;

  private readonly readOptions: ReadOptions;

  constructor(private readonly options: SessionOptions) {
    this.readOptions = { serverLog: options.serverLog ?? [] };
  }

  /** What the session has shown so far. */
  get session(): SessionView {
    return this.view;
  }

  /** The line just fed was part of a message the server sent (RETR, TOP): mail, not the program's output. */
  get inMessage(): boolean {
    return this.dataFor === 'RETR' || this.dataFor === 'TOP';
  }

  feed(fullLine: string, lineNumber: number): Observation {
    const line = boundedLine(fullLine);
    const read = readLine(line, this.context(), this.readOptions);
    if (read.kind === 'data') {
      if (read.end) this.endData();
      else this.capability?.add(read.content);
      return { read, lineNumber, shown: '' };
    }
    this.endData();
    const shown = this.mask(line);
    const observation: Observation = { read, lineNumber, shown };
    switch (read.kind) {
      case 'connection':
        this.connected = true;
        // Once connected, the client waits for the greeting (RFC 1939 §4) as it waits for a reply.
        if (!this.seenStatus) this.view.awaitingReply = true;
        if (read.tls) this.view.tls = true;
        break;
      case 'status':
        this.sawPop = true;
        this.saslAnswerDue = false;
        this.answer(observation, read.ok, read.text);
        break;
      case 'sasl':
        if (read.from === 'server') {
          this.saslAnswerDue = true;
          // A challenge answers only AUTH, and replies come in order (RFC 2449 §6.6): the commands before it
          // got replies the paste does not show (a proxy's log that passes on AUTH instead of the PASS it read).
          while (this.pending.length > 1 && this.pending[0]?.verb !== 'AUTH') this.pending.shift();
        } else {
          // The credentials line itself is never shown; it only marks the paste as holding a secret.
          this.saslAnswerDue = false;
          if (read.content !== '*' && read.content !== '=') this.secretFound = true;
        }
        break;
      case 'command':
        this.sawPop = true;
        this.saslAnswerDue = false;
        this.send(read.verb, read.args, read.content, lineNumber, read.protocol);
        break;
      case 'server-text':
        if (!read.quoted) this.answer(observation, false, read.text);
        break;
      case 'client-message':
        this.nameStep(read.text, lineNumber);
        break;
      case 'quoted-reply': {
        // The command a program's message says failed is the command the reply it quotes answers.
        this.nameStep(read.text === line ? line : line.replace(read.text, ''), lineNumber);
        const step = this.stepAt(lineNumber);
        if (step && !(read.via === 'message' && read.about)) observation.answers = step;
        break;
      }
      case 'other-protocol':
        if (!read.quoted) {
          const greeting = this.greeting(lineNumber);
          this.seenStatus = true;
          if (greeting) observation.answers = greeting;
        }
        break;
      default:
        break;
    }
    return observation;
  }

  private nameStep(text: string, lineNumber: number): void {
    const named = commandNamedBy(text);
    if (named) this.namedStep = this.stepCommand(named.verb, lineNumber);
  }

  private stepAt(lineNumber: number): SentCommand | undefined {
    const named = this.namedStep;
    if (named && lineNumber - named.lineNumber <= STEP_DISTANCE) return named;
    const program = this.options.programStep;
    return program ? this.stepCommand(program.verb, program.lineNumber) : undefined;
  }

  /**
   * A step named in words: its arguments are not shown; only what the session itself shows is. A login step
   * is sent before the login (RFC 1939 §7), so its state is known.
   */
  private stepCommand(verb: string, lineNumber: number): SentCommand {
    const state = LOGIN_STEPS.has(verb) ? 'AUTHORIZATION' : undefined;
    return { verb, args: [], display: verb, lineNumber, state, tls: this.view.tls, named: true };
  }

  private context(): ReadContext {
    // Built without spreading: this runs for every line of every paste.
    const context: ReadContext = {
      // The last command too: a challenge to an AUTH sent behind an unanswered command (see 'sasl').
      authPending: this.pending[0]?.verb === 'AUTH' || this.pending.at(-1)?.verb === 'AUTH',
      saslAnswerDue: this.saslAnswerDue,
      commandWaiting: this.pending.length > 0,
      beforeFirstReply: !this.seenStatus,
      connected: this.connected,
    };
    if (this.dataFor !== undefined) context.dataFor = this.dataFor;
    return context;
  }

  private mask(line: string): string {
    const free = maskFreeText(line);
    if (free.found) this.secretFound = true;
    return free.text;
  }

  private send(
    verb: string,
    args: readonly string[],
    content: string,
    lineNumber: number,
    protocol?: ForeignProtocol,
  ): void {
    const masked = maskCommandContent(content);
    if (masked?.found) this.secretFound = true;
    const display = displayLine((masked?.text ?? content).replace(ESCAPED_LINE_END, ''));
    let state = this.view.state;
    if (!this.stateKnown) {
      this.stateKnown = true;
      // A paste that starts with RETR or DELE starts mid-session, after a login it does not show; one that
      // starts with QUIT or CAPA does not tell which state it was in.
      if (!this.seenStatus && !this.connected) {
        if (!validIn(verb, 'AUTHORIZATION')) this.view.state = state = 'TRANSACTION';
        else if (validIn(verb, 'TRANSACTION')) state = undefined;
      }
    }
    if (this.pending.length >= MAX_PENDING) this.pending.shift();
    this.view.awaitingReply = true;
    this.pending.push({
      verb,
      args,
      display,
      lineNumber,
      state,
      tls: this.view.tls,
      ...(protocol ? { protocol } : {}),
    });
  }

  private greeting(lineNumber: number): SentCommand | undefined {
    if (this.seenStatus) return undefined;
    if (!this.connected && !this.options.hasClientCommands) return undefined;
    return {
      verb: 'GREETING',
      args: [],
      display: '(greeting)',
      lineNumber,
      state: 'AUTHORIZATION',
      tls: false,
    };
  }

  /** A reply (or a server line where a reply belongs): pairs it with its command and moves the session. */
  private answer(observation: Observation, ok: boolean, text: string): void {
    const loginNotShown = ok && !this.seenStatus && !this.connected && LOGIN_ANSWER.test(text);
    const command =
      this.pending.shift() ?? (loginNotShown ? undefined : this.greeting(observation.lineNumber));
    const first = !this.seenStatus;
    this.seenStatus = true;
    this.view.awaitingReply = this.pending.length > 0;
    if (!command) {
      if (ok) this.unpaired(text, first);
      return;
    }
    if (ok) {
      this.advance(command, text, observation.lineNumber);
      observation.answers = command;
      return;
    }
    // A QUIT refused after a login failed in the UPDATE state (RFC 1939 §6).
    const state = command.verb === 'QUIT' && command.state === 'TRANSACTION' ? 'UPDATE' : command.state;
    observation.answers = { ...command, state, afterUser: this.view.userAccepted };
    if (command.verb === 'CAPA') this.view.capaRefused = observation.lineNumber;
    if (command.verb === 'USER' || command.verb === 'PASS') this.view.userAccepted = false;
  }

  private advance(command: SentCommand, text: string, lineNumber: number): void {
    const view = this.view;
    switch (command.verb) {
      case 'GREETING':
        view.greeting = text;
        break;
      case 'USER':
        if (command.args[0] !== undefined) view.user = command.args[0];
        view.userAccepted = true;
        break;
      case 'PASS':
      case 'APOP':
      case 'AUTH':
        view.state = 'TRANSACTION';
        this.countFromLogin(text);
        break;
      case 'QUIT':
        if (view.state === 'TRANSACTION') view.state = 'UPDATE';
        break;
      case 'STLS':
        view.tls = true;
        break;
      case 'DELE': {
        const number = Number(command.args[0]);
        if (Number.isSafeInteger(number) && view.deleted.size < MAX_DELETED)
          view.deleted.set(number, command.lineNumber);
        break;
      }
      case 'RSET':
        view.deleted.clear();
        break;
      case 'STAT': {
        const count = STAT_ANSWER.exec(text.trim());
        if (count) view.messageCount = Number(count[1]);
        break;
      }
      default:
        break;
    }
    if (answersWithData(command.verb, command.args.length > 0)) {
      this.dataFor = command.verb;
      if (command.verb === 'CAPA') this.capability = new CapabilityCollector(lineNumber);
    }
  }

  /**
   * A +OK that answers no command shown: the paste hides a command (it starts mid-session, or the tool hid
   * the login, as Thunderbird's log does). A login's answer moves to TRANSACTION; anything else leaves the
   * state unknown rather than wrong, so no rule reasons from it.
   */
  private unpaired(text: string, first: boolean): void {
    if (LOGIN_ANSWER.test(text)) {
      this.view.state = 'TRANSACTION';
      this.stateKnown = true;
      this.countFromLogin(text);
    } else if (!first && this.view.state === 'AUTHORIZATION') this.view.state = undefined;
  }

  /** Many servers give the message count when the login succeeds ("+OK maildrop has 2 messages"). */
  private countFromLogin(text: string): void {
    const count = LOGIN_COUNT.exec(text);
    if (count) this.view.messageCount = Number(count[1]);
  }

  private endData(): void {
    if (this.dataFor === undefined) return;
    if (this.capability) {
      const capa = this.capability.result();
      const slot =
        this.view.state === 'TRANSACTION' ? 'afterLogin' : this.view.tls ? 'afterTls' : 'beforeTls';
      this.view.capa[slot] = capa;
      this.capability = undefined;
    }
    this.dataFor = undefined;
  }
}
