import { malformedArguments, popCommand, validIn } from '../pop-commands.js';
import type { Capabilities, SentCommand, SessionView } from '../session/session-view.js';
import { currentCapabilities } from '../session/session-view.js';

/**
 * The reasoning rules: what a refused command means given what the session has shown, whatever words the
 * server chose ("unrecognized command", "invalid command", a bare -ERR). Each rule is data: its RFC
 * reference, the category and entry it concludes, the wording categories it outranks, and a test over the
 * session. The user sees its "because" line (catalogue `rules`, key = the rule's id) with the facts it returns.
 */

export interface RuleInput {
  /** The refused command, with the state and TLS it was sent in. */
  sent: SentCommand;
  /** The session as shown up to the refusal. */
  session: SessionView;
  /** The category the reply's wording alone was given, if any entry matched it. */
  wording?: string;
  /** The reply carries no words (a bare -ERR). */
  wordless?: true;
  /** The wording's category rests on a response code or the fallback's reading only, not on an entry's words. */
  generic?: boolean;
  /** The reply's words (after its status and response code), for a rule that reads what they list. */
  reply?: string;
}

/** Values for the "because" line (`{command}`, `{line}`…), also returned as the finding's facts. */
export type RuleFacts = Readonly<Record<string, string | number>>;

export interface SessionRule {
  id: RuleId;
  category: string;
  /** The knowledge entry whose advice the finding carries. */
  entry: string;
  /** The entry for the refused command where it depends on which command it was (`entry` otherwise). */
  entryFor?: Readonly<Record<string, string>>;
  references: readonly { rfc: number; section: string }[];
  /**
   * The wording categories this rule's conclusion replaces: what the session shows is more certain than a
   * generic wording. A wording of any other category (a lock, a shutdown) is kept.
   */
  outranks: readonly string[];
  test(input: RuleInput): RuleFacts | undefined;
}

export type RuleId =
  | 'other-protocol-command'
  | 'command-not-in-pop'
  | 'transaction-command-before-login'
  | 'login-command-after-login'
  | 'pass-without-user'
  | 'stls-while-tls-active'
  | 'stls-after-login'
  | 'stls-not-offered'
  | 'stls-refused'
  | 'arguments-malformed'
  | 'message-already-deleted'
  | 'message-number-out-of-range'
  | 'auth-mechanism-not-offered'
  | 'auth-mechanism-not-announced'
  | 'auth-without-capa'
  | 'user-pass-before-tls'
  | 'login-wrong-state-before-tls'
  | 'user-not-offered'
  | 'apop-without-timestamp'
  | 'optional-command-not-offered'
  | 'login-method-called-unknown'
  | 'login-method-not-listed'
  | 'command-line-too-long'
  | 'extension-command-refused'
  | 'arguments-missing'
  | 'rpop-refused'
  | 'quit-refused-after-login'
  | 'message-read-refused'
  | 'maildrop-unreadable-at-login'
  // Rules over a client's own message and output (client-line-rules.ts, client-output/facts.ts): one catalogue.
  | 'no-login-method-before-tls'
  | 'client-timeout-awaiting-reply'
  | 'plain-to-tls-port'
  | 'tls-to-plain-port'
  | 'eof-before-greeting';

/** What a server says when it does not know why: no entry, or an entry about the wording's surface only. */
const GENERIC = ['unknown', 'command.unknown', 'command.syntax', 'command.state'] as const;
const LOGIN_REFUSALS = ['auth.failed', 'auth.unknown-user', 'auth.bad-password'] as const;
/** The commands whose acceptance opens the maildrop (RFC 1939 §4, §7; RFC 5034 §4). */
const LOGIN_ANSWERED = new Set(['PASS', 'APOP', 'AUTH']);
/** What a reply says of one message: at QUIT, the words of the deletions it did not apply. */
const MESSAGE_WORDS = ['message.deleted', 'message.not-found', 'message.unavailable'] as const;
const LOGIN_COMMANDS = new Set(['USER', 'PASS', 'APOP', 'AUTH']);
const LOGIN_BEFORE_TLS = new Set(['USER', 'PASS', 'AUTH', 'APOP']);
// RFC 2449 §4: a command line is at most 255 octets with its CRLF.
const MAX_COMMAND_LINE = 255;
/** The commands that each start one way of logging in (PASS only follows USER). */
const LOGIN_WITH_METHOD = new Set(['USER', 'APOP', 'AUTH']);
/** Commands of POP's table no current RFC defines (the obsolete LAST, qpopper's XTND): most servers lack them. */
const EXTENSIONS_WITHOUT_RFC = new Set(['LAST', 'XTND']);
const APOP_TIMESTAMP = /<[^<>\s]{1,200}@[^<>\s]{1,200}>/;
/** The commands whose arguments a paste keeps (a password, a digest or a SASL response is masked, or cut by the user). */
const ARGUMENTS_KEPT = new Set(['USER', 'APOP', 'RETR', 'DELE', 'TOP']);

