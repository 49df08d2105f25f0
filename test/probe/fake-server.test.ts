import { type AddressInfo, createServer, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCerts, type TestCerts } from '../support/certs.js';
import {
  type FakePopServer,
  type FakeServerOptions,
  startFakePopServer,
} from '../support/fake-pop-server.js';
import { probe, statuses, step } from './helpers.js';

let certs: TestCerts;
const servers: FakePopServer[] = [];

beforeAll(() => {
  certs = makeTestCerts();
});
afterAll(() => certs?.cleanup());
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(options: FakeServerOptions): Promise<FakePopServer> {
  const server = await startFakePopServer(options);
  servers.push(server);
  return server;
}

const alice = { user: 'alice', password: 'correct horse' };

describe('a healthy server', () => {
  it('passes every step over STLS, logs in with AUTH PLAIN and recommends STARTTLS', async () => {
    const server = await serve({ tls: certs.valid });
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'stls', ...alice },
      { ca: certs.ca },
    );
    expect(statuses(report)).toBe(
      'target:ok dns:ok connect:ok greeting:ok capa:ok stls:ok tls:ok capa-after-stls:ok login:ok capa-after-login:ok stat:ok uidl:ok quit:ok',
    );
    expect(report.exitCode).toBe(0);
    expect(step(report, 'login').detail).toContain('AUTH PLAIN');
    expect(report.mailbox).toEqual({ messages: 2, octets: 320, uidl: true });
    expect(report.settings).toEqual({
      server: 'localhost',
      port: server.port,
      encryption: 'starttls',
      authentication: 'normal password',
      username: 'alice',
    });
    expect(report.capabilities.before?.map((c) => c.name)).toContain('STLS');
    expect(report.capabilities.afterStls?.map((c) => c.name)).not.toContain('STLS');
  });

  it('reports implicit TLS with the certificate facts', async () => {
    const server = await serve({ mode: 'implicit', tls: certs.valid });
    const report = await probe({ target: `localhost:${server.port}`, tls: 'implicit' }, { ca: certs.ca });
    expect(report.exitCode).toBe(0);
    expect(report.tls).toMatchObject({
      protocol: 'TLSv1.3',
      trusted: true,
      hostMatch: true,
      subject: 'CN=localhost',
    });
    expect(report.tls?.issuer).toContain('popbot test CA');
    expect(report.tls?.altNames).toContain('DNS:localhost');
    expect(report.tls?.daysLeft).toBeGreaterThanOrEqual(29);
    expect(report.settings?.encryption).toBe('ssl/tls');
    expect(step(report, 'login').status).toBe('skipped');
  });

  it('uses USER/PASS when SASL PLAIN is not offered', async () => {
    const server = await serve({ tls: certs.valid, capabilities: ['USER', 'UIDL'] });
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'stls', ...alice },
      { ca: certs.ca },
    );
    expect(step(report, 'login').detail).toContain('USER/PASS');
    expect(server.sessions[0]?.received).toContain('USER alice');
  });

  it('with --tls auto on a custom plain port, falls back to STARTTLS on the same port', async () => {
    const server = await serve({ tls: certs.valid });
    const report = await probe({ target: `localhost:${server.port}`, ...alice }, { ca: certs.ca });
    expect(step(report, 'tls', 0).code).toBe('tls.mismatch');
    expect(step(report, 'quit', 1).status).toBe('ok');
    expect(report.settings?.encryption).toBe('starttls');
    expect(report.exitCode).toBe(0);
  });
});

describe('encryption mix-ups are tls.mismatch, both ways', () => {
  it('TLS spoken to a plain port: the handshake meets a +OK greeting', async () => {
    const server = await serve({});
    const report = await probe({ target: `127.0.0.1:${server.port}`, tls: 'implicit' });
    const tls = step(report, 'tls');
    expect(tls.status).toBe('fail');
    expect(tls.code).toBe('tls.mismatch');
    expect(report.exitCode).toBe(2);
  });

  it('plain text spoken to an implicit-TLS port: silence, then a TLS handshake works there', async () => {
    const server = await serve({ mode: 'implicit', tls: certs.valid });
    const report = await probe(
      { target: `127.0.0.1:${server.port}`, tls: 'none', timeouts: { stepMs: 500 } },
      { ca: certs.ca },
    );
    const greeting = step(report, 'greeting');
    expect(greeting.status).toBe('fail');
    expect(greeting.code).toBe('tls.mismatch');
  });
});

