import type { Extensions, ServerLogLine } from './extensions.js';

/**
 * The extensions the explainer runs with by default. The recognisers of src/explain/server-log/** and the
 * classifier of src/explain/fallback/** are plugged in here.
 */

// `Nov 22 10:00:00 host prog[123]: message` (syslog) or `2024-11-22T10:00:00.123+01:00 host prog[123]: …`.
const SYSLOG =
  /^(?:[A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d:\d\d|\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?)\s+(\S{1,64})\s+([A-Za-z][\w./-]{0,40})(?:\[\d{1,10}\])?:\s(.*)$/;
// The POP servers whose own log lines popbot reads (program names as syslog shows them).
const POP_SERVER =
  /^(?:dovecot|courierpop3login|courierpop3d|pop3d|pop3d-ssl|ipop3d|qpopper|popper|popa3d|solid-pop3d|vm-pop3d|gnu-pop3d|cyrus\/pop3|pop3|vchkpw|vpopmail)$/i;
// Dovecot writes its own log file without a syslog header: `dovecot: pop3-login: …` or `pop3(joe): …`.
const DOVECOT_OWN =
  /^(?:[\d-]{10} [\d:.]{8,15} )?(dovecot: )?(pop3-login|pop3\([^)]{0,256}\)|auth(?:-worker)?(?:\(\d+\))?):\s(.*)$/;

/** The syslog header and a known POP server's program name: a POP server's log line. */
export function recogniseSyslogPopServer(line: string): ServerLogLine | undefined {
  const m = SYSLOG.exec(line);
  if (m) {
    const program = m[2] ?? '';
    if (!POP_SERVER.test(program)) return undefined;
    return { server: program.split('/')[0]!.toLowerCase(), message: m[3] ?? '' };
  }
  const own = DOVECOT_OWN.exec(line);
  if (own && (own[1] !== undefined || /^pop3/.test(own[2] ?? ''))) {
    return { server: 'dovecot', message: `${own[2]}: ${own[3] ?? ''}` };
  }
  return undefined;
}

export const DEFAULT_EXTENSIONS: Extensions = { serverLog: [recogniseSyslogPopServer] };
