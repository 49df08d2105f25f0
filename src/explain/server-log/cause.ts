import { parseServerLogLine } from './parse.js';
import type { LogEvent } from './types.js';

/**
 * What a server's error line says happened, in its own words, for the admin: Dovecot (and most Unix servers)
 * write an error as a chain of contexts ending with the cause (`Couldn't init INBOX: Mailbox INBOX:
 * opendir(/var/vmail/alice/Maildir/cur) failed: Permission denied (euid=8(mail) … missing +r perm: …)`). The
 * cause is the last `call(path) failed: <system error>`, else the text after the last colon; for a refused
 * permission Dovecot adds who the process ran as, the permission missing and on which directory, and its owner;
 * a configuration fault names its file, line and setting.
 */
export interface LogCause {
  /** The system error or the server's last words (`Permission denied`, `No space left on device`). */
  error: string;
  /** The system call that failed and the path it was given (`opendir`, `/var/vmail/alice/Maildir/cur`). */
  call?: string;
  path?: string;
  /** EACCES detail (Dovecot's eacces_error_get): the process's euid, the permission missing and where. */
  runAs?: string;
  missing?: string;
  missingOn?: string;
  /** The owner (`uid:gid`) and mode of the directory the permission is missing on, when Dovecot says them. */
  owner?: string;
  mode?: string;
  /** A setting the line names (`first_valid_uid`, `ssl_key`, `pop3_client_workarounds`). */
  setting?: string;
  /** The configuration file (and line) doveconf stopped on. */
  file?: string;
}

/** The events whose line carries a cause worth quoting: the server's own faults, not a user's failed login. */
const WITH_CAUSE = new Set<LogEvent>([
  'storage-error',
  'quota-exceeded',
  'mailbox-locked',
  'delete-failed',
  'message-unavailable',
  'auth-config-error',
  'auth-backend-error',
  'process-failure',
  'tls-handshake-failed',
]);

const FAILED_CALL = /\b([a-z_][\w-]{0,30})\(([^()]{1,300})\) failed: ([^():]{1,160}?)(?=\s*\(|:|$)/gi;
// OpenSSL's error string (1.1 `error:1417A0C1:SSL routines:func:reason`, 3.0 `error:0A00010B:SSL routines::reason`).
const OPENSSL = /\berror:[0-9A-Fa-f]{6,8}:[^:]{0,80}:[^:]{0,80}:([^,():]{1,160})/;
const EACCES = /euid=(\d{1,10}(?:\([^()\s]{1,40}\))?).{0,80}?missing \+([rwx]{1,3}) perm: ([^,()]{1,300})/;
const OWNER = /dir owned by (\d{1,10}:\d{1,10}) mode=(\d{3,4})/;
const CONFIG_FILE =
  /Error in configuration file (\S{1,300}?(?: line \d{1,6})?): (?:([a-z][a-z0-9_]{1,60}): )?(.{1,200})$/i;
const SEE_SETTING = /\(see ([a-z][a-z0-9_]{1,60}) in config file/i;
// The level and the session's trailer are not the cause.
const LEVEL = /^(?:Error|Fatal|Warning|Panic|Info): /;
const SESSION_TRAILER = /\s+top=\d.*$|:\s+user=<.*$/;

/** The cause in a log line's message (the line without its header), or undefined when it gives none. */
export function causeOfMessage(message: string): LogCause | undefined {
  const text = message
    .replace(/^[\w-]{1,40}(?:\([^)]{0,200}\))?(?:<[^>]{0,40}>){0,2}: /, '')
    .replace(LEVEL, '');
  const config = CONFIG_FILE.exec(text);
  if (config) {
    const cause: LogCause = { error: config[3]!.trim(), file: config[1]! };
    if (config[2]) cause.setting = config[2];
    return cause;
  }
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(FAILED_CALL)) last = m as RegExpExecArray;
  const ssl = OPENSSL.exec(text);
  const cause: LogCause | undefined = ssl
    ? { error: ssl[1]!.trim() }
    : last
      ? { error: last[3]!.trim(), call: last[1]!, path: last[2]! }
      : afterLastColon(text);
  if (!cause) return undefined;
  const denied = EACCES.exec(text);
  if (denied) {
    cause.runAs = denied[1]!;
    cause.missing = denied[2]!;
    cause.missingOn = denied[3]!.trim();
  }
  const owner = OWNER.exec(text);
  if (owner) {
    cause.owner = owner[1]!;
    cause.mode = owner[2]!;
  }
  const setting = SEE_SETTING.exec(text);
  if (setting) cause.setting = setting[1]!;
  return cause;
}

// Not a cause: how the connection ended, Dovecot's generic reply to the client, an address alone.
const NO_CAUSE =
  /^(?:Disconnected|Connection closed|Internal error occurred)\b|^[\w.-]{1,200} \[[0-9a-fA-F:.]{2,45}\]$/;
// Cyrus's key=value form names the system error itself.
const SYSERROR = /\bsyserror=<([^<>]{3,120})>/;
const KEY_VALUES = /^(?:[\w-]{1,30}=\S{1,300}\s*)+$/;

/**
 * The words after the last colon that is not inside parentheses: the end of Dovecot's chain of contexts. Cyrus's
 * `syserror=<…>` when it gives one; the context before the colon when what follows is only key=value pairs
 * (perdition's `Error loading certificate authority: file="…" path="…"`).
 */
function afterLastColon(text: string): LogCause | undefined {
  const syserror = SYSERROR.exec(text);
  if (syserror) return { error: syserror[1]!.trim() };
  const plain = text.replace(SESSION_TRAILER, '');
  const colons: number[] = [];
  let depth = 0;
  for (let i = 0; i < plain.length; i++) {
    const c = plain[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ':' && depth === 0 && plain[i + 1] === ' ') colons.push(i);
  }
  const segment = (k: number) =>
    plain
      .slice(k < 0 ? 0 : colons[k]! + 2, k + 1 < colons.length ? colons[k + 1] : undefined)
      .replace(/\s*\((?:see |no auth attempts|auth failed)[^)]{0,200}\)\.?$/, '')
      .replace(/^(?:ip|rip|user)=\S{1,200}?,\s*/, '')
      .trim();
  let error = segment(colons.length - 1);
  if (KEY_VALUES.test(error) && colons.length > 0) error = segment(colons.length - 2);
  return error.length >= 3 && error.length <= 200 && !NO_CAUSE.test(error) ? { error } : undefined;
}

/** The cause a server's error line gives, for the events that are the server's own faults. */
export function logCause(line: string): LogCause | undefined {
  const event = parseServerLogLine(line);
  if (!event || !WITH_CAUSE.has(event.event)) return undefined;
  const cause = causeOfMessage(event.message);
  // Quoted once, by the answer: the server's own quotes and final full stop are left out.
  if (cause) cause.error = cause.error.replace(/^"|"$/g, '').replace(/\.$/, '');
  return cause;
}
