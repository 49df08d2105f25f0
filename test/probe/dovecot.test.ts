import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocketFactory } from '../../src/probe/types.js';
import { makeTestCerts, type TestCerts } from '../support/certs.js';
import { type Dovecot, dovecotBinary, startDovecot } from '../support/dovecot.js';
import { probe, statuses, step } from './helpers.js';

const binary = dovecotBinary();
const inCI = process.env.CI === 'true' || process.env.CI === '1';
if (!binary && !inCI) {
  console.warn(
    'dovecot not installed: the real-server probe tests are skipped (apt-get install dovecot-pop3d)',
  );
}

/**
 * Each test connects from its own 127.0.0.x source address: after a failed login Dovecot slows down
 * further logins from the same address by seconds.
 */
let nextSource = 10;
function fromNewSource(): SocketFactory {
  const localAddress = `127.0.0.${nextSource++}`;
  return {
    tcp: ({ host, port, family }) => netConnect({ host, port, family, localAddress }),
    tls: (options) => tlsConnect(options),
  };
}

// In CI a missing dovecot must fail, never skip: `describe.skipIf` only when not in CI.
describe.skipIf(!binary && !inCI)('against a real Dovecot', () => {
  let certs: TestCerts;
  let dovecot: Dovecot;
  const alice = { user: 'alice', password: 'correct horse' };

  beforeAll(async () => {
    if (!binary)
      throw new Error(
        'CI=true but dovecot is not installed: .ci/install-system-deps.sh must install dovecot-pop3d',
      );
    certs = makeTestCerts();
    dovecot = await startDovecot({
      certs,
      users: { alice: alice.password, bob: 'bob pass' },
      maxUserIpConnections: 1,
    });
  });
  afterAll(() => {
    dovecot?.stop();
    certs?.cleanup();
  });

  it('logs in over STLS and reads STAT, recognising Dovecot', async () => {
    const report = await probe(
      { target: `localhost:${dovecot.plainPort}`, tls: 'stls', ...alice },
      { ca: certs.ca, sockets: fromNewSource() },
    );
    expect(statuses(report)).not.toContain('fail');
    expect(report.exitCode).toBe(0);
    expect(report.mailbox).toEqual({ messages: 2, octets: expect.any(Number), uidl: true });
    expect(report.server?.software).toBe('Dovecot');
    expect(report.capabilities.afterLogin?.map((c) => c.name)).toContain('UIDL');
    expect(report.settings?.encryption).toBe('starttls');
  });

  it('logs in over implicit TLS', async () => {
    const report = await probe(
      { target: `127.0.0.1:${dovecot.tlsPort}`, tls: 'implicit', ...alice },
      { ca: certs.ca, sockets: fromNewSource() },
    );
    expect(report.exitCode).toBe(0);
    expect(report.tls?.trusted).toBe(true);
    expect(step(report, 'stat').status).toBe('ok');
  });

  it('essential steps: the login and STAT, then QUIT, with no CAPA after login and no UIDL', async () => {
    const report = await probe(
      {
        target: `127.0.0.1:${dovecot.tlsPort}`,
        tls: 'implicit',
        steps: 'essential',
        transcript: true,
        ...alice,
      },
      { ca: certs.ca, sockets: fromNewSource() },
    );
    expect(report.exitCode).toBe(0);
    expect(report.steps.map((s) => s.name)).toEqual([
      'target',
      'dns',
      'connect',
      'tls',
      'greeting',
      'capa',
      'login',
      'stat',
      'quit',
    ]);
    expect(report.mailbox).toEqual({ messages: 2, octets: expect.any(Number) });
    expect(report.capabilities.afterLogin).toBeUndefined();
    const sent = report.transcript?.filter((l) => l.dir === 'C').map((l) => l.text.split(' ')[0]);
    expect(sent).toEqual(['CAPA', 'AUTH', 'STAT', 'QUIT']);
  });

  it('a wrong password fails the login with Dovecot’s [AUTH] reply', async () => {
    const report = await probe(
      { target: `localhost:${dovecot.plainPort}`, tls: 'stls', user: 'alice', password: 'wrong' },
      { ca: certs.ca, sockets: fromNewSource() },
    );
    expect(step(report, 'login').status).toBe('fail');
    expect(step(report, 'login').detail).toContain('[AUTH] Authentication failed.');
    expect(report.exitCode).toBe(2);
  });

  it('an unknown user fails the same way (Dovecot does not say which part is wrong)', async () => {
    const report = await probe(
      { target: `localhost:${dovecot.plainPort}`, tls: 'stls', user: 'nobody', password: 'whatever' },
      { ca: certs.ca, sockets: fromNewSource() },
    );
    expect(step(report, 'login').status).toBe('fail');
    expect(step(report, 'login').detail).toContain('[AUTH]');
  });

  it('plain-text login before TLS is refused by the server (on 127.0.0.2, not a "secure" address)', async () => {
    const report = await probe(
      { target: `127.0.0.2:${dovecot.plainPort}`, tls: 'none', allowPlaintext: true, ...alice },
      { sockets: fromNewSource() },
    );
    const login = step(report, 'login');
    expect(login.status).toBe('fail');
    expect(login.detail).toMatch(/Plaintext authentication disallowed/);
  });

  it('without --allow-plaintext no password is sent, and CAPA (no USER before STLS) says why: tls.required', async () => {
    const report = await probe(
      { target: `127.0.0.2:${dovecot.plainPort}`, tls: 'none', transcript: true, ...alice },
      { sockets: fromNewSource() },
    );
    expect(step(report, 'login').code).toBe('tls.required');
    expect(report.transcript?.some((l) => l.dir === 'C' && /^(USER|PASS|AUTH)/.test(l.text))).toBe(false);
    expect(report.settings).toBeUndefined();
    expect(report.exitCode).toBe(2);
  });

  it('--tls none --allow-plaintext where Dovecot offers STLS: logs in, and never recommends no encryption', async () => {
    // From 127.0.0.1 to 127.0.0.1, Dovecot counts the connection as secure and takes the plain login.
    const report = await probe({
      target: `127.0.0.1:${dovecot.plainPort}`,
      tls: 'none',
      allowPlaintext: true,
      ...alice,
    });
    expect(report.capabilities.before?.map((c) => c.name)).toContain('STLS');
    expect(report.loginVerified).toBe(true);
    expect(report.settings).toBeUndefined();
  });

  it('a second session over mail_max_userip_connections is refused with Dovecot’s too-many-connections reply', async () => {
    const sockets = fromNewSource();
    // Hold one logged-in session for bob, from the same source address the probe will use.
    const holder = await holdSession(sockets, dovecot.tlsPort, certs.ca, 'bob', 'bob pass');
    // Dovecot counts sessions in its anvil process, told a moment after the +OK: give it that moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      const report = await probe(
        { target: `127.0.0.1:${dovecot.tlsPort}`, tls: 'implicit', user: 'bob', password: 'bob pass' },
        { ca: certs.ca, sockets },
      );
      // Dovecot 2.3.19.1 answers [SYS/TEMP] in Debian 12's deb12u6 (the pop3 process refuses it after the
      // login), [IN-USE] where the login process's own anvil lookup sees the first session in time.
      expect(step(report, 'login').detail, statuses(report)).toMatch(
        /\[(?:IN-USE|SYS\/TEMP)\] Maximum number of connections from user\+IP exceeded/,
      );
      expect(step(report, 'login').status).toBe('fail');
    } finally {
      holder.destroy();
    }
  });
});

async function holdSession(
  sockets: SocketFactory,
  port: number,
  ca: string,
  user: string,
  password: string,
): Promise<Socket> {
  const raw = sockets.tcp({ host: '127.0.0.1', port, family: 4 });
  const socket = tlsConnect({ socket: raw, ca, servername: 'localhost' });
  socket.setEncoding('utf8');
  let buffer = '';
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return false;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        socket.off('data', onData);
        resolve(line);
        return true;
      };
      const onData = (d: string) => {
        buffer += d;
        check();
      };
      if (!check()) socket.on('data', onData);
      socket.once('error', reject);
    });
  await next();
  socket.write(`USER ${user}\r\n`);
  await next();
  socket.write(`PASS ${password}\r\n`);
  const reply = await next();
  if (!reply.startsWith('+OK')) throw new Error(`holder login failed: ${reply}`);
  return socket;
}
