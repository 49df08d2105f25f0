import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { defaultKnowledgeBase } from '../knowledge/load.js';
import { explainCandidate } from './explain.js';
import { SessionTracker } from './session.js';

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
 * counter and one example per category are kept.
 */
export class SummaryCounter {
  private readonly tracker = new SessionTracker({ hasClientCommands: true });
  private readonly counts = new Map<string, CategoryCount>();
  private lineCount = 0;
  private errorCount = 0;

  constructor(private readonly kb: KnowledgeBase = defaultKnowledgeBase()) {}

  push(line: string): void {
    this.lineCount++;
    const { candidate } = this.tracker.next(line, this.lineCount);
    if (!candidate) return;
    const match = explainCandidate(this.kb, candidate);
    if (!match) return;
    this.errorCount++;
    const category = match.entry.entry.category;
    const existing = this.counts.get(category);
    if (existing) existing.count++;
    else {
      this.counts.set(category, {
        category,
        count: 1,
        example: { lineNumber: candidate.lineNumber, line: candidate.line, entry: match.entry.entry.id },
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
      secretFound: this.tracker.secretFound,
    };
  }
}
