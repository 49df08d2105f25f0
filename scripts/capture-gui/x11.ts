import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * A private X server (Xvfb) for the mail clients, and what the capture does on it with the X tools a
 * person would use: list the windows, screenshot one (ImageMagick's `import`, cropped to the window),
 * copy a dialog's text through the clipboard (Ctrl+A, Ctrl+C, read with `xclip`: the client's own
 * characters, not a reading of pixels), press keys.
 */

export interface Display {
  name: string;
  env: NodeJS.ProcessEnv;
  stop(): void;
}

export async function startXvfb(number = 57): Promise<Display> {
  const name = `:${number}`;
  const child: ChildProcess = spawn('Xvfb', [name, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50 && !existsSync(`/tmp/.X11-unix/X${number}`); i++)
    await new Promise((r) => setTimeout(r, 100));
  return {
    name,
    env: { ...process.env, DISPLAY: name },
    stop: () => {
      child.kill('SIGTERM');
    },
  };
}

function x(display: Display, cmd: string, args: string[], input?: string): string {
  try {
    return execFileSync(cmd, args, {
      env: display.env,
      encoding: 'utf8',
      input,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'ignore'],
      timeout: 10_000,
    });
  } catch {
    return '';
  }
}

export interface XWindow {
  id: string;
  title: string;
  width: number;
  height: number;
}

/** The visible top-level windows with a title. */
export function listWindows(display: Display): XWindow[] {
  return x(display, 'xdotool', ['search', '--onlyvisible', '--name', '.'])
    .split('\n')
    .filter(Boolean)
    .map((id) => {
      const title = x(display, 'xdotool', ['getwindowname', id]).trim();
      const geo = /Geometry: (\d+)x(\d+)/.exec(x(display, 'xdotool', ['getwindowgeometry', id]));
      return { id, title, width: Number(geo?.[1] ?? 0), height: Number(geo?.[2] ?? 0) };
    });
}

/** A PNG of the window alone (no window manager runs: no frame), palette-reduced to stay small. */
export function screenshot(display: Display, id: string, file: string): void {
  x(display, 'import', ['-window', id, '-strip', '-colors', '128', `png8:${file}`]);
}

export function key(display: Display, id: string, ...keys: string[]): void {
  x(display, 'xdotool', ['key', '--window', id, ...keys]);
}

export function type(display: Display, id: string, text: string): void {
  x(display, 'xdotool', ['type', '--window', id, '--delay', '20', text]);
}

/** The dialog's text as the toolkit copies it (Ctrl+A, Ctrl+C). */
export async function copyText(display: Display, id: string): Promise<string> {
  x(display, 'xclip', ['-selection', 'clipboard', '-i'], '');
  key(display, id, 'ctrl+a', 'ctrl+c');
  await new Promise((r) => setTimeout(r, 400));
  return x(display, 'xclip', ['-selection', 'clipboard', '-o']);
}

/** Keys through XTEST to the focused window: GTK 3 ignores the synthetic events `--window` sends. */
export function focusedKeys(display: Display, id: string, keys: string[], text?: string): void {
  x(display, 'xdotool', ['windowfocus', '--sync', id]);
  if (text !== undefined) x(display, 'xdotool', ['type', '--delay', '20', text]);
  if (keys.length) x(display, 'xdotool', ['key', ...keys]);
}
