/**
 * The two places the explainer can be extended without touching its pipeline: recognisers of server log
 * lines (src/explain/server-log/**) and a classifier of free text that no knowledge entry explains
 * (src/explain/fallback/**). Both are pure and synchronous, and see one bounded line (at most 4 KiB).
 */

/** One line of a POP server's own log, as a recogniser understood it. */
export interface ServerLogLine {
  /** The server software that wrote it (`dovecot`, `courier`, `cyrus`, …), lowercase. */
  server: string;
  /** The log message without its syslog or timestamp header: what the knowledge patterns see. */
  message: string;
  /** What the line says happened, when the recogniser knows (`auth-failed`, `disconnected`, …). */
  event?: string;
  /** The user name the line is about, if any (never a password). */
  user?: string;
  /** The remote address the line names, if any. */
  remote?: string;
  /** The knowledge entry that explains the event, when the recogniser knows one. */
  entry?: string;
}

/**
 * Tells whether a line is a POP server's log line. Called for lines that are neither a POP status, a
 * command nor data, in order; the first that answers wins. Must be cheap: it sees every line of a log.
 */
export type ServerLogRecogniser = (line: string) => ServerLogLine | undefined;

/** What the free-text fallback decided about a text no entry matched. */
export interface FallbackVerdict {
  /** A taxonomy category code. */
  category: string;
  /** An entry of that category whose advice fits, when there is one; otherwise the category's own text. */
  entry?: string;
  /** The words of the text that decided it, as they appear there: shown to the user. */
  words: readonly string[];
  /** 0–1, below what a documented wording gets (at most FALLBACK_MAX_CONFIDENCE). */
  confidence: number;
  /**
   * Only words that frame what the program was doing decided: a cause on a line beside it says more. `bare`:
   * the line names no mail program, protocol or host.
   */
  frame?: 'named' | 'bare';
}

export interface FallbackInput {
  /** `server`: the text after -ERR; `client`: a mail program's or log's whole line. */
  kind: 'server' | 'client' | 'log';
  text: string;
  /** The command the reply answered, when the session shows it (`RETR`). */
  verb?: string;
  /** For a server log line: what its recogniser read. */
  log?: ServerLogLine;
}

/**
 * Called when a -ERR reply, a client's error line or a server log line matched no knowledge entry. Returns
 * undefined when the words say nothing; the -ERR then gets the `unknown` entry, a client line nothing.
 */
export type FallbackClassifier = (input: FallbackInput) => FallbackVerdict | undefined;

export const FALLBACK_MAX_CONFIDENCE = 0.55;

export interface Extensions {
  serverLog: readonly ServerLogRecogniser[];
  fallback?: FallbackClassifier;
}
