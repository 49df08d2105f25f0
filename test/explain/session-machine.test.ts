import { describe, expect, it } from 'vitest';
import { SessionMachine } from '../../src/explain/session/session-machine.js';

function run(lines: string[]) {
  const machine = new SessionMachine({ hasClientCommands: true });
  const observations = lines.map((line, i) => machine.feed(line, i + 1));
  return { machine, view: machine.session, observations };
}

describe('the session machine keeps what the session has shown', () => {
  it('states, TLS, the CAPA lists before and after STLS and after login, the user, deletions', () => {
    const { view, observations } = run([
      'S: +OK Dovecot ready. <1.2@pop.example.com>',
      'C: CAPA',
      'S: +OK',
      'S: STLS',
      'S: SASL',
      'S: IMPLEMENTATION Dovecot',
      'S: .',
      'C: STLS',
      'S: +OK Begin TLS negotiation now.',
      'C: CAPA',
      'S: +OK',
      'S: USER',
      'S: SASL PLAIN LOGIN',
      'S: .',
      'C: USER joe',
      'S: +OK',
      'C: PASS secret',
      'S: +OK Logged in, 4 messages.',
      'C: CAPA',
      'S: +OK',
      'S: TOP',
      'S: UIDL',
      'S: .',
      'C: DELE 2',
      'S: +OK',
    ]);
    expect(view.state).toBe('TRANSACTION');
    expect(view.tls).toBe(true);
    expect(view.greeting).toContain('<1.2@pop.example.com>');
    expect([...view.capa.beforeTls!.names]).toEqual(['STLS', 'SASL', 'IMPLEMENTATION']);
    expect(view.capa.beforeTls!.implementation).toBe('Dovecot');
    expect(view.capa.afterTls!.sasl).toEqual(['PLAIN', 'LOGIN']);
    expect(view.capa.afterTls!.lineNumber).toBe(11);
    expect([...view.capa.afterLogin!.names]).toEqual(['TOP', 'UIDL']);
    expect(view.user).toBe('joe');
    expect(view.messageCount).toBe(4);
    expect([...view.deleted]).toEqual([[2, 24]]);
    // Each reply names the command it answers, with the state and TLS it was sent in.
    expect(observations[15]?.answers).toMatchObject({ verb: 'USER', state: 'AUTHORIZATION', tls: true });
    // The password never reaches what is shown.
    expect(observations[16]?.shown).toBe('C: PASS secret');
    expect(observations[17]?.answers?.display).toBe('PASS ****');
  });

  it('QUIT after a login enters UPDATE; a refused QUIT there is an UPDATE-state failure', () => {
    const { view, observations } = run([
      'S: +OK',
      'C: USER a',
      'S: +OK',
      'C: PASS b',
      'S: +OK',
      'C: QUIT',
      'S: -ERR',
    ]);
    expect(view.state).toBe('TRANSACTION');
    expect(observations[6]?.answers).toMatchObject({ verb: 'QUIT', state: 'UPDATE' });
    const quit = run(['S: +OK', 'C: USER a', 'S: +OK', 'C: PASS b', 'S: +OK', 'C: QUIT', 'S: +OK bye']);
    expect(quit.view.state).toBe('UPDATE');
  });

  it('pipelined commands take their replies in order', () => {
    const { observations } = run([
      'S: +OK',
      'C: USER a',
      'C: PASS b',
      'C: STAT',
      'S: +OK',
      'S: +OK',
      'S: -ERR',
    ]);
    expect(observations.slice(4).map((o) => o.answers?.verb)).toEqual(['USER', 'PASS', 'STAT']);
  });

  it('stays bounded on a log of any length: at most 256 commands wait for a reply (the oldest are dropped)', () => {
    const machine = new SessionMachine({ hasClientCommands: true });
    for (let i = 0; i < 10_000; i++) machine.feed('C: NOOP', i + 1);
    machine.feed('S: +OK', 10_001);
    machine.feed('C: CAPA', 10_002);
    expect(machine.feed('S: +OK', 10_003).answers?.lineNumber).toBe(9_746);
  });
});

describe("a message's text is the mail's, not the program's output", () => {
  it('marks the lines of a RETR or TOP answer as message text, not those of a CAPA or LIST answer', () => {
    const lines = [
      'C: CAPA',
      'S: +OK',
      'S: USER',
      'S: .',
      'C: RETR 1',
      'S: +OK 64 octets',
      'Subject: new server',
      '',
      'curl: (7) Failed to connect to pop.elsewhere.example port 995',
      '.',
      'C: LIST',
      'S: +OK',
      'S: 1 64',
      'S: .',
    ];
    const machine = new SessionMachine({ hasClientCommands: true });
    // As the line finder asks it: a data line read while a message is being sent.
    const inMessage = lines.flatMap((line, i) => {
      const observation = machine.feed(line, i + 1);
      return observation.read.kind === 'data' && machine.inMessage ? [i + 1] : [];
    });
    expect(inMessage).toEqual([7, 8, 9]);
  });
});
