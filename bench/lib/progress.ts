/** Progress on stderr for a person watching a terminal; nothing at all when stderr is piped (CI logs). */
export class Progress {
  private readonly tty: boolean;
  private last = '';

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.tty = Boolean(stream.isTTY);
  }

  update(text: string): void {
    if (!this.tty || text === this.last) return;
    this.last = text;
    const width = (this.stream.columns ?? 80) - 1;
    this.stream.write(`\r\u001b[2K${text.length > width ? text.slice(0, width) : text}`);
  }

  clear(): void {
    if (!this.tty || this.last === '') return;
    this.last = '';
    this.stream.write('\r\u001b[2K');
  }
}
