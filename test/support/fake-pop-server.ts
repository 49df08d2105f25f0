import { type AddressInfo, createServer as createNetServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, TLSSocket } from 'node:tls';

/**
 * One scriptable POP3 server for the tests, on loopback and port 0. Happy defaults for every command;
 * a test overrides the greeting or any command to play a broken or hostile server.
 */

export interface FakeSession {
  readonly socket: Socket;
  /** Whether the session is encrypted now (implicit TLS, or after STLS). */
  tls: boolean;
  user: string | undefined;
  loggedIn: boolean;
  /** Every line this session received, raw (the fake is the server: it sees the password). */
  readonly received: string[];
  write(line: string): void;
  writeRaw(data: string | Buffer): void;
  /** Starts the server side of TLS on this connection now (what the default STLS handler does after +OK). */
  startTls(): void;
  /** Runs `fn` every `ms` until the connection closes. */
  every(ms: number, fn: () => void): void;
  close(): void;
}

export type Handler = (session: FakeSession, args: string) => void | Promise<void>;

export interface FakeServerOptions {
  /** `plain` (no TLS), `stls` (plain, STLS offered), `implicit` (TLS from the first byte). Default `stls` when tls is given, else `plain`. */
  mode?: 'plain' | 'stls' | 'implicit';
  tls?: { key: string; cert: string };
  /** The greeting line, `null` for silence, or a function that plays the opening. Default `+OK fake POP3 ready`. */
  greeting?: string | null | ((s: FakeSession) => void);
  /** The CAPA list (without STLS, added in `stls` mode). */
  capabilities?: string[];
  users?: Record<string, string>;
  /** Messages in the maildrop (sizes in octets). */
  messages?: number[];
  handlers?: Record<string, Handler>;
  host?: string;
  /** The port to listen on; 0 (any free port) unless told. */
  port?: number;
}

export interface FakePopServer {
  host: string;
  port: number;
  sessions: FakeSession[];
  /** Connections accepted, including ones that never sent a line. */
  readonly connections: number;
  close(): Promise<void>;
}

const DEFAULT_CAPS = ['TOP', 'USER', 'UIDL', 'RESP-CODES', 'PIPELINING', 'SASL PLAIN'];

function defaultHandlers(opts: Required<Pick<FakeServerOptions, 'users' | 'messages'>> & FakeServerOptions) {
  const caps = (s: FakeSession) => {
    const list = [...(opts.capabilities ?? DEFAULT_CAPS)];
    if (opts.mode === 'stls' && !s.tls) list.unshift('STLS');
    return list;
  };
  const checkLogin = (s: FakeSession, user: string, pass: string) => {
    if (opts.users[user] === pass) {
      s.loggedIn = true;
      s.write(`+OK Logged in.`);
    } else {
      s.write('-ERR [AUTH] Authentication failed.');
    }
  };
  const handlers: Record<string, Handler> = {
    CAPA: (s) => {
      s.write('+OK');
      for (const c of caps(s)) s.write(c);
      s.write('.');
    },
    USER: (s, args) => {
      s.user = args;
      s.write('+OK');
    },
    PASS: (s, args) => checkLogin(s, s.user ?? '', args),
    AUTH: (s, args) => {
      const [mech, initial] = args.split(' ');
      if (mech?.toUpperCase() !== 'PLAIN' || !initial)
        return s.write('-ERR Unsupported authentication mechanism.');
      const [, user = '', pass = ''] = Buffer.from(initial, 'base64').toString('utf8').split('\0');
      s.user = user;
      checkLogin(s, user, pass);
    },
    STAT: (s) => {
      if (!s.loggedIn) return s.write('-ERR Unknown AUTHORIZATION state command');
      s.write(`+OK ${opts.messages.length} ${opts.messages.reduce((a, b) => a + b, 0)}`);
    },
    UIDL: (s, args) => {
      if (!s.loggedIn) return s.write('-ERR Unknown AUTHORIZATION state command');
      if (args) return s.write(`+OK ${args} uid-${args}`);
      s.write('+OK');
      for (let i = 1; i <= opts.messages.length; i++) s.write(`${i} uid-${i}`);
      s.write('.');
    },
    NOOP: (s) => s.write('+OK'),
    QUIT: (s) => {
      s.write('+OK Logging out.');
      s.close();
    },
  };
  return handlers;
}

export async function startFakePopServer(options: FakeServerOptions = {}): Promise<FakePopServer> {
  const mode = options.mode ?? (options.tls ? 'stls' : 'plain');
  const opts = { users: { alice: 'correct horse' }, messages: [120, 200], ...options, mode };
  const handlers = { ...defaultHandlers(opts), ...options.handlers };
  const sessions: FakeSession[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;

  if (mode === 'stls' && !options.tls) throw new Error('stls mode needs tls: { key, cert }');
  handlers.STLS ??= (s) => {
    if (mode !== 'stls' || s.tls) return s.write("-ERR TLS support isn't enabled.");
    s.write('+OK Begin TLS negotiation now.');
    s.startTls();
  };

  const onConnection = (raw: Socket, encrypted: boolean) => {
    connections++;
    sockets.add(raw);
    raw.on('error', () => {});
    raw.on('close', () => sockets.delete(raw));
    let socket: Socket = raw;
    const timers: NodeJS.Timeout[] = [];
    const session: FakeSession = {
      get socket() {
        return socket;
      },
      tls: encrypted,
      user: undefined,
      loggedIn: false,
      received: [],
      write: (line) => {
        if (!socket.destroyed) socket.write(`${line}\r\n`);
      },
      writeRaw: (data) => {
        if (!socket.destroyed) socket.write(data);
      },
      startTls: () => upgrade(),
      every: (ms, fn) => {
        timers.push(setInterval(() => (socket.destroyed ? undefined : fn()), ms));
      },
      close: () => {
        socket.end();
        setTimeout(() => socket.destroy(), 50).unref();
      },
    };
    sessions.push(session);
    raw.on('close', () => timers.forEach(clearInterval));

    let buffer = '';
    let queue = Promise.resolve();
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl).replace(/\r$/, '');
        buffer = buffer.slice(nl + 1);
        session.received.push(line);
        const [name = '', ...rest] = line.split(' ');
        const handler = handlers[name.toUpperCase()];
        queue = queue.then(() =>
          handler ? handler(session, rest.join(' ')) : session.write('-ERR Unknown command'),
        );
      }
    };
    socket.on('data', onData);
    const upgrade = () => {
      socket.off('data', onData);
      buffer = '';
      const secure = new TLSSocket(socket, {
        isServer: true,
        key: options.tls!.key,
        cert: options.tls!.cert,
      });
      secure.on('error', () => {});
      socket = secure;
      session.tls = true;
      secure.on('data', onData);
    };

    const g = options.greeting;
    if (typeof g === 'function') g(session);
    else if (g !== null) session.write(g ?? '+OK fake POP3 ready');
  };

  let server: Server;
  if (mode === 'implicit') {
    if (!options.tls) throw new Error('implicit mode needs tls: { key, cert }');
    server = createTlsServer({ key: options.tls.key, cert: options.tls.cert }, (s) => onConnection(s, true));
    // The raw TCP sockets, so close() can end connections that never finished a handshake.
    server.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    server.on('tlsClientError', () => {});
  } else {
    server = createNetServer((s) => onConnection(s, false));
  }
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host,
    port,
    sessions,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
