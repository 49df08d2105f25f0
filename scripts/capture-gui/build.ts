import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { projectRoot } from '../../src/knowledge/paths.js';
import type { CapturedDialog } from './main.js';
import { GUI_SCENARIOS, type GuiScenario } from './scenarios.js';
import { GUI_MORE_SCENARIOS } from './scenarios-more.js';

/**
 * Turns the capture's results file into fixtures: the dialogs' texts in the evaluation's case schema
 * (kind client-output, the category from the scenario) and their screenshots with a manifest, split
 * between the tuning part and the holdout by a seeded hash of the SCENARIO (the 40 % of scenarios that come
 * first in its order), so that every client and language of one scenario sits on one side.
 *
 *   node dist/capture-gui/scripts/capture-gui/build.js [--set=gui|gui-more] [--out=DIR[,DIR…]]
 *   (each DIR as given to main.js)
 */

export const HOLDOUT_SHARE = 0.4;

/** Each desktop set: its scenarios, its own split seed, its fixtures' folder name. */
const SETS = {
  gui: { scenarios: GUI_SCENARIOS, seed: 'popbot-gui-holdout-2026-12-07' },
  'gui-more': { scenarios: GUI_MORE_SCENARIOS, seed: 'popbot-gui-more-holdout-2026-12-07' },
} as const;
type SetName = keyof typeof SETS;

/** The scenarios of a set in the order of their seeded hash; the first 40 % of them are the holdout. */
export function holdoutOf(set: SetName): Set<string> {
  const { scenarios, seed } = SETS[set];
  const rank = (scenario: string) =>
    createHash('sha256').update(`${seed}:${scenario}`).digest().readUInt32BE(0);
  return new Set(
    scenarios
      .map((s) => s.id)
      .sort((a, b) => rank(a) - rank(b))
      .slice(0, Math.round(HOLDOUT_SHARE * scenarios.length)),
  );
}

/** The category of what the dialog can show (scenarios.ts): a dialog rule, the client's, the scenario's. */
export function categoryOf(s: GuiScenario, d: CapturedDialog): string {
  return s.dialogRules?.find((r) => r.match.test(d.text))?.category ?? s.says?.[d.client] ?? s.category;
}

const TOOL_NAME: Record<string, string> = {
  thunderbird: 'Thunderbird',
  'claws-mail': 'Claws Mail',
  sylpheed: 'Sylpheed',
  evolution: 'Evolution',
};
/** How each client's texts were taken, for the provenance. */
const HOW: Record<string, string> = {
  thunderbird:
    "the dialog's text copied from the dialog (Ctrl+A, Ctrl+C); its POP3 module's log (mailnews.pop3.loglevel All, on standard output): the failing connection's lines around the first error",
  'claws-mail': "the dialog's labels read through AT-SPI; its log file's error and warning lines",
  sylpheed:
    "the dialog's labels read through AT-SPI (GTK 2 with gail and atk-bridge); its log file (sylpheed.log, what its log window shows) without the duplicate LibSylph-WARNING lines",
  evolution:
    "the alert shown in its main window (where it reports a failed check), its labels read through AT-SPI; the picture is the main window's cropped to the alert",
};
const LANGS: Record<string, string> = {
  thunderbird: 'Debian package, languages en-US, fr, vi (language packs)',
  'claws-mail': 'Debian package, languages en, fr (claws-mail-i18n; no Vietnamese catalogue)',
  sylpheed: 'Debian package, languages en, fr, vi (sylpheed-i18n)',
  evolution: 'Debian package, languages en (C locale), fr, vi (its catalogues)',
};

/**
 * Pictures that show something else than the dialog as a user sees it, looked at before any scoring: with
 * no window manager, Thunderbird's alert and its login prompt opened together overlap (a black block over
 * the text), and one picture shows the alert's text selected. Their texts are kept.
 */
const SPOILED_PICTURES = new Set([
  'thunderbird-idle-timeout-en-1.png',
  'thunderbird-idle-timeout-fr-1.png',
  'thunderbird-idle-timeout-vi-1.png',
]);

function main(): void {
  const set = (process.argv.find((a) => a.startsWith('--set='))?.slice(6) ?? 'gui') as SetName;
  if (!SETS[set]) throw new Error(`unknown set ${set}`);
  const scenarios = SETS[set].scenarios;
  const holdout = holdoutOf(set);
  // --out=DIR[,DIR…]: the results of one or more captures (two can run side by side on other ports).
  const outs = (
    process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? join(tmpdir(), 'popbot-gui')
  ).split(',');
  // A later DIR's run of a client, scenario and language replaces an earlier one's (a capture run again).
  const runKey = (r: CapturedDialog) => `${r.client}:${r.scenario}:${r.lang}`;
  const results = outs.reduce<CapturedDialog[]>((all, out) => {
    const mine = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as CapturedDialog[];
    const again = new Set(mine.map(runKey));
    return [...all.filter((r) => !again.has(runKey(r))), ...mine];
  }, []);
  // The first runs wrote no shape: they were dialogs.
  for (const r of results) r.shape ??= 'dialog';
  const root = projectRoot();
  const sides = {
    tuning: {
      cases: join(root, `test/fixtures/captured/${set}`),
      png: join(root, `test/fixtures/screenshots/${set}/tuning`),
    },
    holdout: {
      cases: join(root, `test/fixtures/eval/holdout/${set}`),
      png: join(root, `test/fixtures/screenshots/${set}/holdout`),
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
    const undated = (text: string) =>
      text.replace(/\[(?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d\]/g, '').replace(/pop3\.server1\.\d+/g, '');
    const english = new Map(
      mine.filter((r) => r.lang === 'en').map((r) => [`${r.scenario}:${r.shape}`, new Set<string>()]),
    );
    for (const r of mine.filter((r) => r.lang === 'en'))
      english.get(`${r.scenario}:${r.shape}`)!.add(undated(r.text));
    for (const [name, side] of Object.entries(sides)) {
      const seen = new Set<string>();
      const cases = [];
      const pictures = [];
      for (const s of scenarios) {
        if (holdout.has(s.id) !== (name === 'holdout')) continue;
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
          const id = `${set}/${client}/${s.id}/${d.lang}/${d.index}`;
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
              config: `${d.clientConfig}; server: ${d.server}: ${d.serverConfig}; ${
                d.shape === 'log' ? `log: ${d.title}` : `dialog title: ${d.title}; screenshot: ${file}`
              }`,
            });
          if (existsSync(d.png) && !SPOILED_PICTURES.has(file)) {
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
          captured_by: `scripts/capture-gui (main.ts${set === 'gui' ? '' : ` --set=${set}`}, then build.ts): ${TOOL_NAME[client]} under Xvfb with a fresh profile per run; ${HOW[client]}; screenshots in test/fixtures/screenshots/${set}/${name}/`,
          date: new Date().toISOString().slice(0, 10),
          server: `${servers.join(', ')} and bare listeners on loopback (scripts/capture/servers.ts)`,
          server_config: `per case in config; split by scenario (seed ${SETS[set].seed}, holdout share ${HOLDOUT_SHARE})`,
          clients: Object.fromEntries(versions.map((v) => [v, LANGS[client]])),
        },
        cases,
      };
      const header = `# Desktop mail clients' dialogs and logs (${set}, ${name} part), captured by scripts/capture-gui; do not edit by hand.\n`;
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
