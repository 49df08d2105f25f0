import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestCerts } from '../../test/support/certs.js';
import { PASSWORD } from '../capture/scenarios.js';
import { dovecotVersion, holdSession, pickPorts, type Running, startSetup } from '../capture/servers.js';
import { GUI_SCENARIOS, GUI_USER, type GuiClient, type GuiScenario } from './scenarios.js';
import { accountConfig, type Lang, runThunderbird, thunderbirdVersion } from './thunderbird.js';
import { clawsAccountConfig, clawsVersion, runClaws, startBus } from './claws.js';
import { evolutionAccountConfig, evolutionVersion, runEvolution } from './evolution.js';
import { isFakeSetup, spawnFakeSetup } from './fake-setups.js';
import { GUI_MORE_SCENARIOS } from './scenarios-more.js';
import { runSylpheed, sylpheedAccountConfig, sylpheedVersion } from './sylpheed.js';
import { startXvfb } from './x11.js';

/**
 * Runs each scenario's server, then each desktop client in each language against it, and records every
 * dialog it shows (text, screenshot, title) in a results file that build.ts turns into fixtures.
 *
 *   tsc -p scripts/capture-gui/tsconfig.json && node dist/capture-gui/scripts/capture-gui/main.js \
 *     [--set=gui|gui-more] [--clients=thunderbird,claws-mail,sylpheed,evolution] [--langs=en,fr,vi]
 *     [--only=wrong-password,…] [--out=DIR] [--display=57] [--ports=110,995] [--fake-host=127.0.0.11]
 *
 * The scripted servers of gui-more (fake-setups.ts) listen on --fake-host (a loopback address of their
 * own, so that captures can run side by side), port 110.
 *
 * As root (Dovecot). Everything it starts (Xvfb, the clients, the servers) is stopped before it returns.
 */

export interface CapturedDialog {
  client: GuiClient;
  clientVersion: string;
  lang: Lang;
  scenario: string;
  index: number;
  /** A dialog, or the client's log of the run (Claws Mail, Sylpheed: its log; Thunderbird: its POP3 log). */
  shape: 'dialog' | 'log';
  title: string;
  text: string;
  png: string;
  server: string;
  serverConfig: string;
  clientConfig: string;
}

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const fail = (message: string): never => {
  throw new Error(message);
};
const list = (name: string, all: readonly string[]) => arg(name)?.split(',') ?? [...all];

/** What to stop if the capture is interrupted (SIGINT, SIGTERM): the finally blocks do not run then. */
const cleanups = new Set<() => unknown>();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    for (const c of [...cleanups].reverse()) {
      try {
        void c();
      } catch {
        /* already gone */
      }
    }
    process.exit(130);
  });

