import type { ServerLogLine } from '../extensions.js';
import type { ForeignProtocol } from './foreign-command.js';

/** What one pasted line is, as the line reader classifies it. */
export type LineKind =
  /** A line of a multi-line answer (a message, a listing, a capability); `end` for the lone `.`. */
  | { kind: 'data'; content: string; end: boolean }
  /** `+OK …` or `-ERR …`; `text` is what follows the status indicator. */
  | { kind: 'status'; ok: boolean; text: string }
  /** A command the client sent; `protocol` for another protocol's command (foreign-command.ts). */
  | {
      kind: 'command';
      verb: string;
      args: readonly string[];
      content: string;
      protocol?: ForeignProtocol;
    }
  /** A SASL exchange line: the server's `+ challenge`, or the client's base64 answer (a credential). */
  | { kind: 'sasl'; from: 'server' | 'client'; content: string }
  /**
   * A server reply quoted somewhere else: after -ERR inside a longer line (a traceback, a dialog), or inside
   * a mail program's own message ("The server responded: …"), which may say which command it was (`about`).
   */
  | { kind: 'quoted-reply'; text: string; via: 'embedded' | 'message'; about?: 'PASS' | 'USER' }
  /**
   * A server line that is neither +OK nor -ERR where a reply belongs (`+ERR`, garbage, another protocol);
   * `quoted`: such a reply quoted inside a message, which answers nothing in the paste.
   */
  | { kind: 'server-text'; text: string; quoted?: boolean }
  /** Another protocol's greeting (SMTP `220`, IMAP `* OK`, HTTP): as the first reply, or quoted by a client. */
  | { kind: 'other-protocol'; text: string; quoted: boolean }
  /** A POP server's own log line. */
  | { kind: 'server-log'; text: string; log: ServerLogLine }
  /** A line written by a mail program, a library or a person: it may hold a client's error. */
  | { kind: 'client-message'; text: string }
  /** A tool's note that it connected (telnet, curl, openssl), and whether TLS is on. */
  | { kind: 'connection'; tls: boolean }
  /** Nothing to read (blank, punctuation). */
  | { kind: 'prose' };

export type LineKindName = LineKind['kind'];

/** What the reader needs to know about the session so far; the session machine provides it. */
export interface ReadContext {
  /** The command whose multi-line answer is being read. */
  dataFor?: string;
  /** An AUTH command waits for its answer: a `+ ` line is a SASL challenge. */
  authPending: boolean;
  /** The server sent a SASL challenge: the client's next line is its (secret) answer. */
  saslAnswerDue: boolean;
  /** A command waits for its reply. */
  commandWaiting: boolean;
  /** No reply has been seen yet. */
  beforeFirstReply: boolean;
  /** A tool said it connected: the next server line is the greeting. */
  connected: boolean;
}

export const START_CONTEXT: ReadContext = {
  authPending: false,
  saslAnswerDue: false,
  commandWaiting: false,
  beforeFirstReply: true,
  connected: false,
};
