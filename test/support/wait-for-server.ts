import type { ChildProcess } from 'node:child_process';
import { connect, type NetConnectOpts } from 'node:net';

export interface WaitForServer {
  /** Named in the error: "dovecot", "pop3d", "cyrus: lmtp"… */
  name: string;
  target: { host: string; port: number } | { path: string };
  /** Ready only once the server greets with `+OK` (a POP server), not as soon as it accepts. */
  greeting?: boolean;
  /** The server's process: if it exits, waiting stops at once with its log. */
  child?: ChildProcess;
  /** What the server wrote so far, for the error. */
  log?: () => string;
  timeoutMs?: number;
}

/**
 * Resolves once a freshly started server accepts connections (or greets), retrying every 50 ms. A real
 * daemon forks and binds in its own time; waiting on its socket is the only signal every one of them gives.
 */
export function waitForServer(options: WaitForServer): Promise<void> {
  const until = Date.now() + (options.timeoutMs ?? 10_000);
  const where =
    'path' in options.target ? options.target.path : `${options.target.host}:${options.target.port}`;
  const log = () => (options.log ? `: ${options.log()}` : '');
  return new Promise<void>((resolve, reject) => {
    const retry = () => {
      const child = options.child;
      if (child && child.exitCode !== null)
        reject(new Error(`${options.name} exited with ${child.exitCode}${log()}`));
      else if (Date.now() > until)
        reject(
          new Error(`${options.name} did not ${options.greeting ? 'greet' : 'listen'} on ${where}${log()}`),
        );
      else setTimeout(tryOnce, 50);
    };
    const tryOnce = () => {
      const socket = connect(options.target as NetConnectOpts);
      socket.on('error', retry);
      if (!options.greeting) {
        socket.on('connect', () => {
          socket.destroy();
          resolve();
        });
        return;
      }
      socket.setEncoding('utf8');
      socket.once('data', (data: string) => {
        socket.destroy();
        if (data.startsWith('+OK')) resolve();
        else retry();
      });
    };
    tryOnce();
  });
}