async function main(): Promise<void> {
  const clients = list('clients', ['thunderbird']) as GuiClient[];
  const langs = list('langs', ['en', 'fr', 'vi']) as Lang[];
  const only = arg('only')?.split(',');
  const all = arg('set') === 'gui-more' ? GUI_MORE_SCENARIOS : GUI_SCENARIOS;
  const fakeHost = arg('fake-host') ?? '127.0.0.11';
  const out = arg('out') ?? join(tmpdir(), 'popbot-gui');
  mkdirSync(join(out, 'png'), { recursive: true });
  const resultsFile = join(out, 'results.json');
  const results: CapturedDialog[] = existsSync(resultsFile)
    ? JSON.parse(readFileSync(resultsFile, 'utf8'))
    : [];
  const scenarios = only
    ? only.map((id) => all.find((s) => s.id === id) ?? fail(`unknown scenario ${id}`))
    : all;
  const display = await startXvfb(Number(arg('display') ?? 57));
  cleanups.add(display.stop);
  const certs = makeTestCerts();
  const caFile = join(certs.dir, 'popbot-test-ca.pem');
  writeFileSync(caFile, certs.ca);
  // --ports=PLAIN,TLS: a second capture beside a first one (which took 110 and 995).
  const fixed = arg('ports')?.split(',').map(Number);
  const ports = fixed ? { plain: fixed[0]!, tls: fixed[1]! } : await pickPorts();
  const versions: Record<string, string> = {};
  if (clients.includes('thunderbird')) versions.thunderbird = thunderbirdVersion();
  if (clients.includes('claws-mail')) versions['claws-mail'] = clawsVersion();
  if (clients.includes('sylpheed')) versions.sylpheed = sylpheedVersion();
  if (clients.includes('evolution')) versions.evolution = evolutionVersion();
  // One private D-Bus session for every client: none autolaunches its own (and leaves it running).
  const bus = startBus(display);
  display.env = bus.env;
  cleanups.add(bus.stop);
  try {
    for (const s of scenarios) {
      for (const client of clients.filter((c) => !s.clients || s.clients.includes(c))) {
        for (const lang of langs) {
          const run = isFakeSetup(s.setup)
            ? await spawnFakeSetup(s.setup, fakeHost, 110)
            : await startSetup(s.setup, certs, ports);
          cleanups.add(run.stop);
          const release =
            s.holdSession && !isFakeSetup(s.setup) ? await holdSession(run as Running, certs.ca) : undefined;
          const work = mkdtempSync(join(tmpdir(), 'popbot-gui-run-'));
          try {
            const account = {
              host: run.host,
              port: s.port === 'plain' ? run.plainPort : run.tlsPort,
              security: s.security,
              user: s.user ?? GUI_USER,
              password: s.password ?? PASSWORD,
              apop: s.apop ?? false,
              ...(s.clientTimeoutS ? { timeoutS: s.clientTimeoutS } : {}),
            };
            const stem = `${client}-${s.id}-${lang}`;
            const waitS = s.waitS ?? 45;
            const runOpts = {
              display,
              bus,
              lang,
              account,
              dir: work,
              stem,
              waitS,
              caFile,
              onStart: (f: () => void) => cleanups.add(f),
            };
            const { dialogs, log } =
              client === 'thunderbird'
                ? await runThunderbird(runOpts)
                : client === 'sylpheed'
                  ? await runSylpheed(runOpts)
                  : client === 'evolution'
                    ? await runEvolution(runOpts)
                    : await runClaws(runOpts);
            const clientConfig = {
              thunderbird: accountConfig,
              'claws-mail': clawsAccountConfig,
              sylpheed: sylpheedAccountConfig,
              evolution: evolutionAccountConfig,
            }[client](account);
            const server = run.server === 'dovecot' ? dovecotVersion() : run.server;
            const kept = results.filter(
              (r) => !(r.client === client && r.scenario === s.id && r.lang === lang),
            );
            results.length = 0;
            results.push(...kept);
            dialogs.forEach((d, i) => {
              // A dialog whose picture failed keeps its text (png '').
              const png = d.png ? join(out, 'png', `${stem}-${i + 1}.png`) : '';
              if (png) writeFileSync(png, readFileSync(d.png));
              results.push({
                client,
                clientVersion: versions[client]!,
                lang,
                scenario: s.id,
                index: i + 1,
                shape: 'dialog',
                title: d.title,
                text: d.text,
                png,
                server,
                serverConfig: run.config,
                clientConfig,
              });
            });
            if (log.length)
              results.push({
                client,
                clientVersion: versions[client]!,
                lang,
                scenario: s.id,
                index: dialogs.length + 1,
                shape: 'log',
                title: {
                  thunderbird: 'POP3 log',
                  'claws-mail': 'claws.log',
                  sylpheed: 'sylpheed.log',
                  evolution: '',
                }[client],
                text: log.join('\n'),
                png: '',
                server,
                serverConfig: run.config,
                clientConfig,
              });
            process.stderr.write(
              `${stem}: ${dialogs.length} dialog(s)${dialogs.map((d) => `\n  [${d.title}] ${d.text}`).join('')}${log.map((l) => `\n  log: ${l}`).join('')}\n`,
            );
            writeFileSync(resultsFile, JSON.stringify(results, null, 2));
          } finally {
            release?.();
            await run.stop();
            cleanups.delete(run.stop);
            rmSync(work, { recursive: true, force: true });
          }
        }
      }
    }
  } finally {
    bus.stop();
    display.stop();
    certs.cleanup();
  }
}

export type { GuiScenario };
await main();
