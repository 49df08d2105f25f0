import type { SessionState } from './types.js';

/**
 * The one table of POP commands: every recogniser (the transcript shapes, the flattened-paste splitter, the
 * language detector, the command parser) and the session machine derive what they need from it.
 */

export interface PopCommand {
  readonly verb: string;
  /** Fewest and most arguments a typed command carries (a telnet user's line is told from prose by them). */
  readonly arity: readonly [min: number, max: number];
  /** Every argument is a number: a message number, and TOP's count of lines (`RETR 3`, `TOP 3 10`). */
  readonly numeric?: boolean;
  /** The command's form as its RFC writes it (`TOP msg n`), shown when its arguments are malformed. */
  readonly usage?: string;
  /** The states where RFC 1939 (or the extension's RFC) allows the command. */
  readonly states: readonly SessionState[];
  /** The +OK answer is followed by data up to a lone `.`: always, or only when the command has no argument. */
  readonly multiLine: 'always' | 'without-args' | 'never';
  /** Where the command is defined (none for vendor extensions and the obsolete LAST and RPOP). */
  readonly rfc?: { readonly rfc: number; readonly section: string };
}

const AUTHORIZATION: readonly SessionState[] = ['AUTHORIZATION'];
const TRANSACTION: readonly SessionState[] = ['TRANSACTION'];
const EITHER: readonly SessionState[] = ['AUTHORIZATION', 'TRANSACTION'];

export const POP_COMMAND_TABLE: readonly PopCommand[] = [
  {
    verb: 'USER',
    arity: [1, 1],
    states: AUTHORIZATION,
    multiLine: 'never',
    rfc: { rfc: 1939, section: '7' },
  },
  // A password may hold spaces.
  {
    verb: 'PASS',
    arity: [1, 99],
    states: AUTHORIZATION,
    multiLine: 'never',
    rfc: { rfc: 1939, section: '7' },
  },
  {
    verb: 'APOP',
    arity: [2, 2],
    states: AUTHORIZATION,
    multiLine: 'never',
    rfc: { rfc: 1939, section: '7' },
  },
  {
    verb: 'AUTH',
    arity: [0, 2],
    states: AUTHORIZATION,
    multiLine: 'never',
    rfc: { rfc: 5034, section: '4' },
  },
  {
    verb: 'STLS',
    arity: [0, 0],
    states: AUTHORIZATION,
    multiLine: 'never',
    rfc: { rfc: 2595, section: '4' },
  },
  {
    verb: 'UTF8',
    arity: [0, 0],
    states: AUTHORIZATION,
    multiLine: 'never',
    rfc: { rfc: 6856, section: '2' },
  },
  { verb: 'RPOP', arity: [1, 1], states: AUTHORIZATION, multiLine: 'never' },
  { verb: 'STAT', arity: [0, 0], states: TRANSACTION, multiLine: 'never', rfc: { rfc: 1939, section: '5' } },
  {
    verb: 'LIST',
    arity: [0, 1],
    numeric: true,
    usage: 'LIST [msg]',
    states: TRANSACTION,
    multiLine: 'without-args',
    rfc: { rfc: 1939, section: '5' },
  },
  {
    verb: 'RETR',
    arity: [1, 1],
    numeric: true,
    usage: 'RETR msg',
    states: TRANSACTION,
    multiLine: 'always',
    rfc: { rfc: 1939, section: '5' },
  },
  {
    verb: 'DELE',
    arity: [1, 1],
    numeric: true,
    usage: 'DELE msg',
    states: TRANSACTION,
    multiLine: 'never',
    rfc: { rfc: 1939, section: '5' },
  },
  { verb: 'NOOP', arity: [0, 0], states: TRANSACTION, multiLine: 'never', rfc: { rfc: 1939, section: '5' } },
  { verb: 'RSET', arity: [0, 0], states: TRANSACTION, multiLine: 'never', rfc: { rfc: 1939, section: '5' } },
  {
    verb: 'TOP',
    arity: [2, 2],
    numeric: true,
    usage: 'TOP msg n',
    states: TRANSACTION,
    multiLine: 'always',
    rfc: { rfc: 1939, section: '7' },
  },
  {
    verb: 'UIDL',
    arity: [0, 1],
    numeric: true,
    usage: 'UIDL [msg]',
    states: TRANSACTION,
    multiLine: 'without-args',
    rfc: { rfc: 1939, section: '7' },
  },
  // Obsolete (RFC 1460, dropped by RFC 1725) but still answered by old servers and sent by old clients.
  { verb: 'LAST', arity: [0, 0], states: TRANSACTION, multiLine: 'never' },
  // qpopper's extension.
  { verb: 'XTND', arity: [1, 3], states: TRANSACTION, multiLine: 'always' },
  // QUIT in AUTHORIZATION ends the session (§4); in TRANSACTION it enters UPDATE (§6).
  { verb: 'QUIT', arity: [0, 0], states: EITHER, multiLine: 'never', rfc: { rfc: 1939, section: '6' } },
  { verb: 'CAPA', arity: [0, 0], states: EITHER, multiLine: 'always', rfc: { rfc: 2449, section: '5' } },
  {
    verb: 'LANG',
    arity: [0, 1],
    states: EITHER,
    multiLine: 'without-args',
    rfc: { rfc: 6856, section: '3' },
  },
];

const BY_VERB = new Map(POP_COMMAND_TABLE.map((c) => [c.verb, c]));

export function popCommand(verb: string): PopCommand | undefined {
  return BY_VERB.get(verb.toUpperCase());
}

export const POP_VERBS: readonly string[] = POP_COMMAND_TABLE.map((c) => c.verb);

/** `USER|PASS|…`, for the regular expressions that look for a command at the start of a line. */
export const POP_VERB_ALTERNATION = POP_VERBS.join('|');

/** Whether the +OK answer to this command is followed by multi-line data. */
export function answersWithData(verb: string, hasArgs: boolean): boolean {
  const multiLine = popCommand(verb)?.multiLine ?? 'never';
  return multiLine === 'always' || (multiLine === 'without-args' && !hasArgs);
}

/**
 * Whether a numeric command's arguments break its form (RFC 1939 §5, §7): too few or too many, or one that is
 * not a number (`RETR abc`, `TOP 1`). Undefined for other commands: the table says nothing of their arguments.
 */
export function malformedArguments(verb: string, args: readonly string[]): boolean | undefined {
  const command = popCommand(verb);
  if (!command?.numeric) return undefined;
  const [min, max] = command.arity;
  return args.length < min || args.length > max || args.some((a) => !/^\d+$/.test(a));
}

/** Whether RFC 1939 (or the command's RFC) allows it in this state; unknown verbs are never refused here. */
export function validIn(verb: string, state: SessionState): boolean {
  const command = popCommand(verb);
  return command ? command.states.includes(state) : true;
}
