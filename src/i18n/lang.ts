/** The languages popbot speaks. Every user-facing word exists in each of them. */
export const LANGS = ['en', 'fr', 'vi'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * Maps a locale tag from any platform or the environment (`fr_FR.UTF-8`, `fr-CA`, `vi`, `en-US`)
 * to a popbot language, or undefined when it is none of ours.
 */
export function langFromLocale(locale: string | undefined | null): Lang | undefined {
  if (!locale) return undefined;
  const primary = locale
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return isLang(primary) ? primary : undefined;
}

/** The language from `LC_ALL`, `LC_MESSAGES` or `LANG`, in POSIX precedence order. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value && value !== 'C' && value !== 'POSIX') return langFromLocale(value);
  }
  return undefined;
}
