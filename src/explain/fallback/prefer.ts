import type { FallbackKind, FallbackResult } from './classify.js';

/**
 * The entry whose causes and steps a fallback finding borrows, per category: the generic entry of that
 * category (its title speaks of the category, not of one server or program). Checked against the knowledge
 * base by test/explain/fallback.test.ts.
 */
export const FALLBACK_ENTRY: Readonly<Record<FallbackKind, Readonly<Record<string, string>>>> = {
  server: {
    'auth.account-disabled': 'account-locked',
    'auth.app-password': 'app-password-needed',
    'auth.bad-password': 'invalid-password',
    'auth.failed': 'authentication-failed',
    'auth.login-delay': 'login-delay-too-soon',
    'auth.mechanism': 'unsupported-sasl-mechanism',
    'auth.pop-disabled': 'pop-access-disabled',
    'auth.too-many-failures': 'too-many-login-failures',
    'auth.unknown-user': 'generic-unknown-user',
    'command.state': 'command-not-valid-in-state',
    'command.syntax': 'invalid-arguments',
    'command.unknown': 'unknown-command',
    'mailbox.locked': 'unable-to-lock-maildrop',
    'mailbox.too-many-sessions': 'too-many-open-connections',
    'mailbox.unavailable': 'unable-to-open-maildrop',
    'message.deleted': 'message-already-deleted',
    'message.not-found': 'no-such-message',
    'message.unavailable': 'message-cannot-be-read',
    'server.permanent': 'sys-perm-response-code',
    'server.shutdown': 'server-shutting-down',
    'server.temporary': 'generic-internal-error',
    'session.timeout': 'generic-session-timeout',
    'tls.required': 'generic-tls-required',
    'tls.unavailable': 'tls-support-not-available',
    'update.delete-failed': 'deleted-messages-not-removed',
  },
  client: {
    'auth.app-password': 'app-password-needed',
    'auth.oauth-token': 'oauth-login-refused',
    'client.config': 'client-setting-not-valid',
    'client.storage': 'client-cannot-store-mail',
    'client.unsupported': 'client-feature-missing',
    'connect.dns': 'resolver-name-not-known',
    'connect.refused': 'econnrefused',
    'connect.reset': 'node-econnreset',
    'connect.timeout': 'node-etimedout',
    'server.protocol-error': 'client-protocol-error',
    'tls.certificate': 'tls-certificate-verify-failed',
    'tls.mismatch': 'openssl-wrong-version-number',
    'tls.unavailable': 'openssl-handshake-failure',
  },
};

/**
 * How the knowledge base matched a line: by its wording, by its RFC 2449 response code alone, by the command
 * it answered alone (a bare entry), by a catch-all of negative priority, or not at all.
 */
export type MatchStrength = 'wording' | 'catch-all' | 'code' | 'bare' | 'unknown' | 'none';

/** The reading of the words needed to overrule a response code or a command's context (cues adding up to 3). */
const OVERRULE_CONFIDENCE = 0.45;

/**
 * Meaning over wording: a specific reading of the words beats a generic response code (`[SYS/PERM] pop not
 * allowed for user` is POP switched off, not "a permanent problem"), a bare context entry and a catch-all;
 * a wording an entry documents is never overruled.
 */
export function wordsOverrule(
  strength: MatchStrength,
  matchedCategory: string | undefined,
  words: FallbackResult,
): boolean {
  if (words.category === 'unknown' || strength === 'wording') return false;
  if (strength === 'none' || strength === 'unknown') return true;
  return words.category !== matchedCategory && words.confidence >= OVERRULE_CONFIDENCE;
}

/** The entry a fallback finding borrows, when its category has a generic one. */
export function fallbackEntry(kind: FallbackKind, category: string): string | undefined {
  return FALLBACK_ENTRY[kind][category] ?? (kind === 'client' ? FALLBACK_ENTRY.server[category] : undefined);
}
