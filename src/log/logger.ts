import pino, { type Logger } from 'pino';

/**
 * The one root logger: JSON to stderr. Adapters and requests take child loggers. `redact` is the second
 * net for secrets; the first is that nothing secret is ever passed to a log call (pastes are masked first).
 */
export const REDACT_PATHS = [
  'password',
  '*.password',
  'pass',
  '*.pass',
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'config.slack',
  'config.discord',
];

export interface LoggerOptions {
  level?: string;
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'popbot' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination({ fd: 2, sync: false }),
  );
}
