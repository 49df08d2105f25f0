import { createHash } from 'node:crypto';
import { type AttemptSession, Stop } from './attempt-session.js';
import { hasCapability, saslMechanisms } from './capabilities.js';
import type { PopConnection } from './connection.js';
import { failureEntry } from './failure-entries.js';
import type { Capability } from './types.js';

/** How the login step got in. */
export type LoginMethod = 'apop' | 'plain' | 'user';

/**
 * The `login` step: APOP when asked, else AUTH PLAIN when the server offers it, else USER/PASS. A password
 * goes out in clear text only when allowed (`--allow-plaintext`); APOP never sends it. A failed APOP
 * ends this connection (servers close it, or count it): the attempt runner retries the normal password on
 * a new one. Returns the method that logged in, or false when login was not tried or failed.
 */
export async function loginStep(s: AttemptSession): Promise<false | LoginMethod> {
  const conn = s.pop;
  const settings = s.ctx.settings;
  s.begin('login');
  if (!settings.user) {
    s.record('skipped', s.msg('login.no-user'));
    skipAfterLogin(s);
    return false;
  }
  if (settings.password === undefined) {
    s.record('skipped', s.msg('login.no-password'));
    skipAfterLogin(s);
    return false;
  }
  const caps = s.out.capabilities.afterStls ?? s.out.capabilities.before;
  if (settings.apop && !s.target.apopFallback) return apop(s, conn, settings.user, settings.password);

  if (!conn.encrypted && !settings.allowPlaintext) {
    const before = s.out.capabilities.before;
    if (before && tlsRequired(before)) {
      // CAPA already says a login cannot work here: that is the finding, and no password leaves.
      const names = before.map((c) => c.name).join(' ');
      s.record('fail', s.msg('login.tls-required', { names }), {
        failure: {
          entry: failureEntry('login', 'tls-required')!,
          line: s.msg('evidence.capa', { names }),
          command: 'CAPA',
          hints: stlsHint(s, before),
        },
      });
    }
    s.record('warn', s.msg('login.plaintext-refused'), { code: 'probe.plaintext-refused' });
    skipAfterLogin(s);
    return false;
  }
  s.loginTried = true;
  const until = s.until(settings.loginMs);
  const plainNote = conn.encrypted ? '' : ` ${s.msg('login.plaintext-sent')}`;
  const fallbackNote = s.target.apopFallback ? ` ${s.msg('login.apop-fallback')}` : '';
  // A login that works only because the probe retried without APOP is a warning: the APOP asked for fails.
  const status = conn.encrypted && !s.target.apopFallback ? 'ok' : 'warn';

  if (saslMechanisms(caps).includes('PLAIN')) {
    const payload = Buffer.from(`\0${settings.user}\0${settings.password}`, 'utf8').toString('base64');
    s.ctx.secrets.add(payload);
    const shown = 'AUTH PLAIN ****';
    let reply = await conn.command(`AUTH PLAIN ${payload}`, until, shown);
    if (reply.startsWith('+ ') || reply === '+') {
      conn.send(payload, '****');
      reply = await conn.readLine(until);
    }
    if (!reply.startsWith('+OK')) loginFailed(s, conn, shown, reply);
    s.out.loginVerified = true;
    const ok = s.msg('login.ok', { user: settings.user, method: 'AUTH PLAIN' });
    s.record(status, ok + fallbackNote + plainNote);
    return 'plain';
  }

  const user = `USER ${settings.user}`;
  const userReply = await conn.command(user, until);
  if (!userReply.startsWith('+OK')) loginFailed(s, conn, user, userReply);
  const passReply = await conn.command(`PASS ${settings.password}`, until, 'PASS ****');
  if (!passReply.startsWith('+OK')) loginFailed(s, conn, 'PASS ****', passReply);
  s.out.loginVerified = true;
  s.record(
    status,
    s.msg('login.ok', { user: settings.user, method: 'USER/PASS' }) + fallbackNote + plainNote,
  );
  return 'user';
}

/**
 * RFC 2449 §6.6 and the XTLSREQUIRED extension some servers announce: before encryption, a CAPA that says
 * TLS is required, or that offers no way to send a password at all (no USER, no SASL), means a login here
 * can only fail, whatever the server would answer.
 */
function tlsRequired(before: Capability[]): boolean {
  if (hasCapability(before, 'XTLSREQUIRED')) return true;
  return (
    !hasCapability(before, 'USER') && saslMechanisms(before).length === 0 && hasCapability(before, 'STLS')
  );
}

/** APOP (RFC 1939 §7): an MD5 digest of the greeting's timestamp and the secret; the password stays here. */
async function apop(
  s: AttemptSession,
  conn: PopConnection,
  user: string,
  password: string,
): Promise<false | LoginMethod> {
  if (!s.greetingTs) {
    s.record('fail', s.msg('login.no-apop'), {
      failure: { entry: failureEntry('login', 'no-apop')!, line: s.msg('evidence.no-timestamp') },
    });
  }
  s.loginTried = true;
  const digest = createHash('md5').update(`${s.greetingTs}${password}`).digest('hex');
  s.ctx.secrets.add(digest);
  const shown = `APOP ${user} ****`;
  const reply = await conn.command(`APOP ${user} ${digest}`, s.until(s.ctx.settings.loginMs), shown);
  if (reply.startsWith('+OK')) {
    s.out.loginVerified = true;
    // No clear-text note: APOP sends a digest, never the password, encrypted connection or not.
    s.record('ok', s.msg('login.ok', { user, method: 'APOP' }));
    return 'apop';
  }
  // The failed APOP is the finding; whether the normal password works is asked on a new connection.
  try {
    s.record('fail', s.msg('login.failed', { line: conn.show(reply) }), {
      serverReply: { text: `C: ${shown}\nS: ${reply}` },
    });
  } finally {
    const step = s.ctx.rec.steps.at(-1);
    if (step) s.out.apopRefused = step;
  }
  return false;
}

function loginFailed(s: AttemptSession, conn: PopConnection, shown: string, reply: string): never {
  const before = s.out.capabilities.before;
  // A login refused on a plain connection whose CAPA had no USER, or required TLS: CAPA said why,
  // whatever the server's words ("Incorrect state", "Unrecognized command", a bare -ERR).
  const capaSaid =
    !conn.encrypted &&
    before &&
    (tlsRequired(before) || (!hasCapability(before, 'USER') && shown.startsWith('USER')));
  s.record('fail', s.msg('login.failed', { line: conn.show(reply) }), {
    ...(capaSaid
      ? {
          failure: {
            entry: failureEntry('login', 'tls-required')!,
            line: conn.show(reply),
            command: shown,
            hints: stlsHint(s, before),
          },
        }
      : { serverReply: { text: `C: ${shown}\nS: ${reply}` } }),
  });
  throw new Stop();
}

function stlsHint(s: AttemptSession, before: Capability[]): string[] {
  return hasCapability(before, 'STLS') ? [s.msg('hint.use-stls', { port: s.target.port })] : [];
}

/** Without a login, the steps that need one are not run, nor reported as remaining. */
function skipAfterLogin(s: AttemptSession): void {
  s.unplan('capa-after-login', 'stat', 'uidl');
}
