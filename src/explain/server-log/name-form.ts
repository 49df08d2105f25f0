import type { FindingData } from '../types.js';
import { parseServerLogLine } from './parse.js';
import type { ServerLogEvent } from './types.js';

/**
 * A failed login for a bare name (`user=<admin>`) that the same address then gets through with the name and a
 * domain (`Login: user=<admin@example.com>`): the server knows its users only by full address, so what failed
 * was the name's form, not the password — a mail program or a device set up with the part before the @. The
 * failure is then the server not knowing that name (its entry's advice says to check the name's form).
 */

export const UNKNOWN_NAME = { category: 'auth.unknown-user', entry: 'log-unknown-user' } as const;

/** The key of a line about a bare name from an address (`<address> <name>`, lower-cased), if it is one. */
export function bareNameKey(event: ServerLogEvent | undefined): string | undefined {
  const name = event?.user;
  return event?.remoteIp && name && !name.includes('@')
    ? `${event.remoteIp} ${name.toLowerCase()}`
    : undefined;
}

/** The key a login that worked with a domain gives its bare name, if the line is one. */
export function domainLoginKey(event: ServerLogEvent | undefined): string | undefined {
  const at = event?.user?.indexOf('@') ?? -1;
  if (event?.event !== 'login-succeeded' || !event.remoteIp || at < 1) return undefined;
  return `${event.remoteIp} ${event.user!.slice(0, at).toLowerCase()}`;
}

export function readNameForm(findings: FindingData[], lines: readonly string[]): FindingData[] {
  const bare: { index: number; key: string }[] = [];
  findings.forEach((f, index) => {
    if (f.category !== 'auth.failed') return;
    const key = bareNameKey(parseServerLogLine(lines[f.evidence.lineNumber - 1]?.trim() ?? ''));
    if (key) bare.push({ index, key });
  });
  if (bare.length === 0) return findings;
  // Each address's logins that worked with a domain, by name: read once, whatever the number of failures.
  const lastLogin = new Map<string, number>();
  lines.forEach((line, i) => {
    const key = domainLoginKey(parseServerLogLine(line.trim()));
    if (key) lastLogin.set(key, i + 1);
  });
  const out = [...findings];
  for (const { index, key } of bare) {
    const f = out[index]!;
    if ((lastLogin.get(key) ?? 0) > f.evidence.lineNumber) out[index] = { ...f, ...UNKNOWN_NAME };
  }
  return out;
}
