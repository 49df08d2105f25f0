import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startClient } from './client-process.js';
import { collectDialogs, type Dialog } from './dialogs.js';
import type { Security } from './scenarios.js';
import { copyText, type Display, key, screenshot, type XWindow, type as typeText } from './x11.js';

/**
 * Thunderbird (Debian's package, its French and Vietnamese language packs) with a fresh profile written
 * here: one POP account that checks mail at startup, the language asked for through
 * `intl.locale.requested`, telemetry, updates, the start page, the default-client check and other network
 * extras off. The password is typed into Thunderbird's own prompt, as a user does.
 */

export type Lang = 'en' | 'fr' | 'vi';

export interface Account {
  host: string;
  port: number;
  security: Security;
  user: string;
  password: string;
  /** "Encrypted password" (APOP or CRAM-MD5) instead of the plain one. */
  apop?: boolean;
  /** Thunderbird's network timeout (mailnews.tcptimeout), TB_TCP_TIMEOUT unless told. */
  timeoutS?: number;
}

const SOCKET_TYPE: Record<Security, number> = { plain: 0, stls: 2, implicit: 3 };
const LOCALE: Record<Lang, string> = { en: 'en-US', fr: 'fr', vi: 'vi' };
/** Connection timeout in seconds (mailnews.tcptimeout; Thunderbird's default is 100). */
export const TB_TCP_TIMEOUT = 20;

export function thunderbirdVersion(): string {
  return execFileSync('thunderbird', ['--version'], { encoding: 'utf8' }).trim();
}

export function thunderbirdPrefs(lang: Lang, a: Account): Record<string, string | number | boolean> {
  return {
    'mail.accountmanager.accounts': 'account1,account2',
    'mail.accountmanager.defaultaccount': 'account1',
    'mail.accountmanager.localfoldersserver': 'server2',
    'mail.account.account1.identities': 'id1',
    'mail.account.account1.server': 'server1',
    'mail.account.account2.server': 'server2',
    'mail.identity.id1.fullName': 'Alice',
    'mail.identity.id1.useremail': `${a.user}@example.com`,
    'mail.identity.id1.valid': true,
    'mail.server.server1.hostname': a.host,
    'mail.server.server1.name': `${a.user}@${a.host}`,
    'mail.server.server1.port': a.port,
    'mail.server.server1.type': 'pop3',
    'mail.server.server1.userName': a.user,
    'mail.server.server1.socketType': SOCKET_TYPE[a.security],
    'mail.server.server1.authMethod': a.apop ? 4 : 3,
    // Its POP3 module's own log (console lines "pop3.server1.N"), on standard output.
    'mailnews.pop3.loglevel': 'All',
    'devtools.console.stdout.chrome': true,
    'mail.server.server1.login_at_startup': true,
    'mail.server.server1.check_new_mail': true,
    'mail.server.server2.hostname': 'Local Folders',
    'mail.server.server2.name': 'Local Folders',
    'mail.server.server2.type': 'none',
    'mail.server.server2.userName': 'nobody',
    'intl.locale.requested': LOCALE[lang],
    'mailnews.tcptimeout': a.timeoutS ?? TB_TCP_TIMEOUT,
    'mail.shell.checkDefaultClient': false,
    'mailnews.start_page.enabled': false,
    'mail.rights.version': 1,
    'mail.provider.enabled': false,
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.donation.eoy.version.viewed': 999,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'extensions.update.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'mail.startup.enabledMailCheckOnce': true,
  };
}

/** The account part of the profile, as the provenance records it (no password). */
export function accountConfig(a: Account): string {
  return `pop3 ${a.user}@${a.host}:${a.port} socketType=${SOCKET_TYPE[a.security]} (${a.security}) authMethod=${a.apop ? '4 (encrypted password)' : '3 (normal password)'} login_at_startup; mailnews.pop3.loglevel=All; mailnews.tcptimeout=${a.timeoutS ?? TB_TCP_TIMEOUT}; the test CA trusted in the profile (certutil)`;
}

const PROMPT_TITLE = /password|mot de passe|mật khẩu/i;

export async function runThunderbird(opts: {
  display: Display;
  lang: Lang;
  account: Account;
  dir: string;
  stem: string;
  waitS: number;
  /** The test CA in PEM: trusted in the profile's own certificate store, as a company CA is. */
  caFile: string;
  /** Called with the function that stops the client, for an interrupted capture. */
  onStart?: (stop: () => void) => void;
}): Promise<{ dialogs: Dialog[]; log: string[] }> {
  const home = join(opts.dir, 'home');
  const profile = join(opts.dir, 'profile');
  mkdirSync(profile, { recursive: true });
  mkdirSync(home, { recursive: true });
  const prefs = thunderbirdPrefs(opts.lang, opts.account);
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`)
      .join(''),
  );
  execFileSync('certutil', ['-N', '-d', `sql:${profile}`, '--empty-password'], { stdio: 'ignore' });
  execFileSync(
    'certutil',
    ['-A', '-d', `sql:${profile}`, '-n', 'popbot test CA', '-t', 'C,,', '-a', '-i', opts.caFile],
    {
      stdio: 'ignore',
    },
  );
  const output = join(opts.dir, 'thunderbird.out');
  const { child, stop } = startClient('thunderbird', ['--no-remote', '--profile', profile], {
    lang: opts.lang,
    home,
    output,
    env: { ...opts.display.env, MOZ_DISABLE_AUTO_SAFE_MODE: '1' },
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
      isMain: (w: XWindow) => /Thunderbird$/.test(w.title),
      readText: (w: XWindow) => copyText(opts.display, w.id),
      // F5: Get Messages.
      nudge: (w: XWindow) => key(opts.display, w.id, 'F5'),
      nudgeAfterS: 20,
      dismiss: (w: XWindow) => key(opts.display, w.id, 'Escape'),
      answerPrompt: (w: XWindow, text: string) => {
        if (!PROMPT_TITLE.test(w.title) || (text.length > 0 && !/:\s*$/.test(text))) return false;
        if (prompted++ > 0) return false;
        typeText(opts.display, w.id, opts.account.password);
        if (process.env.GUI_DEBUG) screenshot(opts.display, w.id, join(opts.dir, '..', 'debug-typed.png'));
        key(opts.display, w.id, 'Return');
        return true;
      },
    });
    return { dialogs, log: existsSync(output) ? pop3LogExcerpt(readFileSync(output, 'utf8')) : [] };
  } finally {
    stop();
  }
}

/** Its POP3 module's lines ("pop3.server1.N: …"), the console's level and prefix as printed. */
const POP3_LINE = /\bpop3\.server\d+\.\d+\b/;
const FAILURE = /^console\.(?:error|warn)\b/;

/**
 * What a user pastes from the POP3 log to a forum: the lines of the failing connection around its first
 * failure (a dozen before it, a few after), or nothing when the log shows none.
 */
export function pop3LogExcerpt(output: string): string[] {
  const all = output.split('\n').filter((l) => POP3_LINE.test(l));
  const failure = all.find((l) => FAILURE.test(l));
  if (!failure) return [];
  // The failing connection's lines only (the next check's start is another story).
  const run = POP3_LINE.exec(failure)![0];
  const lines = all.filter((l) => POP3_LINE.exec(l)![0] === run);
  const first = lines.indexOf(failure);
  return lines.slice(Math.max(0, first - 12), first + 4);
}
