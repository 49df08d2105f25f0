import type { ForeignProtocol } from '../lines/foreign-command.js';
import type { SessionState } from '../types.js';

/** What a CAPA answer announced (RFC 2449 §5, §6). */
export interface Capabilities {
  /** Every capability line, upper-cased, as a set of names (`USER`, `STLS`, `SASL`, `TOP`, …). */
  names: ReadonlySet<string>;
  /** The SASL mechanisms listed (RFC 2449 §6.3), upper-cased. */
  sasl: readonly string[];
  /** The IMPLEMENTATION line's text (RFC 2449 §6.9), if any. */
  implementation?: string;
  /** The line number of the CAPA command. */
  lineNumber: number;
}

/** A command the client sent, as the session machine saw it. */
export interface SentCommand {
  verb: string;
  args: readonly string[];
  /** The command as shown to the user, secrets masked (`PASS ****`). */
  display: string;
  lineNumber: number;
  /** The RFC 1939 state when it was sent; undefined when the paste starts mid-session and does not tell. */
  state: SessionState | undefined;
  /** Whether TLS was active when it was sent. */
  tls: boolean;
  /** For a refused command: a USER had been accepted when the refusal came (RFC 1939 §7: PASS follows USER). */
  afterUser?: boolean;
  /** A step a program named in words ("method USER", "RETR failed"): its arguments were not shown, not absent. */
  named?: true;
  /** Another protocol's command (an IMAP library's tagged `LOGIN`, SMTP's `EHLO`), or a verb no protocol here has. */
  protocol?: ForeignProtocol;
}

/** What the session has shown so far: the facts the reasoning rules read. */
export interface SessionView {
  state: SessionState | undefined;
  /** The session runs over TLS: STLS succeeded, or the tool said so (implicit TLS on 995). */
  tls: boolean;
  capa: {
    beforeTls?: Capabilities;
    afterTls?: Capabilities;
    afterLogin?: Capabilities;
  };
  /** The greeting's text, when the paste shows it (an APOP timestamp `<…@…>` lives there). */
  greeting?: string;
  /** The user name of the last accepted USER command. */
  user?: string;
  /** The last USER command was answered +OK: a PASS may follow (RFC 1939 §7). */
  userAccepted: boolean;
  /** Message numbers deleted (DELE answered +OK) in this session, with the DELE's line number. */
  deleted: ReadonlyMap<number, number>;
  /** The message count a STAT answer gave (`+OK 3 1024`), if any. */
  messageCount?: number;
  /** The line of a CAPA answered -ERR: the server implements no RFC 2449 extension. */
  capaRefused?: number;
  /** A command was sent and its reply has not come (yet): what a client's own time-out waited for. */
  awaitingReply?: boolean;
}

/** The capabilities in force when a command was sent: the latest list for the session's stage. */
export function currentCapabilities(view: SessionView): Capabilities | undefined {
  if (view.state === 'TRANSACTION') return view.capa.afterLogin ?? view.capa.afterTls ?? view.capa.beforeTls;
  return view.tls ? view.capa.afterTls : view.capa.beforeTls;
}
