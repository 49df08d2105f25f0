import type { SyslogFormat } from '../format.js';

/**
 * Courier (courierpop3login, pop3d, pop3d-ssl, couriertcpd, couriertls, authdaemond) and Cyrus (pop3,
 * cyrus/pop3, pop3s, saslauthd). Formats from the strings of Debian's courier-pop 1.0.16 and cyrus-pop3d 3.6
 * binaries and fail2ban's filter tests.
 */
export const courier: SyslogFormat = {
  server: 'courier',
  program:
    /^(?:courier-?pop3(?:login|d)?|pop3d(?:-ssl)?|imapd(?:-ssl)?|courierimaplogin|couriertcpd|couriertls|authdaemond)$/i,
  rules: [
    { event: 'login-failed', re: /LOGIN FAILED, (?:user=(?<user>[^,]{0,200})|method=[\w-]{1,30}), ip=\[/ },
    { event: 'login-succeeded', re: /^(?:INFO: )?LOGIN, user=/ },
    // authdaemond's own words (courier-authlib 0.71, DEBUG_LOGIN on): which part of the login was wrong.
    { event: 'bad-password', re: /supplied password does not match encrypted password/ },
    { event: 'unknown-user', re: /^(?:authdaemond: )?userdb: entry not found/ },
    { event: 'logout', re: /^(?:INFO: )?LOGOUT, user=/ },
    { event: 'session-timeout', re: /^(?:INFO: )?TIMEOUT\b/ },
    // The login process writes "Disconnected, ip=[…]" at the end of every connection, after LOGOUT or LOGIN
    // FAILED alike (a normal close); "DISCONNECTED, user=…" in capitals is a session the client dropped.
    { event: 'logout', re: /^Disconnected, ip=\[/ },
    {
      event: 'connection-lost',
      re: /^(?:INFO: )?(?:DISCONNECTED|I\/O error disconnect)\b|Connection error: /,
    },
    { event: 'too-many-connections', re: /Maximum connection limit reached for (?<ip>[0-9a-fA-F:.]{3,60})/ },
    // couriertls under pop3d-ssl, as captured: "ip=[::ffff:127.0.0.1], Unexpected SSL connection shutdown."
    {
      event: 'tls-handshake-failed',
      re: /^ip=\[[0-9a-fA-F:.]{2,60}\], (?<reason>Unexpected SSL connection shutdown|Decryption has failed)\.?$/,
    },
    {
      event: 'tls-handshake-failed',
      re: /(?:couriertls: )?(?:accept|connect|read|write): (?<reason>(?:error:|.{0,40}(?:alert|version|protocol|cipher|certificate)).{0,200})/i,
    },
    // The login process cannot reach authdaemond (its socket is missing: the daemon is not running or the path
    // is wrong): no login can succeed until an administrator starts it.
    { event: 'auth-config-error', re: /authdaemon: s_connect\(\) failed: (?<reason>.{1,200})/i },
    {
      event: 'auth-backend-error',
      re: /authentication error: (?<reason>.{1,200})|ERR: authentication error/i,
    },
    { event: 'message-unavailable', re: /I\/O error while reading message file/i },
    {
      event: 'storage-error',
      re: /Error while saving courierpop3dsizelist|Unable to open maildir|maildir: (?<reason>.{1,200})|^scan(?:cur|new|tmp) opendir\((?<box>[^)]{1,200})\): (?<reason2>.{1,200})/i,
    },
  ],
};

export const cyrus: SyslogFormat = {
  server: 'cyrus',
  program: /^(?:cyrus\/)?(?:pop3s?d?|pop3s|cyrmaster|master|imaps?d?)$/i,
  rules: [
    {
      // badlogin: <host> [<ip>] <mechanism> [(<user>)|<user>] [SASL(-13): <why>] — with or without brackets.
      event: 'login-failed',
      re: /badlogin: (?:\S{1,255} ?)?\[(?<ip>[0-9a-fA-F:.]{3,45})\] (?<mech>[\w-]{1,30}) (?:\((?<user>[^()]{0,200})\) |(?<user2>[^\s[]{1,200}) )?\[?(?<reason>SASL\(-?\d{1,3}\): [^\]]{1,300}|invalid user|anonymous login refused|authentication failure|user not found|encryption needed to use mechanism)/i,
    },
    {
      event: 'login-succeeded',
      re: /^login: (?:\S{1,255} ?)?\[(?<ip>[0-9a-fA-F:.]{3,45})\] (?<user>\S{1,200}) /,
    },
    { event: 'mailbox-locked', re: /Unable to lock maildrop/i },
    { event: 'login-delay', re: /Logins must be at least \d+ minutes? apart/i },
    { event: 'too-many-connections', re: /Too many open connections|over connection limit|maxlogins/i },
    { event: 'quota-exceeded', re: /quota exceeded|over quota/i },
    {
      event: 'tls-handshake-failed',
      re: /(?:STARTTLS|pop3s|TLS negotiation) failed(?:: (?<reason>.{1,200}))?/i,
    },
    { event: 'storage-error', re: /\b(?:IOERROR|DBERROR)\b:? ?(?<reason>.{0,200})/ },
    // Cyrus 3.6 when the mailbox's folder cannot be read: "Unable to open maildrop user.alice: System I/O error".
    { event: 'storage-error', re: /Unable to open maildrop (?<box>\S{1,200}): (?<reason>.{1,200})/i },
    {
      event: 'process-failure',
      re: /terminated abnormally|has been forked too many times|exited, signaled/i,
    },
  ],
};

export const saslauthd: SyslogFormat = {
  server: 'saslauthd',
  program: /^saslauthd$/i,
  rules: [
    {
      event: 'login-failed',
      re: /auth failure: \[user=(?<user>[^\]]{0,200})\] \[service=(?<service>[^\]]{0,40})\](?:.{0,200}\[reason=(?<reason>[^\]]{0,200})\])?/i,
    },
    {
      event: 'process-failure',
      re: /(?:cannot connect|Connection refused|ldap_simple_bind|server unavailable)/i,
    },
  ],
};

export const pamUnix: SyslogFormat = {
  server: 'pam',
  program: /^(?:auth|pop3|ipop3d|popa3d|solid-pop3d)$/i,
  rules: [
    {
      event: 'login-failed',
      re: /pam_unix\([\w-]{1,40}:auth\): authentication failure;.{0,300}? rhost=(?<ip>[0-9a-fA-F:.]{0,45})(?:\s|$)/,
    },
  ],
};
