/**
 * Cuts a log arriving as Buffer chunks of any size into lines, in constant memory but for the one unfinished
 * line: a chunk is decoded once up to its last line end (a line end is one ASCII byte, so no UTF-8 sequence
 * is ever cut), and lines are found by native searches, never byte by byte. Lines end as `explain` and Node's
 * line reader end them: at `\n`, `\r\n` or a lone `\r`, a `\r\n` split across two chunks being one end. A
 * last line without an end is a line; an empty input has none. Pure: no I/O.
 */

const LF = 0x0a;
const CR = 0x0d;

export class LineSplitter {
  /**
   * `prepare` may rewrite each decoded run of whole lines before it is cut (`cleanPaste`): it must work line by
   * line and leave line ends alone.
   */
  constructor(private readonly prepare: (text: string) => string = (text) => text) {}

  /** The bytes of the line not yet ended, from earlier chunks. */
  private carry: Buffer | undefined;
  /** The last chunk ended with `\r`: a `\n` opening the next one ends nothing more. */
  private afterCr = false;

  /** Calls `onLine` with every line the chunk ends, in order. */
  push(chunk: Buffer, onLine: (line: string) => void): void {
    let bytes = chunk;
    if (this.afterCr && bytes.length > 0) {
      this.afterCr = false;
      if (bytes[0] === LF) bytes = bytes.subarray(1);
    }
    if (bytes.length === 0) return;
    const lastLf = bytes.lastIndexOf(LF);
    const lastCr = bytes.lastIndexOf(CR);
    const last = Math.max(lastLf, lastCr);
    if (last < 0) {
      this.carry = this.carry ? Buffer.concat([this.carry, bytes]) : Buffer.from(bytes);
      return;
    }
    const head = this.carry ? Buffer.concat([this.carry, bytes.subarray(0, last + 1)]) : bytes;
    const ended = this.carry ? head.length : last + 1;
    this.carry = last + 1 < bytes.length ? Buffer.from(bytes.subarray(last + 1)) : undefined;
    this.afterCr = last === lastCr && last === bytes.length - 1;
    const text = this.prepare(head.toString('utf8', 0, ended));
    // The carry holds no line end, so a chunk without `\r` gives a text without one.
    if (lastCr < 0) splitAtLf(text, onLine);
    else splitAtAnyEnd(text, onLine);
  }

  /** Ends the input: the unfinished last line, if any, is a line. */
  end(onLine: (line: string) => void): void {
    if (this.carry) onLine(this.prepare(this.carry.toString('utf8')));
    this.carry = undefined;
    this.afterCr = false;
  }
}

/** `text` ends with `\n` and holds no `\r`. */
function splitAtLf(text: string, onLine: (line: string) => void): void {
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    onLine(text.slice(start, end));
    start = end + 1;
  }
}

/** `text` ends with a line end; `\r\n`, `\r` and `\n` each end one line. */
function splitAtAnyEnd(text: string, onLine: (line: string) => void): void {
  let start = 0;
  // Each end is looked for once, not from every line: a text of many `\n` and one late `\r` stays linear.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (start < text.length) {
    if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
    if (end < 0) return;
    onLine(text.slice(start, end));
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
}
