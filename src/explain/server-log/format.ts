import type { LogEvent, ServerFamily } from './types.js';

/**
 * A server's log format as data: which program names it writes under, and which message means which event.
 * Rules are tried in order; the first that matches names the event. Named groups `user`, `ip`, `attempts`,
 * `reason` and `reply` fill the event's fields; the format's `fields` patterns fill what the rule left out.
 */
export interface LogRule {
  event: LogEvent;
  re: RegExp;
  /** The knowledge entry that explains the line when the rule knows one more specific than its event's (a
   * proxy's own -ERR, bad commands that were a TLS handshake). */
  entry?: string;
}

export interface SyslogFormat {
  server: ServerFamily;
  /** The syslog program name (`cyrus/pop3`, `ipop3d`), tested without its `[pid]`. */
  program: RegExp;
  /** Syslog writes `dovecot: pop3-login: …`: the inner process name is peeled off the message first. */
  innerProcess?: boolean;
  rules: readonly LogRule[];
  fields?: readonly RegExp[];
}

/** A server that writes its own file format, recognised from the whole line (Windows servers, Zimbra). */
export interface LineFormat {
  server: ServerFamily;
  /** Groups: `text` (what the rules read), optionally `time`, `ip`, `user`, `process`. */
  line: RegExp;
  rules: readonly LogRule[];
  fields?: readonly RegExp[];
}

/** Where a log line names the remote address and the user, whatever the server. */
export const COMMON_FIELDS: readonly RegExp[] = [
  /\buser=<(?<user>[^<>]{0,200})>/,
  /\brip=(?<ip>[0-9a-fA-F:.]{3,45})/,
  /\bip=\[(?<ip>[0-9a-fA-F:.]{3,60})\]/,
  /(?:^|\s)rhost=(?<ip>[0-9a-fA-F:.]{3,45})(?:\s|$)/,
  /\[(?:user|account)=(?<user>[^\]\s]{1,200})\]/,
  /\b(?:user|account)=(?<user>[^\s,;<>[\]]{1,200})/,
];
