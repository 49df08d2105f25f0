import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A stand-in for Discord's gateway v10 on 127.0.0.1, JSON encoding, no compression. It speaks the protocol
 * as Discord documents it: HELLO on connect, ACK for every heartbeat, IDENTIFY → READY (guilds listed
 * unavailable) + one GUILD_CREATE per guild, RESUME → the missed dispatches replayed + RESUMED, and on
 * demand op 7 (reconnect), op 9 (invalid session), a zombie connection (heartbeats never acknowledged), a
 * TCP drop, or a close with any code. Everything the client sends is recorded, with its connection number.
 */

export const OP = {
  dispatch: 0,
  heartbeat: 1,
  identify: 2,
  resume: 6,
  reconnect: 7,
  invalidSession: 9,
  hello: 10,
  heartbeatAck: 11,
} as const;

export interface GatewayPayload {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

export interface Received extends GatewayPayload {
  /** 1 for the first connection the gateway accepted, 2 for the next, ... */
  connection: number;
}

interface Session {
  id: string;
  seq: number;
  /** Every dispatch of the session, for RESUME's replay. */
  sent: { s: number; t: string; d: unknown }[];
}

interface Connection {
  n: number;
  ws: WebSocket;
  session: Session | undefined;
  acking: boolean;
}

export interface FakeGatewayOptions {
  token: string;
  /** The bot's user; Discord gives a bot the same id as its application. */
  botId: string;
  /** Each guild's GUILD_CREATE payload (id, channels, ...), sent after every READY. */
  guilds: { id: string; [key: string]: unknown }[];
  /** Discord's is 41250 ms; a test of zombie detection uses a short one. */
  heartbeatIntervalMs?: number;
}

export class FakeDiscordGateway {
  readonly received: Received[] = [];
  /** Closes codes the gateway sent, in order. */
  readonly closes: number[] = [];
  /** What the next IDENTIFY gets instead of READY: a close code (4004 token, 4014 intents, ...). */
  onIdentify: { close: number } | undefined;
  heartbeatIntervalMs: number;
  #server: Server | undefined;
  #wss: WebSocketServer | undefined;
  #port = 0;
  #connections = 0;
  #current: Connection | undefined;
  #last: Session | undefined;
  readonly #sessions = new Map<string, Session>();
  readonly #events = new EventEmitter();
  readonly #o: FakeGatewayOptions;

  constructor(options: FakeGatewayOptions) {
    this.#o = options;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
  }

  /** What GET /gateway/bot answers as `url` (the client appends ?v=10&encoding=json). */
  get url(): string {
    return `ws://127.0.0.1:${this.#port}`;
  }

  /** The id of the session READY last created or RESUME last took up. */
  get sessionId(): string | undefined {
    return this.#last?.id;
  }

  /** How many WebSocket connections the gateway has accepted. */
  get connections(): number {
    return this.#connections;
  }

  async start(): Promise<this> {
    this.#server = createServer((_req, res) => res.writeHead(426).end());
    this.#wss = new WebSocketServer({ server: this.#server });
    this.#wss.on('connection', (ws) => this.#accept(ws));
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.#port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const ws of this.#wss?.clients ?? []) ws.terminate();
    await new Promise<void>((resolve) => (this.#wss ? this.#wss.close(() => resolve()) : resolve()));
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  /**
   * Sends a dispatch on the live session, or, between connections, only records it in the last session: the
   * client gets it on RESUME, as Discord replays what a resumed session missed. Returns its sequence number.
   */
  dispatch(t: string, d: unknown): number {
    const session = this.#current?.session ?? this.#last;
    if (!session) throw new Error('gateway: no session yet');
    const s = ++session.seq;
    session.sent.push({ s, t, d });
    if (this.#current?.session === session) this.#send(this.#current, { op: OP.dispatch, t, s, d });
    return s;
  }

  /** op 7: the client should close and RESUME on a new connection. */
  requestReconnect(): void {
    this.#send(this.#live(), { op: OP.reconnect, d: null });
  }

  /** op 9: `resumable` false means the session is gone and the client must IDENTIFY again. */
  invalidateSession(resumable = false): void {
    const c = this.#live();
    if (!resumable && c.session) this.#forget(c.session);
    this.#send(c, { op: OP.invalidSession, d: resumable });
  }

  /** Closes the live connection with `code` (a close frame, then the TCP connection). */
  closeWith(code: number, forgetSession = false): void {
    const c = this.#live();
    if (forgetSession && c.session) this.#forget(c.session);
    this.closes.push(code);
    c.ws.close(code);
  }

  /** Ends the TCP connection without a close frame, as a network failure would. */
  dropConnection(): void {
    this.#live().ws.terminate();
  }

  /** From now on, the live connection's heartbeats get no ACK: a zombie connection. */
  stopAcking(): void {
    this.#live().acking = false;
  }

  /** Resolves with the first payload received after `from` (an index into `received`) matching `match`. */
  waitFor(match: (p: Received) => boolean, ms = 10_000, from = 0): Promise<Received> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.received.slice(from).find(match);
        if (!found) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        const ops = this.received.map((p) => `${p.connection}:${p.op}`).join(' ');
        reject(new Error(`gateway: nothing matching within ${ms} ms; received ${ops}`));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        this.#events.off('received', check);
      };
      this.#events.on('received', check);
      check();
    });
  }

