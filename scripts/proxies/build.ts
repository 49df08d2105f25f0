import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { projectRoot } from '../../src/knowledge/paths.js';
import { CaseSet, type CapturedCase, chatCase, chatLang, translatedOnly } from '../capture/cases.js';
import type { CaptureData, RunRecord } from './capture.js';
import { labelOf } from './labels.js';

/**
 * From the captured record (data/capture*.json) to the evaluation fixtures: one case per text a user would
 * paste (client outputs, verbose transcripts, typed sessions and their last line, the proxy's log lines and an
 * excerpt of them, chat messages around them), each labelled by labels.ts from its text, split between the
 * tuning part and the holdout BY SCENARIO (every text of one scenario on one side): a seeded hash of the
 * scenario id below HOLDOUT_SHARE goes to the holdout.
 *
 *   node dist/proxies/scripts/proxies/build.js [--check]   (--check: label and count, write nothing)
 */

export const HOLDOUT_SEED = 'popbot-proxies-holdout-2026-12';
export const HOLDOUT_SHARE = 0.4;

export function isHoldoutScenario(scenario: string): boolean {
  const h = createHash('sha256').update(`${HOLDOUT_SEED}:${scenario}`).digest();
  return h.readUInt32BE(0) / 2 ** 32 < HOLDOUT_SHARE;
}

const root = projectRoot();
const dataDir = join(root, 'scripts', 'proxies', 'data');

/** Log lines that say nothing went wrong: a connection opened, the server's own start-up notices. */
const QUIET_LOG = /\[notice\]|connected to \d|: Connect: |could not read DH params/;

/** The same line but for time, pids, connection numbers, ports and session ids. */
const shape = (line: string) =>
  line
    .replace(/^\S+ \S+ /, '')
    .replace(/^\w{3} +\d+ [\d:]+ /, '')
    .replace(/[0-9a-f]{8,}|\d+/g, '#');

function clientCases(runs: RunRecord[]): CapturedCase[] {
  const cases: CapturedCase[] = [];
  for (const r of runs) {
    if (r.client === 'raw') continue;
    // A run that succeeded did not meet the scenario.
    if (r.exitCode === 0 || r.output.trim() === '') continue;
    const kind = r.verbose && r.client !== 'getmail' ? 'transcript' : 'client-output';
    cases.push({
      id: `proxies/${r.scenario}/${r.client}${r.verbose && r.client !== 'poplib' ? '-verbose' : ''}/${r.lang}`,
      text: r.output,
      category: '',
      lang: r.lang,
      kind,
      scenario: r.scenario,
      tool: r.tool,
      ...(r.cmdline ? { cmdline: r.cmdline } : {}),
      ...(r.config ? { config: r.config } : {}),
    });
  }
  return translatedOnly(cases);
}

function rawCases(runs: RunRecord[]): CapturedCase[] {
  const cases: CapturedCase[] = [];
  for (const r of runs) {
    if (r.client !== 'raw') continue;
    const lines = r.output.split('\n');
    const base = {
      lang: 'en' as const,
      scenario: r.scenario,
      tool: 'raw session (a scripted terminal session, typed as at telnet)',
      category: '',
    };
    // The scenario was met only if the proxy refused the last command typed.
    if (lines.length < 2 || !lines[lines.length - 1]!.startsWith('-ERR')) continue;
    cases.push({ ...base, id: `proxies/${r.scenario}/raw`, text: r.output, kind: 'transcript' });
    const last = [...lines].reverse().find((l) => /^[-+](ERR|OK)/.test(l));
    if (last?.startsWith('-ERR'))
      cases.push({ ...base, id: `proxies/${r.scenario}/raw/last-line`, text: last, kind: 'line' });
  }
  return cases;
}

/** How often each line shape was kept over the whole set: the same line from every scenario says nothing new. */
const shapesKept = new Map<string, number>();

/** A log record may hold raw bytes with newlines (a TLS hello logged as a command): one record per line start. */
function records(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (/^(\d{4}\/\d\d\/\d\d |\w{3} +\d+ \d\d:)/.test(l) || out.length === 0) out.push(l);
    else out[out.length - 1] += `\n${l}`;
  }
  return out;
}

/**
 * `skipQuiet`: leave out of the picks (and so of the excerpts) the lines labels.ts drops as showing no error.
 * From the second batch on (perdition's debug log); the first batch's excerpts were scored as they were.
 */
function logCases(scenario: string, lines: string[], tool: string, skipQuiet: boolean): CapturedCase[] {
  const seen = new Set<string>();
  const picked: string[] = [];
  for (const l of records(lines)) {
    const s = shape(l).replace(/too long command ".*" while/s, 'too long command # while');
    const quiet = skipQuiet && labelOf({ scenario, kind: 'server-log', text: l, id: '' }) === 'drop';
    if (quiet || QUIET_LOG.test(l) || seen.has(s) || picked.length >= 4 || (shapesKept.get(s) ?? 0) >= 2)
      continue;
    seen.add(s);
    shapesKept.set(s, (shapesKept.get(s) ?? 0) + 1);
    picked.push(l);
  }
  const base = { lang: 'en' as const, kind: 'server-log' as const, scenario, tool, category: '' };
  const cases: CapturedCase[] = picked.map((text, i) => ({
    ...base,
    id: `proxies/${scenario}/log/${i + 1}`,
    text,
  }));
  if (picked.length > 1)
    cases.push({ ...base, id: `proxies/${scenario}/log/excerpt`, text: picked.join('\n') });
  return cases;
}

