import type { LineFormat, SyslogFormat } from '../format.js';

/**
 * POP proxies in front of the real servers: nginx's mail proxy (its error log: `2026/12/07 05:28:02 [info]
 * 2456#2456: *177 client login failed: "…" while in http auth state, client: …, login: "…"`) and perdition
 * (syslog `perdition.pop3[pid]`: one `Auth:` line per login with its status). Formats from the lines both
 * wrote in the proxies capture (test/fixtures/captured/proxies, nginx 1.22 and perdition 2.2 from Debian).
 */
export const nginxMail: LineFormat = {
  server: 'nginx',
  line: /^(?<time>\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d) \[(?:emerg|alert|crit|error|warn|notice|info)\] \d{1,10}#\d{1,10}: (?:\*\d{1,12} )?(?<text>.{0,800}\bwhile in (?:http )?auth state\b.{0,400})$/,
  rules: [
    // The auth_http service's own status, which nginx passes on to the client.
    {
      event: 'auth-backend-error',
      re: /client login failed: "(?<reason>[^"]{0,200}(?:temporar|try again later)[^"]{0,200})"/i,
    },
    { event: 'login-failed', re: /client login failed: "(?<reason>[^"]{0,200})"/ },
    // The auth_http service answered without the back end to send the client to: broken set-up.
    {
      event: 'auth-config-error',
      re: /auth http server \S{1,300} (?<reason>did not send (?:server or port|[\w-]{1,40})|sent (?:invalid|unexpected) [^,]{1,100})/,
    },
    { event: 'auth-backend-error', re: /auth http server \S{1,300} (?<reason>timed out|.{0,60}failed)/ },
    { event: 'session-timeout', re: /^client timed out\b/ },
    { event: 'too-many-bad-commands', re: /^client sent too many invalid commands\b/ },
    { event: 'command-too-long', re: /^client sent too long command\b/ },
  ],
  fields: [/, client: (?<ip>[0-9a-fA-F:.]{3,45}),/, /, login: "(?<user>[^"]{0,200})"/],
};

export const perdition: SyslogFormat = {
  server: 'perdition',
  program: /^perdition(?:\.(?:pop3s?|imap4s?))?$/i,
  rules: [
    // popmap has no back end for this user: perdition cannot tell where the mailbox lives.
    { event: 'unknown-user', re: /status="failed: Could not determine server"/ },
    { event: 'auth-backend-error', re: /status="failed: (?<reason>Could not connect to server[^"]{0,100})"/ },
    { event: 'pop-disabled', re: /status="failed: Login Disabled"/ },
    { event: 'login-failed', re: /^Auth: .{0,400}status="failed: (?<reason>[^"]{0,200})"/ },
    { event: 'login-succeeded', re: /^Auth: .{0,400}status="ok"/ },
    { event: 'session-timeout', re: /Timeout reading authentication information from client/ },
    { event: 'server-shutdown', re: /Fatal error accepting child connection|Could not remove pid file/ },
    {
      event: 'tls-handshake-failed',
      re: /Error loading certificate authority|Fatal error establishing SSL connection/,
    },
  ],
  fields: [
    /(?:^Auth: |client )(?<ip>[0-9a-fA-F.]{3,45}|\[[0-9a-fA-F:.]{3,45}\]):\d{1,5}->/,
    /authentication_id="(?<user>[^"]{0,200})"/,
  ],
};
