import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../src/knowledge/paths.js';
import { CaseSet, type CapturedCase, chatCase, chatLang, translatedOnly } from '../capture/cases.js';
import type { CaptureData, RunRecord } from './capture.js';
import { type LabelInput, labelOf } from './labels.js';
import { SCENARIOS } from './scenarios.js';

/**
 * From the raw record (data/capture*.json) to the evaluation fixtures: one case per output a user would paste
 * (the script's output, the library's protocol trace when switched on, a chat message around an output), each
 * labelled by labels.ts from its text, split between the tuning part and the holdout BY SCENARIO (every text of one
 * scenario on one side; HOLDOUT_SCENARIOS says which).
 *
 *   node dist/libraries-live/scripts/libraries-live/build.js [--check]   (--check: label and count, write nothing)
 */

export const HOLDOUT_SEED = 'popbot-libraries-live-holdout-2026-12';
export const HOLDOUT_SHARE = 0.4;

/**
 * The holdout is the HOLDOUT_SHARE of the scenarios with the lowest seeded hash: with two dozen scenarios, a
 * threshold on each hash alone would hold out anywhere from a quarter to well over half of them.
 */
export function holdoutScenarios(
  seed: string,
  ids: readonly string[] = SCENARIOS.map((s) => s.id),
): Set<string> {
  const scenarioHash = (id: string) => createHash('sha256').update(`${seed}:${id}`).digest().readUInt32BE(0);
  return new Set(
    [...ids]
      .sort((a, b) => scenarioHash(a) - scenarioHash(b))
      .slice(0, Math.round(ids.length * HOLDOUT_SHARE)),
  );
}

const HOLDOUT_SCENARIOS = holdoutScenarios(HOLDOUT_SEED);

export function isHoldoutScenario(scenario: string): boolean {
  return HOLDOUT_SCENARIOS.has(scenario);
}

const root = projectRoot();

/**
 * The capture machine's own paths, as a user's would read: the scripts in a home directory, the npm packages
 * in a project there. Nothing else in a text is changed.
 */
