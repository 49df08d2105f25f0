import type { Extensions, ServerLogRecogniser } from '../extensions.js';
import { parseServerLogLine } from '../server-log/parse.js';
import { recogniseServerLogLine, serverLogLineOf } from '../server-log/recognise.js';
import type { ServerLogEvent } from '../server-log/types.js';

/**
 * A log summary reads each line's server-log event twice: for the whole-log judge, and in the line reader
 * (the server-log recogniser), on the same text. Parsing is a fifth of a server log's time, so the last
 * line's parse is kept and the second reading reuses it. Keyed by the exact text, so it gives what a fresh
 * parse gives.
 */
export class ParseOnce {
  private lastLine: string | undefined;
  private lastEvent: ServerLogEvent | undefined;

  parse(line: string): ServerLogEvent | undefined {
    if (line !== this.lastLine) {
      this.lastEvent = parseServerLogLine(line);
      this.lastLine = line;
    }
    return this.lastEvent;
  }

  private readonly recognise: ServerLogRecogniser = (line) => {
    const event = this.parse(line);
    return event ? serverLogLineOf(event) : undefined;
  };

  /** `extensions` with the default server-log recogniser reading through this parse. */
  extensions(extensions: Extensions): Extensions {
    const serverLog = extensions.serverLog?.map((r) => (r === recogniseServerLogLine ? this.recognise : r));
    return serverLog ? { ...extensions, serverLog } : extensions;
  }
}
