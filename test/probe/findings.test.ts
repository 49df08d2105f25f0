import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { ProbeGuard } from '../../src/probe/guard.js';
import type { ProbeReport, StepName } from '../../src/probe/types.js';
import { makeTestCerts, type TestCerts } from '../support/certs.js';
import {
  type FakePopServer,
  type FakeServerOptions,
  startFakePopServer,
} from '../support/fake-pop-server.js';
import { probe, step } from './helpers.js';

let certs: TestCerts;
let server: FakePopServer | undefined;
beforeAll(() => {
  certs = makeTestCerts();
});
afterAll(() => certs?.cleanup());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const alice = { user: 'alice', password: 'correct horse' };

/** The category of the finding that explains `name`. */
function explained(report: ProbeReport, name: StepName): string | undefined {
  const s = step(report, name);
  return s.finding === undefined ? undefined : report.findings[s.finding]?.category;
}

async function against(options: FakeServerOptions, request: Partial<Parameters<typeof probe>[0]> = {}) {
  server = await startFakePopServer({ tls: certs.valid, ...options });
  return probe({ target: `localhost:${server.port}`, tls: 'stls', ...alice, ...request }, { ca: certs.ca });
}

describe('every failure is explained by the explainer, in the same categories', () => {
  it('connection refused → connect.refused', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise((r) => closed.close(r));
    const report = await probe({ target: `127.0.0.1:${port}`, tls: 'none' });
    expect(explained(report, 'connect')).toBe('connect.refused');
    expect(report.findings[0]?.line).toContain('ECONNREFUSED');
  });

  it('a name that does not resolve → connect.dns', async () => {
    const resolver = {
      lookup: async (host: string) => {
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      },
      resolveSrv: async () => [],
    };
    const report = await probe(
      { target: 'pop.nowhere.example:995', tls: 'implicit' },
      { resolver, guard: new ProbeGuard({ resolver }) },
    );
    expect(explained(report, 'dns')).toBe('connect.dns');
    expect(report.exitCode).toBe(2);
  });

  it('a refused password → auth.failed, with the masked command as context', async () => {
    const report = await against({}, { password: 'wrong' });
    expect(explained(report, 'login')).toBe('auth.failed');
    expect(report.findings[step(report, 'login').finding!]?.command).toBe('AUTH PLAIN ****');
  });

  it('STLS refused → tls.unavailable', async () => {
    const report = await against({ handlers: { STLS: (s) => s.write("-ERR TLS support isn't enabled.") } });
    expect(explained(report, 'stls')).toBe('tls.unavailable');
  });

  it('an expired certificate → tls.certificate', async () => {
    server = await startFakePopServer({ mode: 'implicit', tls: certs.expired });
    const report = await probe({ target: `localhost:${server.port}`, tls: 'implicit' }, { ca: certs.ca });
    expect(explained(report, 'tls')).toBe('tls.certificate');
  });

  it('TLS spoken to a plain port → tls.mismatch', async () => {
    server = await startFakePopServer({});
    const report = await probe({ target: `127.0.0.1:${server.port}`, tls: 'implicit' });
    expect(explained(report, 'tls')).toBe('tls.mismatch');
  });

  it('plain text spoken to an implicit-TLS port → tls.mismatch', async () => {
    server = await startFakePopServer({ mode: 'implicit', tls: certs.valid });
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'none', timeouts: { stepMs: 400 } },
      { ca: certs.ca },
    );
    expect(explained(report, 'greeting')).toBe('tls.mismatch');
  });

  it('an SMTP greeting → connect.wrong-service', async () => {
    const report = await against({ greeting: '220 mail.example.com ESMTP Postfix' });
    expect(explained(report, 'greeting')).toBe('connect.wrong-service');
  });

  it('a silent server → connect.timeout', async () => {
    const report = await against({ greeting: null }, { tls: 'none', timeouts: { stepMs: 300 } });
    expect(explained(report, 'greeting')).toBe('connect.timeout');
  });

  it('a connection closed mid-session → connect.reset', async () => {
    const report = await against({
      handlers: {
        CAPA: (s) => {
          s.socket.destroy();
        },
      },
    });
    expect(explained(report, 'capa')).toBe('connect.reset');
  });

  it('[IN-USE] at login → mailbox.locked', async () => {
    const report = await against({
      handlers: { AUTH: (s) => s.write('-ERR [IN-USE] Mailbox is locked by another POP3 session.') },
    });
    expect(explained(report, 'login')).toBe('mailbox.locked');
  });

  it('-ERR at QUIT after login → update.delete-failed', async () => {
    const report = await against({
      handlers: { QUIT: (s) => s.write('-ERR Some deleted messages not removed') },
    });
    expect(explained(report, 'quit')).toBe('update.delete-failed');
  });

  it('findings come in the request’s language, the same as popbot explain gives', async () => {
    const report = await against({}, { password: 'wrong', lang: 'fr' });
    const finding = report.findings[step(report, 'login').finding!]!;
    const direct = explain('C: AUTH PLAIN ****\nS: -ERR [AUTH] Authentication failed.', { lang: 'fr' })
      .findings[0]!;
    expect(finding.title).toBe(direct.title);
    expect(Object.keys(finding).sort()).toEqual(Object.keys(direct).sort());
    expect(step(report, 'login').detail).toMatch(/^Identification refusée/);
  });
});
