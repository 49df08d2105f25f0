import type { AttemptSession } from './attempt-session.js';
import { hasCapability, parseCapabilities } from './capabilities.js';
import { recogniseSoftware } from './greeting.js';
import type { Capability } from './types.js';

/** CAPA (RFC 2449). `null` when the server has no CAPA: said, and the check goes on. */
export async function capaStep(
  s: AttemptSession,
  name: 'capa' | 'capa-after-stls' | 'capa-after-login',
): Promise<Capability[] | null> {
  const conn = s.pop;
  s.begin(name);
  const reply = await conn.command('CAPA', s.until());
  if (!reply.startsWith('+OK')) {
    s.record('warn', s.msg('capa.none'), { code: 'command.unknown' });
    return null;
  }
  const caps = parseCapabilities(await conn.readMultiline(s.until()), s.ctx.settings.lang);
  const impl = caps.find((c) => c.name === 'IMPLEMENTATION');
  if (impl && s.out.server && !s.out.server.software) {
    const software = recogniseSoftware(impl.args.join(' '));
    if (software) s.out.server.software = software;
  }
  const names = conn.show(
    caps.map((c) => (c.args.length > 0 ? `${c.name} ${c.args.join(' ')}` : c.name)).join(', '),
  );
  // Without a login this is the last word on UIDL; with one, the UIDL step decides. Before STLS the
  // list may legitimately lack what comes after encryption.
  const lastBeforeLogin = name === 'capa-after-stls' || (name === 'capa' && s.target.tls !== 'stls');
  if (lastBeforeLogin && !s.ctx.settings.user && !hasCapability(caps, 'UIDL')) {
    s.record('warn', `${names} — ${s.msg('capa.no-uidl')}`, { code: 'probe.no-uidl' });
  } else {
    s.record('ok', names);
  }
  return caps;
}
