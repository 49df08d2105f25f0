import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { defaultKnowledgeBase } from '../knowledge/load.js';
import { candidateOf } from './candidate.js';
import { decide } from './decide.js';
import { DEFAULT_EXTENSIONS } from './default-extensions.js';
import type { Extensions } from './extensions.js';
import { SessionMachine } from './session/session-machine.js';

export interface CategoryCount {
  category: string;
  count: number;
  /** The first line of this category, masked, with its line number. */
  example: { lineNumber: number; line: string; entry: string };
}

export interface SummaryResult {
  lines: number;
  errors: number;
  categories: CategoryCount[];
  secretFound: boolean;
}

/**
 * Counts errors per category over a log of any size, one line at a time, in constant memory: only one
 * counter and one example per category are kept (the session machine's own state is bounded).
 */
export class SummaryCounter {
  private readonly machine: SessionMachine;
  private readonly counts = new Map<string, CategoryCount>();
  private lineCount = 0;
  private errorCount = 0;

  constructor(
    private readonly kb: KnowledgeBase = defaultKnowledgeBase(),
    private readonly extensions: Extensions = DEFAULT_EXTENSIONS,
  ) {
    this.machine = new SessionMachine({ hasClientCommands: true, serverLog: extensions.serverLog });
  }

  push(line: string): void {
    this.lineCount++;
    const observation = this.machine.feed(line, this.lineCount);
    const candidate = candidateOf(observation);
    if (!candidate) return;
    const finding = decide(candidate, {
      kb: this.kb,
      session: this.machine.session,
      ...(observation.answers ? { sent: observation.answers } : {}),
      ...(this.extensions.fallback ? { fallback: this.extensions.fallback } : {}),
    });
    if (!finding) return;
    this.errorCount++;
    const existing = this.counts.get(finding.category);
    if (existing) existing.count++;
    else {
      this.counts.set(finding.category, {
        category: finding.category,
        count: 1,
        example: { lineNumber: candidate.lineNumber, line: candidate.line, entry: finding.entry },
      });
    }
  }

  result(): SummaryResult {
    const categories = [...this.counts.values()].sort(
      (a, b) => b.count - a.count || a.category.localeCompare(b.category),
    );
    return {
      lines: this.lineCount,
      errors: this.errorCount,
      categories,
      secretFound: this.machine.secretFound,
    };
  }
}
