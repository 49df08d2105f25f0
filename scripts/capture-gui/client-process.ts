import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import type { Lang } from './thunderbird.js';

export const LOCALE_ENV: Record<Lang, string> = { en: 'en_US.UTF-8', fr: 'fr_FR.UTF-8', vi: 'vi_VN.UTF-8' };

/**
 * Starts a desktop mail client as its user would see it: its own HOME, every locale variable set to the
 * language (LANGUAGE emptied, or GNU gettext would prefer it), in a process group of its own so that `stop`
 * ends the helpers it forks too. `env` is
 * the environment it runs in, for tools that must see what it sees (its accessibility bus).
 */
export function startClient(
  command: string,
  args: readonly string[],
  opts: {
    lang: Lang;
    home: string;
    env: NodeJS.ProcessEnv;
    /** A file for its standard output and error. */ output?: string;
  },
): { child: ChildProcess; stop: () => void; env: NodeJS.ProcessEnv } {
  const locale = LOCALE_ENV[opts.lang];
  const env = { ...opts.env, HOME: opts.home, LANG: locale, LANGUAGE: '', LC_ALL: locale };
  const out = opts.output === undefined ? 'ignore' : openSync(opts.output, 'a');
  const child = spawn(command, args, {
    env,
    stdio: ['ignore', out, out],
    detached: true,
  });
  if (typeof out === 'number') closeSync(out);
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  return { child, stop, env };
}
