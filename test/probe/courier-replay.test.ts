import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Handler } from '../support/fake-pop-server.js';
import { type FakePopServer, startFakePopServer } from '../support/fake-pop-server.js';
import { probe, step } from './helpers.js';

/**
 * Sessions recorded from a real Courier POP3 server (fixtures/courier/README.md), replayed: the fake
 * server answers each command with what Courier answered to it.
 */

const FIXTURES = join(import.meta.dirname, 'fixtures', 'courier');
let server: FakePopServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The greeting and, per command verb, the lines Courier sent back. */
function replay(name: string): { greeting: string; handlers: Record<string, Handler> } {
  const lines = readFileSync(join(FIXTURES, `${name}.txt`), 'utf8')
    .trimEnd()
    .split('\n');
  const greeting = lines[0]!.slice(3);
  const replies = new Map<string, string[]>();
  let verb = '';
  for (const line of lines.slice(1)) {
    if (line.startsWith('C: ')) {
      verb = line.slice(3).split(' ')[0]!.toUpperCase();
      replies.set(verb, []);
    } else replies.get(verb)?.push(line.slice(3));
  }
  const handlers: Record<string, Handler> = {};
  for (const [v, reply] of replies) handlers[v] = (s) => reply.forEach((l) => s.write(l));
  return { greeting, handlers };
}

async function against(name: string, request: Partial<Parameters<typeof probe>[0]>) {
  server = await startFakePopServer({ mode: 'plain', ...replay(name) });
  return probe({ target: `127.0.0.1:${server.port}`, user: 'alice', password: 'correct horse', ...request });
}

describe('replayed Courier sessions', () => {
  it('login: Courier recognised from IMPLEMENTATION, LOGIN-DELAY 10 glossed as 10 s', async () => {
    const report = await against('login', { tls: 'none', allowPlaintext: true });
    expect(report.loginVerified).toBe(true);
    expect(report.server?.software).toBe('Courier');
    const delay = report.capabilities.before?.find((c) => c.name === 'LOGIN-DELAY');
    expect(delay?.gloss).toContain('10 s');
  });

  it('STLS on a Courier without TLS: tls.unavailable, and STLS is not even sent (CAPA lacks it)', async () => {
    const report = await against('stls-absent', { tls: 'stls' });
    expect(step(report, 'stls').code).toBe('tls.unavailable');
    expect(server?.sessions[0]?.received).not.toContain('STLS');
  });

  it('a wrong password: auth.failed, with Courier advice allowed since Courier answered', async () => {
    const report = await against('wrong-password', { tls: 'none', allowPlaintext: true });
    expect(step(report, 'login').code).toBe('auth.failed');
    const advice = report.findings.flatMap((f) => f.adminSteps).join(' ');
    expect(advice).not.toMatch(/doveadm|Get-PopSettings/);
  });
});
