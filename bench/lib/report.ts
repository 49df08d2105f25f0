/** One row of the table: what popbot did, what the reference did in the same run, and the verdict. */
export interface RowResult {
  id: string;
  figure: string;
  ours: string;
  reference: string;
  ratio: string;
  target: string;
  status: 'pass' | 'fail' | 'skipped' | 'error';
  /** Why a row was skipped or failed to run. */
  reason?: string;
  /** The raw numbers behind the row, for --json and docs/performance.md. */
  metrics: Record<string, unknown>;
  seconds: number;
}

export function skipped(
  id: string,
  figure: string,
  target: string,
  reason: string,
): Omit<RowResult, 'seconds'> {
  return { id, figure, ours: '', reference: '', ratio: '', target, status: 'skipped', reason, metrics: {} };
}

const HEADERS = ['figure', 'ours', 'reference', 'ratio', 'target', 'result'] as const;

function cells(row: RowResult): string[] {
  if (row.status === 'skipped' || row.status === 'error') {
    return [row.figure, `${row.status}: ${row.reason ?? ''}`, '', '', row.target, row.status.toUpperCase()];
  }
  return [row.figure, row.ours, row.reference, row.ratio, row.target, row.status.toUpperCase()];
}

/** A plain-text table: readable in a terminal, a CI log, and pasted into the docs. */
export function renderTable(rows: readonly RowResult[]): string {
  const body = rows.map(cells);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(HEADERS), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
