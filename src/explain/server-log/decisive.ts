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
// reason itself (every other entry and category).
const ENDED = new Set(['log-connection-lost', 'log-disconnected-before-auth']);
const ENDED_CATEGORIES = new Set(['connect.reset']);
const REASON_HIDDEN = new Set(['log-login-failed', 'log-tls-handshake-failed']);
const REASON_HIDDEN_CATEGORIES = new Set(['auth.failed', 'unknown']);
const SESSION_ID = /\bsession=<?([A-Za-z0-9+/]{8,64})>?|,<([A-Za-z0-9+/]{8,64})>\)/;

function rank(f: FindingData): number {
  if (ENDED.has(f.entry) || ENDED_CATEGORIES.has(f.category)) return 0;
  return REASON_HIDDEN.has(f.entry) || REASON_HIDDEN_CATEGORIES.has(f.category) ? 1 : 2;
}

/**
 * The connection a log line belongs to, or undefined when it does not say: Dovecot's session id (also on its
 * auth debug lines, which no event rule reads), else the process id, else the process and client address.
 */
export function connectionKey(line: string, event: ServerLogEvent | undefined): string | undefined {
  const session = SESSION_ID.exec(line);
  if (session) return `session ${session[1] ?? session[2]}`;
  if (!event) return undefined;
  // Not the server family: pam_unix writes under the POP server's own name and pid ("solid-pop3d[14286]: pam_unix(…)").
  if (event.pid) return `pid ${event.pid}`;
  if (event.remoteIp) return `${event.server} ${event.process} ${event.remoteIp}`;
  return undefined;
}

/** The findings with each log event's most telling line first; nothing added or dropped. */
export function leadWithDecisive(findings: readonly FindingData[]): FindingData[] {
  const slots: number[] = [];
  const events = new Map<string, { first: number; members: FindingData[] }>();
  const order: { first: number; members: FindingData[] }[] = [];
  findings.forEach((f, i) => {
    const line = f.evidence.line;
    const key = connectionKey(line, parseServerLogLine(line));
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
      .sort((a, b) => rank(b.f) - rank(a.f) || a.i - b.i)
      .map(({ f }) => f),
  );
  const out = [...findings];
  slots.forEach((slot, i) => {
    out[slot] = reordered[i]!;
  });
  return out;
}
