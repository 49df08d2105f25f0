import type { Socket } from 'node:net';
import { type FakePopServer, type FakeServerOptions, startFakePopServer } from './fake-pop-server.js';

/**
 * Hostile modes of the fake POP server (test/support/fake-pop-server.ts), for the resource and secrets
 * hardening tests: a server that floods one connection while it holds the probe on another, and one that
 * echoes the password back disguised.
 */

/** Writes `line` over and over as fast as the peer reads (honouring `drain`), until the socket closes. */
function flood(socket: Socket, line: string, sent: { bytes: number }): void {
  const chunk = Buffer.from(line.repeat(Math.ceil(65_536 / line.length)));
  const pump = () => {
    while (!socket.destroyed && sent.bytes < 4 * 1024 ** 3) {
      sent.bytes += chunk.length;
      if (!socket.write(chunk)) {
        socket.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

export interface FloodingServer extends FakePopServer {
  /** Bytes the server managed to write into the flooded connection. */
  readonly floodedBytes: number;
}

// A getter, not a copy (Object.assign would copy today's value): the count grows while the test runs.
function withFloodCount(server: FakePopServer, sent: { bytes: number }): FloodingServer {
  return Object.defineProperty(server, 'floodedBytes', { get: () => sent.bytes }) as FloodingServer;
}

/**
 * Silent on the first connection; when a second connection comes (the probe checking whether the port
 * speaks TLS), it never answers that one's handshake and floods the first with short lines instead.
 */
export async function startFloodingServer(line = '-ERR flood\r\n'): Promise<FloodingServer> {
  const sent = { bytes: 0 };
  let first: Socket | undefined;
  const server = await startFakePopServer({
    greeting: (s) => {
      if (!first) {
        first = s.socket;
        return;
      }
      // Hold the second connection: its TLS ClientHello is read and never answered.
      s.socket.removeAllListeners('data');
      s.socket.resume();
      flood(first, line, sent);
    },
  });
  return withFloodCount(server, sent);
}

/** A server that greets, then floods the same connection with short lines before any command. */
export async function startGreetingFloodServer(line = '+OK\r\n'): Promise<FloodingServer> {
  const sent = { bytes: 0 };
  const server = await startFakePopServer({
    greeting: (s) => {
      s.write('+OK flood ready');
      flood(s.socket, line, sent);
    },
  });
  return withFloodCount(server, sent);
}

/** The password, disguised the ways a server may echo it: invisible characters, case, reversal, base64. */
export function disguisedEchoes(password: string): string[] {
  return [
    [...password].join('\u200b'),
    `${password.slice(0, 2)}\u001b[0m${password.slice(2)}`,
    password.toUpperCase(),
    [...password].reverse().join(''),
    Buffer.from(password).toString('base64'),
  ];
}

/** Answers every login with an -ERR that repeats the password in each disguise. */
export function startEchoingServer(options: FakeServerOptions = {}): Promise<FakePopServer> {
  return startFakePopServer({
    ...options,
    capabilities: ['USER'],
    handlers: {
      PASS: (s, password) => s.write(`-ERR [AUTH] bad password ${disguisedEchoes(password).join(' ')}`),
      ...options.handlers,
    },
  });
}
