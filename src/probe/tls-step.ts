import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { AttemptSession } from './attempt-session.js';
import { hasCapability } from './capabilities.js';
import { PopConnection } from './connection.js';
import { ProbeError } from './errors.js';
import { failureEntry } from './failure-entries.js';
import { tlsHandshake } from './net.js';
import { plainGreetingHere } from './second-connection.js';
import { describeTls, verdictLine } from './tls-info.js';
import type { Capability, TlsDetails } from './types.js';

const TLS_MISMATCH =
  /wrong version number|packet length too long|unknown protocol|record layer failure|http request|ssl3_get_record|tls_get_more_records/i;

/** The `tls` step of an implicit-TLS attempt: TLS straight on the new socket, then POP over it. */
export async function implicitTls(s: AttemptSession, raw: Socket): Promise<void> {
  s.begin('tls');
  const secured = await handshake(s, raw);
  s.conn = new PopConnection(secured, s.connCtx(), true);
}

/**
 * The `stls` and `tls` steps: STLS on the plain connection, then TLS on the same socket. `before` is
 * the first CAPA answer (`null`: the server has no CAPA, so it could not have said whether it has STLS).
 * Returns false when the connection stays unencrypted: the server offers no STLS and plain text was
 * allowed (`--allow-plaintext`), so the check goes on to tell whether the login works at all.
 */
export async function stlsUpgrade(s: AttemptSession, before: Capability[] | null): Promise<boolean> {
  const conn = s.pop;
  s.begin('stls');
  if (before !== null && !hasCapability(before, 'STLS')) {
    // RFC 2595 §4: a server that can do STLS lists it in CAPA. Sending it anyway only draws an
    // "unknown command" that says less than CAPA already did.
    const names = before.map((c) => c.name).join(' ');
    return noStls(s, s.msg('evidence.capa', { names }), 'CAPA');
  }
  const reply = await conn.command('STLS', s.until());
  if (!reply.startsWith('+OK')) {
    // No CAPA, and STLS refused: the server knows no STLS, whatever its words ("unknown command").
    if (before === null) return noStls(s, conn.show(reply), 'STLS');
    s.record('fail', s.msg('stls.refused', { line: conn.show(reply) }), {
      serverReply: { text: `C: STLS\nS: ${reply}`, expect: 'tls.unavailable' },
    });
  }
  s.out.stlsMissing = false;
  s.record('ok', s.msg(before === null ? 'stls.ok-no-capa' : 'stls.ok'));
  const raw = conn.detach();
  s.conn = undefined;
  s.begin('tls');
  const secured = await handshake(s, raw);
  s.conn = new PopConnection(secured, s.connCtx(), true);
  return true;
}

/**
 * No STLS here (CAPA without it, or no CAPA and STLS refused): said as such, and plainly "no encryption
 * at all" when SSL/TLS from the first byte failed before.
 */
function noStls(s: AttemptSession, line: string, command: string): boolean {
  s.out.stlsMissing = true;
  const none = s.target.implicitFailed;
  const detail = s.msg(none ? 'stls.none-offered' : 'stls.not-offered');
  const allowed = s.ctx.settings.allowPlaintext;
  const hints = none
    ? [s.msg('hint.no-encryption'), s.msg(allowed ? 'hint.plaintext-risk' : 'hint.allow-plaintext')]
    : [s.msg('hint.try-implicit')];
  const failure = {
    entry: failureEntry(none ? 'encryption' : 'stls', none ? 'none-offered' : 'not-offered')!,
    line,
    command,
    hints,
    hintsOnly: none,
  };
  s.unplan('tls', 'capa-after-stls');
  // With --allow-plaintext the check goes on unencrypted, to tell whether the login itself works.
  s.record(allowed ? 'warn' : 'fail', detail, { failure });
  return false;
}

