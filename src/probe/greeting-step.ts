import type { AttemptSession } from './attempt-session.js';
import { ProbeError } from './errors.js';
import { analyseGreeting } from './greeting.js';
import { tlsWorksHere } from './second-connection.js';

/** What to call the service that answered when it is not POP. */
const SERVICE_NAMES: Record<string, string> = {
  smtp: 'SMTP',
  imap: 'IMAP',
  http: 'HTTP',
  ssh: 'SSH',
  ftp: 'FTP',
};

/** The `greeting` step: the server's first line, read as POP, as an error, or as another service. */
export async function greetingStep(s: AttemptSession): Promise<void> {
  const conn = s.pop;
  s.begin('greeting');
  let line: string;
  try {
    line = await conn.readLine(s.until());
  } catch (error) {
    if (error instanceof ProbeError && error.code === 'probe.timeout' && s.target.tls !== 'implicit') {
      const seconds = s.seconds();
      if (await tlsWorksHere(s)) {
        s.record('fail', s.msg('greeting.silent-tls'), {
          code: 'tls.mismatch',
          explain: 'Error: wrong version number',
          expect: 'tls.mismatch',
        });
      }
      s.record('fail', s.msg('greeting.silent', { seconds }), {
        explain: 'Error: Connection timed out',
        expect: 'connect.timeout',
      });
    }
    throw error;
  }
  const shown = conn.show(line);
  const g = analyseGreeting(line);
  if (g.kind === 'pop') {
    s.greetingTs = g.apopTimestamp;
    s.out.server = {
      greeting: shown,
      apop: g.apopTimestamp !== undefined,
      ...(g.software ? { software: g.software } : {}),
    };
    const notes = [
      g.software ? s.msg('greeting.software', { software: g.software }) : '',
      g.apopTimestamp ? s.msg('greeting.apop') : '',
    ].filter(Boolean);
    s.record('ok', [shown, ...notes].join(' — '));
    return;
  }
  if (g.kind === 'pop-error') {
    s.record('fail', s.msg('greeting.err', { line: shown }), { explain: `S: ${line}` });
  }
  if (g.kind === 'garbage') {
    s.record('fail', s.msg('greeting.garbage', { line: shown }), {
      code: 'server.protocol-error',
      explain: `S: ${line}`,
      expect: 'server.protocol-error',
    });
  }
  const protocol = SERVICE_NAMES[g.kind] ?? g.kind;
  s.record('fail', s.msg('greeting.wrong-service', { protocol, line: shown }), {
    code: 'connect.wrong-service',
    explain: `S: ${line}`,
    expect: 'connect.wrong-service',
  });
}