describe('a broken greeting', () => {
  it('no greeting at all is a timeout, cut at the step limit', async () => {
    const server = await serve({ greeting: null });
    const started = Date.now();
    const report = await probe({
      target: `127.0.0.1:${server.port}`,
      tls: 'none',
      timeouts: { stepMs: 400 },
    });
    expect(step(report, 'greeting').status).toBe('fail');
    expect(step(report, 'greeting').code).not.toBe('tls.mismatch');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(report.exitCode).toBe(2);
  });

  it('a -ERR greeting fails the greeting and is explained', async () => {
    const server = await serve({ greeting: '-ERR [SYS/TEMP] Server too busy, try later' });
    const report = await probe({ target: `127.0.0.1:${server.port}`, tls: 'none' });
    expect(step(report, 'greeting').status).toBe('fail');
    expect(step(report, 'greeting').detail).toContain('Server too busy');
  });

  it('garbage is a protocol error', async () => {
    const server = await serve({ greeting: 'hello there, whoever you are' });
    const report = await probe({ target: `127.0.0.1:${server.port}`, tls: 'none' });
    expect(step(report, 'greeting').status).toBe('fail');
  });

  it.each([
    ['an SMTP 220', '220 mail.example.com ESMTP Postfix', 'SMTP'],
    ['an IMAP * OK', '* OK [CAPABILITY IMAP4rev1] Dovecot ready.', 'IMAP'],
  ])('%s greeting is the wrong service', async (_name, greeting, protocol) => {
    const server = await serve({ greeting });
    const report = await probe({ target: `127.0.0.1:${server.port}`, tls: 'none' });
    expect(step(report, 'greeting').code).toBe('connect.wrong-service');
    expect(step(report, 'greeting').detail).toContain(protocol);
  });

  it('an early close is reported as a closed connection', async () => {
    const server = await serve({ greeting: (s) => s.socket.destroy() });
    const report = await probe({ target: `127.0.0.1:${server.port}`, tls: 'none' });
    expect(step(report, 'greeting').status).toBe('fail');
    expect(report.exitCode).toBe(2);
  });

  it('notes the APOP timestamp and the server software from the banner', async () => {
    const server = await serve({ greeting: '+OK Dovecot ready. <1896.697170952@dbc.mtview.ca.us>' });
    const report = await probe({ target: `127.0.0.1:${server.port}`, tls: 'none' });
    expect(report.server).toMatchObject({ software: 'Dovecot', apop: true });
  });
});