export function userPaths(text: string): string {
  return text
    .replace(/\/work\/[\w.-]+\/scripts\/libraries-live\/clients\//g, '/home/ana/mailcheck/')
    .replace(/file:\/\/\/home\/ana/g, 'file:///home/ana')
    .replace(/\/tmp\/libs5-npm\//g, '/home/ana/mailcheck/')
    .replace(/\/tmp\/libs-live-movemail-\w+\/mbox/g, '/home/ana/Mail/inbox');
}

/** One evaluation set built from its capture records: libraries-live's here, another's from its own script. */
export interface BuildOptions {
  /** The set's folder under scripts/ and the fixtures' folder name. */
  set: string;
  /** The side of a scenario's text; `tool` (the program's name, `-debug` taken off) for a set split finer. */
  isHoldout(scenario: string, tool: string): boolean;
  userPaths(text: string): string;
  labelOf(input: LabelInput): string | undefined;
  /** The fixtures' header line for the tuning part. */
  tuningHeader: string;
}

const LIBRARIES_LIVE: BuildOptions = {
  set: 'libraries-live',
  isHoldout: isHoldoutScenario,
  userPaths,
  labelOf,
  tuningHeader:
    '# Captured real texts of POP libraries run live (tuning part). Regenerate with scripts/libraries-live (README there); do not edit by hand.',
};

function runCases(o: BuildOptions, runs: RunRecord[]): CapturedCase[] {
  const cases: CapturedCase[] = [];
  for (const r of runs) {
    const text = o.userPaths(r.output).trim();
    if (text === '') continue;
    cases.push({
      id: `${o.set}/${r.scenario}/${r.toolName}${r.debug ? '-debug' : ''}/${r.lang}`,
      text,
      category: '',
      lang: r.lang,
      kind: r.debug ? 'transcript' : 'client-output',
      scenario: r.scenario,
      tool: r.tool,
      cmdline: o.userPaths(r.cmdline),
    });
  }
  return translatedOnly(cases);
}

/** Labels and splits every scripts/<set>/data/capture*.json into the fixtures (`--check`: count only). */
export function build(o: BuildOptions): void {
  const check = process.argv.includes('--check');
  const dataDir = join(root, 'scripts', o.set, 'data');
  const files = readdirSync(dataDir)
    .filter((f) => /^capture.*\.json$/.test(f))
    .sort((a, b) => (a === 'capture.json' ? -1 : b === 'capture.json' ? 1 : a.localeCompare(b)));
  const seen = new CaseSet();
  // One fixture file per batch and scenario: a later batch's tools keep their own provenance.
  const out: Record<
    'tuning' | 'holdout',
    Map<string, { data: CaptureData; scenario: string; cases: CapturedCase[] }>
  > = {
    tuning: new Map(),
    holdout: new Map(),
  };
  const unlabelled: string[] = [];
  for (const f of files) {
    const data = JSON.parse(readFileSync(join(dataDir, f), 'utf8')) as CaptureData;
    for (const scenario of [...new Set(data.runs.map((r) => r.scenario))]) {
      const runs = data.runs.filter((r) => r.scenario === scenario);
      const labelled: CapturedCase[] = [];
      for (const c of runCases(o, runs)) {
        const run = runs.find((r) => o.userPaths(r.output).trim() === c.text)!;
        const label = o.labelOf({
          scenario,
          tool: c.id.split('/').at(-2)!,
          text: c.text,
          exitCode: run.exitCode,
        });
        if (!label) {
          unlabelled.push(`${c.id}: ${JSON.stringify(c.text.slice(-400))}`);
          continue;
        }
        if (label === 'drop') continue;
        labelled.push({ ...c, category: label });
      }
      for (const c of [...labelled]) if (c.kind === 'client-output') labelled.push(chatCase(c, chatLang(c)));
      const kept = labelled.filter((c) => seen.add(c));
      const batch = /^capture-(\w+)\.json$/.exec(f)?.[1];
      for (const side of ['tuning', 'holdout'] as const) {
        const cases = kept.filter(
          (c) => o.isHoldout(scenario, c.id.split('/')[3]!.replace(/-debug$/, '')) === (side === 'holdout'),
        );
        if (cases.length === 0) continue;
        out[side].set(`${scenario.replace('/', '-')}${batch ? `.batch-${batch}` : ''}`, {
          data,
          scenario,
          cases,
        });
      }
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
      for (const c of g.cases)
        for (const k of [side, `${side} ${c.lang}`, `${side} ${c.kind}`, `${side} ${c.category}`])
          counts[k] = (counts[k] ?? 0) + 1;
  process.stdout.write(
    `${JSON.stringify({ files: { tuning: [...out.tuning.keys()], holdout: [...out.holdout.keys()] }, counts }, null, 1)}\n`,
  );
  if (check) return;
  const dirs = {
    tuning: join(root, 'test', 'fixtures', 'captured', o.set),
    holdout: join(root, 'test', 'fixtures', 'eval', 'holdout', o.set),
  };
  for (const side of ['tuning', 'holdout'] as const) {
    rmSync(dirs[side], { recursive: true, force: true });
    mkdirSync(dirs[side], { recursive: true });
    for (const [name, g] of out[side]) {
      const { scenario } = g;
      const server = scenario.split('/')[0]!;
      const tools = Object.fromEntries(
        [...new Set(g.cases.map((c) => c.id.split('/')[3]!.replace(/-debug$/, '')))].map((t) => [
          t,
          g.data.versions[t] ?? t,
        ]),
      );
      const doc = {
        provenance: {
          captured_by: `scripts/${o.set}/capture.ts (live on loopback), labelled and split by scripts/${o.set}/build.ts + labels.ts`,
          date: g.data.date,
          server:
            server === 'fake'
              ? 'test/support/fake-pop-server.ts'
              : server === 'closed'
                ? 'none (a closed port)'
                : (g.data.versions[server] ?? g.data.versions.dovecot!),
          server_config: g.data.servers[g.data.runs.find((r) => r.scenario === scenario)!.server] ?? server,
          clients: tools,
        },
        cases: g.cases.sort((a, b) => a.id.localeCompare(b.id)),
      };
      const header =
        side === 'holdout'
          ? '# HOLDOUT: kept out of all tuning. Do not open, grep or copy from it to change popbot.\n'
          : `${o.tuningHeader}\n`;
      writeFileSync(join(dirs[side], `${name}.yaml`), header + stringify(doc, { lineWidth: 0 }));
    }
  }
  if (!existsSync(dirs.holdout)) throw new Error('no holdout written');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) build(LIBRARIES_LIVE);
