import { popCommand } from '../pop-commands.js';
import { MASK } from '../secrets.js';
import { wordsOf } from '../../text/words.js';

/** A client command read from a line's content (its transcript prefix already taken off). */
export interface ParsedCommand {
  verb: string;
  args: string[];
}

const COMMAND = /^([A-Za-z][A-Za-z0-9]{2,15})(?:\s+(.*))?$/;
const NUMBER = /^\d+$/;
const WORD_ARG = /^[\w-]{1,20}$/;
const APOP_DIGEST = /^[0-9a-f]{32}$/i;
const SASL_MECHANISM = /^[A-Z0-9_-]{1,20}$/i;

/**
 * Reads a command. `explicit`: the transcript marks the line as the client's (`C:`, `>`), so any verb is a
 * command (an unknown "C: XYZ" must still take its reply). Otherwise (telnet) the line must fit the command
 * table: a known verb typed in one case, with the right number and kind of arguments.
 */
export function parseCommand(content: string, explicit: boolean): ParsedCommand | undefined {
  const m = COMMAND.exec(content);
  if (!m) return undefined;
  const typed = m[1] ?? '';
  const verb = typed.toUpperCase();
  const args = m[2] === undefined ? [] : wordsOf(m[2]);
  const command = popCommand(verb);
  if (!command) return explicit && verb.length <= 8 ? { verb, args } : undefined;
  if (explicit) return { verb, args };
  // People type commands in one case; prose starts with a capital ("Pass the salt", "User unknown").
  if (typed !== verb && typed !== typed.toLowerCase()) return undefined;
  // A password may hold spaces, and PASS lines must be recognised so they are masked.
  if (verb === 'PASS' && args.length > 0) return { verb, args };
  const [min, max] = command.arity;
  // A numeric command typed in capitals is a command even with a malformed argument (`RETR abc`, `TOP 1`):
  // the reply to it says the arguments are wrong, and the session rules need to see it.
  if (command.numeric && typed === verb && args.length <= max && args.every((a) => WORD_ARG.test(a)))
    return { verb, args };
  if (args.length < min || args.length > max) return undefined;
  if (command.numeric && !args.every((a) => NUMBER.test(a))) return undefined;
  // "APOP authentication failed." is a client's message; a real APOP carries a 32-digit MD5 digest (masked as
  // a secret by the time the line is read).
  if (verb === 'APOP' && !APOP_DIGEST.test(args[1] ?? '') && args[1] !== MASK) return undefined;
  // A SASL mechanism name, not a word of a sentence ("AUTH failed.").
  if (verb === 'AUTH' && args[0] !== undefined && !SASL_MECHANISM.test(args[0])) return undefined;
  return { verb, args };
}
