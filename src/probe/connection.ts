import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { closedError, ProbeError, socketError } from './errors.js';
import { LIMITS } from './limits.js';
import { cleanServerText, type Secrets } from './secrets.js';
import type { Transcript } from './transcript.js';
import type { Clock } from './types.js';

export interface ConnectionContext {
  clock: Clock;
  secrets: Secrets;
  transcript: Transcript;
  signal?: AbortSignal | undefined;
}

/**
 * A POP3 line reader over one socket, with two modes (single line, dot-terminated multi-line) and hard
 * limits. Every line it returns is already masked and cleaned; every wait ends at an absolute time.
 */
export class PopConnection {
  #socket: Socket | TLSSocket;
  #buf: Buffer = Buffer.alloc(0);
  #lines: string[] = [];
  #ended: ProbeError | undefined;
  #wake: (() => void) | undefined;
  #received = 0;
  /** Bytes held in `#lines`, and each line's share (the partial line in `#buf` counts apart). */
  #bufferedBytes = 0;
  #lineBytes: number[] = [];
  /** Commands sent ahead (`pipeline`) whose answers no `command` has read yet. */
  readonly #ahead: string[] = [];
  /** Set while the socket is paused because nobody was waiting for a line. */
  #paused = false;
  readonly #onData = (chunk: Buffer) => this.#data(chunk);
  readonly #onError = (error: Error) => this.#end(socketError(error));
  readonly #onClose = () => this.#end(closedError());
  readonly #onAbort = () => {
    this.#end(new ProbeError('probe.aborted', 'aborted'));
    this.#socket.destroy();
  };

  constructor(
    socket: Socket | TLSSocket,
    readonly ctx: ConnectionContext,
    readonly encrypted: boolean,
  ) {
    this.#socket = socket;
    this.#attach();
    ctx.signal?.addEventListener('abort', this.#onAbort, { once: true });
    if (ctx.signal?.aborted) this.#onAbort();
  }

  get socket(): Socket | TLSSocket {
    return this.#socket;
  }

  #attach(): void {
    this.#socket.on('data', this.#onData);
    this.#socket.on('error', this.#onError);
    this.#socket.on('close', this.#onClose);
  }

  #data(chunk: Buffer): void {
    if (this.#ended) return;
    this.#received += chunk.length;
    this.#buf = this.#buf.length === 0 ? chunk : Buffer.concat([this.#buf, chunk]);
    for (let nl = this.#buf.indexOf(0x0a); nl >= 0; nl = this.#buf.indexOf(0x0a)) {
      const end = nl > 0 && this.#buf[nl - 1] === 0x0d ? nl - 1 : nl;
      if (end > LIMITS.maxLineBytes) {
        this.#tooLong();
        return;
      }
      this.#lines.push(this.#buf.subarray(0, end).toString('utf8'));
      this.#bufferedBytes += end;
      this.#lineBytes.push(end);
      this.#buf = this.#buf.subarray(nl + 1);
    }
    if (this.#buf.length > LIMITS.maxLineBytes) {
      this.#tooLong();
      return;
    }
    if (this.#bufferedBytes > LIMITS.maxBufferedBytes || this.#lines.length > LIMITS.maxBufferedLines) {
      this.#flooded();
      return;
    }
    if (this.#wake) this.#wake();
    else this.#pause();
  }

  // Nobody is reading this connection now (the probe is busy with another one): stop taking its bytes.
  #pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    this.#socket.pause();
  }

  #resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.#socket.resume();
  }

  #flooded(): void {
    this.#lines = [];
    this.#lineBytes = [];
    this.#bufferedBytes = 0;
    this.#end(
      new ProbeError(
        'probe.response-too-large',
        `more than ${LIMITS.maxBufferedBytes} bytes or ${LIMITS.maxBufferedLines} lines unread`,
      ),
    );
    this.#socket.destroy();
  }

  #tooLong(): void {
    this.#end(new ProbeError('probe.line-too-long', `line longer than ${LIMITS.maxLineBytes} bytes`));
    this.#socket.destroy();
  }

  #end(error: ProbeError): void {
    this.#ended ??= error;
    this.#wake?.();
  }

  /** The server's text made safe to show: secrets masked, controls replaced, length capped. */
  show(text: string): string {
    return cleanServerText(this.ctx.secrets.mask(text), LIMITS.maxShownChars);
  }

  /** Next line, or a ProbeError: timeout (nothing came), drip (bytes came, no full line), limit, close. */
  async readLine(until: number, since = this.#received): Promise<string> {
    for (;;) {
      const line = this.#lines.shift();
      if (line !== undefined) {
        this.#bufferedBytes -= this.#lineBytes.shift() ?? 0;
        // Masked and cleaned once here, so no later message, finding or error can carry the raw text.
        const masked = this.ctx.secrets.mask(line);
        this.ctx.transcript.add('S', cleanServerText(masked, LIMITS.maxShownChars));
        return cleanServerText(masked, LIMITS.maxLineBytes);
      }
      if (this.#ended) throw this.#ended;
      const wait = until - this.ctx.clock.now();
      if (wait <= 0) {
        throw this.#received > since
          ? new ProbeError('probe.drip', 'response too slow')
          : new ProbeError('probe.timeout', 'no response');
      }
      this.#resume();
      await new Promise<void>((resolve) => {
        const timer = this.ctx.clock.setTimeout(resolve, wait);
        this.#wake = () => {
          this.ctx.clock.clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }

  /** The body of a multi-line response (after its `+OK` line), dot-unstuffed, size-limited. */
  async readMultiline(until: number): Promise<string[]> {
    const since = this.#received;
    const body: string[] = [];
    let size = 0;
    for (;;) {
      const line = await this.readLine(until, since);
      if (line === '.') return body;
      size += line.length + 2;
      if (size > LIMITS.maxResponseBytes) {
        this.#end(
          new ProbeError('probe.response-too-large', `response over ${LIMITS.maxResponseBytes} bytes`),
        );
        this.#socket.destroy();
        throw this.#ended;
      }
      body.push(line.startsWith('..') ? line.slice(1) : line);
    }
  }

  /** Sends one command; `shown` is what the transcript and every report see (secrets masked at the source). */
  send(command: string, shown: string = command): void {
    this.ctx.transcript.add('C', shown);
    if (this.#ended) throw this.#ended;
    this.#socket.write(`${command}\r\n`);
  }

  /**
   * Sends `commands` in one write, before their turn (RFC 2449 PIPELINING, only when the server lists it):
   * `command` then only reads their answers, in order. Only for commands without secrets.
   */
  pipeline(commands: readonly string[]): void {
    for (const c of commands) this.ctx.transcript.add('C', c);
    if (this.#ended) throw this.#ended;
    this.#socket.write(commands.map((c) => `${c}\r\n`).join(''));
    this.#ahead.push(...commands);
  }

  async command(command: string, until: number, shown: string = command): Promise<string> {
    if (this.#ahead[0] === command) this.#ahead.shift();
    else if (this.#ahead.length > 0)
      throw new Error(`${command} before the answers to ${this.#ahead.join(', ')}`);
    else this.send(command, shown);
    return this.readLine(until);
  }

  /**
   * Hands the raw socket over for a TLS upgrade (STLS). Fail-closed: whatever the server sent after its
   * `+OK` and before the handshake is discarded, never read as if it had come encrypted (RFC 2595 §3.1).
   */
  detach(): Socket {
    const discarded = this.#buf.length + this.#lines.reduce((n, l) => n + l.length, 0);
    if (discarded > 0) this.ctx.transcript.add('*', `discarded ${discarded} bytes sent before TLS`);
    this.#buf = Buffer.alloc(0);
    this.#lines = [];
    this.#lineBytes = [];
    this.#bufferedBytes = 0;
    // The TLS layer reads this socket from now on: leave it flowing, as it was handed to us.
    this.#resume();
    this.#socket.off('data', this.#onData);
    this.#socket.off('error', this.#onError);
    this.#socket.off('close', this.#onClose);
    this.ctx.signal?.removeEventListener('abort', this.#onAbort);
    return this.#socket as Socket;
  }

  /** Ends the session; the socket is destroyed whatever state it is in. */
  close(): void {
    this.ctx.signal?.removeEventListener('abort', this.#onAbort);
    this.#socket.off('data', this.#onData);
    // Nobody reads this connection any more: its close needs no error made for it (a stack trace each).
    this.#socket.off('close', this.#onClose);
    this.#socket.off('error', this.#onError);
    // Keep an error listener: a late RST after destroy must not become an uncaught exception.
    this.#socket.on('error', () => {});
    this.#socket.destroy();
  }
}
