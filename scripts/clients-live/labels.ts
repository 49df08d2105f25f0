import type { LabelInput } from '../libraries-live/labels.js';
import { SCENARIOS } from '../libraries-live/scenarios.js';

/**
 * One category per captured text, by the rule of the earlier rounds: the category of what the text can show.
 * The scenario proposes its category; a text that shows less (a bare "Server login failure" where the server's
 * reply named a lock, a timeout where the scenario was a plain connection to the TLS port) or something else
 * gets what it shows. Written from the outputs before popbot ran on them.
 */

const SIGNS = {
  /** Any sign that the run failed; fdm and the poplib demo exit 0 whatever happened. */
  failure:
    /error|failed|failure|unable to|can'?t |cannot |can not |unexpected|refused|timed out|SECURITY PROBLEM|WARNING|No message \d|no reply in|aborted|connection closed|broken|^\[>\[[A-Z/-]+\] /im,
  /** fdm delivered mail: its trace's "parent: child N socket error" lines are its own pipes closing. */
  delivered: /^home: [1-9]\d* messages? processed/m,
  /** The server's own words are in the text: its reply quoted, or the protocol trace. */
  replyShown:
    /-ERR|^< |Debugging: Read: |Server: '|unexpected data: |Retrying \w+ authentication after |^\[>\[[A-Z/-]+\] |^\[>(?:OK \[CAPABILITY|mx\.example\.com ESMTP)/m,
  timeout: /timed out/i,
  connectionBroken: /connection closed$|connection broken in response|Cannot read POP3 from socket/m,
  /** The program says only that the login did not work. */
  bareLoginFailure:
    /Server login failure|Could not authenticate using any login method|LOGIN\/PASS failed|Can't login to this server/,
  notPop: /does not seem to be talking POP3/,
  otherGreeting: /\* OK \[CAPABILITY|^Server: '220 |ESMTP Postfix/m,
  /** The poplib demo asks TOP for message 123123 whatever it is told: it shows only a number past the list. */
  topPastList: /^TOP failed for msgnumber \d+$/m,
  /** mailfilter says which command failed, not why. */
  commandOnly: /Error occurred while sending (?:TOP|RETR|LIST|UIDL) to server\./,
  /** The poplib demo after a login it took for a success: a later command refused, no reply shown. */
  laterRefusal: /^(?:STAT|LIST|NOOP|CAPA) failed$/m,
} as const;

const expectedOf = (scenario: string) => SCENARIOS.find((s) => s.id === scenario)?.expected;

export function labelOf({ scenario, text }: LabelInput): string | 'drop' | undefined {
  const expected = expectedOf(scenario);
  if (!expected) return undefined;
  const replyShown = SIGNS.replyShown.test(text);
  if (SIGNS.otherGreeting.test(text)) return 'connect.wrong-service';
  // A run that shows no failure did not meet the scenario (fdm does not check certificates unless told; a
  // program still connecting when it was stopped; Mail::Box without UIDL).
  if (!SIGNS.failure.test(text) || (SIGNS.delivered.test(text) && !/fetching error/.test(text)))
    return 'drop';
  if (SIGNS.timeout.test(text) && !replyShown) return 'connect.timeout';
  if (SIGNS.connectionBroken.test(text) && !replyShown) return 'connect.reset';
  if (SIGNS.notPop.test(text)) return 'connect.wrong-service';
  if (SIGNS.bareLoginFailure.test(text) && !replyShown) return 'auth.failed';
  if (SIGNS.topPastList.test(text) && !replyShown) return 'message.not-found';
  if ((SIGNS.commandOnly.test(text) || SIGNS.laterRefusal.test(text)) && !replyShown) return 'unknown';
  return expected;
}
