import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../bench/corpus/examples.js';
import { writeLog } from '../../bench/corpus/log.js';
import { writeServerLog } from '../../bench/corpus/server-log.js';
import { Prng } from '../../bench/lib/prng.js';
import { analyse } from '../../src/explain/explain.js';
import { LogSummary } from '../../src/explain/log-scan/log-summary.js';
import { SummaryCounter } from '../../src/explain/summary.js';
import { loadCapturedCases } from '../../src/knowledge/evaluate.js';
import { maskSecrets } from '../../src/secrets/index.js';
import { projectRoot } from '../../src/knowledge/paths.js';

/**
 * `explain --summary` counts what `explain` counts: on any text `explain` reads whole, the summary's count per
 * category is the number of lines `explain`'s findings stand on (each finding and its repeats). The summary
 * reads bytes in chunks of any size and, past the size `explain` reads whole, streams: both ways are checked.
 */

type Counts = Record<string, number>;

function explainCounts(text: string): Counts {
  const analysis = analyse(text);
  expect(analysis.omittedFindings).toBeUndefined();
  const counts: Counts = {};
  for (const f of analysis.findings)
    counts[f.category] = (counts[f.category] ?? 0) + 1 + (f.evidence.alsoLines?.length ?? 0);
  return counts;
}

/** The summary of `text` fed as bytes in chunks of random sizes (cutting lines, UTF-8 sequences and CRLFs). */
function summaryCounts(text: string, prng: Prng, streamAfterLines?: number): Counts {
  const counter = streamAfterLines
    ? new SummaryCounter(undefined, undefined, { chars: Number.MAX_SAFE_INTEGER, lines: streamAfterLines })
    : new SummaryCounter();
  const summary = new LogSummary(counter);
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length;) {
    const size = prng.chance(0.3) ? prng.int(1, 8) : prng.int(9, 4096);
    summary.push(bytes.subarray(at, at + size));
    at += size;
  }
  const result = summary.end();
  const counts: Counts = {};
  for (const c of result.categories) counts[c.category] = c.count;
  expect(result.errors).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
  return counts;
}

function slices(lines: readonly string[], n: number, size: number, prng: Prng): string[] {
  return Array.from({ length: n }, () => {
    const start = prng.int(0, Math.max(0, lines.length - size));
    return lines.slice(start, start + size).join('\n');
  });
}

// Each comparison runs the whole explainer three times over thousands of lines: minutes on a loaded machine.
const TIMEOUT = 180_000;

const dir = mkdtempSync(join(tmpdir(), 'popbot-parity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Summary and explain agree on each random slice, read whole and streamed; how many errors the slices held. */
function expectParityOnSlices(lines: readonly string[], count: number, size: number, prng: Prng): number {
  let errors = 0;
  for (const slice of slices(lines, count, size, prng)) {
    const expected = explainCounts(slice);
    errors += Object.values(expected).reduce((a, b) => a + b, 0);
    expect(summaryCounts(slice, prng)).toEqual(expected);
    // Streaming past a short start: the echo filter run by stretches, rules merged across them.
    expect(summaryCounts(slice, prng, 50)).toEqual(expected);
  }
  return errors;
}

describe('summary counts = explain counts', () => {
  it(
    'on random slices of the generated session log (the bench row, small)',
    () => {
      const file = join(dir, 'session.log');
      writeLog(file, 300_000, loadExamples(), 8);
      const errors = expectParityOnSlices(readFileSync(file, 'utf8').split('\n'), 20, 400, new Prng(18));
      // The slices hold errors of many kinds, or the comparison would prove little.
      expect(errors).toBeGreaterThan(40);
    },
    TIMEOUT,
  );

  it(
    'on random slices of the generated Dovecot server log',
    () => {
      const file = join(dir, 'server.log');
      writeServerLog(file, 300_000, 8);
      const errors = expectParityOnSlices(readFileSync(file, 'utf8').split('\n'), 15, 300, new Prng(19));
      expect(errors).toBeGreaterThan(40);
    },
    TIMEOUT,
  );

  it(
    'on the real logs of test/fixtures/logs, whole, in slices, and with CRLF line ends',
    () => {
      const prng = new Prng(20);
      const logs = join(projectRoot(), 'test', 'fixtures', 'logs');
      for (const name of readdirSync(logs)) {
        const text = readFileSync(join(logs, name), 'utf8');
        const expected = explainCounts(text);
        expect(Object.keys(expected).length).toBeGreaterThan(0);
        expect(summaryCounts(text, prng)).toEqual(expected);
        expect(summaryCounts(text.replace(/\n/g, '\r\n'), prng)).toEqual(expected);
        expect(summaryCounts(text, prng, 30)).toEqual(expected);
        for (const slice of slices(text.split('\n'), 10, 37, prng))
          expect(summaryCounts(slice, prng)).toEqual(explainCounts(slice));
      }
    },
    TIMEOUT,
  );

  it('reads each line with its secrets masked, as explain does, read whole or streamed', () => {
    const prng = new Prng(22);
    // A server that echoes the password: masked, the reply no longer reads as a locked mailbox.
    const echo = 'S: -ERR mailbox is locked';
    const text = [
      'Dec 07 02:48:19 auth: Info: started',
      'C: USER alice',
      'S: +OK',
      'C: PASS mailbox is locked',
      echo,
      'Dec 07 02:48:22 pop3-login: Info: Disconnected (auth failed, 1 attempts in 2 secs): user=<alice>, rip=127.0.0.20',
    ].join('\n');
    expect(maskSecrets(text).text).not.toContain(echo);
    const expected = explainCounts(text);
    expect(expected).not.toMatchObject(explainCounts(echo));
    expect(summaryCounts(text, prng)).toEqual(expected);
    for (const head of [1, 3]) expect(summaryCounts(text, prng, head)).toEqual(expected);
  });

  it(
    'on every captured text (server logs, transcripts, client output, chat)',
    () => {
      const prng = new Prng(21);
      const cases = loadCapturedCases(join(projectRoot(), 'test', 'fixtures', 'captured'));
      expect(cases.filter((c) => c.kind === 'server-log').length).toBeGreaterThan(10);
      for (const c of cases) {
        const expected = explainCounts(c.text);
        expect({ id: c.source, counts: summaryCounts(c.text, prng) }).toEqual({
          id: c.source,
          counts: expected,
        });
      }
    },
    TIMEOUT,
  );
});
