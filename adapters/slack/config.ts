import { z } from 'zod';
import { ConfigError, CoreConfigSchema, readConfig, tcpPort } from '../../src/config/config.js';

// Slack's token prefixes: bot tokens are xoxb- (xoxe.xoxb- when token rotation is on), app-level tokens xapp-.
// The messages never include the value: a token in an error would end up in a log.
const BOT_TOKEN = /^(?:xoxe\.)?xoxb-[A-Za-z0-9-]+$/;
const APP_TOKEN = /^xapp-[A-Za-z0-9-]+$/;
const SIGNING_SECRET = /^[0-9a-f]{16,128}$/i;

export const SlackConfigSchema = CoreConfigSchema.extend({
  SLACK_BOT_TOKEN: z.string().regex(BOT_TOKEN, { message: 'not a bot token: it starts with xoxb-' }),
  SLACK_APP_TOKEN: z
    .string()
    .regex(APP_TOKEN, {
      message: 'not an app-level token: it starts with xapp- (Basic Information → App-Level Tokens)',
    })
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(SIGNING_SECRET, {
      message: 'not a signing secret: hexadecimal, from Basic Information → App Credentials',
    })
    .optional(),
  PORT: tcpPort().default(3000),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, message: 'an http(s) URL such as https://slack.com/api/' })
    .transform((u) => (u.endsWith('/') ? u : `${u}/`))
    .optional(),
}).superRefine((c, ctx) => {
  if (!c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLACK_APP_TOKEN'],
      message:
        'set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET with PORT (HTTP mode, /slack/events)',
    });
  }
});

export type SlackConfig = z.infer<typeof SlackConfigSchema>;

/** Socket Mode whenever an app-level token is given: no public URL needed. */
export type SlackMode =
  { kind: 'socket'; appToken: string } | { kind: 'http'; signingSecret: string; port: number };

export function slackMode(config: SlackConfig): SlackMode {
  if (config.SLACK_APP_TOKEN) return { kind: 'socket', appToken: config.SLACK_APP_TOKEN };
  if (config.SLACK_SIGNING_SECRET)
    return { kind: 'http', signingSecret: config.SLACK_SIGNING_SECRET, port: config.PORT };
  // superRefine makes this unreachable; kept so a future schema change fails loudly.
  throw new ConfigError(
    'invalid configuration:\n  SLACK_APP_TOKEN: set SLACK_APP_TOKEN or SLACK_SIGNING_SECRET',
  );
}

/** Reads and checks every SLACK_* and core variable; throws ConfigError naming each bad one. */
export function readSlackConfig(env: NodeJS.ProcessEnv): SlackConfig {
  return readConfig(SlackConfigSchema, env);
}

/** Whether `npm start` should start the Slack adapter. */
export function slackConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.SLACK_BOT_TOKEN);
}
