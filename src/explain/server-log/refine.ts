import type { LogEvent, ServerLogEvent } from './types.js';

/**
 * Many servers log one "login failed" line and put the why in free words (Cyrus's SASL text, Zimbra's reason,
 * the -ERR a protocol log recorded). Those words name the finer event the same way whatever the server.
 */
const BY_REASON: readonly { event: LogEvent; re: RegExp }[] = [
  // "Unknown user name or bad password" says one of the two is wrong, not which.
  { event: 'login-failed', re: /(?:user(?: ?name)?|login) or (?:\w+ )?password/i },
  {
    event: 'too-many-failures',
    re: /account lockout|too many (?:failed|invalid|bad|authentication) (?:logins?|logons?|attempts|failures)|too many failures/i,
  },
  {
    event: 'account-disabled',
    re: /account (?:is )?(?:locked|disabled|suspended|inactive|not active|expired)|maintenance mode/i,
  },
  {
    event: 'unknown-user',
    re: /unknown user|user(?: ?name)? not found|no such user|user not known|nonexistent|invalid user|account not found|(?:user|mailbox) (?:does not|doesn't) exist/i,
  },
  {
    event: 'bad-password',
    re: /password mismatch|(?:invalid|wrong|bad|incorrect) password|password (?:supplied for \S+ )?(?:is )?incorrect|password verification failed|checkpass failed|incorrect digest|doesn't match what we generated|invalid credentials|password fail/i,
  },
  // Cyrus's "encryption needed to use mechanism", Dovecot's "Plaintext authentication disabled".
  {
    event: 'plaintext-disallowed',
    re: /encryption needed to use mechanism|plaintext (?:authentication|logins?) (?:disabled|disallowed|not allowed)|\bPRIVACYREQUIRED\b/i,
  },
  { event: 'mailbox-locked', re: /\bIN-USE\b|maildrop (?:is )?(?:already )?locked|unable to lock/i },
  {
    event: 'sasl-error',
    re: /no mechanism available|SSF not good enough|mechanism (?:not supported|unavailable)/i,
  },
  { event: 'login-delay', re: /\bLOGIN-DELAY\b/i },
  // The verdict was "try later": the authentication service failed, not the credentials (nginx's auth_http).
  { event: 'auth-backend-error', re: /temporary (?:server )?(?:problem|failure|error)|try again later/i },
];

const REFINABLE = new Set<LogEvent>(['login-failed', 'error-reply']);

export function refineByReason(event: ServerLogEvent): ServerLogEvent {
  if (!REFINABLE.has(event.event)) return event;
  const words = `${event.reason ?? ''} ${event.reply ?? ''}`;
  if (words.trim() === '') return event;
  for (const { event: finer, re } of BY_REASON) {
    if (re.test(words)) return { ...event, event: finer };
  }
  return event;
}
