import { AUTH_FAILURES } from './events.js';
import { parseServerLogLine } from './parse.js';
import type { ServerLogEvent } from './types.js';

/**
 * The whole-log picture of failed logins: is this password guessing from one address (many failures, or
 * many user names), guessing spread over many addresses against one user, or one device with an outdated
 * password? Thresholds follow common brute-force filters (fail2ban bans after 5 failures by default; OSSEC
 * and Wazuh alert on 8–10 from one source).
 */
export const GUESSING_FAILURES = 5;
export const GUESSING_USERS = 3;
export const DISTRIBUTED_ADDRESSES = 3;
export const ONE_DEVICE_FAILURES = 3;
/** Bounds memory over a log of any size: addresses and users beyond these are counted but not listed. */
const MAX_TRACKED = 10_000;
const MAX_SAMPLES = 5;

/**
 * `user-enumeration` is password guessing from one address whose failures are mostly names the server does not
 * know: a script trying common names (admin, info, sales…), which tells the admin no real account fell unless a
 * name tried exists.
 */
export type VerdictKind =
  'password-guessing' | 'user-enumeration' | 'distributed-guessing' | 'one-device-failing';

export interface LogVerdict {
  kind: VerdictKind;
  /** The address (password-guessing, one-device-failing) or the user (distributed-guessing) it is about. */
  ip?: string;
  user?: string;
  failures: number;
  /** Distinct user names tried from the address, or distinct addresses that tried the user. */
  distinct: number;
  samples: string[];
  /** A login from that address (or for that user) succeeded after the failures: check it was not guessed. */
  succeededAfter: boolean;
  firstLine: number;
  lastLine: number;
  firstTime?: string;
  lastTime?: string;
}

interface Tally {
  /** Failures counted from login-process lines (which give the attempts), and from auth-process lines. */
  login: number;
  auth: number;
  /** Failures the server logged as an unknown user. */
  unknown: number;
  others: Set<string>;
  succeededAfter: boolean;
  firstLine: number;
  lastLine: number;
  firstTime?: string;
  lastTime?: string;
}

function failures(t: Tally): number {
  // Dovecot logs a failure twice (auth's passdb line and the login process's summary): count one side.
  return Math.max(t.login, t.auth);
}

export class LogJudge {
  private readonly byIp = new Map<string, Tally>();
  private readonly byUser = new Map<string, Tally>();
  /** popa3d and UW name the address once, when the session starts; later lines share the process id. */
  private readonly ipOfPid = new Map<string, string>();

  push(event: ServerLogEvent, lineNumber: number): void {
    const pidKey = event.pid ? `${event.server}:${event.pid}` : undefined;
    if (event.remoteIp && pidKey) this.remember(pidKey, event.remoteIp);
    const ip = event.remoteIp ?? (pidKey ? this.ipOfPid.get(pidKey) : undefined);
    if (AUTH_FAILURES.has(event.event)) {
      const count = event.attempts ?? 1;
      const fromLogin = /-login$/.test(event.process) || event.attempts !== undefined;
      if (ip) {
        const t = this.count(this.byIp, ip, event.user, count, fromLogin, lineNumber, event.time);
        if (t && event.event === 'unknown-user') t.unknown += count;
      }
      if (event.user)
        this.count(this.byUser, event.user.toLowerCase(), ip, count, fromLogin, lineNumber, event.time);
    } else if (event.event === 'login-succeeded') {
      const byIp = ip ? this.byIp.get(ip) : undefined;
      if (byIp) byIp.succeededAfter = true;
      const byUser = event.user ? this.byUser.get(event.user.toLowerCase()) : undefined;
      if (byUser) byUser.succeededAfter = true;
    }
  }

  verdicts(): LogVerdict[] {
    const out: LogVerdict[] = [];
    const guessers = new Set<string>();
    for (const [ip, t] of this.byIp) {
      const n = failures(t);
      if (n >= GUESSING_FAILURES || (t.others.size >= GUESSING_USERS && n >= GUESSING_USERS)) {
        if (t.others.size === 1 && n < GUESSING_FAILURES * 2) continue; // one user, a few more tries: below
        guessers.add(ip);
        out.push(verdict(t.unknown * 2 > failures(t) ? 'user-enumeration' : 'password-guessing', { ip }, t));
      }
    }
    for (const [user, t] of this.byUser) {
      if (t.others.size >= DISTRIBUTED_ADDRESSES && failures(t) >= GUESSING_FAILURES)
        out.push(verdict('distributed-guessing', { user }, t));
    }
    for (const [ip, t] of this.byIp) {
      if (guessers.has(ip) || t.others.size !== 1 || failures(t) < ONE_DEVICE_FAILURES) continue;
      const [user] = t.others;
      const byUser = user ? this.byUser.get(user.toLowerCase()) : undefined;
      // The same user failing from many places is guessing (above), not one device.
      if (byUser && byUser.others.size >= DISTRIBUTED_ADDRESSES) continue;
      out.push(verdict('one-device-failing', { ip, ...(user ? { user } : {}) }, t));
    }
    return out.sort((a, b) => b.failures - a.failures || a.firstLine - b.firstLine);
  }

  private remember(key: string, ip: string): void {
    if (this.ipOfPid.size >= MAX_TRACKED) this.ipOfPid.delete(this.ipOfPid.keys().next().value ?? '');
    this.ipOfPid.set(key, ip);
  }

  private count(
    map: Map<string, Tally>,
    key: string,
    other: string | undefined,
    count: number,
    fromLogin: boolean,
    line: number,
    time: string | undefined,
  ): Tally | undefined {
    let t = map.get(key);
    if (!t) {
      if (map.size >= MAX_TRACKED) return undefined;
      t = {
        login: 0,
        auth: 0,
        unknown: 0,
        others: new Set(),
        succeededAfter: false,
        firstLine: line,
        lastLine: line,
      };
      if (time) t.firstTime = time;
      map.set(key, t);
    }
    if (fromLogin) t.login += count;
    else t.auth += count;
    if (other && t.others.size < MAX_TRACKED) t.others.add(other);
    t.lastLine = line;
    if (time) t.lastTime = time;
    // A success counts only when it comes after the failures.
    t.succeededAfter = false;
    return t;
  }
}

function verdict(kind: VerdictKind, about: { ip?: string; user?: string }, t: Tally): LogVerdict {
  const v: LogVerdict = {
    kind,
    ...about,
    failures: failures(t),
    distinct: t.others.size,
    samples: [...t.others].slice(0, MAX_SAMPLES),
    succeededAfter: t.succeededAfter,
    firstLine: t.firstLine,
    lastLine: t.lastLine,
  };
  if (t.firstTime) v.firstTime = t.firstTime;
  if (t.lastTime) v.lastTime = t.lastTime;
  return v;
}

/** Judges a whole pasted log at once, from its lines (those that are no server log event are skipped). */
export function judgeLog(lines: readonly string[]): LogVerdict[] {
  const judge = new LogJudge();
  lines.forEach((line, i) => {
    const event = parseServerLogLine(line);
    if (event) judge.push(event, i + 1);
  });
  return judge.verdicts();
}