describe('a malicious server cannot hold the probe', () => {
  it('slow drip: a byte at a time is cut off at the step limit', async () => {
    const server = await serve({
      greeting: (s) => {
        let i = 0;
        const text = '+OK this greeting never ends in time\r\n';
        s.every(100, () => s.writeRaw(text[i++ % text.length]!));
      },
    });
    const started = Date.now();
    const report = await probe({
      target: `127.0.0.1:${server.port}`,
      tls: 'none',
      timeouts: { stepMs: 600 },
    });
    expect(step(report, 'greeting').code).toBe('probe.drip');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('endless line: cut off at the line limit', async () => {
    const server = await serve({ greeting: (s) => s.every(5, () => s.writeRaw('A'.repeat(1024))) });
    const report = await probe({ target: `127.0.0.1:${server.port}`, tls: 'none' });
    expect(step(report, 'greeting').code).toBe('probe.line-too-long');
  });

  it('huge greeting in one write: cut off at the line limit', async () => {
    const server = await serve({ greeting: (s) => s.writeRaw(`+OK ${'x'.repeat(1024 * 1024)}\r\n`) });
    const report = await probe({ target: `127.0.0.1:${server.port}`, tls: 'none' });
    expect(step(report, 'greeting').code).toBe('probe.line-too-long');
  });

  it('endless multi-line CAPA: cut off at the response limit', async () => {
    const server = await serve({
      handlers: {
        CAPA: (s) => {
          s.write('+OK');
          s.every(2, () => {
            for (let i = 0; i < 50; i++) s.write(`X-CAP-${i} ${'y'.repeat(100)}`);
          });
        },
      },
    });
    const report = await probe({ target: `127.0.0.1:${server.port}`, tls: 'none' });
    expect(step(report, 'capa').code).toBe('probe.response-too-large');
  });

  it('a TLS handshake that stalls is cut off at the step limit', async () => {
    const open = new Set<Socket>();
    const silent = createServer((socket) => {
      open.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => open.delete(socket));
      // Read (and drop) the ClientHello: a socket that never reads never sees the peer's close.
      socket.resume();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const started = Date.now();
      const report = await probe({ target: `127.0.0.1:${port}`, tls: 'implicit', timeouts: { stepMs: 400 } });
      expect(step(report, 'tls').status).toBe('fail');
      expect(step(report, 'tls').detail).toContain('TLS handshake');
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      // The server sees the probe's close a moment later.
      for (let i = 0; i < 50 && open.size > 0; i++) await new Promise((r) => setTimeout(r, 10));
      const left = open.size;
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
      expect(left).toBe(0);
    }
  });

  it('every socket is closed after the probe, whatever happened', async () => {
    const server = await serve({ greeting: (s) => s.every(5, () => s.writeRaw('B'.repeat(2048))) });
    await probe({ target: `127.0.0.1:${server.port}`, tls: 'none' });
    await new Promise((r) => setTimeout(r, 100));
    expect(server.sessions.every((s) => s.socket.destroyed || s.socket.readableEnded)).toBe(true);
  });

  it('an abort signal ends the probe at once with UNKNOWN', async () => {
    const server = await serve({ greeting: null });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const report = await probe({
      target: `127.0.0.1:${server.port}`,
      tls: 'none',
      signal: controller.signal,
    });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(report.exitCode).toBe(3);
  });
});

describe('certificates', () => {
  it.each([
    ['expired', () => certs.expired, 'CERT_HAS_EXPIRED'],
    ['self-signed', () => certs.selfSigned, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['for another host', () => certs.wrongHost, 'ERR_TLS_CERT_ALTNAME_INVALID'],
  ])('an %s certificate fails the TLS step and stops before login', async (_name, cert, reason) => {
    const server = await serve({ mode: 'implicit', tls: cert() });
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'implicit', ...alice },
      { ca: certs.ca },
    );
    expect(report.tls?.reason).toBe(reason);
    expect(step(report, 'tls').status).toBe('fail');
    expect(step(report, 'login').status).toBe('skipped');
    expect(server.sessions.flatMap((s) => s.received)).toEqual([]);
    expect(report.exitCode).toBe(2);
  });

  it('--insecure goes on past an untrusted certificate, flagged as a warning', async () => {
    const server = await serve({ mode: 'implicit', tls: certs.selfSigned });
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'implicit', insecure: true, ...alice },
      { ca: certs.ca },
    );
    expect(step(report, 'tls').status).toBe('warn');
    expect(step(report, 'tls').detail).toContain('--insecure');
    expect(step(report, 'login').status).toBe('ok');
    expect(report.exitCode).toBe(1);
  });

  it('a certificate expiring within --cert-warn-days is a warning', async () => {
    const server = await serve({ mode: 'implicit', tls: certs.expiringSoon });
    const report = await probe({ target: `localhost:${server.port}`, tls: 'implicit' }, { ca: certs.ca });
    expect(step(report, 'tls').status).toBe('warn');
    expect(report.tls?.daysLeft).toBe(5);
    expect(report.exitCode).toBe(1);
    const relaxed = await probe(
      { target: `localhost:${server.port}`, tls: 'implicit', certWarnDays: 3 },
      { ca: certs.ca },
    );
    expect(relaxed.exitCode).toBe(0);
  });
});

describe('STLS', () => {
  it('STLS listed in CAPA but refused fails the step and sends no password', async () => {
    const server = await serve({
      capabilities: ['STLS', 'USER', 'UIDL'],
      handlers: { STLS: (s) => s.write("-ERR TLS support isn't enabled.") },
    });
    const report = await probe({ target: `127.0.0.1:${server.port}`, tls: 'stls', ...alice });
    expect(step(report, 'stls').status).toBe('fail');
    expect(step(report, 'stls').detail).toContain("TLS support isn't enabled");
    expect(server.sessions[0]?.received.some((l) => l.startsWith('PASS') || l.startsWith('AUTH'))).toBe(
      false,
    );
  });

  it('fail-closed: bytes sent after +OK and before the handshake are discarded, not read as encrypted', async () => {
    const server = await serve({
      tls: certs.valid,
      handlers: {
        STLS: (s) => {
          // A man in the middle appends a line to the plain-text +OK (the STARTTLS injection attack).
          s.writeRaw('+OK Begin TLS\r\n+OK injected\r\n');
          s.startTls();
        },
      },
    });
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'stls', transcript: true },
      { ca: certs.ca },
    );
    expect(report.transcript?.some((l) => l.dir === '*' && l.text.includes('discarded'))).toBe(true);
    expect(report.capabilities.afterStls?.map((c) => c.name)).toContain('USER');
    expect(report.exitCode).toBe(0);
  });
});

