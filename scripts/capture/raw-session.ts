import { isIP, connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/**
 * A telnet-like POP session driven by a script: read the greeting, then send each line and read its reply,
 * the way a person types commands at `telnet host 110` or `openssl s_client -starttls pop3`. The record is
 * what such a terminal shows: the server's lines and the typed lines, in order.
 */

export interface RawStep {
  /** The line to type (without CRLF). */
  send: string;
  /** A multi-line reply is read up to its final "." when the reply starts with +OK. */
  multiline?: boolean;
  /** After a +OK to this line, switch to TLS (STLS). */
  startTls?: boolean;
}

export interface RawSessionOptions {
  host: string;
  port: number;
  implicitTls?: boolean;
  ca?: string;
  steps: readonly RawStep[];
  /** Seconds to wait for any one reply. */
  timeoutS: number;
}

export interface RawLine {
  from: 'client' | 'server';
  text: string;
}

class LineReader {
  private buffer = '';
  private waiting: ((line: string | null) => void) | undefined;
  private closed = false;
  private readonly lines: string[] = [];

  attach(socket: Socket): void {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        this.lines.push(this.buffer.slice(0, nl).replace(/\r$/, ''));
        this.buffer = this.buffer.slice(nl + 1);
      }
      this.flush();
    });
    const end = () => {
      this.closed = true;
      this.flush();
    };
    socket.on('end', end);
    socket.on('close', end);
    socket.on('error', end);
  }

  private flush(): void {
    if (!this.waiting) return;
    const line = this.lines.shift();
    if (line !== undefined) {
      const w = this.waiting;
      this.waiting = undefined;
      w(line);
    } else if (this.closed) {
      const w = this.waiting;
      this.waiting = undefined;
      w(null);
    }
  }

  next(timeoutS: number): Promise<string | null | 'timeout'> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        resolve('timeout');
      }, timeoutS * 1000);
      this.waiting = (line) => {
        clearTimeout(timer);
        resolve(line);
      };
      this.flush();
    });
  }

  /** Hands the unread bytes over when the socket is replaced by a TLS one. */
  detach(): void {
    this.buffer = '';
  }
}

function open(options: RawSessionOptions): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = options.implicitTls
      ? tlsConnect({ host: options.host, port: options.port, ...(options.ca ? { ca: options.ca } : {}) })
      : netConnect({ host: options.host, port: options.port });
    socket.once(options.implicitTls ? 'secureConnect' : 'connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

function upgrade(socket: Socket, host: string, ca: string | undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const secure = tlsConnect({ socket, ...(isIP(host) ? {} : { servername: host }), ...(ca ? { ca } : {}) });
    secure.once('secureConnect', () => resolve(secure));
    secure.once('error', reject);
  });
}

/** Runs the script; the record ends where the server closes, stops answering, or the script ends. */
export async function runRawSession(options: RawSessionOptions): Promise<RawLine[]> {
  const record: RawLine[] = [];
  let socket = await open(options);
  let reader = new LineReader();
  reader.attach(socket);
  const readReply = async (multiline: boolean): Promise<boolean> => {
    const first = await reader.next(options.timeoutS);
    if (first === null || first === 'timeout') return false;
    record.push({ from: 'server', text: first });
    if (!multiline || !first.startsWith('+OK')) return true;
    for (;;) {
      const line = await reader.next(options.timeoutS);
      if (line === null || line === 'timeout') return false;
      record.push({ from: 'server', text: line });
      if (line === '.') return true;
    }
  };
  try {
    if (!(await readReply(false))) return record;
    for (const step of options.steps) {
      record.push({ from: 'client', text: step.send });
      socket.write(`${step.send}\r\n`);
      if (!(await readReply(step.multiline ?? false))) break;
      const last = record[record.length - 1]!;
      if (step.startTls && last.from === 'server' && last.text.startsWith('+OK')) {
        reader.detach();
        socket.removeAllListeners('data');
        socket = await upgrade(socket, options.host, options.ca);
        reader = new LineReader();
        reader.attach(socket);
      }
    }
  } finally {
    socket.destroy();
  }
  return record;
}

/** As a terminal shows it, or with the RFC's C:/S: marks some people add when they paste. */
export function renderRawSession(record: readonly RawLine[], style: 'terminal' | 'marked'): string {
  return record
    .map((l) => (style === 'terminal' ? l.text : `${l.from === 'client' ? 'C' : 'S'}: ${l.text}`))
    .join('\n');
}
