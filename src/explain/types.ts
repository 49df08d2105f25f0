import type { LogVerdict } from './server-log/judge.js';
import type { Lang } from '../i18n/lang.js';

/** RFC 1939 session states; `undefined` in a finding when the paste does not show enough to tell. */
export type SessionState = 'AUTHORIZATION' | 'TRANSACTION' | 'UPDATE';

export interface FindingReference {
  /** "RFC 1939 §7" */
  label: string;
  url: string;
  note?: string;
}

/** One error found in the input, explained in one language. The JSON shape of `popbot explain --json`. */
export interface Finding {
  /** A category code of the taxonomy (`mailbox.locked`). */
  category: string;
  /** The knowledge-base entry id (`unable-to-lock-maildrop`). */
  entry: string;
  /** The input line, secrets masked, trimmed to a readable length. */
  line: string;
  /** 1-based line number in the input. */
  lineNumber: number;
  /** The command this reply answered, secrets masked, when the input shows it (`PASS ****`, `RETR 9`). */
  command?: string;
  state?: SessionState;
  /** RFC 2449 extended response code (`IN-USE`, `SYS/TEMP`), when present. */
  responseCode?: string;
  /** 0–1: how sure the match is (a specific wording in context is near 1, a bare `-ERR` near 0.5). */
  confidence: number;
  title: string;
  meaning: string;
  causes: string[];
  userSteps: string[];
  adminSteps: string[];
  /** Whether retrying later, without changing anything, is expected to help. */
  retry: boolean;
  references: FindingReference[];
  /** Why popbot concluded this from the session (a reasoning rule) or from a few words (the fallback). */
  because?: string;
  /** The reasoning rule that decided it, by id. */
  rule?: string;
  /** When the same error stands on several lines: every line number, this finding's first. */
  lines?: number[];
}

/**
 * How a finding was reached: a documented wording, an RFC 2449 response code alone, the command alone (a bare
 * entry), a reasoning rule over the session, the free-text fallback, nothing (the unknown entry), or the live
 * probe's own step and error code (src/probe maps its failures to entries directly).
 */
export type FindingBasis =
  'wording' | 'response-code' | 'command' | 'rule' | 'fallback' | 'unknown' | 'probe';

/** What the explainer saw and used: everything but the words of a language. */
export interface FindingEvidence {
  lineNumber: number;
  /** The input line, secrets masked, trimmed to a readable length. */
  line: string;
  /** The command this reply answered, masked (`PASS ****`), and the line it was sent on. */
  command?: string;
  commandLine?: number;
  state?: SessionState;
  responseCode?: string;
  basis: FindingBasis;
  /** The text that decided: the part of the line a pattern matched, or the fallback's words. */
  words?: readonly string[];
  /** The reasoning rule that fired, its RFC sections and the facts it read from the session. */
  rule?: {
    id: string;
    references: readonly { rfc: number; section: string }[];
    facts: Readonly<Record<string, string | number>>;
  };
  /** Further lines the same finding covers (the same refusal repeated). */
  alsoLines?: readonly number[];
  /**
   * The fallback read only a frame of what the program was doing ("Unable to connect to POP server …"): a
   * finding beside it that says what failed leads. `bare`: the line names no mail program, protocol or host.
   */
  frame?: 'named' | 'bare';
  /**
   * An isolated message read from its words alone: the paste names no mail program, server or protocol
   * (fallback/isolated.ts). The user is told the reading rests on its words only.
   */
  alone?: true;
}

/** One finding as data: an entry (or, for the fallback, a category), how sure, and the evidence. */
export interface FindingData {
  category: string;
  entry: string;
  confidence: number;
  evidence: FindingEvidence;
}

/** The explainer's result before it is put into a language. */
export interface Analysis {
  outcome: ExplainOutcome;
  /** The language the paste is written in, when it shows one. */
  detectedLang?: Lang;
  findings: FindingData[];
  warnings: WarningCode[];
  /** The input's size in characters (for the too-large answer). */
  inputChars: number;
  /** Findings left out past the cap (`findings.capped`): the answer stays bounded whatever the paste. */
  omittedFindings?: number;
  /** The POP server the paste names (a client's target or the host in its error): advice names it. */
  serverHost?: string;
  /**
   * For a server log: what its failed logins add up to (password guessing from one address, guessing spread
   * over many, one device with an old password), the admin's first question about a log.
   */
  verdicts?: LogVerdict[];
}

export type WarningCode = 'secret.exposed' | 'input.truncated' | 'input.binary' | 'findings.capped';

export interface ExplainWarning {
  code: WarningCode;
  message: string;
}

/**
 * What the explainer concluded about the input as a whole:
 * errors (findings non-empty), no-error (POP content with only +OK or nothing wrong),
 * not-pop (text, but nothing of POP in it), empty, too-large (over MAX_INPUT_CHARS; nothing explained).
 */
export type ExplainOutcome = 'errors' | 'no-error' | 'not-pop' | 'empty' | 'too-large';

export interface ExplainResult {
  lang: Lang;
  outcome: ExplainOutcome;
  /** For every outcome but `errors`: one sentence for the user, in `lang`. */
  message?: string;
  findings: Finding[];
  warnings: ExplainWarning[];
  /** The POP server the paste names, when it names one; the findings' commands name it. */
  serverHost?: string;
  /** What a server log's failed logins add up to, one sentence each (see Analysis.verdicts). */
  verdicts?: string[];
}

export interface ExplainOptions {
  /** Forces the answer's language; otherwise the language of the paste, then `fallbackLang`, then English. */
  lang?: Lang;
  /** The platform's or environment's language, used when the paste itself shows none. */
  fallbackLang?: Lang;
}
