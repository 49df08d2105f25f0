import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { projectRoot } from '../../src/knowledge/paths.js';
import type { CapturedDialog } from './main.js';
import { GUI_SCENARIOS, type GuiScenario } from './scenarios.js';

/**
 * Turns the capture's results file into fixtures: the dialogs' texts in the evaluation's case schema
 * (kind client-output, the category from the scenario) and their screenshots with a manifest, split
 * between the tuning part and the holdout by a seeded hash of the SCENARIO (the 40 % of scenarios that come
 * first in its order), so that every client and language of one scenario sits on one side.
 *
 *   node dist/capture-gui/scripts/capture-gui/build.js [--out=DIR[,DIR…]]   (each DIR as given to main.js)
 */

export const SPLIT_SEED = 'popbot-gui-holdout-2026-12-07';
export const HOLDOUT_SHARE = 0.4;

const rank = (scenario: string) =>
  createHash('sha256').update(`${SPLIT_SEED}:${scenario}`).digest().readUInt32BE(0);

/** The scenarios in the order of their seeded hash; the first 40 % of them are the holdout. */
const HOLDOUT = new Set(
  GUI_SCENARIOS.map((s) => s.id)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, Math.round(HOLDOUT_SHARE * GUI_SCENARIOS.length)),
);

export function inHoldout(scenario: string): boolean {
  return HOLDOUT.has(scenario);
}

/** The category of what the dialog can show (scenarios.ts): a dialog rule, the client's, the scenario's. */
export function categoryOf(s: GuiScenario, d: CapturedDialog): string {
  return s.dialogRules?.find((r) => r.match.test(d.text))?.category ?? s.says?.[d.client] ?? s.category;
}

const TOOL_NAME: Record<string, string> = { thunderbird: 'Thunderbird', 'claws-mail': 'Claws Mail' };

function main(): void {
  // --out=DIR[,DIR…]: the results of one or more captures (two can run side by side on other ports).
  const outs = (
    process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? join(tmpdir(), 'popbot-gui')
  ).split(',');
  const results = outs.flatMap(
    (out) => JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as CapturedDialog[],
  );
  // The first runs wrote no shape: they were dialogs.
  for (const r of results) r.shape ??= 'dialog';
  const root = projectRoot();
  const sides = {
    tuning: {
      cases: join(root, 'test/fixtures/captured/gui'),
      png: join(root, 'test/fixtures/screenshots/gui/tuning'),
    },
    holdout: {
      cases: join(root, 'test/fixtures/eval/holdout/gui'),
      png: join(root, 'test/fixtures/screenshots/gui/holdout'),
    },
  };
  for (const side of Object.values(sides)) {
    rmSync(side.png, { recursive: true, force: true });
    mkdirSync(side.png, { recursive: true });
    mkdirSync(side.cases, { recursive: true });
  }
  const clients = [...new Set(results.map((r) => r.client))].sort();
  for (const client of clients) {
    const mine = results.filter((r) => r.client === client && r.text !== '');
    // Compared without the times a log line or a server reply carries.
    const undated = (text: string) => text.replace(/\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\]/g, '');
    const english = new Map(
      mine.filter((r) => r.lang === 'en').map((r) => [`${r.scenario}:${r.shape}`, new Set<string>()]),
    );
    for (const r of mine.filter((r) => r.lang === 'en'))
      english.get(`${r.scenario}:${r.shape}`)!.add(undated(r.text));
    for (const [name, side] of Object.entries(sides)) {
      const seen = new Set<string>();
      const cases = [];
      const pictures = [];
      for (const s of GUI_SCENARIOS) {
        if (inHoldout(s.id) !== (name === 'holdout')) continue;
        for (const d of mine.filter((r) => r.scenario === s.id)) {
          // Thunderbird's security-exception dialog copies only its address field: a picture, no text.
          const addressOnly = /^[\w.-]+:\d+$/.test(d.text);
          // A French or Vietnamese dialog that reads as the English one is not a French or Vietnamese text.
          if (
            !addressOnly &&
            d.lang !== 'en' &&
            english.get(`${d.scenario}:${d.shape}`)?.has(undated(d.text))
          )
            continue;
          // A dialog shown twice in one run (a retry) is one text.
          const key = `${d.scenario}:${d.lang}:${d.text}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const id = `gui/${client}/${s.id}/${d.lang}/${d.index}`;
          const file = `${client}-${s.id}-${d.lang}-${d.index}.png`;
          const category = categoryOf(s, d);
          const tool = `${d.clientVersion} (${d.lang})`;
          if (!addressOnly)
            cases.push({
              id,
              text: d.text,
              category,
              lang: d.lang,
              kind: 'client-output',
              scenario: s.id,
              tool,
              config: `${d.clientConfig}; server: ${d.server}: ${d.serverConfig}; dialog title: ${d.title}; screenshot: ${file}`,
            });
          if (existsSync(d.png)) {
            copyFileSync(d.png, join(side.png, file));
            pictures.push({
              file,
              client,
              lang: d.lang,
              scenario: s.id,
              category,
              title: d.title,
              text: addressOnly ? undefined : d.text,
              case: addressOnly ? undefined : id,
            });
          }
        }
      }
      const versions = [...new Set(mine.map((r) => r.clientVersion))];
      const servers = [...new Set(mine.map((r) => r.server))];
      const doc = {
        provenance: {
          captured_by: `scripts/capture-gui (main.ts, then build.ts): ${TOOL_NAME[client]} under Xvfb with a fresh profile per run; the dialog's text copied from the dialog (Ctrl+A, Ctrl+C), its screenshot in test/fixtures/screenshots/gui/${name}/`,
          date: new Date().toISOString().slice(0, 10),
          server: `${servers.join(', ')} and bare listeners on loopback (scripts/capture/servers.ts)`,
          server_config: `per case in config; split by scenario (seed ${SPLIT_SEED}, holdout share ${HOLDOUT_SHARE})`,
          clients: Object.fromEntries(
            versions.map((v) => [v, 'Debian package, languages en-US, fr, vi (language packs)']),
          ),
        },
        cases,
      };
      const header = `# Desktop mail clients' dialogs (${name} part), captured by scripts/capture-gui; do not edit by hand.\n`;
      writeFileSync(join(side.cases, `${client}.yaml`), header + stringify(doc, { lineWidth: 0 }));
      const manifestFile = join(side.png, 'manifest.json');
      const previous = existsSync(manifestFile)
        ? (JSON.parse(readFileSync(manifestFile, 'utf8')).pictures as unknown[])
        : [];
      writeFileSync(
        manifestFile,
        `${JSON.stringify({ made: 'scripts/capture-gui (ImageMagick import of the dialog window, no window manager)', pictures: [...previous, ...pictures] }, null, 2)}\n`,
      );
      process.stderr.write(`${client} ${name}: ${cases.length} cases, ${pictures.length} screenshots\n`);
    }
  }
}

main();
