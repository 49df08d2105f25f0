import { z } from 'zod';
import { LANGS } from '../i18n/lang.js';
import { ConfigError } from './errors.js';

export { ConfigError };

/**
 * The environment variables popbot reads, validated once at start. Each adapter adds the variables of its
 * own platform (adapters/slack/config.ts, adapters/discord/config.ts); README.md documents them all.
 */
export const CoreConfigSchema = z.object({
  POPBOT_DEFAULT_LANG: z.enum(LANGS).default('en'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  POPBOT_CHAT_LOGIN: z.stringbool().default(false),
  POPBOT_PROBE_ALLOW: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  POPBOT_PROBE_PORTS: z
    .string()
    .default('110,995')
    .transform((s, ctx) => {
      const ports = s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
        .map(Number);
      if (ports.length === 0 || ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) {
        ctx.addIssue({
          code: 'custom',
          message: 'a comma-separated list of TCP ports (1-65535), e.g. 110,995',
        });
        return z.NEVER;
      }
      return ports;
    }),
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
