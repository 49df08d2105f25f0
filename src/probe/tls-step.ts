import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { AttemptSession } from './attempt-session.js';
import { hasCapability } from './capabilities.js';
import { PopConnection } from './connection.js';
import { ProbeError } from './errors.js';
import { tlsHandshake } from './net.js';
import { plainGreetingHere } from './second-connection.js';
import { describeTls, tlsErrorLine } from './tls-info.js';
import type { Capability } from './types.js';

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
 * the first CAPA answer (`null`: the server has no CAPA, so it could not have offered STLS either).
 */
export async function stlsUpgrade(s: AttemptSession, before: Capability[] | null): Promise<void> {
  const conn = s.pop;
  s.begin('stls');
  const reply = await conn.command('STLS', s.until());
  if (!reply.startsWith('+OK')) {
    s.record('fail', s.msg('stls.refused', { line: conn.show(reply) }), {
      explain: `C: STLS\nS: ${reply}`,
      expect: 'tls.unavailable',
    });
  }
  const offered = before === null || hasCapability(before, 'STLS');
  s.record(offered ? 'ok' : 'warn', s.msg(offered ? 'stls.ok' : 'stls.not-offered'));
  const raw = conn.detach();
  s.conn = undefined;
  s.begin('tls');
  const secured = await handshake(s, raw);
  s.conn = new PopConnection(secured, s.connCtx(), true);
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
      TLS_MISMATCH.test(error.errorLine ?? '') &&
      (await plainGreetingHere(s))
    ) {
      s.out.plainPop = true;
      s.record('fail', s.msg('tls.plain-greeting'), {
        code: 'tls.mismatch',
        explain: error.errorLine,
        expect: 'tls.mismatch',
      });
    }
    if (error instanceof ProbeError && error.errorLine && error.code !== 'probe.aborted') {
      s.record('fail', s.msg('tls.failed', { error: error.errorLine }), {
        explain: error.errorLine,
      });
    }
    throw error;
  }
  const socket = s.tlsSocket;
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
    const line = tlsErrorLine(details, s.target.host);
    const untrusted = s.msg('tls.untrusted', { reason: line.replace(/^Error( \[\w+\])?: /, '') });
    if (!settings.insecure)
      s.record('fail', `${untrusted} ${summary}`, { explain: line, expect: 'tls.certificate' });
    s.record('warn', `${untrusted} ${s.msg('tls.insecure')} ${summary}`, {
      explain: line,
      expect: 'tls.certificate',
    });
  } else if (details.daysLeft <= settings.certWarnDays) {
    s.record(
      'warn',
      `${s.msg('tls.expiring', { days: details.daysLeft, date: details.validTo })} ${summary}`,
      {
        code: 'tls.certificate-expiring',
      },
    );
  } else {
    s.record('ok', summary);
  }
}
