import { describe, expect, it } from 'vitest';
import { SummaryCounter } from '../../src/explain/summary.js';
import { describeVerdict } from '../../src/i18n/server-log-messages.js';

const failed = (user: string, i: number) =>
  `Mar  3 10:${String(10 + i).padStart(2, '0')}:00 mx dovecot: pop3-login: Aborted login (auth failed, 1 attempts in 2 secs): user=<${user}>, method=PLAIN, rip=203.0.113.50, lip=192.0.2.1, session=<s${i}>`;

describe('explain --summary over a server log', () => {
  it('gives the picture per category and says when it looks like password guessing', () => {
    const log = [
      ...['admin', 'info', 'test', 'sales', 'office', 'support'].map(failed),
      'Mar  3 11:00:00 mx dovecot: pop3(bob)<4711><Qx9zT1>: Error: Timeout (180s) while waiting for lock for transaction log file /var/mail/bob/dovecot.index.log (WRITE lock held by pid 4700)',
      'Mar  3 11:05:00 mx dovecot: pop3-login: Login: user=<carol>, method=PLAIN, rip=192.0.2.70, lip=192.0.2.1, mpid=4242, TLS, session=<ok>',
    ];
    const counter = new SummaryCounter();
    for (const line of log) counter.push(line);
    const result = counter.result();
    expect(result.categories.map((c) => [c.category, c.count])).toEqual([
      ['auth.failed', 6],
      ['mailbox.locked', 1],
    ]);
    expect(result.verdicts).toHaveLength(1);
    const [verdict] = result.verdicts;
    expect(verdict).toMatchObject({
      kind: 'password-guessing',
      ip: '203.0.113.50',
      failures: 6,
      distinct: 6,
    });
    expect(describeVerdict(verdict!, 'en')).toContain('password guessing');
    expect(describeVerdict(verdict!, 'fr')).toContain('203.0.113.50');
    expect(describeVerdict(verdict!, 'vi')).toContain('dò mật khẩu');
  });
});
