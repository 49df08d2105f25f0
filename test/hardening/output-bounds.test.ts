import { describe, expect, it } from 'vitest';
import { dropEchoes, type Found } from '../../src/explain/echoes.js';
import { explain } from '../../src/explain/explain.js';
import { MAX_FINDINGS } from '../../src/explain/analyse.js';
import { defaultKnowledgeBase } from '../../src/knowledge/load.js';
import { runCli } from '../support/cli-io.js';

/**
 * The answer to any paste stays bounded, whatever its size and in every output form (issue #16 items 9
 * and 10): a repeated error is one finding naming its lines (#14), and at most MAX_FINDINGS kinds are
 * listed, then a warning that says how many more there were.
 */

const MB = 1024 * 1024;
const echoPaste = (n: number) => `${'-ERR x\n'.repeat(n)}${'Login denied\n'.repeat(n)}`;
const errPaste = () =>
  Array.from({ length: 25_000 }, (_, i) => `-ERR [AUTH] Authentication failed ${i}`).join('\n');

describe('output bounded by input', () => {
  it('1 MB of -ERR lines: one explanation naming every line, the result under 1 MB', () => {
    const result = explain(errPaste(), { lang: 'en' });
    // The 25 000 replies are one error repeated (one entry): grouped, not cut, and no line is lost.
    expect(result.findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
    expect(result.findings.flatMap((f) => f.lines ?? [f.lineNumber])).toHaveLength(25_000);
    expect(JSON.stringify(result).length).toBeLessThan(MB);
  });

  it('more kinds of error than the cap: the first 50, then "…and N more"', () => {
    // One documented example of each of 80 different server entries: 80 kinds, none a repeat of another.
    const kb = defaultKnowledgeBase();
    const lines = kb.entries
      .filter((e) => e.entry.kind === 'server' && e.entry.category !== 'unknown')
      .map((e) => e.entry.examples[0]?.text ?? '')
      .filter((t) => t.startsWith('-ERR'))
      .slice(0, 80);
    const result = explain(lines.join('\n'), { lang: 'en' });
    expect(result.findings).toHaveLength(MAX_FINDINGS);
    expect(result.warnings.find((w) => w.code === 'findings.capped')?.message).toMatch(
      /^…and \d+ more errors/,
    );
  });

  it.each([
    ['explain --json', ['explain', '--json']],
    ['explain (text)', ['explain']],
    ['the shell', ['shell']],
  ])('%s answers 1 MB of -ERR lines in under 1 MB', async (_name, args) => {
    const run = await runCli(args, { stdin: `${errPaste()}\n`, env: { NO_COLOR: '1' } });
    expect(run.code).toBe(0);
    expect(run.stdout.length + run.stderr.length).toBeLessThan(MB);
    expect(run.stdout).toMatch(/25000|25 000/);
  });

  it('N "-ERR x" then N "Login denied": echoes dropped in one pass, the answer bounded', () => {
    const result = explain(echoPaste(30_000), { lang: 'en' });
    expect(result.findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
    expect(JSON.stringify(result).length).toBeLessThan(MB);
  });

  it('echo removal is linear in the number of findings', () => {
    const n = 60_000;
    const found: Found[] = Array.from({ length: n }, (_, i) => ({
      kind: i < n / 2 ? 'server' : 'client',
      quoted: false,
      finding: {
        category: i < n / 2 ? 'server.unknown' : 'auth.failed',
        entry: i < n / 2 ? 'unknown-pop-error' : 'curl-login-denied',
        confidence: 0.5,
        evidence: { lineNumber: i + 1, line: 'x', basis: 'wording' },
      },
    })) as Found[];
    const started = performance.now();
    const kept = dropEchoes(found);
    // Not a speed target (that is `npm run bench`): comparing every pair takes minutes at this size.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(kept.length).toBeGreaterThan(n / 2);
  });
});
