import { z } from 'zod';
import { LANGS } from '../i18n/lang.js';
import { ConfigError } from './errors.js';

export { ConfigError };

const PORT_MESSAGE = { message: 'a TCP port (1-65535)' };

/** A TCP port given as an environment variable. */
export function tcpPort() {
  return z.coerce.number(PORT_MESSAGE).int(PORT_MESSAGE).min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE);
}

/**
 * The environment variables popbot reads, validated once at start. Each adapter adds the variables of its
 * own platform (adapters/slack/config.ts, adapters/discord/config.ts), and the probe guard reads
 * POPBOT_PROBE_ALLOW and POPBOT_PROBE_PORTS (guardOptionsFromEnv, which checks each CIDR and port);
 * README.md documents them all.
 */
export const CoreConfigSchema = z.object({
  POPBOT_DEFAULT_LANG: z.enum(LANGS).default('en'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  POPBOT_CHAT_LOGIN: z.stringbool().default(false),
  /** Off unless set: the port of `GET /healthz` and `GET /metrics` under `popbot start` (docs/operations.md). */
  POPBOT_HEALTH_PORT: tcpPort().optional(),
});
export type CoreConfig = z.infer<typeof CoreConfigSchema>;

/** Parses a schema against the environment; the error names every bad variable and what it should be. */
export function readConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  // Empty variables count as unset, as most shells and .env files intend.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  // zod says "expected string, received undefined" for a variable that is not set: say that plainly.
  const describe = (message: string) =>
    /received undefined/.test(message) ? 'missing: this variable must be set' : message;
  const lines = parsed.error.issues.map(
    (i) => `  ${i.path.join('.') || '(environment)'}: ${describe(i.message)}`,
  );
  throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
}
