import { type ChildProcess } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { type Display, listWindows, screenshot, type XWindow } from './x11.js';

/**
 * Watches a running mail client's windows and collects its dialogs as a person meets them: each new
 * dialog is screenshotted and its text copied, then dismissed (Escape, the dialogs' Cancel). A password
 * prompt is answered instead. Stops when the time is up, or a few seconds after the last dialog.
 */

export interface Dialog {
  title: string;
  text: string;
  png: string;
  width: number;
  height: number;
}

export interface Watch {
  display: Display;
  child: ChildProcess;
  /** The client's main windows, never dialogs. */
  isMain(w: XWindow): boolean;
  /** The dialog's text, exactly as the client shows it. */
  readText(w: XWindow): Promise<string>;
  /** Closes a dialog as its Cancel (or Close) button would. */
  dismiss(w: XWindow): void;
  /** Answers a password prompt (true) or says the window is no prompt (false). */
  answerPrompt(w: XWindow, text: string): boolean;
  /** Where to write the screenshots, and a name stem. */
  dir: string;
  stem: string;
  waitS: number;
  /**
   * What a user does when nothing shows (Thunderbird drops a certificate error met by the check at
   * startup; "Get Messages" shows it): done once, after `nudgeAfterS`, if no window appeared by then.
   */
  nudge?: (main: XWindow) => void;
  nudgeAfterS?: number;
  /** Seconds of quiet after the last dialog before stopping. */
  settleS?: number;
}

export async function collectDialogs(w: Watch): Promise<Dialog[]> {
  const seen = new Set<string>();
  const dialogs: Dialog[] = [];
  const start = Date.now();
  let last = 0;
  // After a prompt is answered the server may take a while (Dovecot delays a failed login by seconds).
  let settle = w.settleS ?? 10;
  let exited = false;
  let nudged = false;
  w.child.once('exit', () => (exited = true));
  while (!exited && Date.now() - start < w.waitS * 1000) {
    if (last && Date.now() - last > settle * 1000) break;
    await new Promise((r) => setTimeout(r, 500));
    const windows = listWindows(w.display);
    const main = windows.find((win) => w.isMain(win));
    if (w.nudge && !nudged && !last && main && Date.now() - start > (w.nudgeAfterS ?? 15) * 1000) {
      nudged = true;
      w.nudge(main);
    }
    for (const win of windows) {
      if (seen.has(win.id) || w.isMain(win) || win.width < 50) continue;
      seen.add(win.id);
      if (process.env.GUI_DEBUG)
        process.stderr.write(`window ${win.id} [${win.title}] ${win.width}x${win.height}\n`);
      // Let it draw.
      await new Promise((r) => setTimeout(r, 1200));
      // The picture first: copying the text (Ctrl+A) would show it selected.
      const shot = join(w.dir, `${w.stem}-window-${win.id}.png`);
      screenshot(w.display, win.id, shot);
      const text = (await w.readText(win)).trim();
      if (process.env.GUI_DEBUG) {
        process.stderr.write(`  text: ${JSON.stringify(text)}\n`);
        screenshot(w.display, win.id, join(w.dir, '..', `debug-${win.id}.png`));
      }
      if (w.answerPrompt(win, text)) {
        last = Date.now();
        settle = 75;
        continue;
      }
      const png = join(w.dir, `${w.stem}-${dialogs.length + 1}.png`);
      // A window that closed itself before its picture was taken (a progress window) is no dialog.
      if (!existsSync(shot)) continue;
      renameSync(shot, png);
      dialogs.push({ title: win.title, text, png, width: win.width, height: win.height });
      w.dismiss(win);
      last = Date.now();
      settle = w.settleS ?? 10;
    }
  }
  if (process.env.GUI_DEBUG) {
    screenshot(w.display, 'root', join(w.dir, '..', 'debug-root.png'));
    process.stderr.write(`windows at end: ${JSON.stringify(listWindows(w.display))}\n`);
  }
  return dialogs;
}
