import { checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import { singleLine } from '../text/untrusted.js';
import type { TlsDetails } from './types.js';

/**
 * OpenSSL's wording for the verify results people meet (X509_verify_cert_error_string, OpenSSL 3), which
 * Node uses as the error message when it rejects a certificate: the explainer knows these lines.
 */
const VERIFY_MESSAGES: Record<string, string> = {
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
  CERT_REVOKED: 'certificate revoked',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
};

const DAY_MS = 86_400_000;

function dn(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  // Node gives a repeated attribute (two OUs) as an array.
  return Object.entries(name)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');
}

/** Certificate facts and the verdict for `host`; `now` comes from the probe's clock. */
export function describeTls(socket: TLSSocket, host: string, now: number): TlsDetails {
  const cert = socket.getPeerCertificate();
  const cipher = socket.getCipher();
  const altNames = (cert.subjectaltname ?? '')
    .split(',')
    .map((s) => singleLine(s))
    .filter(Boolean);
  const validTo = cert.valid_to ?? '';
  const end = Date.parse(validTo);
  const daysLeft = Number.isNaN(end) ? 0 : Math.floor((end - now) / DAY_MS);
  const identity = cert.raw ? checkServerIdentity(host, cert) : new Error('no certificate');
  const chainError = socket.authorized ? undefined : String(socket.authorizationError ?? 'UNKNOWN');
  const reason = chainError ?? (identity ? 'ERR_TLS_CERT_ALTNAME_INVALID' : undefined);
  return {
    protocol: socket.getProtocol(),
    cipher: cipher?.standardName ?? cipher?.name ?? '',
    // The server chose these names: ESC sequences, line breaks and bidi overrides go before anyone shows them.
    subject: singleLine(dn(cert.subject)),
    issuer: singleLine(dn(cert.issuer)),
    altNames,
    validFrom: cert.valid_from ?? '',
    validTo,
    daysLeft,
    hostMatch: identity === undefined,
    trusted: reason === undefined,
    ...(reason ? { reason } : {}),
  };
}

/**
 * The verdict in a few words, as Node and OpenSSL word it (`self-signed certificate`), with Node's code:
 * the evidence a finding shows. Not a pasted-looking error line: the probe names its entry itself.
 */
export function verdictLine(details: TlsDetails, host: string): string {
  if (details.reason === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `${host} is not in the certificate's names: ${details.altNames.join(', ') || details.subject} (ERR_TLS_CERT_ALTNAME_INVALID)`;
  }
  const message = details.reason ? VERIFY_MESSAGES[details.reason] : undefined;
  return `${message ?? 'certificate verify failed'}${details.reason ? ` (${details.reason})` : ''}`;
}
