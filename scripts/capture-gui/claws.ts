import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startClient } from './client-process.js';
import { accountSection, PROMPT_TITLE, readA11yText, SSL_POP, writeMhMailbox } from './gtk-client.js';
import { collectDialogs, type Dialog } from './dialogs.js';
import type { Account, Lang } from './thunderbird.js';
import { type Display, focusedKeys, type XWindow } from './x11.js';

/**
 * Claws Mail (Debian's package and its claws-mail-i18n catalogues) with a fresh configuration folder
 * written here: one POP account checked at startup, a MH mailbox (so no first-run wizard). GTK 3 labels
 * cannot be copied: the dialog's text is read from the accessibility tree (AT-SPI, a private D-Bus
 * session), and the password typed through XTEST. The lines Claws wrote to its log during the run (what
 * its "Show log" window shows) are kept too.
 */

/** Claws's socket timeout in seconds (io_timeout_secs; its default is 60). */
export const CLAWS_IO_TIMEOUT = 20;

export function clawsVersion(): string {
  return execFileSync('claws-mail', ['--version'], { encoding: 'utf8' }).trim();
}

export function clawsAccountConfig(a: Account): string {
  return `pop3 ${a.user}@${a.host}:${a.port} ssl_pop=${SSL_POP[a.security]} (${a.security})${a.apop ? ' use_apop_auth=1' : ''} check_on_startup ssl_certs_auto_accept=1; io_timeout_secs=${CLAWS_IO_TIMEOUT}; the test CA trusted (SSL_CERT_FILE)`;
}

export interface Bus {
  env: NodeJS.ProcessEnv;
  stop(): void;
}

/** A private D-Bus session with the accessibility bus in it. */
export function startBus(display: Display): Bus {
  // The services it starts on demand inherit its environment (their HOME, their display).
  const out = execFileSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], {
    env: display.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).split('\n');
  const env = { ...display.env, DBUS_SESSION_BUS_ADDRESS: out[0]!.trim() };
  const launcher: ChildProcess = spawn('/usr/libexec/at-spi-bus-launcher', ['--launch-immediately'], {
    env,
    stdio: 'ignore',
    detached: true,
  });
  return {
    env,
    stop: () => {
      for (const pid of [-launcher.pid!, Number(out[1])]) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          /* gone */
        }
      }
    },
  };
}

function writeConfig(cfg: string, mail: string, a: Account): void {
  writeMhMailbox(cfg, mail);
  // "Automatically accept valid SSL/TLS certificates": only an invalid one asks.
  writeFileSync(join(cfg, 'accountrc'), `${accountSection(a)}ssl_certs_auto_accept=1\n`);
  writeFileSync(
    join(cfg, 'clawsrc'),
    ['[Common]', 'config_version=4', 'check_on_startup=1', `io_timeout_secs=${CLAWS_IO_TIMEOUT}`, ''].join(
      '\n',
    ),
  );
}

export async function runClaws(opts: {
  display: Display;
  bus: Bus;
  lang: Lang;
  account: Account;
  dir: string;
  stem: string;
  waitS: number;
  /** The test CA in PEM, added to the system's bundle through SSL_CERT_FILE (which Claws Mail reads). */
  caFile: string;
  /** Called with the function that stops the client, for an interrupted capture. */
  onStart?: (stop: () => void) => void;
}): Promise<{ dialogs: Dialog[]; log: string[] }> {
  const cfg = join(opts.dir, 'claws');
  const home = join(opts.dir, 'home');
  mkdirSync(home, { recursive: true });
  writeConfig(cfg, join(opts.dir, 'Mail'), opts.account);
  const bundle = join(opts.dir, 'ca-bundle.pem');
  writeFileSync(
    bundle,
    readFileSync(opts.caFile, 'utf8') + readFileSync('/etc/ssl/certs/ca-certificates.crt', 'utf8'),
  );
  const { child, stop, env } = startClient('claws-mail', ['--alternate-config-dir', cfg], {
    lang: opts.lang,
    home,
    env: { ...opts.bus.env, SSL_CERT_FILE: bundle },
  });
  opts.onStart?.(stop);
  let prompted = 0;
  try {
    const dialogs = await collectDialogs({
      display: opts.display,
      child,
      dir: opts.dir,
      stem: opts.stem,
      waitS: opts.waitS,
      isMain: (w: XWindow) => / - Claws Mail [\d.]+$/.test(w.title),
      readText: async (w: XWindow) => readA11yText(env, w),
      dismiss: (w: XWindow) => focusedKeys(opts.display, w.id, ['Escape']),
      answerPrompt: (w: XWindow) => {
        if (!PROMPT_TITLE.test(w.title) || prompted++ > 0) return false;
        focusedKeys(opts.display, w.id, ['Return'], opts.account.password);
        return true;
      },
    });
    const logFile = join(cfg, 'claws.log');
    const log = existsSync(logFile)
      ? readFileSync(logFile, 'utf8')
          .split('\n')
          .filter((l) => /\*\*\* error|\*\* warning/.test(l))
      : [];
    return { dialogs, log };
  } finally {
    stop();
  }
}
