import type { SyslogFormat } from '../format.js';

/**
 * The small Unix POP servers. UW ipop3d (c-client's syslog lines), qpopper (logs the -ERR it sends, with the
 * user and address), solid-pop3d, popa3d and GNU Mailutils pop3d (strings of Debian's packages), vm-pop3d,
 * and vpopmail's vchkpw (OSSEC/Wazuh decoders and rule samples).
 */
export const uwIpop3d: SyslogFormat = {
  server: 'uw-ipop3d',
  program: /^i?pop[23]d$/i,
  rules: [
    {
      event: 'too-many-failures',
      re: /Excessive (?:login failures|login attempts|authentication failures)/i,
    },
    { event: 'login-failed', re: /^(?:Login failed|AUTHENTICATE [\w-]{1,30} failure)\b/i },
    { event: 'plaintext-disallowed', re: /^Login disabled\b/ },
    {
      event: 'mailbox-locked',
      re: /Killed \(lost mailbox lock\)|Mailbox is open by another process|Unable to lock/i,
    },
    { event: 'storage-error', re: /Error opening or locking INBOX|Can't open mailbox/i },
    { event: 'session-timeout', re: /^Autologout\b/ },
    { event: 'connection-lost', re: /Command stream end of file|Connection reset by peer|Broken pipe/i },
    { event: 'login-succeeded', re: /^(?:Login|Authenticated) user=/ },
    { event: 'logout', re: /^Logout user=/ },
    { event: 'session-start', re: /^connect from (?<ip>[0-9a-fA-F:.]{3,45})/ },
  ],
  fields: [/\bhost=(?:\S{0,255} )?\[(?<ip>[0-9a-fA-F:.]{3,45})\]/],
};

export const qpopper: SyslogFormat = {
  server: 'qpopper',
  program: /^(?:q?popper|qpop3d)$/i,
  rules: [
    {
      event: 'error-reply',
      re: /^(?:\(v[\d.a-z]{1,20}\) )?(?<user>\S{1,200}) at (?<host>\S{1,255}) \((?<ip>[0-9a-fA-F:.]{3,45})\): -ERR (?<reply>.{0,400})$/,
    },
    { event: 'connection-lost', re: /POP EOF|I\/O error flushing output|Lost connection/i },
    {
      event: 'logout',
      re: /^(?:\(v[\d.a-z]{1,20}\) )?Stats: (?<user>\S{1,200}) \d+ \d+ \d+ \d+ \S{1,255} (?<ip>[0-9a-fA-F:.]{3,45})/,
    },
  ],
};

export const solidPop3d: SyslogFormat = {
  server: 'solid-pop3d',
  // `journalctl -o cat` drops the program name: solid-pop3d's mailbox lines then start with their own prefix.
  program: /^(?:solid-pop3d|mailbox)$/i,
  rules: [
    {
      event: 'unknown-user',
      re: /authentication failed: (?:no such user|can't map user name): (?<user>\S{1,200}) - (?<ip>\S{3,60})/,
    },
    {
      event: 'bad-password',
      re: /(?:APOP )?authentication failed for (?:mapped )?user (?<user>\S{1,200}) - (?<ip>\S{3,60})/,
    },
    { event: 'account-disabled', re: /root login not allowed - (?<ip>\S{3,60})/ },
    {
      event: 'sasl-error',
      re: /can't find APOP secret for user (?<user>\S{1,200}) - (?<ip>\S{3,60})|not allowed to authenticate yourself through APOP/,
    },
    {
      event: 'login-succeeded',
      re: /(?:mapped )?user (?<user>\S{1,200}) authenticated(?: through APOP)? - (?<ip>\S{3,60})/,
    },
    { event: 'logout', re: /session ended for (?:mapped )?user (?<user>\S{1,200}) - (?<ip>\S{3,60})/ },
    {
      event: 'storage-error',
      re: /^(?:maildrop|mailbox): (?<reason>.{1,200})|can't open (?:or create |mailbox )?file|can't stat file/,
    },
  ],
};

export const popa3d: SyslogFormat = {
  server: 'popa3d',
  program: /^popa3d$/i,
  rules: [
    { event: 'unknown-user', re: /Authentication failed for UNKNOWN USER/ },
    {
      event: 'bad-password',
      re: /Authentication failed for (?<user>\S{1,200})|Authentication failed \(bad password\?\)/,
    },
    { event: 'login-succeeded', re: /Authentication passed for (?<user>\S{1,200})/ },
    { event: 'disconnected-before-auth', re: /Didn't attempt authentication/ },
    { event: 'connection-lost', re: /Premature disconnect/ },
    { event: 'too-many-connections', re: /^(?:(?<ip>[0-9a-fA-F:.]{3,45}): )?sessions limit reached/ },
    { event: 'delete-failed', re: /Failed to update (?<reason>\S{1,300})/ },
    {
      event: 'storage-error',
      re: /(?:Failed or refused to load|Server failure accessing) (?<reason>\S{1,300})/,
    },
    { event: 'session-start', re: /^Session from (?<ip>[0-9a-fA-F:.]{3,45})/ },
  ],
};

export const mailutils: SyslogFormat = {
  server: 'mailutils',
  program: /^(?:gnu-)?pop3d$/i,
  rules: [
    {
      event: 'unknown-user',
      re: /user [`'](?<user>[^`']{1,200})' nonexistent|no such user: (?<user2>\S{1,200})/,
    },
    { event: 'bad-password', re: /APOP failed for [`'](?<user>[^`']{1,200})'/ },
    // Mailutils logs an unknown user as "nonexistent" (above): a failure for a named user is its password.
    { event: 'bad-password', re: /user [`'](?<user>[^`']{1,200})': authentication failed/ },
    {
      event: 'auth-backend-error',
      re: /error (?:authenticating|getting identity info for) user [`'](?<user>[^`']{1,200})': (?<reason>.{1,200})/,
    },
    {
      event: 'login-delay',
      re: /user [`'](?<user>[^`']{1,200})' tried to log in within the minimum allowed delay/,
    },
    { event: 'login-succeeded', re: /user [`'](?<user>[^`']{1,200})' logged in with mailbox/ },
    {
      event: 'session-start',
      re: /POP3 login: user [`'](?<user>[^`']{0,200})', source (?<ip>[0-9a-fA-F:.]{3,45})/,
    },
    { event: 'mailbox-locked', re: /mailbox was updated by other (?:party|process)/i },
    { event: 'session-timeout', re: /session timed out/i },
    { event: 'logout', re: /session ended for user: (?<user>\S{1,200})/ },
    { event: 'connection-refused', re: /access from (?<ip>\S{3,60}) blocked by TCP wrappers/ },
    { event: 'server-shutdown', re: /MASTER: exiting on signal|Quitting on signal/ },
    {
      event: 'tls-handshake-failed',
      re: /TLS configuration failed|failed to create TLS stream: (?<reason>.{1,200})/,
    },
    { event: 'connection-lost', re: /^(?:Write|Read) failed: (?<reason>.{1,200})/ },
  ],
};

export const vmPop3d: SyslogFormat = {
  server: 'vm-pop3d',
  program: /^vm-pop3d$/i,
  rules: [
    {
      event: 'login-failed',
      re: /(?:User '(?<user>[^']{0,200})' )?failed auth(?:entication)?(?: for (?:user )?'?(?<user2>[^'\s]{1,200})'?)?(?: from (?<ip>[0-9a-fA-F:.]{3,45}))?/i,
    },
    { event: 'login-succeeded', re: /User '(?<user>[^']{0,200})' logged in from (?<ip>[0-9a-fA-F:.]{3,45})/ },
    { event: 'session-timeout', re: /(?:Session )?timed out for user/i },
    { event: 'logout', re: /Session ended for user: '(?<user>[^']{0,200})' from (?<ip>[0-9a-fA-F:.]{3,45})/ },
  ],
};

export const vpopmail: SyslogFormat = {
  server: 'vpopmail',
  program: /^(?:vpopmail|vchkpw(?:-\w{1,20})?)$/i,
  rules: [
    // "vchkpw-pop3: password fail user@domain:203.0.113.9"; older versions also print the password tried.
    {
      event: 'bad-password',
      re: /password fail(?: \(pass: '[^']{0,200}'\))? (?<user>[^\s:]{1,200}):(?<ip>\S{3,60})/,
    },
    { event: 'unknown-user', re: /vpopmail user not found (?<user>[^\s:]{1,200}):(?<ip>\S{3,60})/ },
    {
      event: 'login-failed',
      re: /(?:null password given|user has no password) (?<user>[^\s:]{1,200}):(?<ip>\S{3,60})/,
    },
    { event: 'pop-disabled', re: /pop access denied (?<user>[^\s:]{1,200}):(?<ip>\S{3,60})/ },
    {
      event: 'login-succeeded',
      re: /(?:\(\w{1,20}\) )?login success (?<user>[^\s:]{1,200}):(?<ip>\S{3,60})/,
    },
  ],
};
