/** A missing or malformed environment variable; the message names it, never its value. */
export class ConfigError extends Error {
  override name = 'ConfigError' as const;
  readonly code = 'config.invalid' as const;
}
