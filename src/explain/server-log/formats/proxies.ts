import type { LineFormat, SyslogFormat } from '../format.js';

/**
 * POP proxies in front of the mail servers: nginx's mail module (its error log: `2026/12/07 05:28:18 [error]
 * 2456#2456: *211 <message>, client: <ip>, server: <ip:port>, login: "<user>"`) and perdition (syslog under
 * `perdition.pop3`, one `Auth:` line per login with its `status="…"`). Formats from nginx's
 * ngx_mail_auth_http_module and perdition's sources, and the lines both wrote in the proxies capture.
 */
export const nginxMail: LineFormat = {
  server: 'nginx',
  line: /^(?<time>\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d) \[\w{1,10}\] (?<process>\d{1,10})#\d{1,10}: (?:\*\d{1,20} )?(?<text>.{0,1500})$/,
  rules: [
    // The auth_http service answered, but not with a usable verdict: the proxy's authentication back end is
    // broken (a script error, a 500, a reply without Auth-Server/Auth-Port) and no login can succeed.
    {
      event: 'auth-config-error',
      re: /auth http server \S{1,300} (?:did not send (?<reason>[^,]{1,100})|sent (?:invalid|no|bad) (?<reason2>[^,]{1,100}))/,
    },
    {
      event: 'auth-backend-error',
      re: /auth http server \S{1,300} timed out|connect\(\) failed \((?<reason>[^)]{1,100})\) while in http auth state/,
    },
    // The auth_http verdict, in its own words: the reason decides (refine.ts).
    { event: 'login-failed', re: /client login failed: "(?<reason>[^"]{0,300})"/ },
    { event: 'session-timeout', re: /client timed out \([^)]{0,80}\) while in (?:auth|http auth) state/ },
    // The client broke the protocol and nginx answered with its own -ERR: the server entry of that error explains it.
    { event: 'error-reply', re: /client sent too many invalid commands/, entry: 'too-many-bad-commands' },
    { event: 'error-reply', re: /client sent too long command/, entry: 'line-too-long' },
    // The mail server behind the proxy did not answer.
    {
      event: 'process-failure',
      re: /upstream (?:timed out|prematurely closed)|connect\(\) failed \((?<reason>[^)]{1,100})\) while connecting to upstream/,
    },
  ],
  fields: [/\bclient: (?<ip>[0-9a-fA-F:.]{3,45})[,\s]/, /\blogin: "(?<user>[^"]{0,200})"/],
};

export const perdition: SyslogFormat = {
  server: 'perdition',
  program: /^perdition(?:\.\w{1,10})?$/i,
  rules: [
    // One line per login: "Auth: <client>-><proxy> … authentication_id="<user>" … status="failed: <why>"".
    {
      event: 'pop-disabled',
      re: /^Auth: (?<ip>[0-9a-fA-F:.]{3,45}):\d{1,5}->.{0,600}? status="failed: Login Disabled"/,
    },
    // No popmap entry names a server for the user: the proxy does not know them.
    {
      event: 'unknown-user',
      re: /^Auth: (?<ip>[0-9a-fA-F:.]{3,45}):\d{1,5}->.{0,600}? status="failed: Could not determine server"/,
    },
    {
      event: 'process-failure',
      re: /^Auth: (?<ip>[0-9a-fA-F:.]{3,45}):\d{1,5}->.{0,600}? status="failed: (?<reason>Could not connect to server)"/,
    },
    {
      event: 'login-failed',
      re: /^Auth: (?<ip>[0-9a-fA-F:.]{3,45}):\d{1,5}->.{0,600}? status="failed: (?<reason>[^"]{0,200})"/,
    },
    { event: 'login-succeeded', re: /^Auth: .{0,600}? status="ok"/ },
    { event: 'session-timeout', re: /Timeout reading authentication information from client/ },
    // The client went away mid-session: a read reset, a broken pipe (SIGPIPE is signal 13), a failed relay.
    {
      event: 'connection-lost',
      re: /error reading input: (?<reason>Connection reset by peer|Broken pipe)|^Exiting on signal 13\b|Fatal error piping data\. Exiting child/,
    },
    // The proxy's TLS set-up failed (its CA, certificate or key, or the handshake itself).
    {
      event: 'tls-handshake-failed',
      re: /Error loading certificate authority|Error (?:loading|reading) (?:certificate|private key)|Fatal error establishing SSL connection/,
    },
    // The listening process gave up (out of connections or descriptors) and exited.
    { event: 'server-shutdown', re: /Fatal error accepting child connection\. Exiting/ },
  ],
  fields: [/\bauthentication_id="(?<user>[^"]{0,200})"/],
};
