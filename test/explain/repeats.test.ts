import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { SummaryCounter } from '../../src/explain/summary.js';
import { projectRoot } from '../../src/knowledge/paths.js';
import { renderResultText } from '../../src/render/text.js';

// 200 lines in Dovecot 2.3's syslog formats (auth failures, password mismatches, unknown users, logouts).
const LOG = readFileSync(join(projectRoot(), 'test/fixtures/logs/dovecot-200-syslog.txt'), 'utf8');

describe('one answer per paste: a repeated error is explained once', () => {
  it('three identical IN-USE lines give one finding standing on lines 1, 2 and 3', () => {
    const line = '-ERR [IN-USE] Unable to lock maildrop';
    const result = explain([line, line, line].join('\n'));
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.lines).toEqual([1, 2, 3]);
    const text = renderResultText(result, { color: false });
    expect(text.match(/What it means/g)).toHaveLength(1);
    expect(text).toMatch(/×3 — lines 1, 2, 3/);
  });

  it('different errors stay apart, each with its own lines, and a header sums them up', () => {
    const result = explain(
      [
        '-ERR [IN-USE] Unable to lock maildrop',
        '-ERR no such message',
        '-ERR [IN-USE] Unable to lock maildrop',
      ].join('\n'),
    );
    expect(result.findings.map((f) => [f.category, f.lines ?? [f.lineNumber]])).toEqual([
      ['mailbox.locked', [1, 3]],
      ['message.not-found', [2]],
    ]);
    expect(renderResultText(result, { color: false })).toMatch(/^3 errors of 2 kinds: 2 × .+, 1 × .+\.$/m);
  });

  it('a 200-line server log: one explanation per kind, counts that agree with --summary, no line lost', () => {
    const result = explain(LOG);
    const counter = new SummaryCounter();
    for (const line of LOG.split('\n')) counter.push(line);
    const summary = counter.result();
    const lines = result.findings.flatMap((f) => f.lines ?? [f.lineNumber]);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.length).toBe(summary.errors);
    expect(result.findings.length).toBe(summary.categories.length);
    const text = renderResultText(result, { color: false });
    expect(text).toMatch(new RegExp(`^${summary.errors} errors of ${result.findings.length} kinds: `, 'm'));
    expect(text.split('\n').length).toBeLessThan(40 * result.findings.length);
  });

  it('a rule that fires on different facts stays two findings (two deleted messages)', () => {
    const result = explain(
      [
        'C: DELE 2',
        'S: +OK',
        'C: DELE 3',
        'S: +OK',
        'C: RETR 2',
        'S: -ERR no such message',
        'C: RETR 3',
        'S: -ERR no such message',
      ].join('\n'),
    );
    const deleted = result.findings.filter((f) => f.category === 'message.deleted');
    expect(deleted).toHaveLength(2);
  });
});
