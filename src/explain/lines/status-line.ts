/**
 * A terminal mail program's status line. Pine and Alpine (UW c-client) show each message in brackets on the
 * line above the menu, and the ones that need the reader's eye between `[>` and `<]`:
 * `[>Can't login to this server<]`, `[>POP3 connection broken in response<]`. What the brackets hold is the
 * message; c-client passes the server's reply text on without its `-ERR` (`[>[LOGIN-DELAY] Logged in too
 * recently, wait 15 minutes.<]`), and says so when it tries the login again
 * (`[>Retrying PLAIN authentication after [SYS/TEMP] Internal error occurred.<]`).
 */

const URGENT_STATUS = /^\[>(.+)<\]$/;
// An RFC 2449 response code opens the text: the server's words, the sign taken off by the program.
const RESPONSE_CODE_FIRST = /^\[[A-Z][A-Z/-]*\] \S/;
// c-client's mm_log when a login is refused and tried again: "Retrying %s authentication after %.80s".
const RETRY_AFTER = /^Retrying [\w-]+ authentication after (.+)$/;

export type StatusLine =
  | { kind: 'message'; text: string }
  /** The server's reply text the program quotes (without its status), and whether it answered the login. */
  | { kind: 'reply'; text: string; login: boolean };

/** What a status-line message holds, or undefined when the line is no status-line message. */
export function statusLineMessage(content: string): StatusLine | undefined {
  // Most lines are none: no call into the engine for them.
  const inner = content.startsWith('[>') ? URGENT_STATUS.exec(content)?.[1]?.trim() : undefined;
  if (!inner) return undefined;
  const retried = RETRY_AFTER.exec(inner)?.[1];
  if (retried !== undefined) return { kind: 'reply', text: retried, login: true };
  if (RESPONSE_CODE_FIRST.test(inner)) return { kind: 'reply', text: inner, login: false };
  return { kind: 'message', text: inner };
}
