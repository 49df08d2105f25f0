import type { LogHeader } from './types.js';

/**
 * Splits a log line's header from its message: BSD syslog (`Jan 29 05:13:50 host prog[pid]: …`, with or without
 * the host, as Dovecot's own log file writes it), RFC 5424 (`<34>1 2024-… host app pid - - …`), ISO timestamps
 * (rsyslog, `journalctl -o short-iso`, `short-full`), and multilog's TAI64N stamp (`@4000…`).
 */

// A process name as syslog and Dovecot write it: `cyrus/pop3[12]`, `auth-worker(304)`,
// `pop3(bob)<4711><x9Yz>`, `auth(bob,192.0.2.1,sasl:login)<Cv…>`.
const PROGRAM = String.raw`[A-Za-z][\w./-]{0,40}(?:\[\d{1,10}\]|\([^()\s]{0,300}\))?(?:<[^<>\s]{0,80}>){0,3}`;
const TIME = [
  String.raw`@[0-9a-f]{24}`,
  String.raw`(?:[A-Z][a-z]{2},?\s+)?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|\s?[+-]\d\d:?\d\d)?(?:\s[A-Z]{2,5}\b)?`,
  String.raw`[A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:\s+\d{4}\b)?`,
].join('|');

const LEVEL_WORD = String.raw`Info|Warning|Error|Fatal|Panic|Debug`;

/**
 * The header forms, tried in order: each names its parts with groups `time`, `host`, `program`, `pid`, `level`
 * and `message`. A line is read by the first form that fits; the rest of the parser never sees a header.
 */
const HEADER_FORMS: readonly RegExp[] = [
  // RFC 5424: `<34>1 2024-… host app pid msgid [sd] message`.
  new RegExp(
    String.raw`^<\d{1,3}>\d\s+(?<time>\S+)\s+(?<host>\S+)\s+(?<program>\S+)\s+(?<pid>\S+)\s+\S+\s+(?:-|\[[^\]]{0,500}\])\s?(?<message>.*)$`,
  ),
  // `doveadm log errors`: the time, then the level, then the process (`Dec 07 05:30:21 Fatal: auth: …`).
  new RegExp(
    String.raw`^(?<time>${TIME})\s+(?<level>${LEVEL_WORD}):\s(?<program>${PROGRAM}):\s(?<message>.*)$`,
  ),
  // BSD syslog, journald (`short`, `short-iso`, `short-precise`), rsyslog's ISO form, Dovecot's log_path
  // (no host), with or without a `<pri>`.
  new RegExp(
    String.raw`^(?:<\d{1,3}>\s*)?(?<time>${TIME})\s+(?:(?<host>[\w.-]{1,100})\s+)??(?<program>${PROGRAM}):\s(?<message>.*)$`,
  ),
  // No header at all (`journalctl -o cat`, a line copied without its prefix): the process starts the line.
  new RegExp(String.raw`^(?<program>${PROGRAM}):\s(?<message>.*)$`),
];
const NO_TIME = HEADER_FORMS[HEADER_FORMS.length - 1]!;

function pidOf(program: string): { program: string; pid?: string } {
  const m = /^(.*?)\[(\d+)\]$/.exec(program);
  return m ? { program: m[1] ?? program, pid: m[2] ?? '' } : { program };
}

/** The header of a log line, or just the message when the line has none. Never throws. */
export function splitLogHeader(line: string): LogHeader {
  const text = line.trim();
  let g: Record<string, string | undefined> | undefined;
  for (const form of HEADER_FORMS) {
    g = form.exec(text)?.groups;
    if (g) break;
  }
  if (!g) return { message: text };
  // A level written before the process is put back where the servers' own lines have it.
  const header: LogHeader = { message: g.level ? `${g.level}: ${g.message ?? ''}` : (g.message ?? '') };
  if (g.time) header.time = g.time;
  if (g.host) header.host = g.host;
  const { program, pid } = pidOf(g.program ?? '');
  header.program = program;
  if (g.pid && g.pid !== '-') header.pid = g.pid;
  else if (pid) header.pid = pid;
  return header;
}

/** A process header inside the message (`dovecot: pop3-login: …`), peeled the same way. */
export function peelProcess(message: string): { process?: string; message: string } {
  const m = NO_TIME.exec(message);
  if (!m?.groups) return { message };
  return { process: m.groups.program ?? '', message: m.groups.message ?? '' };
}
