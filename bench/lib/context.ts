import type { Examples } from '../corpus/examples.js';
import type { Progress } from './progress.js';
import type { RowResult } from './report.js';

export interface BenchContext {
  quick: boolean;
  progress: Progress;
  /** The project root (where bin/popbot.js is). */
  root: string;
  examples: Examples;
  seed: number;
}

export interface Row {
  id: string;
  figure: string;
  target: string;
  run(ctx: BenchContext): Promise<Omit<RowResult, 'seconds'>>;
}
