import type { TLSSocket } from 'node:tls';
import type { AttemptSession } from './attempt-session.js';
import { PopConnection } from './connection.js';
import { tcpConnect, tlsHandshake } from './net.js';

/*
 * When a port answers in the other language (TLS where plain text was expected, or the reverse), one
 * short second connection to the same address tells a mismatch from a broken server.
 */

/** After a TLS handshake failed: does a plain connection to the same address get a `+OK` greeting? */
export async function plainGreetingHere(s: AttemptSession): Promise<boolean> {
  const a = s.target.addresses[0];
  if (!a) return false;
  const budget = Math.min(3000, s.ctx.deadline.remaining());
  const until = s.ctx.clock.now() + budget;
  let conn: PopConnection | undefined;
  try {
    const socket = await tcpConnect(
      s.ctx.sockets,
      { ...a, port: s.target.port },
      {
        clock: s.ctx.clock,
        until,
        signal: s.ctx.signal,
      },
    );
    conn = new PopConnection(socket, s.connCtx(), false);
    s.ctx.transcript.add('*', 'second connection, plain text, to read the greeting');
    return (await conn.readLine(until)).startsWith('+OK');
  } catch {
    return false;
  } finally {
    conn?.close();
  }
}

/** After silence on a plain connection: does a TLS handshake work on the same port? */
export async function tlsWorksHere(s: AttemptSession): Promise<boolean> {
  const a = s.target.addresses[0];
  if (!a) return false;
  const until = s.ctx.clock.now() + Math.min(s.ctx.settings.stepMs, s.ctx.deadline.remaining());
  const opts = { clock: s.ctx.clock, until, signal: s.ctx.signal };
  let socket: TLSSocket | undefined;
  try {
    const raw = await tcpConnect(s.ctx.sockets, { ...a, port: s.target.port }, opts);
    s.ctx.transcript.add('*', 'second connection, TLS handshake on the same port');
    socket = await tlsHandshake(s.ctx.sockets, raw, { host: s.target.host, ca: s.ctx.ca }, opts);
    return true;
  } catch {
    return false;
  } finally {
    socket?.destroy();
  }
}
