import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'transcripts', name), 'utf8');

function summary(text: string) {
  const result = explain(text, { lang: 'en' });
  return {
    result,
    rows: result.findings.map((f) => ({
      category: f.category,
      command: f.command,
      state: f.state,
      lineNumber: f.lineNumber,
    })),
  };
}

describe('transcripts in every common shape', () => {
  it('a 40-line C:/S: session with two different errors yields both, each with its command and state', () => {
    const text = fixture('cs-two-errors.txt');
    expect(text.split('\n').length).toBeGreaterThanOrEqual(40);
    const { rows } = summary(text);
    expect(rows).toEqual([
      { category: 'message.not-found', command: 'RETR 9', state: 'TRANSACTION', lineNumber: 39 },
      { category: 'update.delete-failed', command: 'QUIT', state: 'UPDATE', lineNumber: 43 },
    ]);
  });

  it('skips the data of multi-line responses: a -ERR inside a message body is no error', () => {
    const { result } = summary(fixture('cs-two-errors.txt'));
    expect(result.findings.map((f) => f.line)).not.toContain(
      'S: Subject: -ERR is not an error inside a message body',
    );
  });

  it('curl -v: pairs "<" replies with ">" commands, through an AUTH PLAIN exchange', () => {
    const { result } = summary(fixture('curl-verbose.txt'));
    expect(result.findings[0]).toMatchObject({
      category: 'auth.failed',
      command: 'AUTH PLAIN',
      responseCode: 'AUTH',
      state: 'AUTHORIZATION',
    });
  });

  it('fetchmail -v: POP3< replies answer POP3> commands', () => {
    const { result } = summary(fixture('fetchmail-verbose.txt'));
    expect(result.findings[0]).toMatchObject({
      category: 'mailbox.locked',
      command: 'PASS *',
      responseCode: 'IN-USE',
    });
  });

  it('Python poplib debug output: *cmd* and *resp* with bytes reprs, and the traceback repeats nothing', () => {
    const { result } = summary(fixture('poplib-debug.txt'));
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      category: 'auth.failed',
      command: 'PASS ****',
      lineNumber: 10,
    });
  });

  it('mpop --debug: <-- and --> arrows', () => {
    const { result } = summary(fixture('mpop-debug.txt'));
    expect(result.findings[0]).toMatchObject({ category: 'auth.failed', command: 'AUTH PLAIN ****' });
  });

  it('a telnet session typed in lowercase: a bare -ERR after RETR is a missing message', () => {
    const { result } = summary(fixture('telnet-session.txt'));
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      category: 'message.not-found',
      command: 'retr 7',
      state: 'TRANSACTION',
    });
  });

  it('openssl s_client -quiet: certificate chatter before the greeting is not an error', () => {
    const { result } = summary(fixture('openssl-s_client.txt'));
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      category: 'message.deleted',
      command: 'RETR 2',
      state: 'TRANSACTION',
    });
  });

  it("Thunderbird's POP3 log: SendData and RECV behind timestamps", () => {
    const { result } = summary(fixture('thunderbird-pop3-log.txt'));
    expect(result.findings[0]).toMatchObject({
      category: 'mailbox.locked',
      command: 'PASS ****',
      lineNumber: 6,
    });
  });

  it('Client:/Server: labels', () => {
    const { result } = summary(fixture('client-server-labels.txt'));
    expect(result.findings[0]).toMatchObject({ category: 'message.not-found', command: 'TOP 1 10' });
  });

  it('> and < without curl', () => {
    const { result } = summary(fixture('angle-brackets.txt'));
    expect(result.findings[0]).toMatchObject({ category: 'message.not-found', command: 'RETR 3' });
  });
});

