import { type ChildProcess, spawn } from 'node:child_process';
import { type AddressInfo, connect as netConnect, createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

/**
 * What inetd does for popa3d and solid-pop3d: a listener on loopback that starts the daemon for each
 * connection with the socket as its stdin and stdout (solid-pop3d calls getsockname on it, so a real
 * socket, not a pipe). For implicit TLS, a TLS listener in front forwards the decrypted stream to the
 * plain one, as stunnel would in front of these daemons.
 */

export interface InetdListener {
  port: number;
  close(): Promise<void>;
}

export interface InetdOptions {
  host: string;
  /** The daemon's command line (already wrapped in the namespace). */
  command: string[];
  env: NodeJS.ProcessEnv;
  /** Receives the daemon's stderr. */
  onLog: (text: string) => void;
  /** TLS in front (implicit TLS), with this key and certificate. */
  tls?: { key: string; cert: string };
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startInetd(options: InetdOptions): Promise<InetdListener> {
  const children = new Set<ChildProcess>();
  // Paused so that no byte is read here: the daemon gets the socket as it came.
  const plain = createServer({ pauseOnConnect: true }, (socket: Socket) => {
    const [file, ...args] = options.command;
    const child = spawn(file as string, args, { stdio: [socket, socket, 'pipe'], env: options.env });
    children.add(child);
    child.stderr?.setEncoding('utf8').on('data', options.onLog);
    child.on('exit', () => children.delete(child));
    child.on('error', (e) => options.onLog(`spawn failed: ${e.message}\n`));
    // The daemon holds its own copy of the descriptor; ours would keep the connection open after it exits.
    socket.destroy();
  });
  const plainPort = await listen(plain, options.host);

  let front: Server | undefined;
  let port = plainPort;
  if (options.tls) {
    front = createTlsServer(options.tls, (secure) => {
      const inner = netConnect({ host: options.host, port: plainPort });
      secure.pipe(inner).pipe(secure);
      const end = () => {
        secure.destroy();
        inner.destroy();
      };
      secure.on('error', end).on('close', end);
      inner.on('error', end).on('close', end);
    });
    // A client that speaks plain text here fails the handshake; that is the point of such a port.
    front.on('tlsClientError', () => {});
    port = await listen(front, options.host);
  }

  return {
    port,
    close: async () => {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all([closeServer(plain), front ? closeServer(front) : Promise.resolve()]);
    },
  };
}
