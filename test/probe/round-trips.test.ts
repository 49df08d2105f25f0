import { connect as netConnect } from 'node:net';
import { type ConnectionOptions, connect as tlsConnect } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SocketFactory } from '../../src/probe/types.js';
import { makeTestCerts, type TestCerts } from '../support/certs.js';
import {
  type FakePopServer,
  type FakeServerOptions,
  type FakeSession,
  startFakePopServer,
} from '../support/fake-pop-server.js';
import { probe, statuses } from './helpers.js';

/**
 * What the probe puts on the wire to save time: commands sent together where the server lists RFC 2449
 * PIPELINING (and never where it does not), and TLS set up once per process but never resumed.
 */
let certs: TestCerts;
const servers: FakePopServer[] = [];

beforeAll(() => {
  certs = makeTestCerts();
});
afterAll(() => certs?.cleanup());
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const alice = { user: 'alice', password: 'correct horse' };

/**
 * A server that notes, when it answers CAPA after login and UIDL, which commands had already arrived from
 * that one on: a command that arrived before the answer to the one before it was sent ahead.
 */
async function serve(capabilities: string[]) {
  const arrivedTogether: string[][] = [];
  const note = (s: FakeSession, command: string) => {
    arrivedTogether.push(s.received.slice(s.received.lastIndexOf(command)));
  };
  const options: FakeServerOptions = {
    mode: 'implicit',
    tls: certs.valid,
    capabilities,
    handlers: {
      CAPA: (s) => {
        if (s.loggedIn) note(s, 'CAPA');
        s.write('+OK');
        for (const c of capabilities) s.write(c);
        s.write('.');
      },
      UIDL: (s, args) => {
        note(s, `UIDL ${args}`);
        s.write(`+OK ${args} uid-${args}`);
      },
      STAT: (s) => {
        note(s, 'STAT');
        s.write('+OK 2 320');
      },
    },
  };
  const server = await startFakePopServer(options);
  servers.push(server);
  return { server, arrivedTogether };
}

const EVERY_STEP =
  'target:ok dns:ok connect:ok tls:ok greeting:ok capa:ok login:ok capa-after-login:ok stat:ok uidl:ok quit:ok';

describe('RFC 2449 PIPELINING', () => {
  it('listed: CAPA and STAT after login go out together, then UIDL and QUIT; the report is unchanged', async () => {
    const { server, arrivedTogether } = await serve(['USER', 'UIDL', 'PIPELINING', 'SASL PLAIN']);
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'implicit', transcript: true, ...alice },
      { ca: certs.ca },
    );
    expect(statuses(report)).toBe(EVERY_STEP);
    expect(arrivedTogether).toEqual([['CAPA', 'STAT'], ['STAT'], ['UIDL 1', 'QUIT']]);
    expect(report.mailbox).toEqual({ messages: 2, octets: 320, uidl: true });
    expect(report.capabilities.afterLogin?.map((c) => c.name)).toContain('PIPELINING');
    // The transcript is the wire: both commands, then both answers.
    const after = report.transcript!.slice(
      report.transcript!.findIndex((l) => l.text === '+OK Logged in.') + 1,
    );
    expect(after.slice(0, 3)).toEqual([
      { dir: 'C', text: 'CAPA' },
      { dir: 'C', text: 'STAT' },
      { dir: 'S', text: '+OK' },
    ]);
  });

  it('listed, essential steps: STAT and QUIT go out together', async () => {
    const { server, arrivedTogether } = await serve(['USER', 'UIDL', 'PIPELINING', 'SASL PLAIN']);
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'implicit', steps: 'essential', ...alice },
      { ca: certs.ca },
    );
    expect(statuses(report)).toBe(
      'target:ok dns:ok connect:ok tls:ok greeting:ok capa:ok login:ok stat:ok quit:ok',
    );
    expect(arrivedTogether).toEqual([['STAT', 'QUIT']]);
  });

  it('not listed: every command waits for the answer to the one before', async () => {
    const { server, arrivedTogether } = await serve(['USER', 'UIDL', 'SASL PLAIN']);
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'implicit', ...alice },
      { ca: certs.ca },
    );
    expect(statuses(report)).toBe(EVERY_STEP);
    expect(arrivedTogether).toEqual([['CAPA'], ['STAT'], ['UIDL 1']]);
  });
});

describe('TLS', () => {
  it('one context for every handshake of the process, and every handshake a full one (no resumption)', async () => {
    const { server } = await serve(['USER', 'UIDL', 'PIPELINING', 'SASL PLAIN']);
    const contexts: unknown[] = [];
    const reused: boolean[] = [];
    const sockets: SocketFactory = {
      tcp: ({ host, port, family }) => netConnect({ host, port, family }),
      tls: (options: ConnectionOptions) => {
        contexts.push(options.secureContext);
        const socket = tlsConnect(options);
        // Asked once the handshake is done: a destroyed socket no longer knows.
        socket.once('secureConnect', () => reused.push(socket.isSessionReused()));
        return socket;
      },
    };
    for (let i = 0; i < 3; i++) {
      const report = await probe(
        { target: `localhost:${server.port}`, tls: 'implicit', ...alice },
        { ca: certs.ca, sockets },
      );
      expect(report.exitCode).toBe(0);
    }
    expect(contexts).toHaveLength(3);
    expect(contexts[0]).toBeDefined();
    expect(new Set(contexts).size).toBe(1);
    expect(reused).toEqual([false, false, false]);
  });
});
