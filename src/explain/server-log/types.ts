/**
 * What a mail server's own log line says happened, as a value: which server and process wrote it, the event,
 * who and from where. Knowledge entries and categories are attached later (events.ts); wording never is.
 */

export type LogEvent =
  | 'login-failed'
  | 'unknown-user'
  | 'bad-password'
  | 'login-succeeded'
  | 'logout'
  | 'disconnected-before-auth'
  | 'plaintext-disallowed'
  | 'tls-handshake-failed'
  | 'mailbox-locked'
  | 'storage-error'
  | 'quota-exceeded'
  | 'too-many-connections'
  | 'process-limit'
  | 'sasl-error'
  | 'auth-backend-error'
  /** The authentication configuration is broken (a passdb file missing): no login can succeed until it is fixed. */
  | 'auth-config-error'
  | 'login-delay'
  | 'pop-disabled'
  | 'account-disabled'
  | 'too-many-failures'
  | 'session-timeout'
  | 'connection-lost'
  | 'server-shutdown'
  | 'message-unavailable'
  | 'delete-failed'
  /** A POP, authentication or master process failed or restarted (not one user's problem). */
  | 'process-failure'
  /** The server refused the client's address before POP began (TCP wrappers, an access list). */
  | 'connection-refused'
  /** The server (re)started: no failure, though its words may sound like one ("core dumps disabled"). */
  | 'server-start'
  /** A connection opened: no event in itself, but it ties later lines of the same process to an address. */
  | 'session-start'
  /** A protocol log line recording a `-ERR` the server sent (hMailServer, MDaemon, Exchange, qpopper). */
  | 'error-reply'
  /** An `Error:`/`Fatal:` line of a POP process whose words no rule knows: the fallback classifier reads them. */
  | 'other-error';

export type ServerFamily =
  | 'dovecot'
  | 'courier'
  | 'cyrus'
  | 'uw-ipop3d'
  | 'qpopper'
  | 'solid-pop3d'
  | 'popa3d'
  | 'vpopmail'
  | 'vm-pop3d'
  | 'mailutils'
  | 'hmailserver'
  | 'mdaemon'
  | 'exchange'
  | 'zimbra'
  | 'nginx'
  | 'perdition'
  | 'saslauthd'
  | 'pam';

/** The parts of a log line's header: syslog, journald, ISO timestamps, multilog's TAI64N. */
export interface LogHeader {
  /** The timestamp as written (`Jan 29 05:13:50`, `2013-08-11 03:56:40`, `@4000…`). */
  time?: string;
  host?: string;
  /** The program or process name (`dovecot`, `pop3-login`, `cyrus/pop3`, `ipop3d`). */
  program?: string;
  pid?: string;
  /** The rest of the line after the header. */
  message: string;
}

export interface ServerLogEvent {
  server: ServerFamily;
  /** The process that wrote the line, as it names itself (`pop3-login`, `auth-worker`, `courierpop3login`). */
  process: string;
  event: LogEvent;
  user?: string;
  remoteIp?: string;
  /** Failed attempts the line itself counts (`auth failed, 3 attempts`). */
  attempts?: number;
  /** The server's own words for why (`Password mismatch`, `SASL(-13): user not found`), secrets removed. */
  reason?: string;
  /** For `error-reply`: the text after `-ERR`. */
  reply?: string;
  /** The entry, when the rule knows one more specific than its event's: for `error-reply`, the error the server
   * answered. */
  entry?: string;
  /** Whether the line is about POP (a `pop3` process or protocol) rather than IMAP or SMTP of the same server. */
  protocol?: 'pop3' | 'imap' | 'smtp' | 'sieve' | 'other';
  time?: string;
  /** The writing process's id, which ties lines of one session together (popa3d names the address once). */
  pid?: string;
  /** The line without its syslog or timestamp header (for Dovecot, from its inner process name on). */
  message: string;
}
