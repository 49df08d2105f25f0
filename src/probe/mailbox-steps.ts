import { formatSize } from '../i18n/format-size.js';
import type { AttemptSession } from './attempt-session.js';

/** The `stat` and `uidl` steps, after a login: the mailbox's size, and (full check) whether UIDL works. */
export async function mailboxSteps(s: AttemptSession): Promise<void> {
  const conn = s.pop;
  s.begin('stat');
  const reply = await conn.command('STAT', s.until());
  const m = /^\+OK (\d+) (\d+)/.exec(reply);
  if (!m) {
    s.record('fail', s.msg('stat.failed', { line: conn.show(reply) }), {
      serverReply: { text: `C: STAT\nS: ${reply}` },
    });
  }
  const messages = Number(m![1]);
  const octets = Number(m![2]);
  s.record('ok', s.msg('stat.ok', { messages, size: formatSize(octets, s.ctx.settings.lang) }));
  if (s.ctx.settings.steps === 'essential') {
    s.out.mailbox = { messages, octets };
    return;
  }

  s.begin('uidl');
  // `UIDL 1` is one line whatever the mailbox size; a full listing could be megabytes.
  const command = messages > 0 ? 'UIDL 1' : 'UIDL';
  // QUIT comes next whatever UIDL answers.
  if (s.pipelining) conn.pipeline([command, 'QUIT']);
  const uidl = await conn.command(command, s.until());
  const ok = uidl.startsWith('+OK');
  if (ok && messages === 0) await conn.readMultiline(s.until());
  s.out.mailbox = { messages, octets, uidl: ok };
  if (ok) s.record('ok', s.msg('uidl.ok'));
  else s.record('warn', s.msg('uidl.missing'), { serverReply: { text: `C: ${command}\nS: ${uidl}` } });
}

/** The `quit` step, logged in or not. */
export async function quitStep(s: AttemptSession, loggedIn: false | string): Promise<void> {
  const conn = s.pop;
  s.begin('quit');
  const reply = await conn.command('QUIT', s.until());
  if (reply.startsWith('+OK')) {
    s.record('ok', s.msg('quit.ok'));
    return;
  }
  // After a login, a -ERR at QUIT means the UPDATE state failed (RFC 1939 §6): deletions were not done.
  s.record(loggedIn ? 'fail' : 'warn', s.msg('quit.failed', { line: conn.show(reply) }), {
    serverReply: { text: `C: QUIT\nS: ${reply}` },
  });
}
