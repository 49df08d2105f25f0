/**
 * Which knowledge-base entry explains each failure the probe can meet, by step and code: the probe knows
 * what happened (a refused connection, a self-signed certificate, CAPA without STLS) and names the entry
 * directly. `popbot explain` reaches the same entries from the wordings people paste; a test keeps the two
 * in step (test/probe/same-entry.test.ts).
 *
 * Keys are `step:code`; `*:code` applies to any step. Codes are Node's (`ECONNREFUSED`), the certificate
 * verdict's (`DEPTH_ZERO_SELF_SIGNED_CERT`), the probe's own (`probe.closed`) or a situation the probe
 * recognised (`tls:plain-greeting`).
 */
export const FAILURE_ENTRIES: Readonly<Record<string, string>> = {
  // Name resolution: one entry for "no such name" and "no answer"; the step's detail tells them apart.
  'dns:ENOTFOUND': 'node-enotfound',
  'dns:EAI_AGAIN': 'node-enotfound',
  'dns:*': 'node-enotfound',

  // Sockets, whatever the step.
  '*:ECONNREFUSED': 'econnrefused',
  '*:ETIMEDOUT': 'node-etimedout',
  '*:EHOSTUNREACH': 'node-ehostunreach',
  '*:ENETUNREACH': 'node-ehostunreach',
  '*:ECONNRESET': 'node-econnreset',
  '*:EPIPE': 'node-epipe',
  '*:probe.closed': 'node-econnreset',
  '*:probe.timeout': 'node-etimedout',

  // The two ways a port and the encryption disagree.
  'greeting:tls-expected': 'plain-text-to-implicit-tls-port',
  'tls:plain-greeting': 'openssl-wrong-version-number',
  'tls:*': 'openssl-handshake-failure',
  'tls:ERR_SSL_UNSUPPORTED_PROTOCOL': 'openssl-protocol-version',
  'tls:ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION': 'openssl-protocol-version',

  // Certificate verdicts (Node's reason codes).
  'tls:DEPTH_ZERO_SELF_SIGNED_CERT': 'node-self-signed-cert',
  'tls:SELF_SIGNED_CERT_IN_CHAIN': 'node-self-signed-cert',
  'tls:CERT_HAS_EXPIRED': 'node-cert-has-expired',
  'tls:CERT_NOT_YET_VALID': 'node-cert-has-expired',
  'tls:ERR_TLS_CERT_ALTNAME_INVALID': 'node-altname-invalid',
  'tls:UNABLE_TO_VERIFY_LEAF_SIGNATURE': 'node-unable-to-verify-leaf',
  'tls:UNABLE_TO_GET_ISSUER_CERT_LOCALLY': 'node-unable-to-verify-leaf',
  'tls:certificate': 'tls-certificate-verify-failed',

  // What CAPA said, and what the server did with it.
  'stls:not-offered': 'tls-support-not-available',
  'stls:refused': 'tls-support-not-available',
  'encryption:none-offered': 'tls-support-not-available',
  'login:tls-required': 'tls-required-to-log-in',
  'login:no-apop': 'apop-not-supported',
  'login:apop-refused': 'apop-not-supported',
};

/** The entry for `code` in `step`, else for `code` in any step, else the step's catch-all. */
export function failureEntry(step: string, code: string): string | undefined {
  return FAILURE_ENTRIES[`${step}:${code}`] ?? FAILURE_ENTRIES[`*:${code}`] ?? FAILURE_ENTRIES[`${step}:*`];
}
