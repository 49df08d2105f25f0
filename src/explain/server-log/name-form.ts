import type { FindingData } from '../types.js';
import { parseServerLogLine } from './parse.js';

/**
 * A failed login for a bare name (`user=<admin>`) that the same address then gets through with the name and a
 * domain (`Login: user=<admin@example.com>`): the server knows its users only by full address, so what failed
 * was the name's form, not the password — a mail program or a device set up with the part before the @. The
 * failure is then the server not knowing that name (its entry's advice says to check the name's form).
 */

const UNKNOWN_NAME = { category: 'auth.unknown-user', entry: 'log-unknown-user' } as const;

interface BareFailure {
  index: number;
  /** `<address> <name>`, lower-cased: the key a later login with a domain is looked up by. */
  key: string;
}

export function readNameForm(findings: FindingData[], lines: readonly string[]): FindingData[] {
  const bare: BareFailure[] = [];
  findings.forEach((f, index) => {
    if (f.category !== 'auth.failed') return;
    const failed = parseServerLogLine(lines[f.evidence.lineNumber - 1]?.trim() ?? '');
    const name = failed?.user;
    if (failed?.remoteIp && name && !name.includes('@'))
      bare.push({ index, key: `${failed.remoteIp} ${name.toLowerCase()}` });
  });
  if (bare.length === 0) return findings;
  // Each address's logins that worked with a domain, by name: read once, whatever the number of failures.
  const lastLogin = new Map<string, number>();
  lines.forEach((line, i) => {
    const event = parseServerLogLine(line.trim());
    const at = event?.user?.indexOf('@') ?? -1;
    if (event?.event !== 'login-succeeded' || !event.remoteIp || at < 1) return;
    lastLogin.set(`${event.remoteIp} ${event.user!.slice(0, at).toLowerCase()}`, i + 1);
  });
  const out = [...findings];
  for (const { index, key } of bare) {
    const f = out[index]!;
    if ((lastLogin.get(key) ?? 0) > f.evidence.lineNumber) out[index] = { ...f, ...UNKNOWN_NAME };
  }
  return out;
}
