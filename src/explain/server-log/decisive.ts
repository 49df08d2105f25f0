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
  // One process writes its own lines and its PAM module's (`solid-pop3d[42]: pam_unix(…)`): the pid alone ties them.
  if (event.pid) return `pid ${event.pid}`;
  if (event.remoteIp) return `${event.server} ${event.process} ${event.remoteIp}`;
  return undefined;
}

/** Failed logins whose kind the line names, and the bare "login failed" they explain. */
const NAMED_FAILURES = new Set(['auth.unknown-user', 'auth.bad-password']);
const LOGIN_FAILURES = new Set([...NAMED_FAILURES, 'auth.failed']);
/** From this many named failures on, a paste is a burst, and what most of them are is what it shows. */
export const BURST_FAILURES = 3;

/**
 * A burst of failed logins (a script trying names, a device retrying a password) is decided by what most of
 * its failures are, not by whichever came first: eight unknown names and one wrong password is user-name
 * guessing. The majority's first finding takes the place of the burst's first failure; nothing else moves.
 */
function leadWithBurst(findings: FindingData[]): FindingData[] {
  const votes = new Map<string, number>();
  let named = 0;
  for (const f of findings) {
    if (!NAMED_FAILURES.has(f.category)) continue;
    const n = 1 + (f.evidence.alsoLines?.length ?? 0);
    votes.set(f.category, (votes.get(f.category) ?? 0) + n);
    named += n;
  }
  if (named < BURST_FAILURES) return findings;
  const [majority] = [...votes].find(([, n]) => n * 2 > named) ?? [];
  const first = findings.findIndex((f) => LOGIN_FAILURES.has(f.category));
  const lead = findings.findIndex((f) => f.category === majority);
  if (majority === undefined || first < 0 || lead <= first || findings[first]?.category === majority)
    return findings;
  const out = [...findings];
  const [moved] = out.splice(lead, 1);
  out.splice(first, 0, moved!);
  return out;
}

/** The findings with each log event's most telling line first, a burst's majority leading; nothing added or dropped. */
export function leadWithDecisive(findings: readonly FindingData[]): FindingData[] {
  return leadWithBurst(leadWithConnections(findings));
}

function leadWithConnections(findings: readonly FindingData[]): FindingData[] {
  const slots: number[] = [];
  const events = new Map<string, { first: number; members: FindingData[] }>();
  const order: { first: number; members: FindingData[] }[] = [];
  const keys = connectionKeys(findings);
  findings.forEach((f, i) => {
    const key = keys[i];
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

/**
 * Each finding's connection. A line no rule reads (an `Error:` whose words are only context, Dovecot's
 * `pgsql: Query failed, aborting: <query>`) that names no connection, directly followed by a line of the same
 * process in the same second that does, is the first half of that line's event: Dovecot writes the failed query,
 * then the reason with the request's session.
 */
function connectionKeys(findings: readonly FindingData[]): (string | undefined)[] {
  const parsed = findings.map((f) =>
    // A Dovecot session id names the connection by itself: the line is parsed only when it has none.
    SESSION_ID.test(f.evidence.line) ? undefined : parseServerLogLine(f.evidence.line),
  );
  const keys = findings.map((f, i) => connectionKey(f.evidence.line, parsed[i]));
  for (let i = findings.length - 2; i >= 0; i--) {
    const own = parsed[i];
    const next = findings[i + 1]!;
    if (keys[i] || !keys[i + 1] || own?.event !== 'other-error' || own.time === undefined) continue;
    if (next.evidence.lineNumber !== findings[i]!.evidence.lineNumber + 1) continue;
    const nextEvent = parsed[i + 1] ?? parseServerLogLine(next.evidence.line);
    if (nextEvent?.process === own.process && nextEvent.time === own.time) keys[i] = keys[i + 1];
  }
  return keys;
}
