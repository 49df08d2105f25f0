import { isIP, connect as netConnect, type Socket } from 'node:net';
import {
  type ConnectionOptions,
  createSecureContext,
  type SecureContext,
  type TLSSocket,
  connect as tlsConnect,
} from 'node:tls';
import { closedError, ProbeError, socketError } from './errors.js';
import type { Clock, SocketFactory } from './types.js';

export const systemSockets: SocketFactory = {
  tcp: ({ host, port, family }) => netConnect({ host, port, family }),
  tls: (options) => tlsConnect(options),
};

interface WaitOptions {
  clock: Clock;
  until: number;
  signal?: AbortSignal | undefined;
}

/**
 * Waits for `event` on `socket`, settling exactly once: the event, an error, a close, the deadline or an
 * abort. On anything but the event the socket is destroyed.
 */
function waitFor<T extends Socket>(
  socket: T,
  event: string,
  opts: WaitOptions,
  onTimeout: () => ProbeError,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const done = (error?: ProbeError) => {
      if (settled) return;
      settled = true;
      opts.clock.clearTimeout(timer);
      socket.off(event, onEvent);
      socket.off('error', onError);
      socket.off('close', onClose);
      opts.signal?.removeEventListener('abort', onAbort);
      if (error) {
        socket.on('error', () => {});
        socket.destroy();
        reject(error);
      } else resolve(socket);
    };
    const onEvent = () => done();
    const onError = (e: Error) => done(socketError(e));
    const onClose = () => done(closedError());
    const onAbort = () => done(new ProbeError('probe.aborted', 'aborted'));
    const timer = opts.clock.setTimeout(() => done(onTimeout()), Math.max(0, opts.until - opts.clock.now()));
    socket.once(event, onEvent);
    socket.once('error', onError);
    socket.once('close', onClose);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (opts.signal?.aborted) onAbort();
  });
}

export function tcpConnect(
  sockets: SocketFactory,
  target: { address: string; family: 4 | 6; port: number },
  opts: WaitOptions,
): Promise<Socket> {
  const socket = sockets.tcp({ host: target.address, port: target.port, family: target.family });
  // Commands are single short lines, each waited for (or sent together when pipelined): never hold one
  // back waiting for an ACK (Nagle), as mail programs and curl do not.
  socket.setNoDelay(true);
  return waitFor(
    socket,
    'connect',
    opts,
    () => new ProbeError('probe.timeout', 'connect timed out', { nodeCode: 'ETIMEDOUT' }),
  );
}

type CaOption = HandshakeOptions['ca'];

/**
 * The TLS context of the last handshake, kept for the next one with the same trusted CAs (the CLI and the
 * bots always use the same): OpenSSL 3 makes a context slowly (about a millisecond), and Node would make a
 * new one for every connection. A context holds settings and trust, not sessions: a client never resumes
 * a session it is not handed, so every handshake stays a full one.
 */
let shared: { ca: CaOption; context: SecureContext } | undefined;

function secureContextFor(ca: CaOption): SecureContext {
  if (!shared || shared.ca !== ca) shared = { ca, context: createSecureContext(ca ? { ca } : {}) };
  return shared.context;
}

export interface HandshakeOptions {
  /** The name the user asked for: sent as SNI (when it is a name) and checked against the certificate. */
  host: string;
  ca?: string | Buffer | (string | Buffer)[] | undefined;
}

/**
 * A TLS handshake over an open socket (implicit TLS right after connect, or after STLS). Verification is
 * done by the caller from the certificate, so a bad certificate can be described before the socket closes;
 * nothing is sent on it until the caller has decided.
 */
export function tlsHandshake(
  sockets: SocketFactory,
  raw: Socket,
  options: HandshakeOptions,
  opts: WaitOptions,
): Promise<TLSSocket> {
  const tlsOptions: ConnectionOptions = {
    socket: raw,
    // Node checks the certificate against `host` (a name or an IP address); without it, against
    // "localhost", and a certificate for an IP address would fail as a name mismatch.
    host: options.host,
    rejectUnauthorized: false,
    // SNI carries names only (RFC 6066 §3).
    ...(isIP(options.host) ? {} : { servername: options.host }),
    secureContext: secureContextFor(options.ca),
  };
  const socket = sockets.tls(tlsOptions);
  const handshake = waitFor(
    socket,
    'secureConnect',
    opts,
    () => new ProbeError('probe.timeout', 'TLS handshake timed out'),
  );
  // A failed handshake must not leave the TCP socket under it open.
  return handshake.catch((error: unknown) => {
    raw.destroy();
    throw error;
  });
}