/** TLS on `raw` (implicit, or after STLS), then the certificate verdict as the `tls` step. */
async function handshake(s: AttemptSession, raw: Socket): Promise<TLSSocket> {
  const opts = { clock: s.ctx.clock, until: s.until(), signal: s.ctx.signal };
  try {
    s.tlsSocket = await tlsHandshake(s.ctx.sockets, raw, { host: s.target.host, ca: s.ctx.ca }, opts);
  } catch (error) {
    if (
      s.target.tls === 'implicit' &&
      error instanceof ProbeError &&
      TLS_MISMATCH.test(`${error.reason ?? ''} ${error.nodeCode ?? ''} ${error.message}`) &&
      (await plainGreetingHere(s))
    ) {
      s.out.plainPop = true;
      s.record('fail', s.msg('tls.plain-greeting'), {
        failure: {
          entry: failureEntry('tls', 'plain-greeting')!,
          line: error.evidence,
          hints: [s.msg('hint.use-stls', { port: s.target.port })],
          hintsOnly: true,
        },
      });
    }
    if (error instanceof ProbeError && error.code === 'probe.socket') {
      s.record('fail', s.msg('tls.failed', { error: error.evidence }), {
        failure: { entry: failureEntry('tls', error.nodeCode ?? '*')!, line: error.evidence },
      });
    }
    throw error;
  }
  const socket = s.tlsSocket;
  s.out.tlsWorked = true;
  s.ctx.transcript.add('*', `TLS started (${socket.getProtocol() ?? '?'})`);
  certificateVerdict(s, socket);
  return socket;
}

/** Records the `tls` step: the session's summary, failed when untrusted unless `insecure` was asked. */
function certificateVerdict(s: AttemptSession, socket: TLSSocket): void {
  const details = describeTls(socket, s.target.host, s.ctx.clock.now());
  s.out.tls = details;
  const settings = s.ctx.settings;
  const summary = s.msg('tls.ok', {
    protocol: details.protocol ?? '?',
    cipher: details.cipher,
    subject: details.subject,
    issuer: details.issuer,
    days: details.daysLeft,
  });
  if (!details.trusted) {
    const line = verdictLine(details, s.target.host);
    const untrusted = s.msg('tls.untrusted', { reason: line });
    const failure = {
      entry: failureEntry('tls', details.reason ?? 'certificate') ?? failureEntry('tls', 'certificate')!,
      line,
      hints: certificateHints(s, details),
      hintsOnly: details.reason !== 'CERT_HAS_EXPIRED' && details.reason !== 'CERT_NOT_YET_VALID',
    };
    if (!settings.insecure) s.record('fail', `${untrusted} ${summary}`, { failure });
    s.record('warn', `${untrusted} ${s.msg('tls.insecure')} ${summary}`, { failure });
  } else if (details.daysLeft <= settings.certWarnDays) {
    s.record(
      'warn',
      `${s.msg('tls.expiring', { days: details.daysLeft, date: details.validTo })} ${summary}`,
      { code: 'tls.certificate-expiring' },
    );
  } else {
    s.record('ok', summary);
  }
}

/**
 * What to do about an untrusted certificate, from what the probe saw. The computer's clock matters only
 * when the certificate looks expired or not yet valid; a self-signed or misnamed one is what it is.
 */
function certificateHints(s: AttemptSession, details: TlsDetails): string[] {
  const hints: string[] = [];
  if (details.reason === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names = details.altNames.map((n) => n.replace(/^(DNS|IP Address):/, '')).join(', ');
    hints.push(s.msg('hint.cert-names', { host: s.target.host, names: names || details.subject }));
  } else if (
    details.reason === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    details.reason === 'SELF_SIGNED_CERT_IN_CHAIN'
  ) {
    hints.push(s.msg('hint.cert-self-signed'));
  } else if (details.reason !== 'CERT_HAS_EXPIRED' && details.reason !== 'CERT_NOT_YET_VALID') {
    hints.push(s.msg('hint.cert-chain'));
  }
  if (!s.ctx.settings.insecure) hints.push(s.msg('hint.insecure'));
  return hints;
}