  #forget(session: Session): void {
    this.#sessions.delete(session.id);
    if (this.#last === session) this.#last = undefined;
  }

  #live(): Connection {
    const c = this.#current;
    if (!c?.session) throw new Error('gateway: no live session');
    return c;
  }

  #send(c: Connection, payload: GatewayPayload): void {
    c.ws.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  #accept(ws: WebSocket): void {
    const c: Connection = { n: ++this.#connections, ws, session: undefined, acking: true };
    this.#current = c;
    ws.on('message', (raw) => this.#receive(c, raw.toString()));
    ws.on('close', () => {
      if (this.#current === c) this.#current = undefined;
    });
    ws.on('error', () => undefined);
    this.#send(c, { op: OP.hello, d: { heartbeat_interval: this.heartbeatIntervalMs } });
  }

  #receive(c: Connection, raw: string): void {
    let payload: GatewayPayload;
    try {
      payload = JSON.parse(raw) as GatewayPayload;
    } catch {
      c.ws.close(4002); // Decode error
      return;
    }
    this.received.push({ ...payload, connection: c.n });
    switch (payload.op) {
      case OP.heartbeat:
        if (c.acking) this.#send(c, { op: OP.heartbeatAck, d: null });
        break;
      case OP.identify:
        this.#identify(c, payload.d as { token?: string });
        break;
      case OP.resume:
        this.#resume(c, payload.d as { token?: string; session_id?: string; seq?: number });
        break;
    }
    this.#events.emit('received');
  }

  #identify(c: Connection, d: { token?: string }): void {
    if (c.session) return void c.ws.close(4005); // Already authenticated
    const refusal = d.token !== this.#o.token ? 4004 : this.onIdentify?.close;
    if (refusal !== undefined) {
      this.onIdentify = undefined;
      this.closes.push(refusal);
      c.ws.close(refusal);
      return;
    }
    const session: Session = { id: `session-${c.n}-${Date.now()}`, seq: 0, sent: [] };
    this.#sessions.set(session.id, session);
    c.session = session;
    this.#last = session;
    const bot = {
      id: this.#o.botId,
      username: 'popbot',
      discriminator: '0',
      global_name: null,
      avatar: null,
    };
    this.dispatch('READY', {
      v: 10,
      user: { ...bot, bot: true, verified: true, flags: 0, mfa_enabled: false },
      guilds: this.#o.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.url,
      shard: [0, 1],
      application: { id: this.#o.botId, flags: 0 },
    });
    for (const guild of this.#o.guilds) this.dispatch('GUILD_CREATE', guild);
  }

  #resume(c: Connection, d: { token?: string; session_id?: string; seq?: number }): void {
    if (d.token !== this.#o.token) return void c.ws.close(4004);
    const session = d.session_id ? this.#sessions.get(d.session_id) : undefined;
    if (!session) {
      this.#send(c, { op: OP.invalidSession, d: false });
      return;
    }
    // The session moves to this connection: what the client missed is replayed, then RESUMED.
    c.session = session;
    this.#last = session;
    for (const e of session.sent.filter((x) => x.s > (d.seq ?? 0))) {
      this.#send(c, { op: OP.dispatch, t: e.t, s: e.s, d: e.d });
    }
    this.dispatch('RESUMED', {});
  }
}
