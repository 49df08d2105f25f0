import type { SyslogFormat } from '../format.js';

/**
 * Dovecot 1.x, 2.x and 2.4: login processes (`pop3-login: Aborted login (auth failed, 1 attempts …)`),
 * passdb/userdb lookups of `auth` and `auth-worker` (`passwd-file(user,ip): unknown user`), the mail process
 * (`pop3(user)<pid><session>: Error: …`) and `master`. Formats from Dovecot's sources (login-common, auth,
 * pop3, master) and the log samples of fail2ban's filter tests.
 */
export const dovecot: SyslogFormat = {
  server: 'dovecot',
  program:
    /^(?:dovecot(?:-auth)?|doveconf|(?:pop3|imap|submission|managesieve|lmtp)(?:-login)?|auth|auth-worker|master|anvil|config|log|lda|deliver|indexer(?:-worker)?|doveadm|dict|stats)(?:\(|<|$)/i,
  innerProcess: true,
  rules: [
    // Login processes: "<why the connection ended> (<what happened>): user=<…>, method=…, rip=…".
    {
      event: 'plaintext-disallowed',
      re: /\(tried to use (?:disabled|disallowed) plaintext auth\)|Login failed: Plaintext authentication disabled/i,
    },
    { event: 'sasl-error', re: /\(tried to use disallowed (?<reason>[\w-]{1,30}) auth\)/i },
    {
      event: 'login-failed',
      re: /\((?:auth failed, (?<attempts>\d{1,6}) attempts?(?: in \d{1,9} secs)?|auth failed|proxy dest auth failed)\)/i,
    },
    { event: 'too-many-connections', re: /Maximum number of connections from user\+IP exceeded/i },
    // The passdb said no on purpose: a deny passdb (the login process says "user disabled"), or the account's
    // allow_nets excludes the client's address.
    {
      event: 'account-disabled',
      re: /\(user disabled\)|User found from deny passdb|allow_nets check failed/i,
    },
    // The login succeeded, then the login process could not hand the session on (the mail process or the
    // userdb failed): a server-side failure, not the credentials.
    { event: 'process-failure', re: /\(internal failure, \d{1,6} successful auths?\)/i },
    // A missing or unreadable passwd-file: every login fails until an administrator fixes the configuration.
    {
      event: 'auth-config-error',
      // The secrets pass masks "passwd:open(…" as a password ("passwd:****) failed"): both forms are read.
      // Dovecot 2.0-2.2 leave the path out before the colon ("passwd-file: open(/etc/dovecot/userdb) failed").
      re: /passwd-file(?: (?<reason>[^\s:]{1,300}))?:\s?(?:open\([^)]{0,300}\)|\*{4}\)) failed|missing passwd file: /i,
    },
    // The passdb accepted the password but the userdb does not know the user: the two databases disagree, so
    // this user can never log in until an administrator aligns them.
    { event: 'auth-config-error', re: /(?:Authenticated )?user not found from userdb/i },
    // checkpassword: the program the passdb names cannot be run (execv failed; the child then exits with 84,
    // Dovecot's "could not exec" status).
    {
      event: 'auth-config-error',
      re: /execv\((?<reason>[^)]{1,300})\) failed|checkpassword\([^)]{0,300}\): Child \d{1,10} exited with status 84\b/i,
    },
    // The passdb's or userdb's own back end is set up wrong, so it cannot answer for anyone: its driver is not
    // built into this Dovecot, Dovecot cannot bind to the LDAP server or log in to the database with the
    // credentials of its own configuration, the query names a table or column that does not exist, a stored
    // password is in no scheme Dovecot can read, the userdb gives the user no UID to run as, vpopmail's assign
    // file does not list the domain. Unlike a database that is down (a process failure, temporary), nothing
    // changes until an administrator fixes the configuration.
    {
      event: 'auth-config-error',
      re: /Support not compiled in for (?:passdb|userdb) driver|Unknown (?:passdb|userdb) driver/i,
    },
    {
      event: 'auth-config-error',
      re: /LDAP: binding failed \([^)]{0,300}\): Invalid credentials|Connect failed to database[^:]{0,200}: (?:FATAL:\s+)?(?:password authentication failed|Access denied for user|Unknown database|database "[^"]{1,100}" does not exist)|FATAL:\s+password authentication failed for user/i,
    },
    {
      event: 'auth-config-error',
      re: /(?:Password|User|Iterate) query failed: .{0,300}?(?:does not exist|doesn't exist|Unknown column|no such (?:table|column)|syntax error)/i,
    },
    { event: 'auth-config-error', re: /Invalid password in passdb: /i },
    { event: 'auth-config-error', re: /Couldn't drop privileges: User is missing (?:UID|GID)/i },
    { event: 'auth-config-error', re: /vget_assign\([^)]{0,300}\) failed|\bnot found in the assign file/i },
    // A uid or gid the userdb gives is outside first_valid_uid..last_valid_uid (or is root): Dovecot refuses mail
    // access for that user on every login until the userdb or those settings are fixed.
    {
      event: 'auth-config-error',
      re: /Mail access for users with [UG]ID \d{1,10} not permitted|Logins with [UG]ID 0 not permitted|\(see (?<reason>(?:first|last)_valid_[ug]id) in config file/i,
    },
    // Dovecot cannot start, or cannot run its POP processes: the configuration has an error it stops on (doveconf's
    // Fatal, with file and, for a line it could not parse, the line), a service's program is not installed (master's access() check), or the processes
    // it starts never report ready and are killed over and over. No login can happen until an administrator acts.
    {
      event: 'process-failure',
      re: /Error in configuration file \S{1,300}(?: line \d{1,6})?: |service\((?<reason>[\w-]{1,40})\):? access\([^)]{0,300}\) failed|service\((?<reason2>[\w-]{1,40})\): Initial status notification not received/i,
      entry: 'log-service-start-failed',
    },
    // The login process cannot load the certificate or key it is configured with (login-common's "Failed to
    // initialize SSL server context", 2.2's "Couldn't parse private ssl_key"): no connection can be encrypted.
    {
      event: 'tls-handshake-failed',
      re: /Failed to initialize SSL (?:server )?context: (?<reason>[^,()]{1,200})|Couldn't parse private ssl_key|Can't load (?:SSL certificate|private key)\b/i,
      entry: 'log-tls-server-setup-failed',
    },
    // A listener that expects the HAProxy header dropped a connection from an address outside its trusted
    // networks, before POP began: the proxy's or the health check's address is missing from the configuration.
    {
      event: 'connection-refused',
      re: /haproxy(?:\(v\d\))?: Client not trusted/i,
      entry: 'log-proxy-header-untrusted',
    },
    // The login process's own queue was full: the server turned the connection away (a limit, not the client).
    { event: 'process-limit', re: /Disconnected: Connection queue full/i },
    // The login succeeded or was tried, and the part behind it failed: the auth service (its back end) or the
    // hand-over to the mail process. Server-side, not the credentials.
    { event: 'auth-backend-error', re: /\(auth service reported temporary failure\)/i },
    // The login process cannot reach the auth process at all (its socket gone from base_dir, auth not running):
    // no greeting is sent, every client waits until it times out, until auth is back.
    {
      event: 'auth-backend-error',
      re: /auth-client: conn unix:\S{1,300}: connect\([^)]{0,300}\) failed|Auth process not responding, delayed sending/i,
    },
    { event: 'process-failure', re: /Disconnected: Internal login failure\b/i },
    // An idle client dropped before it tried to log in: the server's timeout, not a broken connection.
    { event: 'session-timeout', re: /Disconnected: Inactivity \(no auth attempts/i },
    // The client hung up in the middle of the TLS handshake (auth_debug/verbose_ssl's line): an ended connection.
    { event: 'connection-lost', re: /SSL error: (?:Connection closed|Connection reset by peer)$/ },
    {
      event: 'tls-handshake-failed',
      re: /SSL_accept\(\)(?: syscall)? failed: (?<reason>[^,()]{1,200})|\(disconnected during TLS handshake\)|TLS handshaking: [^,()]{0,60}failed: (?<reason2>[^,()]{1,200})|SSL: (?:Stacked error|[^:]{0,60}failed): (?<reason3>.{1,200})/i,
    },
    // Bad commands before a second went by: the login process read binary bytes as commands, which is what a
    // TLS ClientHello sent to the plain port looks like (the program set to SSL/TLS on 110), or a scanner.
    {
      event: 'disconnected-before-auth',
      re: /Disconnected: Too many (?:bad|invalid) commands \(no auth attempts in [01] secs\)/i,
      entry: 'log-tls-to-plain-port',
    },
    // Later, they are a person or a script typing what the server does not accept: the server hung up on them.
    {
      event: 'disconnected-before-auth',
      re: /Disconnected: Too many (?:bad|invalid) commands\b/i,
      entry: 'too-many-bad-commands',
    },
    {
      event: 'disconnected-before-auth',
      re: /\((?:no auth attempts(?: in \d{1,9} secs)?|disconnected before auth was ready|client didn't finish \S{1,30} auth|disconnected while (?:authenticating|finishing login))/i,
    },
    { event: 'login-succeeded', re: /^Login: user=</ },
    // auth and auth-worker: "<passdb>(user,ip[,session]): <result>", pam_unix, and 2.4's "auth(user,ip,…)".
    {
      event: 'unknown-user',
      re: /(?:^|: )(?:unknown user|user not found|User not known to the underlying authentication module)\b/i,
    },
    // auth_debug_passwords: the scheme's result compared with the stored one ("PLAIN(…) != '…'").
    { event: 'bad-password', re: /\): [\w.-]{1,30}\([^)]{0,200}\) != '/ },
    {
      event: 'bad-password',
      re: /(?:^|: )(?:Password mismatch|invalid credentials|pam_authenticate\(\) failed: Authentication failure \(password mismatch\?\))/i,
    },
    {
      event: 'login-failed',
      re: /pam_authenticate\(\) failed: (?<reason>[^:(]{1,100})|pam_unix\(dovecot:auth\): authentication failure;.{0,300}? rhost=(?<ip>[0-9a-fA-F:.]{0,45})(?:\s|$)/i,
    },
    { event: 'sasl-error', re: /Unsupported authentication mechanism|Unknown authentication mechanism/i },
    // The mail process: storage, locks, quota, and how the session ended.
    { event: 'delete-failed', re: /Disconnected: Storage error during logout/i },
    {
      event: 'mailbox-locked',
      re: /(?:Timeout \(\d{1,6}s\)|Timed out|Timeout) while waiting for (?:the )?(?:lock|dotlock)|Mailbox is locked|Couldn't lock\b|already locked|fcntl\(\) locking failed/i,
    },
    { event: 'quota-exceeded', re: /quota exceeded|Disk quota|No space left on device|\bEDQUOT\b/i },
    {
      event: 'message-unavailable',
      re: /Cached message size (?:larger|smaller) than expected|Broken physical size/i,
    },
    // A Dovecot index or list file it could not read (dovecot-uidlist, dovecot.index): the mailbox, not the user.
    { event: 'storage-error', re: /Broken file (?<reason>\S{1,300})|Corrupted header\b/i },
    {
      event: 'storage-error',
      re: /Couldn't open (?:INBOX|mailbox)|(?:open|mkdir|stat|opendir|rename|unlink)\([^)]{0,300}\) failed|Permission denied|Corrupted (?:index|transaction|dbox|mailbox)|Internal error occurred|mail_location|Mailbox doesn't exist|Mail storage autodetection failed/i,
    },
    {
      event: 'session-timeout',
      re: /Disconnected(?: for inactivity|: Inactivity)|Disconnected in IDLE|Autologout/i,
    },
    { event: 'logout', re: /Disconnected: Logged out|^Logged out\b/i },
    {
      event: 'connection-lost',
      re: /Disconnected: (?:Connection closed|read\([^)]{0,40}\) failed)|Connection reset by peer|Broken pipe/i,
    },
    // master: limits, shutdown, failing children.
    {
      event: 'process-limit',
      re: /service\((?<reason>[\w-]{1,40})\): (?:process_limit|client_limit)(?:\/service_count)? \(\d+\) reached/i,
    },
    { event: 'server-start', re: /\bstarting up for [\w, ]{1,80}(?:\(|$)/i },
    { event: 'server-shutdown', re: /^Killed with signal \d+|SIGTERM received|shutting down/ },
    {
      event: 'process-failure',
      re: /child \d+ (?:returned error|killed with signal)|command startup failed|Auth process died|auth client \d+ disconnected with \d+ pending requests|Auth server (?:disconnected|timed out)|Password query failed|User query failed|Can't connect to (?:server|database)|Connect failed/i,
    },
  ],
  fields: [
    /^(?:pop3|imap|POP3|IMAP|lmtp)\((?<user>[^()]{1,200})\)/,
    /^auth\((?<user>[^,()]{1,200}),(?<ip>[0-9a-fA-F:.]{3,45})[,)]/,
    /(?:^|: )[a-z][a-z-]{1,20}\((?<user>[^,()]{0,200}),(?<ip>[0-9a-fA-F:.]{3,45})[,)]/,
  ],
};
