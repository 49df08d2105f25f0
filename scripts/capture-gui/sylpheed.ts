import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bus } from './claws.js';
import { startClient } from './client-process.js';
import { collectDialogs, type Dialog } from './dialogs.js';
import { accountSection, PROMPT_TITLE, readA11yText, SSL_POP, writeMhMailbox } from './gtk-client.js';
import type { Account, Lang } from './thunderbird.js';
import { type Display, focusedKeys, type XWindow } from './x11.js';

/**
 * Sylpheed (Debian's package and sylpheed-i18n: French and Vietnamese catalogues) with a fresh
 * configuration folder written here, started with `--receive` as a user's "Get mail" at startup. Its
 * dialogs are GTK 2: read through AT-SPI with the gail and atk-bridge modules loaded. Its log file
 * (sylpheed.log: what its log window shows, with the POP3 dialogue `POP3< …` and `POP3> …`) is kept
 * too, without the duplicate `LibSylph-WARNING` lines only the file has.
 */

/** Sylpheed's socket timeout in seconds (io_timeout_secs; its default is 60). */
export const SYLPHEED_IO_TIMEOUT = 20;

export function sylpheedVersion(): string {
  return execFileSync('sylpheed', ['--version'], { encoding: 'utf8' }).trim();
}

export function sylpheedAccountConfig(a: Account): string {
  return `pop3 ${a.user}@${a.host}:${a.port} ssl_pop=${SSL_POP[a.security]} (${a.security})${a.apop ? ' use_apop_auth=1' : ''}; started with --receive; io_timeout_secs=${SYLPHEED_IO_TIMEOUT}; the test CA trusted (ca-certificates.crt in its configuration folder, with the system's CAs)`;
}

/** The progress window stays open during a check: part of the main window, not a dialog. */
const MAIN =
  / - Sylpheed [\d.]+\w*$|Retrieving new messages|Récupération des nouveaux messages|Đang tải về thư mới|Đang nhận thư mới/;

export async function runSylpheed(opts: {
  display: Display;
  bus: Bus;
  lang: Lang;
  account: Account;
  dir: string;
  stem: string;
  waitS: number;
  /** The test CA in PEM, trusted as a company CA would be. */
  caFile: string;
  onStart?: (stop: () => void) => void;
}): Promise<{ dialogs: Dialog[]; log: string[] }> {
  const cfg = join(opts.dir, 'sylpheed');
  const home = join(opts.dir, 'home');
  mkdirSync(home, { recursive: true });
  writeMhMailbox(cfg, join(opts.dir, 'Mail'));
  writeFileSync(join(cfg, 'accountrc'), accountSection(opts.account));
  writeFileSync(
    join(cfg, 'sylpheedrc'),
    ['[Common]', `io_timeout_secs=${SYLPHEED_IO_TIMEOUT}`, ''].join('\n'),
  );
  // It looks for ca-certificates.crt in its configuration folder before the system's: the system's CAs
  // and the test CA, as a user who added a company CA.
  writeFileSync(
    join(cfg, 'ca-certificates.crt'),
    readFileSync(opts.caFile, 'utf8') + readFileSync('/etc/ssl/certs/ca-certificates.crt', 'utf8'),
  );
  const { child, stop, env } = startClient('sylpheed', ['--configdir', cfg, '--receive'], {
    lang: opts.lang,
    home,
    // TMPDIR: its single-instance socket (TMPDIR/sylpheed-UID) is this run's own, so that two captures
    // side by side do not hand their --receive to each other's Sylpheed.
    env: { ...opts.bus.env, GTK_MODULES: 'gail:atk-bridge', TMPDIR: opts.dir },
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
      isMain: (w: XWindow) => MAIN.test(w.title),
      readText: async (w: XWindow) => readA11yText(env, w),
      dismiss: (w: XWindow) => focusedKeys(opts.display, w.id, ['Escape']),
      answerPrompt: (w: XWindow) => {
        if (!PROMPT_TITLE.test(w.title) || prompted++ > 0) return false;
        focusedKeys(opts.display, w.id, ['Return'], opts.account.password);
        return true;
      },
    });
    const logFile = join(cfg, 'sylpheed.log');
    const log = existsSync(logFile)
      ? readFileSync(logFile, 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '' && !/LibSylph-WARNING/.test(l))
      : [];
    // Only a log that shows something went wrong is a text to explain.
    return { dialogs, log: log.some((l) => /\*\* (?:warning|error)|POP3< -ERR/.test(l)) ? log : [] };
  } finally {
    stop();
  }
}
