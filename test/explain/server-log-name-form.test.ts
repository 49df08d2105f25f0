import { describe, expect, it } from 'vitest';
import { analyse, explain } from '../../src/explain/explain.js';
import { SummaryCounter } from '../../src/explain/summary.js';

// A real Dovecot log from docker-mailserver/docker-mailserver#1944 (tuning part of reports batch 2): a desktop
// client fails with the bare name, then logs in from the same address with the full address.
const FAILED =
  'May  8 11:03:04 mail dovecot: pop3-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<admin>, method=PLAIN, rip=146.64.236.168, lip=172.21.0.2, TLS, session=<B83Qz83Bdu2SQOyo>';
const LOGGED_IN =
  'May  8 11:03:08 mail dovecot: pop3-login: Login: user=<admin@cmore.csir.co.za>, method=PLAIN, rip=146.64.236.168, lip=172.21.0.2, mpid=5454, TLS, session=<Luboz83Beu2SQOyo>';

describe('a failed bare name that the same address then gets through with a domain', () => {
  it("is the name's form: the server knows the user only by full address", () => {
    const finding = explain([FAILED, LOGGED_IN].join('\n')).findings[0];
    expect(finding?.category).toBe('auth.unknown-user');
    expect(finding?.entry).toBe('log-unknown-user');
  });

  it('stays a refused login alone, or when the full-address login came from another address', () => {
    expect(explain(FAILED).findings[0]?.category).toBe('auth.failed');
    const elsewhere = LOGGED_IN.replace('rip=146.64.236.168', 'rip=198.51.100.7');
    expect(explain([FAILED, elsewhere].join('\n')).findings[0]?.category).toBe('auth.failed');
  });

  it('needs the login after the failure, not before it', () => {
    expect(explain([LOGGED_IN, FAILED].join('\n')).findings[0]?.category).toBe('auth.failed');
  });
});

describe("the name's form in a summary, read whole or streamed", () => {
  const summary = (lines: readonly string[], streamAfterLines?: number): Record<string, number> => {
    const counter = streamAfterLines
      ? new SummaryCounter(undefined, undefined, { chars: Number.MAX_SAFE_INTEGER, lines: streamAfterLines })
      : new SummaryCounter();
    for (const line of lines) counter.push(line);
    return Object.fromEntries(counter.result().categories.map((c) => [c.category, c.count]));
  };
  const quiet = Array.from(
    { length: 30 },
    (_, i) => `May  8 11:0${4 + (i % 5)}:00 mail cron[${i}]: job done`,
  );

  it('counts the failures before a login with a domain as the name, those after it as refused', () => {
    const log = [FAILED, FAILED, ...quiet, LOGGED_IN, ...quiet, FAILED];
    const explained: Record<string, number> = {};
    for (const f of analyse(log.join('\n')).findings)
      explained[f.category] = (explained[f.category] ?? 0) + 1 + (f.evidence.alsoLines?.length ?? 0);
    expect(explained).toEqual({ 'auth.unknown-user': 2, 'auth.failed': 1 });
    for (const streamAfter of [undefined, 1, 3]) {
      expect(summary(log, streamAfter), String(streamAfter)).toEqual({
        'auth.unknown-user': 2,
        'auth.failed': 1,
      });
    }
  });
});
