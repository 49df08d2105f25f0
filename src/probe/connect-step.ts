import type { Socket } from 'node:net';
import type { AttemptSession } from './attempt-session.js';
import { ProbeError } from './errors.js';
import { tcpConnect } from './net.js';

/** The `connect` step: the first of the checked addresses that accepts a TCP connection. */
export async function connectStep(s: AttemptSession): Promise<Socket> {
  let last: unknown;
  for (const a of s.target.addresses) {
    try {
      const socket = await tcpConnect(
        s.ctx.sockets,
        { address: a.address, family: a.family, port: s.target.port },
        { clock: s.ctx.clock, until: s.until(), signal: s.ctx.signal },
      );
      s.ctx.transcript.add('*', `connected to ${a.address} port ${s.target.port}`);
      s.record('ok', s.msg('connect.ok', { address: a.address, port: s.target.port }));
      return socket;
    } catch (error) {
      last = error;
      if (error instanceof ProbeError && error.code === 'probe.aborted') throw error;
    }
  }
  throw last ?? new ProbeError('probe.socket', 'no address to connect to');
}
