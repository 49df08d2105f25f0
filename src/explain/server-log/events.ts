import type { LogEvent, ServerLogEvent } from './types.js';

/**
 * Which knowledge entry (knowledge/entries/server-log/) explains each log event, and so its category.
 * Informational events (a login that worked, a logout, a connection opening) explain nothing on their own:
 * they count in the whole-log picture (judge.ts) and nowhere else.
 */
export const EVENT_ENTRY: Readonly<Record<LogEvent, string | undefined>> = {
  'login-failed': 'log-login-failed',
  'unknown-user': 'log-unknown-user',
  'bad-password': 'log-bad-password',
  'login-succeeded': undefined,
  logout: undefined,
  'session-start': undefined,
  'server-start': undefined,
  'disconnected-before-auth': 'log-disconnected-before-auth',
  'plaintext-disallowed': 'log-plaintext-disallowed',
  'tls-handshake-failed': 'log-tls-handshake-failed',
  'mailbox-locked': 'log-mailbox-locked',
  'storage-error': 'log-storage-error',
  'quota-exceeded': 'log-quota-exceeded',
  'too-many-connections': 'log-too-many-connections',
  'process-limit': 'log-process-limit',
  'sasl-error': 'log-sasl-error',
  'auth-backend-error': 'log-auth-backend-error',
  'auth-config-error': 'log-auth-config-error',
  'login-delay': 'log-login-delay',
  'pop-disabled': 'log-pop-disabled',
  'account-disabled': 'log-account-disabled',
  'too-many-failures': 'log-too-many-failures',
  'session-timeout': 'log-session-timeout',
  'connection-lost': 'log-connection-lost',
  'server-shutdown': 'log-server-shutdown',
  'message-unavailable': 'log-message-unavailable',
  'delete-failed': 'log-delete-failed',
  'process-failure': 'log-process-failure',
  'connection-refused': 'log-connection-refused',
  // Explained by the reply it recorded (a server entry), or by the fallback classifier over its words.
  'error-reply': undefined,
  'other-error': undefined,
};

// A handshake that failed because the client spoke plain text to the TLS port, or TLS to a plain one, is a
// port mix-up; one that failed on the certificate is the client refusing it; the rest is no common ground.
const TLS_MISMATCH =
  /wrong version number|unknown protocol|http request|packet length too long|record layer failure|no application protocol/i;
const TLS_CERTIFICATE = /certificate|unknown ca\b|bad certificate|decrypt error/i;

/** The entry for an event, with the TLS failure split by what the handshake's error says. */
export function entryForEvent(event: ServerLogEvent): string | undefined {
  if (event.entry) return event.entry;
  if (event.event === 'tls-handshake-failed') {
    if (TLS_MISMATCH.test(event.reason ?? '')) return 'log-tls-wrong-port';
    if (TLS_CERTIFICATE.test(event.reason ?? '')) return 'log-tls-certificate-rejected';
  }
  return EVENT_ENTRY[event.event];
}

/** The category of each event's entry (knowledge/entries/server-log/), for callers without the knowledge base. */
export const EVENT_CATEGORY: Readonly<Record<string, string>> = {
  'log-login-failed': 'auth.failed',
  'log-unknown-user': 'auth.unknown-user',
  'log-bad-password': 'auth.bad-password',
  'log-disconnected-before-auth': 'connect.reset',
  'log-plaintext-disallowed': 'tls.required',
  'log-tls-handshake-failed': 'tls.unavailable',
  'log-tls-wrong-port': 'tls.mismatch',
  'log-tls-to-plain-port': 'tls.mismatch',
  'log-tls-certificate-rejected': 'tls.certificate',
  'log-mailbox-locked': 'mailbox.locked',
  'log-storage-error': 'mailbox.unavailable',
  'log-quota-exceeded': 'mailbox.unavailable',
  'log-too-many-connections': 'mailbox.too-many-sessions',
  'log-process-limit': 'server.temporary',
  'log-sasl-error': 'auth.mechanism',
  'log-auth-backend-error': 'server.temporary',
  'log-auth-config-error': 'server.permanent',
  'log-login-delay': 'auth.login-delay',
  'log-pop-disabled': 'auth.pop-disabled',
  'log-account-disabled': 'auth.account-disabled',
  'log-too-many-failures': 'auth.too-many-failures',
  'log-session-timeout': 'session.timeout',
  'log-connection-lost': 'connect.reset',
  'log-server-shutdown': 'server.shutdown',
  'log-message-unavailable': 'message.unavailable',
  'log-delete-failed': 'update.delete-failed',
  'log-process-failure': 'server.temporary',
  'log-service-start-failed': 'server.permanent',
  'log-tls-server-setup-failed': 'tls.unavailable',
  'log-connection-refused': 'connect.refused',
  'log-proxy-header-untrusted': 'server.permanent',
};

/** Events that record no failure: a login that worked, a logout, a connection opening. */
export const INFORMATIONAL: ReadonlySet<string> = new Set<LogEvent>([
  'login-succeeded',
  'logout',
  'session-start',
  'server-start',
]);

/** Events that are failed logins, for the brute-force picture. */
export const AUTH_FAILURES: ReadonlySet<LogEvent> = new Set<LogEvent>([
  'login-failed',
  'unknown-user',
  'bad-password',
  'too-many-failures',
]);
