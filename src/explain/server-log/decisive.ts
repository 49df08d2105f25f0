import type { FindingData } from '../types.js';
import { parseServerLogLine } from './parse.js';
import type { ServerLogEvent } from './types.js';

/**
 * Which line of a pasted log excerpt decides. A server writes several lines for one connection: the cause
 * (Dovecot's auth `Password mismatch`, Courier's `Decryption has failed.`) and what followed from it (the login
 * process's `auth failed` summary, `Unexpected SSL connection shutdown.`, `Connection closed`). The lines of
 * one connection — the same session id, else the same process id, else the same process and client address —
 * are one event, and the event's first finding is its most telling line, wherever the paste put it (excerpts
 * are often pasted newest first). Events keep the order of their first line; other findings keep their place.
 */

// What a line says about the event's outcome: the connection merely ended, a failure without its reason, or the
// reason itself (every other entry).
const ENDED = new Set(['log-connection-lost', 'log-disconnected-before-auth']);
const REASON_HIDDEN = new Set(['log-login-failed', 'log-tls-handshake-failed']);
const SESSION_ID = /\bsession=<([^<>\s]{4,64})>|,<([A-Za-z0-9+/]{8,64})>\)/;

function rank(entry: string): number {
  if (ENDED.has(entry)) return 0;
  return REASON_HIDDEN.has(entry) ? 1 : 2;
}

/** The connection a log line belongs to, or undefined when it does not say. */
export function connectionKey(event: ServerLogEvent): string | undefined {
  const session = SESSION_ID.exec(event.message);
  if (session) return `${event.server} session ${session[1] ?? session[2]}`;
  if (event.pid) return `${event.server} pid ${event.pid}`;
  if (event.remoteIp) return `${event.server} ${event.process} ${event.remoteIp}`;
  return undefined;
}

/** The findings with each log event's most telling line first; nothing added or dropped. */
export function leadWithDecisive(findings: readonly FindingData[]): FindingData[] {
  const slots: number[] = [];
  const events = new Map<string, { first: number; members: FindingData[] }>();
  const order: { first: number; members: FindingData[] }[] = [];
  findings.forEach((f, i) => {
    const event = parseServerLogLine(f.evidence.line);
    const key = event && connectionKey(event);
    if (!key) return;
    slots.push(i);
    let group = events.get(key);
    if (!group) {
      group = { first: i, members: [] };
      events.set(key, group);
      order.push(group);
    }
    group.members.push(f);
  });
  if (events.size === slots.length) return [...findings];
  const reordered = order.flatMap(({ members }) =>
    members
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(b.f.entry) - rank(a.f.entry) || a.i - b.i)
      .map(({ f }) => f),
  );
  const out = [...findings];
  slots.forEach((slot, i) => {
    out[slot] = reordered[i]!;
  });
  return out;
}
