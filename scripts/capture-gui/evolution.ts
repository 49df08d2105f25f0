import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Bus, startBus } from './claws.js';
import { startClient } from './client-process.js';
import { collectDialogs, type Dialog } from './dialogs.js';
import { readA11yText } from './gtk-client.js';
import type { Security } from './scenarios.js';
import type { Account, Lang } from './thunderbird.js';
import { type Display, focusedKeys, listWindows, screenshot, type XWindow } from './x11.js';

/**
 * Evolution (Debian's package, its catalogues in fr and vi) with a fresh HOME holding one POP account as
 * evolution-data-server source files (the account, its identity, an SMTP transport), checked at startup.
 * The registry and the other services start on the capture's private D-Bus session. Evolution asks for
 * the password in its own prompt (F12, Send / Receive, pressed when nothing shows at startup), and shows a failed check not in a dialog but in an alert inside the
 * main window: the alert's labels are read through AT-SPI, and its picture is the main window's picture
 * cropped to the alert.
 */

const SECURITY: Record<Security, string> = {
  plain: 'none',
  stls: 'starttls-on-standard-port',
  implicit: 'ssl-on-alternate-port',
};
const MAIN = /^(?:Mail|Courriel|Thư tín)$/;
const PROMPT =
  /^(?:Mail authentication request|Requête d’authentification pour les courriels|Yêu cầu xác thực thư)$/;

const here = dirname(fileURLToPath(import.meta.url));
const ALERTS = [
  join(here, 'a11y_alerts.py'),
  join(here, '../../../../scripts/capture-gui/a11y_alerts.py'),
].find((p) => existsSync(p))!;

export function evolutionVersion(): string {
  return execFileSync('evolution', ['--version'], { encoding: 'utf8' }).trim();
}

export function evolutionAccountConfig(a: Account): string {
  return `pop ${a.user}@${a.host}:${a.port} [Security] Method=${SECURITY[a.security]}${a.apop ? ' [Authentication] Method=+APOP' : ''}; checked at startup; password typed into its prompt`;
}

function writeSources(home: string, a: Account): void {
  const dir = join(home, '.config/evolution/sources');
  mkdirSync(dir, { recursive: true });
  const file = (name: string, lines: string[]) =>
    writeFileSync(join(dir, `${name}.source`), `${lines.join('\n')}\n`);
  file('popbot-pop', [
    '[Data Source]',
    `DisplayName=${a.user}@${a.host}`,
    'Enabled=true',
    'Parent=',
    '',
    '[Mail Account]',
    'BackendName=pop',
    'IdentityUid=popbot-identity',
    'NeedsInitialSetup=false',
    '',
    '[Authentication]',
    `Host=${a.host}`,
    `Method=${a.apop ? '+APOP' : ''}`,
    `Port=${a.port}`,
    'RememberPassword=false',
    `User=${a.user}`,
    '',
    '[Security]',
    `Method=${SECURITY[a.security]}`,
    '',
    '[Refresh]',
    'Enabled=true',
    'IntervalMinutes=60',
    '',
    '[Pop3 Backend]',
    'KeepOnServer=true',
  ]);
  file('popbot-identity', [
    '[Data Source]',
    `DisplayName=${a.user}@example.com`,
    'Enabled=true',
    'Parent=popbot-pop',
    '',
    '[Mail Identity]',
    `Address=${a.user}@example.com`,
    'Name=Alice',
    '',
    '[Mail Submission]',
    'TransportUid=popbot-smtp',
  ]);
  file('popbot-smtp', [
    '[Data Source]',
    `DisplayName=${a.user}@example.com`,
    'Enabled=true',
    'Parent=popbot-pop',
    '',
    '[Mail Transport]',
    'BackendName=smtp',
    '',
    '[Authentication]',
    `Host=${a.host}`,
    'Port=25',
    `User=${a.user}`,
    '',
    '[Security]',
    'Method=none',
  ]);
}

interface Alert {
  labels: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function runEvolution(opts: {
  display: Display;
  bus: Bus;
  lang: Lang;
  account: Account;
  dir: string;
  stem: string;
  waitS: number;
  caFile: string;
  onStart?: (stop: () => void) => void;
}): Promise<{ dialogs: Dialog[]; log: string[] }> {
  const home = join(opts.dir, 'home');
  writeSources(home, opts.account);
  const runtime = join(opts.dir, 'run');
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  // A D-Bus session of its own: the services it starts there (the source registry) read this HOME.
  const own = { HOME: home, XDG_RUNTIME_DIR: runtime, GSETTINGS_BACKEND: 'memory' };
  const bus = startBus({ ...opts.display, env: { ...opts.display.env, ...own } });
  const client = startClient('evolution', [], { lang: opts.lang, home, env: { ...bus.env, ...own } });
  const { child, env } = client;
  const stop = () => {
    client.stop();
    bus.stop();
  };
  opts.onStart?.(stop);
  let prompted = 0;
  try {
    const dialogs = await collectDialogs({
      display: opts.display,
      child,
      dir: opts.dir,
      stem: opts.stem,
      waitS: opts.waitS,
      isMain: (w: XWindow) => MAIN.test(w.title),
      readText: async (w: XWindow) => readA11yText(env, w),
      dismiss: (w: XWindow) => focusedKeys(opts.display, w.id, ['Escape']),
      // The password once; a prompt that comes back (the login was refused) is cancelled, as a user does.
      answerPrompt: (w: XWindow) => {
        if (!PROMPT.test(w.title)) return false;
        if (prompted++ === 0) focusedKeys(opts.display, w.id, ['Return'], opts.account.password);
        else focusedKeys(opts.display, w.id, ['Escape']);
        return true;
      },
      // F12, Send / Receive, when the check at startup shows nothing, as a user would.
      nudge: (w: XWindow) => focusedKeys(opts.display, w.id, ['F12']),
      nudgeAfterS: 15,
      settleS: 15,
    });
    const main = listWindows(opts.display).find((w) => MAIN.test(w.title));
    if (main) dialogs.push(...readAlerts(opts, env, main));
    return { dialogs, log: [] };
  } finally {
    stop();
  }
}

/** The alerts shown in the main window, each with a picture of the window cropped to it. */
function readAlerts(
  opts: { display: Display; dir: string; stem: string },
  env: NodeJS.ProcessEnv,
  main: XWindow,
): Dialog[] {
  let alerts: Alert[] = [];
  try {
    alerts = JSON.parse(
      execFileSync('/usr/bin/python3', [ALERTS, main.title], { env, encoding: 'utf8', timeout: 30_000 }),
    ) as Alert[];
  } catch {
    // The accessibility tree did not answer in time: no alert read.
  }
  const whole = join(opts.dir, `${opts.stem}-main.png`);
  if (alerts.length) screenshot(opts.display, main.id, whole);
  return alerts.map((a, i) => {
    let png = join(opts.dir, `${opts.stem}-alert-${i + 1}.png`);
    try {
      const crop = `${a.width}x${a.height}+${a.x}+${a.y}`;
      execFileSync('convert', [whole, '-crop', crop, '+repage', '-colors', '128', `png8:${png}`], {
        stdio: 'ignore',
      });
    } catch {
      // The window's picture failed (a loaded machine): the alert's text without a picture.
      png = '';
    }
    return { title: main.title, text: a.labels.join('\n'), png, width: a.width, height: a.height };
  });
}
