import { COMMON_FIELDS, type LineFormat, type LogRule, type SyslogFormat } from './format.js';
import { courier, cyrus, pamUnix, saslauthd } from './formats/courier-cyrus.js';
import { dovecot } from './formats/dovecot.js';
import { nginxMail, perdition } from './formats/proxies.js';
import { exchange, hmailserver, mdaemon, zimbra } from './formats/own-files.js';
import { mailutils, popa3d, qpopper, solidPop3d, uwIpop3d, vmPop3d, vpopmail } from './formats/unix-pop.js';
import { refineByReason } from './refine.js';
import { peelProcess, splitLogHeader } from './header.js';
import type { LogEvent, ServerLogEvent } from './types.js';

const SYSLOG_FORMATS: readonly SyslogFormat[] = [
  dovecot,
  courier,
  cyrus,
  saslauthd,
  pamUnix,
  uwIpop3d,
  qpopper,
  solidPop3d,
  popa3d,
  mailutils,
  vmPop3d,
  vpopmail,
  perdition,
];
const LINE_FORMATS: readonly LineFormat[] = [hmailserver, mdaemon, exchange, zimbra, nginxMail];

/** Only this much of a line is read: log lines are short, and it bounds every pattern's work. */
const MAX_LOG_LINE = 2000;
const LEVEL = /^(?:(Info|Warning|Error|Fatal|Panic|Debug|notice|warning|error|crit|err)): /;
// Dovecot's auth-worker wraps its message: "conn unix:auth-worker (uid=143): auth-worker<13247>: …".
const AUTH_WORKER_WRAP = /^conn \S{1,100} \([^)]{0,100}\): auth-worker<\d{1,10}>: |^request \[\d{1,10}\]: /;
// Some logs print the password tried; it never leaves the parser.
// auth_debug_passwords prints it inside its comparison: "passwd-file(…): PLAIN(<password>) != '<stored>'".
const SECRET_IN_REASON =
  /\s*\((?:SHA1 of )?given password: [^)]{0,200}\)|\s*\(pass: '[^']{0,200}'\)|(?<=\): [\w.-]{1,30}\()[^)]{1,200}(?=\) != ')/g;
const IP_LIKE =
  /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}(?::\d{1,3}(?:\.\d{1,3}){3})?)$/;

/** A process that writes another's lines inside its own (`dovecot: pop3-login: …`); never global, so stateless. */
const DOVECOT_WRAPPER = /^dovecot(?:-auth)?$/i;

