import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

export interface DroppingProxy {
  port: number;
  /** Connections cut so far. */
  readonly dropped: number;
  close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 in front of a local server, that cuts the first `drop` connections as soon as
 * they send something (a network drop mid-request: the request left, no answer ever comes back), then
 * forwards the rest untouched.
 */
export async function startDroppingProxy(targetPort: number, drop: number): Promise<DroppingProxy> {
  let dropped = 0;
  const open = new Set<Socket>();
  const track = (s: Socket) => {
    open.add(s);
    s.on('error', () => {});
    s.on('close', () => open.delete(s));
  };
  const server = createServer((client) => {
    track(client);
    if (dropped < drop) {
      client.once('data', () => {
        dropped++;
        client.resetAndDestroy();
      });
      return;
    }
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get dropped() {
      return dropped;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
