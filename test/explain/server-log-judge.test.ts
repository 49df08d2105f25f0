import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { judgeLog } from '../../src/explain/server-log/judge.js';

const judge = judgeLog;

const loginFailed = (user: string, ip: string, second: number) =>
  `Mar  3 10:00:${String(second % 60).padStart(2, '0')} mx dovecot: pop3-login: Aborted login (auth failed, 1 attempts in 2 secs): user=<${user}>, method=PLAIN, rip=${ip}, lip=192.0.2.1, session=<s${second}>`;

describe('the whole-log picture of failed logins', () => {
  it('many user names from one address is password guessing, with the names it tried', () => {
    const users = ['admin', 'info', 'test', 'sales', 'office', 'support', 'webmaster', 'contact'];
    const lines = users.map((u, i) => loginFailed(u, '203.0.113.50', i));
    const [verdict, ...rest] = judge(lines);
    expect(rest).toEqual([]);
    expect(verdict).toMatchObject({
      kind: 'password-guessing',
      ip: '203.0.113.50',
      failures: 8,
      distinct: 8,
      succeededAfter: false,
      firstLine: 1,
      lastLine: 8,
    });
    expect(verdict?.samples).toEqual(users.slice(0, 5));
  });

  it('one user tried from many addresses is guessing spread over addresses', () => {
    const lines = [1, 2, 3, 4, 5, 6].map((n) => loginFailed('ceo@example.com', `198.51.100.${n}`, n));
    const verdicts = judge(lines);
    expect(verdicts.map((v) => v.kind)).toEqual(['distributed-guessing']);
    expect(verdicts[0]).toMatchObject({ user: 'ceo@example.com', failures: 6, distinct: 6 });
  });

  it('one user failing a few times from one address looks like a device with an old password, not an attack', () => {
    const lines = [0, 300, 600, 900].map((s) => loginFailed('bob', '192.0.2.77', s));
    const verdicts = judge(lines);
    expect(verdicts.map((v) => v.kind)).toEqual(['one-device-failing']);
    expect(verdicts[0]).toMatchObject({ ip: '192.0.2.77', user: 'bob', failures: 4 });
  });

  it('a login that succeeds from the guessing address after its failures is flagged', () => {
    const lines = ['admin', 'info', 'test', 'bob', 'sales'].map((u, i) => loginFailed(u, '203.0.113.9', i));
    lines.push(
      'Mar  3 10:01:00 mx dovecot: pop3-login: Login: user=<bob>, method=PLAIN, rip=203.0.113.9, lip=192.0.2.1, mpid=4242, session=<ok>',
    );
    expect(judge(lines)[0]).toMatchObject({ kind: 'password-guessing', succeededAfter: true });
  });

  it('counts a Dovecot failure once although auth and the login process both log it', () => {
    const lines: string[] = [];
    for (let i = 0; i < 3; i++) {
      lines.push(`Mar  3 10:00:0${i} mx dovecot: auth: passwd-file(bob,192.0.2.10): Password mismatch`);
      lines.push(loginFailed('bob', '192.0.2.10', i));
    }
    expect(judge(lines)[0]).toMatchObject({ kind: 'one-device-failing', failures: 3 });
  });

  it('ties popa3d failures to the address its session line named', () => {
    const lines: string[] = [];
    for (let pid = 100; pid < 106; pid++) {
      lines.push(`Dec  1 11:59:04 mail popa3d[${pid}]: Session from 203.0.113.200`);
      lines.push(`Dec  1 11:59:05 mail popa3d[${pid}]: Authentication failed for user${pid}`);
    }
    expect(judge(lines)[0]).toMatchObject({ kind: 'password-guessing', ip: '203.0.113.200', failures: 6 });
  });

  it('a quiet log gives no verdict', () => {
    expect(judge([loginFailed('bob', '192.0.2.1', 1), loginFailed('amy', '192.0.2.2', 2)])).toEqual([]);
  });
  it('a burst of names the server does not know is user-name guessing (solid-pop3d, captured live)', () => {
    // test/fixtures/captured/logs-more/solid-pop3d.yaml, burst: seven unknown names and one real user.
    const names = ['info', 'admin', 'test', 'sales', 'support', 'webmaster', 'office'];
    const lines = [
      ...names.map(
        (n) =>
          `Dec 07 05:33:51 vm solid-pop3d[1430${names.indexOf(n)}]: authentication failed: no such user: ${n} - 127.0.0.102`,
      ),
      'Dec 07 05:33:51 vm solid-pop3d[14399]: authentication failed for user alice - 127.0.0.102',
    ];
    const [verdict, ...rest] = judge(lines);
    expect(rest).toEqual([]);
    expect(verdict).toMatchObject({ kind: 'user-enumeration', ip: '127.0.0.102', failures: 8, distinct: 8 });
    // Mostly real names with wrong passwords stays password guessing.
    const real = ['alice', 'bob', 'carol', 'dave', 'erin'].map(
      (u, i) => `Dec 07 05:33:51 vm solid-pop3d[1440${i}]: authentication failed for user ${u} - 127.0.0.103`,
    );
    expect(judge([...real, lines[0]!.replace('127.0.0.102', '127.0.0.103')])[0]?.kind).toBe(
      'password-guessing',
    );
  });
});

describe('the picture in the answer to a pasted log', () => {
  const users = ['admin', 'info', 'test', 'sales', 'office', 'support', 'webmaster', 'contact'];
  const lines = users.map((u, i) => loginFailed(u, '203.0.113.50', i)).join('\n');

  it.each([
    ['en', /password guessing: 8 failed logins from 203\.0\.113\.50/],
    ['fr', /203\.0\.113\.50/],
    ['vi', /203\.0\.113\.50/],
  ] as const)('says what the failed logins add up to, before the explanations (%s)', (lang, said) => {
    const result = explain(lines, { lang });
    expect(result.verdicts).toHaveLength(1);
    expect(result.verdicts?.[0]).toMatch(said);
  });

  it('says nothing of the kind for a paste with no log lines', () => {
    expect(explain('C: PASS x\nS: -ERR [AUTH] Authentication failed.').verdicts).toBeUndefined();
  });
});
