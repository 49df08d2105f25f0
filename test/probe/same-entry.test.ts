import { connect as netConnect, createServer, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCheckCommand } from '../../src/cli/check.js';
import { explain } from '../../src/explain/explain.js';
import type { ExplainOptions } from '../../src/explain/types.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';
import { FAILURE_ENTRIES } from '../../src/probe/failure-entries.js';
import type { ProbeReport } from '../../src/probe/types.js';
import { type CertPair, makeTestCerts, type TestCerts } from '../support/certs.js';
import { runCli, runWithIO } from '../support/cli-io.js';
import { type FakePopServer, startFakePopServer } from '../support/fake-pop-server.js';

/**
 * Issue #12 item 4: the probe names the entry for its own failures by step and code, and reads with the
 * explainer only what a server really sent. For the same failure, `popbot check` and `popbot explain` (fed
 * the words Node itself produced for it, here and now) land on the same entry.
 */

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

/** `popbot check --json`, with an explainer that records every text it is asked to read. */
async function checkJson(args: string[]): Promise<{ report: ProbeReport; explained: string[] }> {
  const explained: string[] = [];
  const spy = (input: string, options?: ExplainOptions) => {
    explained.push(input);
    return explain(input, options);
  };
  const run = await runWithIO((io) =>
    runCheckCommand(['--json', '--allow-private', '--timeout', '5', ...args], io, {
      ca: certs.ca,
      explain: spy,
    }),
  );
  return { report: JSON.parse(run.stdout) as ProbeReport, explained };
}

async function explainEntry(text: string): Promise<string | undefined> {
  const run = await runCli(['explain', '--json', text]);
  const result = JSON.parse(run.stdout) as { findings: { entry: string }[] };
  return result.findings[0]?.entry;
}

/** What Node says when it meets this failure itself, with verification on. */
function nodeError(connect: () => Socket) {
  return new Promise<string>((resolve) => {
    const socket = connect();
    socket.on('error', (e: Error) => resolve(String(e)));
    socket.on('secureConnect', () => resolve('no error'));
  });
}

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('popbot check and popbot explain give the same entry for the same failure', () => {
  it('connection refused', async () => {
    const port = await closedPort();
    const { report, explained } = await checkJson(['--tls', 'none', `127.0.0.1:${port}`]);
    const words = await nodeError(() => netConnect({ host: '127.0.0.1', port }));
    const entry = report.steps.find((s) => s.name === 'connect')?.entry;
    expect(entry).toBe('econnrefused');
    expect(await explainEntry(words)).toBe(entry);
    expect(explained).toEqual([]);
  });

  it('TLS spoken to a plain-text port', async () => {
    server = await startFakePopServer({});
    const port = server.port;
    const { report, explained } = await checkJson(['--tls', 'implicit', `127.0.0.1:${port}`]);
    const words = await nodeError(() => tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false }));
    const entry = report.steps.find((s) => s.name === 'tls')?.entry;
    expect(entry).toBe('openssl-wrong-version-number');
    expect(await explainEntry(words)).toBe(entry);
    expect(explained).toEqual([]);
  });

  it.each([
    ['self-signed', 'selfSigned', 'node-self-signed-cert'],
    ['expired', 'expired', 'node-cert-has-expired'],
    ['for another name', 'wrongHost', 'node-altname-invalid'],
  ] as const)('a certificate %s', async (_, which, expected) => {
    const pair: CertPair = certs[which];
    server = await startFakePopServer({ mode: 'implicit', tls: pair });
    const port = server.port;
    const { report, explained } = await checkJson(['--tls', 'implicit', `localhost:${port}`]);
    const words = await nodeError(() => tlsConnect({ host: 'localhost', port, ca: certs.ca }));
    const entry = report.steps.find((s) => s.name === 'tls')?.entry;
    expect(entry).toBe(expected);
    expect(await explainEntry(words)).toBe(entry);
    expect(explained).toEqual([]);
  });

  it('the explainer reads what a server really sent, and nothing else', async () => {
    server = await startFakePopServer({
      mode: 'implicit',
      tls: certs.valid,
      handlers: { AUTH: (s) => s.write('-ERR [AUTH] Authentication failed.') },
    });
    const seen: string[] = [];
    const run = await runWithIO(
      (io) =>
        runCheckCommand(
          [
            '--json',
            '--allow-private',
            '--tls',
            'implicit',
            '--user',
            'alice',
            '--password-stdin',
            `localhost:${server!.port}`,
          ],
          io,
          {
            ca: certs.ca,
            explain: (input, options) => {
              seen.push(input);
              return explain(input, options);
            },
          },
        ),
      { stdin: 'wrong\n' },
    );
    const report = JSON.parse(run.stdout) as ProbeReport;
    expect(report.steps.find((s) => s.name === 'login')?.code).toBe('auth.failed');
    expect(seen.every((text) => /^C: .*\nS: -ERR /.test(text))).toBe(true);
  });

  it('every entry the probe names exists in the knowledge base', () => {
    const kb = defaultKnowledgeBase();
    const missing = Object.entries(FAILURE_ENTRIES).filter(([, id]) => !kb.entry(id));
    expect(missing).toEqual([]);
  });
});
