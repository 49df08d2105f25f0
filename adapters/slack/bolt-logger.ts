import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';

/**
 * Bolt's, the Web API client's and the Socket Mode client's logs, into our pino logger. Their debug output is
 * dropped, not forwarded: it holds raw payloads (a login modal's password, pasted text, response URLs).
 */
export function boltLogger(log: Pick<Logger, 'info' | 'warn' | 'error'>): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const line = (msg: unknown[]) =>
    msg
      .map((m) => (m instanceof Error ? `${m.name}: ${m.message}` : typeof m === 'string' ? m : String(m)))
      .join(' ');
  return {
    debug() {},
    info: (...msg: unknown[]) => log.info(line(msg)),
    warn: (...msg: unknown[]) => log.warn(line(msg)),
    error: (...msg: unknown[]) => log.error(line(msg)),
    setLevel(next: LogLevel) {
      level = next;
    },
    getLevel: () => level,
    setName() {},
  };
}