function messageNumber(sent: SentCommand): number | undefined {
  if (!popCommand(sent.verb)?.numeric) return undefined;
  const n = Number(sent.args[0]);
  return sent.args[0] !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

/** A plain session's CAPA that offers STLS and no way to log in (no USER, no SASL mechanism): login waits for TLS. */
export function loginHiddenUntilTls(capa: Capabilities): boolean {
  return capa.names.has('STLS') && !capa.names.has('USER') && capa.sasl.length === 0;
}

/** The conclusion of the rules that find a login method the server does not offer (RFC 1939 §7, RFC 5034 §4). */
const LOGIN_METHOD_NOT_OFFERED = {
  category: 'auth.mechanism',
  entry: 'unsupported-sasl-mechanism',
  entryFor: { USER: 'user-pass-not-allowed', APOP: 'apop-not-supported' },
  references: [
    { rfc: 1939, section: '7' },
    { rfc: 5034, section: '4' },
  ],
} as const;

/** Whether the paste shows the session from its start, so that a missing USER or CAPA line means something. */
/** An AUTH before login, with the mechanism it named and the capabilities in force when it was sent. */
function authAttempt(
  sent: SentCommand,
  session: SessionView,
): { mechanism: string; capa: Capabilities } | undefined {
  const mechanism = sent.args[0]?.toUpperCase();
  if (sent.verb !== 'AUTH' || !mechanism || sent.state === 'TRANSACTION') return undefined;
  const capa = currentCapabilities({ ...session, tls: sent.tls, state: sent.state });
  return capa ? { mechanism, capa } : undefined;
}

// "must be one of CAPA, USER, PASS or QUIT", "valid commands: USER PASS QUIT", "expected one of [PLAIN, XOAUTH2]".
const LISTED =
  /\b(?:one of|valid commands?(?: are| is)?:?|allowed commands?(?: are| is)?:?)\s*\[?([a-z]{3,8}(?:(?:\s*,\s*|\s+or\s+|\s+and\s+|\s+)[a-z]{3,8}){1,15})/i;

/** The POP commands a reply lists as the ones it takes (two at least, all of them POP's), upper-cased. */
function commandsListed(reply: string | undefined): string[] | undefined {
  const list = reply === undefined ? undefined : LISTED.exec(reply)?.[1];
  if (!list) return undefined;
  const verbs = list
    .split(/\s*,\s*|\s+or\s+|\s+and\s+|\s+/i)
    .map((w) => w.toUpperCase())
    .filter((w) => w !== '');
  return verbs.length >= 2 && verbs.every((v) => popCommand(v) !== undefined) ? verbs : undefined;
}

function startShown(session: SessionView): boolean {
  return session.greeting !== undefined;
}

export const SESSION_RULES: readonly SessionRule[] = [
  {
    // A POP server greets with +OK and knows POP's commands only (RFC 1939 §4): a client that answers with a
    // tagged IMAP command or SMTP's EHLO was set up for another protocol and aimed at the POP port, whatever
    // the server calls its refusal ("Protocol error", "Unknown command").
    id: 'other-protocol-command',
    category: 'connect.wrong-service',
    entry: 'other-protocol-client-on-pop-port',
    references: [{ rfc: 1939, section: '4' }],
    outranks: [...GENERIC, ...LOGIN_REFUSALS, 'auth.mechanism', 'server.protocol-error'],
    test: ({ sent }) =>
      sent.protocol === 'imap' || sent.protocol === 'smtp'
        ? { command: sent.display, protocol: sent.protocol.toUpperCase() }
        : undefined,
  },
  {
    // A verb no POP RFC defines (STARTTLS, where POP says STLS: RFC 2595 §4) is unknown to a POP server
    // whatever it answers ("Unknown command." from Dovecot reads like a command sent before login).
    id: 'command-not-in-pop',
    category: 'command.unknown',
    entry: 'unknown-command',
    references: [
      { rfc: 1939, section: '3' },
      { rfc: 2595, section: '4' },
    ],
    outranks: GENERIC,
    test: ({ sent }) => (sent.protocol === 'none' ? { command: sent.verb } : undefined),
  },
  {
    // A command longer than the protocol allows is refused for its length, whatever the server calls it.
    id: 'command-line-too-long',
    category: 'command.syntax',
    entry: 'line-too-long',
    references: [{ rfc: 2449, section: '4' }],
    outranks: [...GENERIC, ...LOGIN_REFUSALS, 'auth.mechanism'],
    test: ({ sent }) => {
      const length = [sent.verb, ...sent.args].join(' ').length + 2;
      return length > MAX_COMMAND_LINE ? { command: sent.verb, length } : undefined;
    },
  },
  {
    // Commands no RFC defines any more (LAST, dropped by RFC 1725) or never did (qpopper's XTND) are missing
    // from most servers: a refusal that says nothing of the state means the server does not have them, not
    // that they came too early. A server that says "not logged in" keeps its word.
    id: 'extension-command-refused',
    category: 'command.unknown',
    entry: 'unknown-command',
    references: [{ rfc: 1939, section: '3' }],
    outranks: ['unknown', 'command.unknown', 'command.syntax'],
    test: ({ sent }) =>
      sent.protocol === undefined && EXTENSIONS_WITHOUT_RFC.has(sent.verb)
        ? { command: sent.verb }
        : undefined,
  },
  {
    // RPOP trusted the client's privileged port instead of a password (RFC 1081); RFC 1725 dropped it, and a
    // server's refusal of it, in any words, is a login method it does not offer.
    id: 'rpop-refused',
    category: 'auth.mechanism',
    entry: 'unsupported-sasl-mechanism',
    references: [{ rfc: 1939, section: '7' }],
    outranks: [...GENERIC, ...LOGIN_REFUSALS],
    test: ({ sent }) => (sent.verb === 'RPOP' && sent.state !== 'TRANSACTION' ? {} : undefined),
  },
  {
    id: 'transaction-command-before-login',
    category: 'command.state',
    entry: 'command-not-valid-in-state',
    references: [
      { rfc: 1939, section: '3' },
      { rfc: 1939, section: '5' },
    ],
    outranks: [...GENERIC, ...LOGIN_REFUSALS, 'message.not-found'],
    test: ({ sent }) =>
      sent.state === 'AUTHORIZATION' &&
      !validIn(sent.verb, 'AUTHORIZATION') &&
      validIn(sent.verb, 'TRANSACTION')
        ? { command: sent.verb }
        : undefined,
  },
  {
    id: 'login-command-after-login',
    category: 'command.state',
    entry: 'command-not-valid-in-state',
    references: [
      { rfc: 1939, section: '7' },
      { rfc: 5034, section: '4' },
    ],
    outranks: [...GENERIC, ...LOGIN_REFUSALS, 'auth.mechanism'],
    test: ({ sent }) =>
      sent.state === 'TRANSACTION' && LOGIN_COMMANDS.has(sent.verb) ? { command: sent.verb } : undefined,
  },
  {
    id: 'pass-without-user',
    category: 'command.state',
    entry: 'command-not-valid-in-state',
    references: [{ rfc: 1939, section: '7' }],
    outranks: [...GENERIC, ...LOGIN_REFUSALS],
    test: ({ sent, session }) =>
      sent.verb === 'PASS' &&
      sent.state === 'AUTHORIZATION' &&
      startShown(session) &&
      sent.afterUser === false
        ? {}
        : undefined,
  },
  {
    id: 'stls-while-tls-active',
    category: 'command.state',
    entry: 'command-not-valid-in-state',
    references: [{ rfc: 2595, section: '4' }],
    outranks: [...GENERIC, 'tls.unavailable'],
    test: ({ sent }) => (sent.verb === 'STLS' && sent.tls ? {} : undefined),
  },
  {
    id: 'stls-after-login',
    category: 'command.state',
    entry: 'command-not-valid-in-state',
    references: [{ rfc: 2595, section: '4' }],
    outranks: [...GENERIC, 'tls.unavailable'],
    test: ({ sent }) => (sent.verb === 'STLS' && sent.state === 'TRANSACTION' ? {} : undefined),
  },
  {
    id: 'stls-not-offered',
    category: 'tls.unavailable',
    entry: 'tls-support-not-available',
    references: [
      { rfc: 2595, section: '4' },
      { rfc: 2449, section: '5' },
    ],
    outranks: [...GENERIC, 'tls.unavailable'],
    test: ({ sent, session }) => {
      if (sent.verb !== 'STLS' || sent.tls || sent.state === 'TRANSACTION') return undefined;
      const capa = session.capa.beforeTls;
      return capa && !capa.names.has('STLS') ? { line: capa.lineNumber } : undefined;
    },
  },
  {
    // The command a reply answers decides what it means: STLS has one job, so its -ERR before the login and
    // over a plain connection says this server cannot encrypt the session, however it words it ("unknown
    // command", a bare -ERR). The two cases where STLS is refused for its timing come first.
    id: 'stls-refused',
    category: 'tls.unavailable',
    entry: 'tls-support-not-available',
    references: [{ rfc: 2595, section: '4' }],
    // A reply that calls the state wrong ("only in AUTHORIZATION state") says why itself. A server error in
    // general words ("Internal error", Citadel's answer when its TLS start fails) names no other cause; a
    // server's own documented fatal error (Cyrus) keeps its entry.
    outranks: ['unknown', 'command.unknown', 'command.syntax', 'tls.unavailable', 'server.temporary'],
    test: ({ sent }) => (sent.verb === 'STLS' && !sent.tls && sent.state !== 'TRANSACTION' ? {} : undefined),
  },
  {
    id: 'message-already-deleted',
    category: 'message.deleted',
    entry: 'message-already-deleted',
    references: [{ rfc: 1939, section: '5' }],
    outranks: [...GENERIC, 'message.not-found', 'message.unavailable', 'message.deleted'],
    test: ({ sent, session }) => {
      const n = messageNumber(sent);
      const dele = n === undefined ? undefined : session.deleted.get(n);
      return dele === undefined || dele === sent.lineNumber ? undefined : { number: n ?? 0, line: dele };
    },
  },
  {
    // The table knows each numeric command's form: `RETR abc` or `TOP 1` is malformed, even where the server
    // answers "No such message" (GNU Mailutils) or a bare -ERR (popa3d).
    id: 'arguments-malformed',
    category: 'command.syntax',
    entry: 'invalid-arguments',
    references: [
      { rfc: 1939, section: '5' },
      { rfc: 1939, section: '7' },
    ],
    outranks: [...GENERIC, 'message.not-found', 'message.unavailable', 'message.deleted'],
    test: ({ sent }) => {
      if (sent.state !== 'TRANSACTION' || !malformedArguments(sent.verb, sent.args)) return undefined;
      const usage = popCommand(sent.verb)?.usage ?? sent.verb;
      return { command: sent.display, usage };
    },
  },
  {
    // The table knows how many arguments each command needs (RFC 1939 §5, §7): `USER` alone or `RETR` without a
    // number is refused for its form, whatever the server says (a refused USER reads like an unknown user).
    id: 'arguments-missing',
    category: 'command.syntax',
    entry: 'invalid-arguments',
    references: [
      { rfc: 1939, section: '5' },
      { rfc: 1939, section: '7' },
    ],
    // Not over a wording of another category: a project case or a user often names a command by its verb
    // alone ("C: USER" for "the reply to USER"), and the words then say why.
    outranks: ['unknown', 'command.unknown', 'command.syntax'],
    // A bare -ERR after a bare verb is the documented reply to that command (RFC 1939 §7), not its form.
    test: ({ sent, wordless }) => {
      const command = popCommand(sent.verb);
      if (
        wordless ||
        !command ||
        sent.named ||
        !ARGUMENTS_KEPT.has(sent.verb) ||
        sent.args.length >= command.arity[0]
      )
        return undefined;
      return { command: sent.display, usage: command.usage ?? sent.verb };
    },
  },
  {
    id: 'message-number-out-of-range',
    category: 'message.not-found',
    entry: 'no-such-message',
    references: [{ rfc: 1939, section: '5' }],
    outranks: [...GENERIC, 'message.not-found', 'message.unavailable'],
    test: ({ sent, session }) => {
      const n = messageNumber(sent);
      const count = session.messageCount;
      if (n === undefined || count === undefined || sent.state !== 'TRANSACTION') return undefined;
      return n === 0 || n > count ? { number: n, count } : undefined;
    },
  },
  {
    // QUIT after the login enters the UPDATE state (the session machine marks a refused QUIT so), and its only
    // refusal is "some deleted messages not removed" (RFC 1939 §6): whatever the server's words ("deleted 2/3 message(s)", Zimbra), the session
    // ended without applying every deletion. A bare -ERR keeps its own entry (bare-err-after-quit).
    id: 'quit-refused-after-login',
    category: 'update.delete-failed',
    entry: 'deleted-messages-not-removed',
    references: [{ rfc: 1939, section: '6' }],
    // Words that call the command itself wrong ("Unexpected extra argument" to `QUIT now`) say it never ran.
    outranks: ['unknown', ...LOGIN_REFUSALS, ...MESSAGE_WORDS, 'server.permanent', 'server.temporary'],
    test: ({ sent, wordless }) =>
      sent.verb === 'QUIT' && sent.state === 'UPDATE' && sent.args.length === 0 && !wordless ? {} : undefined,
  },
  {
    id: 'auth-mechanism-not-offered',
    category: 'auth.mechanism',
    entry: 'unsupported-sasl-mechanism',
    references: [
      { rfc: 5034, section: '4' },
      { rfc: 2449, section: '6.3' },
    ],
    outranks: [...GENERIC, ...LOGIN_REFUSALS, 'auth.mechanism'],
    test: ({ sent, session }) => {
      const auth = authAttempt(sent, session);
      if (!auth || auth.capa.sasl.length === 0 || auth.capa.sasl.includes(auth.mechanism)) return undefined;
      return { mechanism: auth.mechanism, offered: auth.capa.sasl.join(' '), line: auth.capa.lineNumber };
    },
  },
  {
    // A CAPA answer that lists no SASL mechanism announces no AUTH at all (RFC 2449 §6.3, RFC 5034 §4): a
    // mechanism tried anyway is one the server does not offer, even when it answers with a challenge first
    // (Courier runs CRAM-MD5 through authlib without announcing it, then refuses: "Authentication failed").
    // Before TLS, a list with STLS and no mechanism is the server waiting for encryption (user-pass-before-tls).
    id: 'auth-mechanism-not-announced',
    category: 'auth.mechanism',
    entry: 'unsupported-sasl-mechanism',
    references: [
      { rfc: 5034, section: '4' },
      { rfc: 2449, section: '6.3' },
    ],
    outranks: [...GENERIC, ...LOGIN_REFUSALS, 'auth.mechanism'],
    test: ({ sent, session }) => {
      const auth = authAttempt(sent, session);
      if (!auth || auth.capa.sasl.length > 0 || (!sent.tls && loginHiddenUntilTls(auth.capa)))
        return undefined;
      return { mechanism: auth.mechanism, line: auth.capa.lineNumber };
    },
  },
  {
    // A server with AUTH announces its mechanisms in CAPA (RFC 2449 §6.3): one that refused CAPA
    // has no AUTH, and its -ERR to AUTH says the command is missing, not that the credentials were wrong.
    id: 'auth-without-capa',
    category: 'command.unknown',
    entry: 'unknown-command',
    references: [
      { rfc: 2449, section: '6.3' },
      { rfc: 2449, section: '5' },
    ],
    outranks: [...GENERIC, ...LOGIN_REFUSALS, 'auth.mechanism'],
    test: ({ sent, session }) =>
      sent.verb === 'AUTH' && sent.state !== 'TRANSACTION' && session.capaRefused !== undefined
        ? { line: session.capaRefused }
        : undefined,
  },
  {
    id: 'user-pass-before-tls',
    category: 'tls.required',
    entry: 'tls-required-to-log-in',
    references: [
      { rfc: 2595, section: '4' },
      { rfc: 2449, section: '6.2' },
    ],
    outranks: [...GENERIC, ...LOGIN_REFUSALS, 'auth.mechanism', 'tls.required'],
    test: ({ sent, session }) => {
      if (!LOGIN_BEFORE_TLS.has(sent.verb) || sent.tls || sent.state === 'TRANSACTION') return undefined;
      const capa = session.capa.beforeTls;
      if (!capa) return undefined;
      // Mailutils announces XTLSREQUIRED; other servers hide USER (and their SASL mechanisms, for AUTH) until
      // STLS succeeds (RFC 2595 §4).
      const demanded = [...capa.names].find((n) => n.includes('TLSREQ') || n === 'LOGINDISABLED');
      if (demanded) return { line: capa.lineNumber, capability: demanded };
      // APOP is announced by the greeting's timestamp, not by CAPA: only a list that offers nothing but STLS
      // says it waits for encryption.
      const hidden =
        sent.verb === 'AUTH' || sent.verb === 'APOP' ? loginHiddenUntilTls(capa) : !capa.names.has('USER');
      return hidden && capa.names.has('STLS') ? { line: capa.lineNumber, capability: 'STLS' } : undefined;
    },
  },
  {
    // USER is the first command a session allows (RFC 1939 §7): a server that calls it wrong for the state, at
    // the start of a plain session, waits for the one step RFC 2595 §4 allows before it, STLS (GNU Mailutils
    // answers "Incorrect state" where TLS is required).
    id: 'login-wrong-state-before-tls',
    category: 'tls.required',
    entry: 'tls-required-to-log-in',
    references: [
      { rfc: 2595, section: '4' },
      { rfc: 1939, section: '7' },
    ],
    outranks: ['command.state'],
    test: ({ sent, session, wording }) =>
      wording === 'command.state' &&
      sent.verb === 'USER' &&
      sent.state === 'AUTHORIZATION' &&
      sent.afterUser !== true &&
      !sent.tls &&
      startShown(session)
        ? { command: sent.verb }
        : undefined,
  },
  {
    id: 'user-not-offered',
    category: 'auth.mechanism',
    entry: 'user-pass-not-allowed',
    references: [{ rfc: 2449, section: '6.2' }],
    outranks: [...GENERIC, ...LOGIN_REFUSALS],
    test: ({ sent, session }) => {
      if (sent.verb !== 'USER' || sent.state === 'TRANSACTION') return undefined;
      const capa = currentCapabilities({ ...session, tls: sent.tls, state: sent.state });
      if (!capa || capa.names.has('USER') || (!sent.tls && capa.names.has('STLS'))) return undefined;
      return { line: capa.lineNumber };
    },
  },
  {
    id: 'apop-without-timestamp',
    category: 'auth.mechanism',
    entry: 'apop-not-supported',
    references: [{ rfc: 1939, section: '7' }],
    outranks: [...GENERIC, ...LOGIN_REFUSALS, 'auth.mechanism'],
    test: ({ sent, session }) =>
      sent.verb === 'APOP' && session.greeting !== undefined && !APOP_TIMESTAMP.test(session.greeting)
        ? {}
        : undefined,
  },
  {
    id: 'optional-command-not-offered',
    category: 'command.unknown',
    entry: 'unknown-command',
    references: [
      { rfc: 2449, section: '6.1' },
      { rfc: 2449, section: '6.8' },
    ],
    outranks: GENERIC,
    test: ({ sent, session }) => {
      if ((sent.verb !== 'TOP' && sent.verb !== 'UIDL') || sent.state !== 'TRANSACTION') return undefined;
      const capa = currentCapabilities(session);
      return capa && !capa.names.has(sent.verb) ? { command: sent.verb, line: capa.lineNumber } : undefined;
    },
  },
  {
    // USER, APOP and AUTH are POP's login commands (RFC 1939 §7, RFC 5034 §4): a server that calls one of them
    // unknown or invalid before the login does not offer that way of logging in (nginx's mail proxy answers
    // "invalid command" to the methods its pop3_auth leaves out).
    id: 'login-method-called-unknown',
    ...LOGIN_METHOD_NOT_OFFERED,
    outranks: ['command.unknown'],
    test: ({ sent, wording }) =>
      wording === 'command.unknown' && sent.state === 'AUTHORIZATION' && LOGIN_WITH_METHOD.has(sent.verb)
        ? { command: sent.verb }
        : undefined,
  },
  {
    // A refusal that lists the commands the server takes here ("the command must be one of CAPA, USER, PASS
    // or QUIT", perdition before the login) and leaves out the login command sent: the server does not offer
    // that way of logging in, whatever else its words suggest (RFC 1939 §7, RFC 5034 §4).
    id: 'login-method-not-listed',
    ...LOGIN_METHOD_NOT_OFFERED,
    outranks: [...GENERIC, ...LOGIN_REFUSALS, 'tls.required'],
    test: ({ sent, reply }) => {
      if (sent.state === 'TRANSACTION' || !LOGIN_WITH_METHOD.has(sent.verb)) return undefined;
      const listed = commandsListed(reply);
      return listed && !listed.includes(sent.verb)
        ? { command: sent.verb, listed: listed.join(', ') }
        : undefined;
    },
  },
];

/**
 * The rules that read the command a reply answers as the deciding prior over the reading of its words, the
 * fallback's too (decide.ts applies them last): `wording` is that reading's category, `generic` whether it rests
 * on a response code or the fallback only.
 *
 * After the login, RETR and TOP can fail only for the message they name (RFC 1939 §5): a refusal whose words
 * read as a refused login (Zimbra's "No such blob: …" reads like "no such user") or say nothing more than a
 * permanent server error ("[SYS/PERM] Converting MAPI to MIME error") is about that message, which exists
 * (the rules for a number past the count or a deleted message come first) and cannot be read.
 *
 * Before it, no command has named a message: words about a message file answering the login (solid-pop3d's
 * "can't open message file", sent while it reads the maildrop at PASS) say the maildrop, which the server
 * opens once the credentials are accepted (RFC 1939 §4, §7), could not be read.
 */
export const PRIOR_RULES: readonly SessionRule[] = [
  {
    id: 'message-read-refused',
    category: 'message.unavailable',
    entry: 'message-cannot-be-read',
    references: [{ rfc: 1939, section: '5' }],
    outranks: ['unknown', ...LOGIN_REFUSALS, 'server.permanent'],
    test: ({ sent, wording = 'unknown', wordless, generic }) => {
      if ((sent.verb !== 'RETR' && sent.verb !== 'TOP') || sent.state !== 'TRANSACTION' || wordless)
        return undefined;
      const impossible = wording === 'unknown' || (LOGIN_REFUSALS as readonly string[]).includes(wording);
      return impossible || (wording === 'server.permanent' && generic === true)
        ? { command: sent.display }
        : undefined;
    },
  },
  {
    id: 'maildrop-unreadable-at-login',
    category: 'mailbox.unavailable',
    entry: 'unable-to-open-maildrop',
    references: [
      { rfc: 1939, section: '4' },
      { rfc: 1939, section: '7' },
    ],
    outranks: [...MESSAGE_WORDS, 'message.expunged'],
    test: ({ sent, wording }) =>
      LOGIN_ANSWERED.has(sent.verb) &&
      sent.state === 'AUTHORIZATION' &&
      wording !== undefined &&
      ([...MESSAGE_WORDS, 'message.expunged'] as readonly string[]).includes(wording)
        ? { command: sent.display }
        : undefined,
  },
];

/**
 * The first rule that explains this refusal, with its facts. Order matters: the more specific rules first.
 * `rules`: SESSION_RULES (over an entry's wording), or PRIOR_RULES (over the final reading, decide.ts).
 */
export function applyRules(
  input: RuleInput,
  rules: readonly SessionRule[] = SESSION_RULES,
): { rule: SessionRule; facts: RuleFacts } | undefined {
  for (const rule of rules) {
    const facts = rule.test(input);
    if (facts) return { rule, facts };
  }
  return undefined;
}
