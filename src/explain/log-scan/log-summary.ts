import { cleanPaste } from '../paste-cleanup.js';
import { SummaryCounter, type SummaryResult } from '../summary.js';
import { LineSplitter } from './line-splitter.js';

/**
 * `explain --summary` over bytes: the log arrives as Buffer chunks of any size (a file read in large blocks,
 * stdin), is decoded and cleaned a chunk at a time, cut into lines by native searches, and counted by the
 * explainer's own steps. Pure: the caller reads the bytes.
 */
export class LogSummary {
  private readonly splitter = new LineSplitter((text) => cleanPaste(text).text);
  private readonly onLine = (line: string) => this.counter.pushCleaned(line);
  bytes = 0;

  constructor(private readonly counter: SummaryCounter = new SummaryCounter()) {}

  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    this.splitter.push(chunk, this.onLine);
  }

  end(): SummaryResult {
    this.splitter.end(this.onLine);
    return this.counter.result();
  }
}
