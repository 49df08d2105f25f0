import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderProbeText } from '../../src/probe/render.js';
import type { ProbeReport, ProbeStep } from '../../src/probe/types.js';
import { makeTestCerts, type TestCerts } from '../support/certs.js';
import {
  type FakePopServer,
  type FakeServerOptions,
  startFakePopServer,
} from '../support/fake-pop-server.js';
import { probe } from './helpers.js';

const PASSWORD = 'S3cret-Pa55word!';
const PLAIN_PAYLOAD = Buffer.from(`\0alice\0${PASSWORD}`).toString('base64');

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

/** Everything a probe produces that a person or a machine could see. */
function everything(report: ProbeReport, live: ProbeStep[]): string {
  return [
    JSON.stringify(report),
    JSON.stringify(live),
    renderProbeText(report, 'en', { color: false }),
    renderProbeText(report, 'fr', { color: true }),
  ].join('\n');
}

async function run(options: FakeServerOptions, extra: { apop?: boolean } = {}) {
  server = await startFakePopServer({ tls: certs.valid, users: { alice: PASSWORD }, ...options });
  const live: ProbeStep[] = [];
  const report = await probe(
    {
      target: `localhost:${server.port}`,
      tls: 'stls',
      user: 'alice',
      password: PASSWORD,
      transcript: true,
      onStep: (s) => live.push(s),
      ...extra,
    },
    { ca: certs.ca },
  );
  return { report, text: everything(report, live), received: server.sessions.flatMap((s) => s.received) };
}

describe('the password never appears in output, errors, JSON or transcript', () => {
  it('USER/PASS: masked as PASS **** in the transcript', async () => {
    const { text, received } = await run({ capabilities: ['USER', 'UIDL'] });
    expect(received).toContain(`PASS ${PASSWORD}`); // it was really sent...
    expect(text).toContain('PASS ****'); // ...and shown masked
    expect(text).not.toContain(PASSWORD);
  });

  it('AUTH PLAIN: the base64 payload is masked too', async () => {
    const { text, received } = await run({});
    expect(received).toContain(`AUTH PLAIN ${PLAIN_PAYLOAD}`);
    expect(text).toContain('AUTH PLAIN ****');
    expect(text).not.toContain(PLAIN_PAYLOAD);
    expect(text).not.toContain(PASSWORD);
  });

  it('AUTH PLAIN as a continuation line', async () => {
    const { text, received } = await run({
      handlers: {
        AUTH: (s, args) => {
          s.write('+ ');
          void args;
        },
      },
    });
    expect(received.join('\n')).toContain(PLAIN_PAYLOAD);
    expect(text).not.toContain(PLAIN_PAYLOAD);
    expect(text).not.toContain(PASSWORD);
  });

  it('APOP: the digest is masked', async () => {
    const { text, received } = await run(
      { greeting: '+OK ready <1.2@example.com>', handlers: { APOP: (s) => s.write('+OK') } },
      { apop: true },
    );
    const digest = received.find((l) => l.startsWith('APOP'))?.split(' ')[2];
    expect(digest).toMatch(/^[0-9a-f]{32}$/);
    expect(text).not.toContain(digest!);
    expect(text).not.toContain(PASSWORD);
  });

  it('a hostile server that echoes the password back in its -ERR cannot leak it', async () => {
    const { report, text } = await run({
      capabilities: ['USER'],
      handlers: { PASS: (s, args) => s.write(`-ERR [AUTH] wrong password: ${args}`) },
    });
    expect(report.steps.find((s) => s.name === 'login')?.status).toBe('fail');
    expect(text).toContain('wrong password: ****');
    expect(text).not.toContain(PASSWORD);
  });

  it('a user name or password with a line break is refused before anything is sent', async () => {
    server = await startFakePopServer({ tls: certs.valid });
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'stls', user: 'alice\r\nDELE 1', password: PASSWORD },
      { ca: certs.ca },
    );
    expect(report.exitCode).toBe(3);
    expect(server.connections).toBe(0);
    const report2 = await probe(
      { target: `localhost:${server.port}`, tls: 'stls', user: 'alice', password: `${PASSWORD}\r\nDELE 1` },
      { ca: certs.ca },
    );
    expect(report2.exitCode).toBe(3);
    expect(JSON.stringify(report2)).not.toContain(PASSWORD);
  });
});
