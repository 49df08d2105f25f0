/**
 * A server's SASL challenge that reports an error instead of asking a question: RFC 7628 §3.2.2 has the server
 * answer a refused OAUTHBEARER token with a base64 JSON challenge (`{"status":"401","schemes":…}`), and Gmail
 * and Microsoft 365 answer a refused XOAUTH2 token the same way before their -ERR. The decoded JSON is the
 * server's refusal, even when the paste stops before the -ERR that follows it. Pure.
 */

const CHALLENGE_PREFIX = /^\+\s?/;
const BASE64 = /^[A-Za-z0-9+/]{12,}={0,2}$/;
// The error report is a JSON object whose first member is its HTTP-like status (RFC 7628 §3.2.2).
const STATUS_REPORT = /^\s*\{\s*"status"\s*:/;

/** The decoded error report of a `+ <base64>` challenge, or undefined when the challenge is an ordinary one. */
export function saslErrorReport(challenge: string): string | undefined {
  const payload = challenge.replace(CHALLENGE_PREFIX, '').trim();
  if (!BASE64.test(payload)) return undefined;
  const decoded = Buffer.from(payload, 'base64').toString('utf8');
  return STATUS_REPORT.test(decoded) ? decoded : undefined;
}