function baseName(program: string): string {
  return program.replace(/[[(<].*$/, '');
}

function cleanIp(ip: string | undefined): string | undefined {
  if (!ip) return undefined;
  const bare = ip.replace(/^\[|\]$/g, '').replace(/^::ffff:/i, '');
  return IP_LIKE.test(bare) ? bare : undefined;
}

function protocolOf(process: string): ServerLogEvent['protocol'] {
  if (/pop/i.test(process)) return 'pop3';
  if (/imap/i.test(process)) return 'imap';
  if (/smtp|submission/i.test(process)) return 'smtp';
  if (/sieve/i.test(process)) return 'sieve';
  return undefined;
}

interface Classified {
  event: LogEvent;
  groups: Record<string, string | undefined>;
  entry?: string;
}

function classify(rules: readonly LogRule[], text: string): Classified | undefined {
  for (const rule of rules) {
    const m = rule.re.exec(text);
    if (m) return { event: rule.event, groups: m.groups ?? {}, ...(rule.entry ? { entry: rule.entry } : {}) };
  }
  return undefined;
}

function fill(
  event: ServerLogEvent,
  groups: Record<string, string | undefined>,
  fieldPatterns: readonly RegExp[],
  texts: readonly string[],
): void {
  let user = groups.user ?? groups.user2;
  let ip = cleanIp(groups.ip);
  for (const re of fieldPatterns) {
    if (user !== undefined && ip) break;
    for (const text of texts) {
      const g = re.exec(text)?.groups;
      if (!g) continue;
      if (user === undefined && g.user !== undefined) user = g.user;
      if (!ip) ip = cleanIp(g.ip);
    }
  }
  // Placeholders servers log for "no user given": popa3d's UNKNOWN USER, Cyrus's -notset- (AUTH PLAIN).
  if (user !== undefined && user !== '' && user !== 'UNKNOWN USER' && user !== '-notset-') event.user = user;
  if (ip) event.remoteIp = ip;
  if (groups.attempts) event.attempts = Number(groups.attempts);
  const reason = (groups.reason ?? groups.reason2 ?? groups.reason3)?.replace(SECRET_IN_REASON, '').trim();
  if (reason) event.reason = reason;
  if (groups.reply !== undefined) event.reply = groups.reply.replace(/["\s]+$/, '');
}

function fromSyslog(line: string): ServerLogEvent | undefined {
  const header = splitLogHeader(line);
  if (!header.program || LEVEL.test(`${header.program}: `)) return undefined;
  // The header's process and its base name are the same for every format: read once, not once per format
  // (13 formats; a line that is no log line, such as a transcript's `S: -ERR …`, is tried against all of them).
  const programBase = baseName(header.program);
  const wrapper = DOVECOT_WRAPPER.test(programBase);
  for (const format of SYSLOG_FORMATS) {
    let process = header.program;
    let base = programBase;
    let message = header.message;
    if (format.innerProcess && wrapper) {
      // "dovecot: pop3-login: …", even "dovecot[442]: dovecot: auth(default): …".
      for (let i = 0; i < 2 && DOVECOT_WRAPPER.test(base); i++) {
        const inner = peelProcess(message);
        // "dovecot-auth: pam_unix(dovecot:auth): …" names no inner process: pam_unix is the message's.
        if (!inner.process) break;
        const innerBase = baseName(inner.process);
        if (!format.program.test(innerBase)) break;
        process = inner.process;
        base = innerBase;
        message = inner.message;
      }
    }
    if (!format.program.test(base) && !format.program.test(process)) continue;
    const level = LEVEL.exec(message)?.[1]?.toLowerCase();
    message = message.replace(LEVEL, '').replace(AUTH_WORKER_WRAP, '');
    const found = classify(format.rules, message);
    const failed =
      level === 'error' || level === 'fatal' || level === 'panic' || level === 'crit' || level === 'err';
    if (!found && !failed) continue;
    const event: ServerLogEvent = {
      server: format.server,
      process,
      event: found?.event ?? 'other-error',
      message: (process === header.program ? header.message : `${process}: ${message}`).replace(
        SECRET_IN_REASON,
        '',
      ),
    };
    const protocol = protocolOf(process);
    if (protocol) event.protocol = protocol;
    if (header.time) event.time = header.time;
    if (header.pid) event.pid = header.pid;
    fill(event, found?.groups ?? {}, [...(format.fields ?? []), ...COMMON_FIELDS], [process, message]);
    if (!found) event.reason = message.replace(SECRET_IN_REASON, '').slice(0, 300);
    if (found?.entry) event.entry = found.entry;
    return refineByReason(event);
  }
  return undefined;
}

function fromOwnFile(line: string): ServerLogEvent | undefined {
  for (const format of LINE_FORMATS) {
    const m = format.line.exec(line);
    const g = m?.groups;
    if (!g) continue;
    const text = g.text ?? '';
    const found = classify(format.rules, text);
    if (!found) return undefined;
    const process = g.process ?? format.server;
    const event: ServerLogEvent = {
      server: format.server,
      process,
      event: found.event,
      message: text.replace(SECRET_IN_REASON, ''),
    };
    const protocol = format.server === 'zimbra' ? protocolOf(`${process} ${text}`) : 'pop3';
    if (protocol) event.protocol = protocol;
    if (g.time) event.time = g.time;
    const groups = { ...found.groups, ip: found.groups.ip ?? g.ip, user: found.groups.user ?? g.user };
    fill(event, groups, [...(format.fields ?? []), ...COMMON_FIELDS], [g.context ?? '', text, line]);
    if (found.entry) event.entry = found.entry;
    return refineByReason(event);
  }
  return undefined;
}

/**
 * Reads one pasted line of a mail server's log: the server, the process, the event and who and from where.
 * Undefined when the line is no POP server's log line, or one that records nothing worth explaining.
 */
export function parseServerLogLine(rawLine: string): ServerLogEvent | undefined {
  const line = rawLine.length > MAX_LOG_LINE ? rawLine.slice(0, MAX_LOG_LINE) : rawLine;
  const trimmed = line.trim().replace(/^`+|`+$/g, '');
  if (trimmed.length < 10) return undefined;
  return fromOwnFile(trimmed) ?? fromSyslog(trimmed);
}
