import type { ServerLogLine } from '../extensions.js';
import { entryForEvent } from './events.js';
import { parseServerLogLine } from './parse.js';
import type { ServerLogEvent } from './types.js';

/**
 * The line reader's recogniser for POP servers' own log lines (syslog, journald, ISO timestamps, and the
 * servers' own files): the message the knowledge patterns see, and what the line says happened.
 */
export function recogniseServerLogLine(line: string): ServerLogLine | undefined {
  const event = parseServerLogLine(line);
  return event ? serverLogLineOf(event) : undefined;
}

/** What the line reader sees of a parsed event (a log summary parses each line once, for this and its judge). */
export function serverLogLineOf(event: ServerLogEvent): ServerLogLine {
  const entry = entryForEvent(event);
  return {
    ...(entry ? { entry } : {}),
    server: event.server,
    message: event.message,
    event: event.event,
    ...(event.user !== undefined ? { user: event.user } : {}),
    ...(event.remoteIp !== undefined ? { remote: event.remoteIp } : {}),
  };
}