describe('login', () => {
  it('never sends a password over plain text without --allow-plaintext', async () => {
    const server = await serve({});
    const report = await probe({ target: `127.0.0.1:${server.port}`, tls: 'none', ...alice });
    expect(step(report, 'login').status).toBe('warn');
    expect(step(report, 'login').code).toBe('probe.plaintext-refused');
    expect(server.sessions[0]?.received.join('\n')).not.toContain('correct horse');
    expect(server.sessions[0]?.received.some((l) => /^(PASS|AUTH|USER)/.test(l))).toBe(false);
  });

  it('sends it with --allow-plaintext, and says so', async () => {
    const server = await serve({});
    const report = await probe({
      target: `127.0.0.1:${server.port}`,
      tls: 'none',
      allowPlaintext: true,
      ...alice,
    });
    expect(step(report, 'login').status).toBe('warn');
    expect(step(report, 'stat').status).toBe('ok');
  });

  it.each([
    ['LOGIN-DELAY', '-ERR [LOGIN-DELAY] Wait 5 minutes between logins'],
    ['IN-USE', '-ERR [IN-USE] Mailbox is locked by another POP3 session.'],
  ])('a %s refusal fails the login with the server line', async (_code, line) => {
    const server = await serve({ tls: certs.valid, handlers: { AUTH: (s) => s.write(line) } });
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'stls', ...alice },
      { ca: certs.ca },
    );
    expect(step(report, 'login').status).toBe('fail');
    expect(step(report, 'login').detail).toContain(line.slice(5));
    expect(report.exitCode).toBe(2);
  });

  it('APOP on request; when it fails and the normal password works, says so', async () => {
    const server = await serve({
      tls: certs.valid,
      greeting: '+OK ready <1896.697170952@dbc.mtview.ca.us>',
      handlers: { APOP: (s) => s.write('-ERR [AUTH] Authentication failed.') },
      capabilities: ['USER', 'UIDL'],
    });
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'stls', apop: true, ...alice },
      { ca: certs.ca },
    );
    // The refused APOP is the finding; the normal password is tried on a new connection, and works.
    const apop = step(report, 'login', 0);
    expect(apop.status).toBe('fail');
    expect(report.findings[apop.finding!]?.category).toBe('auth.mechanism');
    expect(step(report, 'login', 1).status).toBe('warn');
    expect(step(report, 'login', 1).detail).toMatch(/APOP/);
    expect(server.sessions[0]?.received.find((l) => l.startsWith('APOP'))).toMatch(
      /^APOP alice [0-9a-f]{32}$/,
    );
    expect(server.sessions[0]?.received.some((l) => l.startsWith('USER'))).toBe(false);
    expect(server.sessions[1]?.received).toContain('USER alice');
    expect(report.settings?.authentication).toBe('normal password');
    expect(report.exitCode).toBe(1);
  });

  it('without CAPA the check goes on; without UIDL it warns', async () => {
    const server = await serve({
      tls: certs.valid,
      handlers: {
        CAPA: (s) => s.write('-ERR Unknown command'),
        UIDL: (s) => s.write('-ERR Unknown command'),
      },
    });
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'stls', ...alice },
      { ca: certs.ca },
    );
    expect(step(report, 'capa').status).toBe('warn');
    expect(step(report, 'login').status).toBe('ok');
    expect(step(report, 'uidl').status).toBe('warn');
    expect(report.mailbox?.uidl).toBe(false);
    expect(report.exitCode).toBe(1);
  });

  it('a -ERR at QUIT after login fails the check (deletions not done)', async () => {
    const server = await serve({
      tls: certs.valid,
      handlers: { QUIT: (s) => s.write('-ERR Some deleted messages not removed') },
    });
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'stls', ...alice },
      { ca: certs.ca },
    );
    expect(step(report, 'quit').status).toBe('fail');
    expect(report.exitCode).toBe(2);
  });
});
