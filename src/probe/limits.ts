/**
 * Every bound the probe keeps, in one place. A server is a stranger: it may never greet, drip a byte a
 * second, or stream forever; each of these ends at one of these limits and is reported as such.
 */
export const LIMITS = {
  /** Whole probe, all attempts. */
  totalMs: 30_000,
  /** One step: connect, greeting, TLS handshake, one command and its whole response. */
  stepMs: 10_000,
  /** LOGIN: servers delay failed logins (Dovecot ~5 s) and wait for a locked mailbox (Dovecot ~10 s). */
  loginMs: 15_000,
  /** Longest line accepted. RFC 2449 caps responses at 512 octets; real servers stay far below 4 KiB. */
  maxLineBytes: 4096,
  /** Largest multi-line response (CAPA). The probe never asks for a listing that grows with the mailbox. */
  maxResponseBytes: 64 * 1024,
  /**
   * What one connection may hold read but not yet consumed, in bytes and in lines. A connection nobody is
   * waiting on is not read at all (TCP flow control holds the server back); these cap what arrives in the
   * meantime, so a server that floods one connection while the probe waits on another cannot grow memory.
   */
  maxBufferedBytes: 128 * 1024,
  maxBufferedLines: 4096,
  /** Lines kept in a transcript (a hostile server could send thousands of CAPA lines). */
  maxTranscriptLines: 400,
  /** Server text kept per line in details and transcripts. */
  maxShownChars: 300,
  /** Default days-before-expiry that make a certificate a warning. */
  certWarnDays: 14,
} as const;
