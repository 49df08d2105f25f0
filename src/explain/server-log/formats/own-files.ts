import type { LineFormat } from '../format.js';

/**
 * Servers that write their own log files: hMailServer's tab-separated POP3D lines, MDaemon's POP session log,
 * Exchange's POP3 protocol log (CSV), Zimbra's mailbox and audit logs. Their protocol logs record the `-ERR`
 * the server sent; the knowledge base explains that reply (formats from the vendors' documentation).
 */
export const hmailserver: LineFormat = {
  server: 'hmailserver',
  line: /^"POP3D"\s+\d{1,10}\s+\d{1,10}\s+"(?<time>[^"]{0,40})"\s+"(?<ip>[0-9a-fA-F:.]{0,45})"\s+"(?<text>.{0,600})"$/,
  rules: [{ event: 'error-reply', re: /^SENT: -ERR\b[\s:]*(?<reply>.{0,400})/ }],
};

export const mdaemon: LineFormat = {
  server: 'mdaemon',
  line: /^(?:[A-Z][a-z]{2} )?(?<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,3})?): (?<text>.{0,600})$/,
  rules: [
    { event: 'error-reply', re: /^(?:-->|<--)\s*-ERR\b[\s:]*(?<reply>.{0,400})/ },
    { event: 'session-start', re: /Accepting POP connection from \[(?<ip>[0-9a-fA-F:.]{3,45})[:\]]/ },
  ],
};

export const exchange: LineFormat = {
  server: 'exchange',
  line: /^(?<time>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,7})?Z),(?<text>.{0,800})$/,
  rules: [{ event: 'error-reply', re: /(?:^|[\s,;="])-ERR\b[\s:]*(?<reply>[^"\r\n]{0,400})/ }],
  // The second "address:port" of the line is the client's (local endpoint first, remote second).
  fields: [/[0-9a-fA-F:.]{3,45}:\d{1,5},(?<ip>\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}/],
};

export const zimbra: LineFormat = {
  server: 'zimbra',
  line: /^(?<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{1,3}) [A-Z]{3,5}\s{1,3}\[(?<process>[^\]]{0,80})\] \[(?<context>[^\]]{0,500})\] \S{1,40} - (?<text>.{0,600})$/,
  rules: [
    { event: 'too-many-failures', re: /account lockout|too many failed logins/i },
    {
      event: 'login-failed',
      re: /authentication failed for \[(?<user>[^\]]{0,200})\][,\s]*(?<reason>[^;]{0,200})/i,
    },
    { event: 'pop-disabled', re: /pop3? (?:access )?(?:is )?(?:not enabled|disabled|not allowed)/i },
    { event: 'login-succeeded', re: /cmd=Auth; account=(?<user>[^;]{1,200}); protocol=pop3;\s*$/ },
  ],
  fields: [
    /\boip=(?<ip>[0-9a-fA-F:.]{3,45});/,
    /\bip=(?<ip>[0-9a-fA-F:.]{3,45});/,
    /\baccount=(?<user>[^;\s]{1,200});/,
  ],
};
