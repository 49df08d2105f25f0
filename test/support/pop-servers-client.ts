import { createHash } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

/**
 * A minimal POP3 client for checking the real servers themselves (not the probe): one command at a time,
 * each answered by one status line, or a dot-terminated list for CAPA, LIST, UIDL, RETR and TOP.
 *
 *   const pop = await popClient({ host, port });       // pop.greeting: '+OK ...'
 *   await pop.send('USER alice');                       // '+OK'
 *   await pop.send('CAPA');                             // '+OK ...\r\nTOP\r\n...\r\n.'
 *   await pop.startTls({ ca });                         // after '+OK' to STLS
 *   pop.close();
 */

export interface PopClient {
  greeting: string;
  /** The reply to `line` (several lines joined with CRLF for a multi-line answer), or '' when the server closed. */
  send(line: string): Promise<string>;
  /** Upgrades this connection after the server said +OK to STLS. */
  startTls(options: { ca: string; servername?: string }): Promise<void>;
  /** The APOP digest for this session's greeting and `secret`. */
  apopDigest(secret: string): string;
  close(): void;
}

const MULTI = /^(CAPA|LIST|UIDL|RETR|TOP)\b/i;

export async function popClient(options: {
  host: string;
  port: number;
  /** Implicit TLS from the first byte. */
  implicitTls?: { ca: string; servername?: string };
}): Promise<PopClient> {
  let socket: Socket | TLSSocket = options.implicitTls
    ? tlsConnect({ host: options.host, port: options.port, ...options.implicitTls })
    : netConnect({ host: options.host, port: options.port });
  let buffer = '';
  let closed = false;
  let waiter: (() => void) | undefined;
  const attach = (s: Socket | TLSSocket) => {
    s.setEncoding('latin1');
    s.on('data', (d: string) => {
      buffer += d;
      waiter?.();
    });
    s.on('close', () => {
      closed = true;
      waiter?.();
    });
    s.on('error', () => {});
  };
  attach(socket);

  /** Resolves with the reply once `complete(buffer)` finds one, or '' when the connection is gone. */
  const read = (multi: boolean) =>
    new Promise<string>((resolve) => {
      const check = () => {
        const firstEnd = buffer.indexOf('\r\n');
        let end = -1;
        if (firstEnd >= 0) {
          if (!multi || !buffer.startsWith('+OK')) end = firstEnd + 2;
          else {
            const dot = buffer.indexOf('\r\n.\r\n');
            if (dot >= 0) end = dot + 5;
          }
        }
        if (end >= 0) {
          const reply = buffer.slice(0, end - 2);
          buffer = buffer.slice(end);
          waiter = undefined;
          resolve(reply);
        } else if (closed) {
          waiter = undefined;
          resolve(buffer);
        }
      };
      waiter = check;
      check();
    });

  const greeting = await read(false);
  return {
    greeting,
    send: async (line) => {
      if (!closed) socket.write(`${line}\r\n`);
      return read(MULTI.test(line) && !/^(LIST|UIDL) \S/i.test(line));
    },
    startTls: ({ ca, servername }) =>
      new Promise((resolve, reject) => {
        socket.removeAllListeners('data');
        socket.removeAllListeners('close');
        const secure = tlsConnect({ socket, ca, servername: servername ?? 'localhost' });
        secure.once('secureConnect', () => resolve());
        secure.once('error', reject);
        socket = secure;
        attach(secure);
      }),
    apopDigest: (secret) => {
      const stamp = /<[^>]*>/.exec(greeting)?.[0] ?? '';
      return createHash('md5').update(`${stamp}${secret}`, 'latin1').digest('hex');
    },
    close: () => socket.destroy(),
  };
}
