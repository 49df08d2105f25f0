import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/knowledge/paths.js';
import { runProbe } from '../../src/probe/run-probe.js';
import { ProbeGuard } from '../../src/probe/guard.js';
import type { ProbeReport } from '../../src/probe/types.js';
import type { FakePopServer } from '../support/fake-pop-server.js';
import {
  disguisedEchoes,
  startEchoingServer,
  startFloodingServer,
  startGreetingFloodServer,
} from '../support/hostile-pop.js';
import { ensureBuilt } from '../support/spawn-popbot.js';

/**
 * A hostile server cannot exhaust the probe's memory (issue #16 item 8): each probe runs in a process of its
 * own, and the process's own accounting (`process.resourceUsage().maxRSS`, the peak resident size) is what
 * is asserted — not a wall-clock proxy.
 */

const MAX_RSS_MB = 150;
const servers: FakePopServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Runs one probe of `port` in a fresh Node process (the compiled dist/), returning its report and peak RSS. */
async function probeInChild(
  port: number,
  tls: string,
  stepMs = 1500,
): Promise<{ report: ProbeReport; maxRssMb: number }> {
  const dist = (file: string) => pathToFileURL(join(projectRoot(), 'dist', 'src', 'probe', file)).href;
  const script = `
    import { runProbe } from ${JSON.stringify(dist('run-probe.js'))};
    import { ProbeGuard } from ${JSON.stringify(dist('guard.js'))};
    const guard = new ProbeGuard({ allow: ['127.0.0.0/8'], ports: [${port}] });
    const report = await runProbe(
      { target: '127.0.0.1:${port}', tls: ${JSON.stringify(tls)}, timeouts: { stepMs: ${stepMs}, totalMs: ${stepMs * 4} } },
      { guard },
    );
    process.stdout.write(JSON.stringify({ report, maxRssKiB: process.resourceUsage().maxRSS }));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stderr.on('data', (c: Buffer) => err.push(c));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code, Buffer.concat(err).toString()).toBe(0);
  const { report, maxRssKiB } = JSON.parse(Buffer.concat(out).toString()) as {
    report: ProbeReport;
    maxRssKiB: number;
  };
  return { report, maxRssMb: maxRssKiB / 1024 };
}

describe('a server that floods cannot grow the probe past its bounds', () => {
  // The child runs the compiled dist/: build it once, outside the tests' own time limits.
  beforeAll(() => ensureBuilt(), 180_000);

  it('silent, then flooding the first connection while it holds the second one’s TLS handshake: under 150 MB RSS', async () => {
    // Long lines: the most bytes per second a loaded test machine can push (short lines cost more per byte).
    const server = await startFloodingServer(`-ERR ${'x'.repeat(2000)}\r\n`);
    servers.push(server);
    // What the server has managed to send, every 100 ms: it grows only while the probe reads.
    const samples: { at: number; bytes: number }[] = [];
    const sampler = setInterval(() => samples.push({ at: Date.now(), bytes: server.floodedBytes }), 100);
    const { report, maxRssMb } = await probeInChild(server.port, 'stls', 3000).finally(() =>
      clearInterval(sampler),
    );
    expect(server.connections).toBeGreaterThanOrEqual(2);
    expect(maxRssMb).toBeLessThan(MAX_RSS_MB);
    // The flood was tried, but the probe stopped reading the connection nobody waited on: once the socket
    // buffers are full, TCP flow control holds the server back (unpatched, the probe read 7 to 35 MB in
    // these 3 s, depending on the machine's load, and its RSS grew with it).
    const start = samples.find((s) => s.bytes > 0);
    expect(start).toBeDefined();
    const at = (ms: number) => samples.filter((s) => s.at <= start!.at + ms).at(-1)?.bytes ?? 0;
    expect(at(2500) - at(1000)).toBeLessThan(256 * 1024);
    expect(report.steps.find((s) => s.name === 'greeting')?.status).toBe('fail');
  });

  it('a greeting followed by an endless run of short lines: cut off at the buffered-lines cap, under 150 MB RSS', async () => {
    const server = await startGreetingFloodServer();
    servers.push(server);
    const { report, maxRssMb } = await probeInChild(server.port, 'none');
    expect(maxRssMb).toBeLessThan(MAX_RSS_MB);
    expect(report.steps.some((s) => s.status === 'fail')).toBe(true);
  });
});

describe('a server that echoes the password back disguised', () => {
  it('never gets it into the report or the transcript: masking runs after invisible characters are removed', async () => {
    const password = 'Echo-Pr0be-Secret';
    const server = await startEchoingServer();
    servers.push(server);
    const report = await runProbe(
      {
        target: `127.0.0.1:${server.port}`,
        tls: 'none',
        user: 'alice',
        password,
        allowPlaintext: true,
        transcript: true,
        timeouts: { stepMs: 2000, totalMs: 6000 },
      },
      { guard: new ProbeGuard({ allow: ['127.0.0.0/8'], ports: [server.port] }) },
    );
    const shown = JSON.stringify(report);
    expect(shown).toContain('bad password');
    const disguises = disguisedEchoes(password);
    for (const form of [password, ...disguises, password.toUpperCase(), 'Echo', 'terceS']) {
      expect(shown, form).not.toContain(form);
    }
  });
});