function main(): void {
  const check = process.argv.includes('--check');
  // The first batch first (capture.json, then capture-2*.json): equal texts are kept where first seen.
  const files = readdirSync(dataDir)
    .filter((f) => /^capture.*\.json$/.test(f))
    .sort((a, b) => (a === 'capture.json' ? -1 : b === 'capture.json' ? 1 : a.localeCompare(b)));
  const seen = new CaseSet();
  const out: Record<
    'tuning' | 'holdout',
    Map<string, { data: CaptureData; scenario: string; proxy: string; cases: CapturedCase[] }>
  > = {
    tuning: new Map(),
    holdout: new Map(),
  };
  const unlabelled: string[] = [];
  for (const f of files) {
    const data = JSON.parse(readFileSync(join(dataDir, f), 'utf8')) as CaptureData;
    for (const scenario of Object.keys(data.logs)) {
      const runs = data.runs.filter((r) => r.scenario === scenario);
      const proxy = runs[0]?.proxy ?? '';
      const server = proxy.startsWith('nginx') ? data.versions.nginx! : data.versions.perdition!;
      const logTool = proxy.startsWith('nginx') ? `${server} error_log (info)` : `${server} log (-F file)`;
      const cases = [
        ...clientCases(runs),
        ...rawCases(runs),
        ...logCases(scenario, data.logs[scenario]!, logTool, f !== 'capture.json'),
      ];
      const labelled: CapturedCase[] = [];
      for (const c of cases) {
        const label = labelOf({ scenario, kind: c.kind, text: c.text, id: c.id });
        if (!label) {
          unlabelled.push(`${c.id}: ${JSON.stringify(c.text.slice(-300))}`);
          continue;
        }
        if (label === 'drop') continue;
        labelled.push({ ...c, category: label });
      }
      for (const c of [...labelled])
        if (
          c.kind === 'client-output' ||
          c.id.endsWith('/log/excerpt') ||
          (c.kind === 'server-log' && !labelled.some((o) => o.id.endsWith('/log/excerpt')))
        )
          labelled.push(chatCase(c, chatLang(c)));
      const side = isHoldoutScenario(scenario) ? 'holdout' : 'tuning';
      const kept = labelled.filter((c) => seen.add(c));
      if (kept.length === 0) continue;
      out[side].set(scenario, { data, scenario, proxy, cases: kept });
    }
  }
  if (unlabelled.length) {
    process.stderr.write(`unlabelled (${unlabelled.length}):\n${unlabelled.join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  const counts: Record<string, number> = {};
  for (const side of ['tuning', 'holdout'] as const)
    for (const g of out[side].values())
      for (const c of g.cases) {
        for (const k of [`${side}`, `${side} ${c.lang}`, `${side} ${c.kind}`])
          counts[k] = (counts[k] ?? 0) + 1;
      }
  process.stdout.write(
    `${JSON.stringify({ scenarios: { tuning: out.tuning.size, holdout: out.holdout.size }, counts })}\n`,
  );
  if (check) return;
  const dirs = {
    tuning: join(root, 'test', 'fixtures', 'captured', 'proxies'),
    holdout: join(root, 'test', 'fixtures', 'eval', 'holdout', 'proxies'),
  };
  for (const side of ['tuning', 'holdout'] as const) {
    rmSync(dirs[side], { recursive: true, force: true });
    mkdirSync(dirs[side], { recursive: true });
    for (const g of out[side].values()) {
      const tools = Object.fromEntries(
        [...new Set(g.cases.map((c) => c.tool))].map((t) => [t.split(' ')[0]!.toLowerCase(), t]),
      );
      const doc = {
        provenance: {
          captured_by:
            'scripts/proxies/capture.ts (live on loopback), labelled and split by scripts/proxies/build.ts + labels.ts',
          date: g.data.date,
          server: `${g.proxy.startsWith('nginx') ? g.data.versions.nginx : g.data.versions.perdition}; back end ${g.data.versions.dovecot}`,
          server_config: g.data.proxies[g.proxy] ?? g.proxy,
          clients: tools,
        },
        cases: g.cases.sort((a, b) => a.id.localeCompare(b.id)),
      };
      const header =
        side === 'holdout'
          ? '# HOLDOUT: kept out of all tuning. Do not open, grep or copy from it to change popbot.\n'
          : '# Captured real texts through POP3 proxies (tuning part). Regenerate with scripts/proxies (README there); do not edit by hand.\n';
      writeFileSync(
        join(dirs[side], `${g.scenario.replace('/', '-')}.yaml`),
        header + stringify(doc, { lineWidth: 0 }),
      );
    }
  }
  if (!existsSync(dirs.holdout)) throw new Error('no holdout written');
}

main();
