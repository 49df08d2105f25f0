import { createHash } from 'node:crypto';
import { type AttemptSession, Stop } from './attempt-session.js';
import { saslMechanisms } from './capabilities.js';
import type { PopConnection } from './connection.js';

/** How the login step got in. */
export type LoginMethod = 'apop' | 'plain' | 'user';

/**
 * The `login` step: APOP when asked (falling back to USER/PASS to tell the user which works), else AUTH
 * PLAIN when the server offers it, else USER/PASS. Never sends credentials in clear text unless allowed.
 * Returns the method that logged in, or false when login was not tried or failed.
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
  if (!conn.encrypted && !settings.allowPlaintext) {
    s.record('warn', s.msg('login.plaintext-refused'), { code: 'probe.plaintext-refused' });
    skipAfterLogin(s);
    return false;
  }
  s.loginTried = true;
  const until = s.until(settings.loginMs);
  const caps = s.out.capabilities.afterStls ?? s.out.capabilities.before;
  const plainNote = conn.encrypted ? '' : ` ${s.msg('login.plaintext-sent')}`;
  const status = conn.encrypted ? 'ok' : 'warn';

  if (settings.apop) {
    if (!s.greetingTs) s.record('fail', s.msg('login.no-apop'), { code: 'auth.mechanism' });
    const digest = createHash('md5').update(`${s.greetingTs}${settings.password}`).digest('hex');
    s.ctx.secrets.add(digest);
    const shown = `APOP ${settings.user} ****`;
    const reply = await conn.command(`APOP ${settings.user} ${digest}`, until, shown);
    if (reply.startsWith('+OK')) {
      s.record(status, s.msg('login.ok', { user: settings.user, method: 'APOP' }) + plainNote);
      return 'apop';
    }
    // The server said no to APOP: does the normal password work? That is what the user needs to hear.
    const fallback = await userPass(s, conn, s.until(settings.loginMs));
    if (fallback.ok) {
      s.record('warn', `${s.msg('login.apop-fails')} ${s.msg('login.failed', { line: conn.show(reply) })}`, {
        explain: `C: ${shown}\nS: ${reply}`,
        expect: 'auth.mechanism',
      });
      return 'user';
    }
    loginFailed(s, conn, shown, reply);
  }

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
    s.record(status, s.msg('login.ok', { user: settings.user, method: 'AUTH PLAIN' }) + plainNote);
    return 'plain';
  }

  const result = await userPass(s, conn, until);
  if (!result.ok) loginFailed(s, conn, result.shown, result.reply);
  s.record(status, s.msg('login.ok', { user: settings.user, method: 'USER/PASS' }) + plainNote);
  return 'user';
}

async function userPass(
  s: AttemptSession,
  conn: PopConnection,
  until: number,
): Promise<{ ok: true } | { ok: false; shown: string; reply: string }> {
  const { user, password } = s.ctx.settings;
  const userReply = await conn.command(`USER ${user}`, until);
  if (!userReply.startsWith('+OK')) return { ok: false, shown: `USER ${user}`, reply: userReply };
  const passReply = await conn.command(`PASS ${password}`, until, 'PASS ****');
  return passReply.startsWith('+OK') ? { ok: true } : { ok: false, shown: 'PASS ****', reply: passReply };
}

function loginFailed(s: AttemptSession, conn: PopConnection, shown: string, reply: string): never {
  s.record('fail', s.msg('login.failed', { line: conn.show(reply) }), {
    explain: `C: ${shown}\nS: ${reply}`,
  });
  throw new Stop();
}

/** Without a login, the steps that need one are not run, nor reported as remaining. */
function skipAfterLogin(s: AttemptSession): void {
  s.unplan('capa-after-login', 'stat', 'uidl');
}