describe('context changes the answer', () => {
  it('a bare -ERR after PASS is a rejected login', () => {
    expect(explain('C: PASS x\nS: -ERR').findings[0]?.category).toBe('auth.failed');
  });
  it('a bare -ERR after RETR 9 is a missing message', () => {
    expect(explain('C: RETR 9\nS: -ERR').findings[0]?.category).toBe('message.not-found');
  });
  it('a bare -ERR after USER is an unknown user on servers that check names early', () => {
    expect(explain('C: USER nobody\nS: -ERR').findings[0]?.category).toBe('auth.unknown-user');
  });
  it('a bare -ERR after QUIT means deleted messages were not removed', () => {
    expect(explain('C: QUIT\nS: -ERR').findings[0]?.category).toBe('update.delete-failed');
  });
  it('the same words mean an OAuth token problem after AUTH XOAUTH2, and a failed login after PASS', () => {
    expect(
      explain('C: AUTH XOAUTH2 dXNlcj1qb2UBYXV0aD1CZWFyZXIgeHl6AQE=\nS: -ERR [AUTH] Invalid credentials')
        .findings[0]?.category,
    ).toBe('auth.oauth-token');
    expect(explain('C: PASS hunter2\nS: -ERR [AUTH] Authentication failed.').findings[0]?.category).toBe(
      'auth.failed',
    );
  });
  it('a paste that starts with RETR starts mid-session, after a login it does not show', () => {
    expect(explain('C: RETR 9\nS: -ERR').findings[0]?.state).toBe('TRANSACTION');
    expect(explain('S: +OK ready\nC: RETR 9\nS: -ERR').findings[0]?.state).toBe('AUTHORIZATION');
  });
  it('pipelined commands are answered in order', () => {
    const result = explain('C: STAT\nC: RETR 5\nC: RETR 6\nS: +OK 1 100\nS: -ERR\nS: -ERR no such message');
    expect(result.findings.map((f) => f.command)).toEqual(['RETR 5', 'RETR 6']);
  });
  it('a -ERR greeting is told apart from a reply', () => {
    const result = explain('Connected to pop.example.com.\nS: -ERR\nC: USER joe');
    expect(result.findings[0]?.command).toBe('(greeting)');
  });
  it('an SMTP greeting on the POP port is the wrong service', () => {
    const result = explain(
      '$ telnet mail.example.com 110\nConnected to mail.example.com.\n220 mail.example.com ESMTP Postfix',
    );
    expect(result.findings[0]?.category).toBe('connect.wrong-service');
  });
});

describe('one response line inside noise', () => {
  const cases: [string, string][] = [
    ['-ERR [IN-USE] Unable to lock maildrop', 'mailbox.locked'],
    ['"-ERR [IN-USE] Unable to lock maildrop"', 'mailbox.locked'],
    ['2026-11-22 10:00:01,123 ERROR mailer: -ERR [IN-USE] Unable to lock maildrop\r', 'mailbox.locked'],
    ['The server responded: -ERR [IN-USE] Unable to lock maildrop', 'mailbox.locked'],
    ['  “-ERR [in-use] UNABLE TO LOCK MAILDROP”  ', 'mailbox.locked'],
    ['Nov 22 10:00:00 mx fetchmail[4242]: POP3< -ERR [IN-USE] Unable to lock maildrop', 'mailbox.locked'],
  ];
  for (const [line, category] of cases) {
    it(`finds ${JSON.stringify(line)}`, () => {
      const result = explain(line);
      expect(result.outcome).toBe('errors');
      expect(result.findings[0]?.category).toBe(category);
      expect(result.findings[0]?.responseCode).toBe('IN-USE');
    });
  }
  it('uses the RFC 2449 code alone when the words are unknown', () => {
    expect(explain('-ERR [SYS/TEMP] Frobnication backend went sideways').findings[0]?.category).toBe(
      'server.temporary',
    );
  });
  it('an unknown -ERR is category unknown, with help on reading it', () => {
    const f = explain('-ERR Flux capacitor overheated').findings[0];
    expect(f?.category).toBe('unknown');
    expect(f?.confidence).toBeLessThan(0.5);
    expect(f?.meaning.length).toBeGreaterThan(20);
  });
});

describe('language', () => {
  it("the seed's machine-translated French answers in French about a wrong password", () => {
    const result = explain(fixture('seed-french.txt'));
    expect(result.lang).toBe('fr');
    expect(result.findings[0]?.category).toBe('auth.bad-password');
    expect(result.findings[0]?.title).toMatch(/mot de passe/i);
  });
  it('a Vietnamese question gets a Vietnamese answer', () => {
    const result = explain(fixture('vietnamese-question.txt'));
    expect(result.lang).toBe('vi');
    expect(result.findings[0]?.category).toBe('mailbox.locked');
  });
  it('an explicit language wins over the words around the error', () => {
    expect(explain(fixture('seed-french.txt'), { lang: 'vi' }).lang).toBe('vi');
  });
  it('the fallback language applies only when the paste shows none', () => {
    expect(explain('-ERR no such message', { fallbackLang: 'fr' }).lang).toBe('fr');
  });
});
