import type { AttemptSession } from './attempt-session.js';
import { ProbeError } from './errors.js';
import { failureEntry } from './failure-entries.js';
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
  const plain = s.target.tls !== 'implicit';
  let line: string;
  try {
    line = await conn.readLine(s.until(plain ? greetingBudget(s) : undefined));
  } catch (error) {
    if (error instanceof ProbeError && error.code === 'probe.timeout' && plain) {
      const seconds = s.seconds();
      if (await tlsWorksHere(s)) {
        const detail = s.msg('greeting.silent-tls', { seconds });
        s.record('fail', detail, {
          failure: { entry: failureEntry('greeting', 'tls-expected')!, line: detail },
        });
      }
      const detail = s.msg('greeting.silent', { seconds });
      s.record('fail', detail, {
        failure: { entry: failureEntry('greeting', 'probe.timeout')!, line: detail },
      });
    }
    throw error;
  }
  const shown = conn.show(line);
  const g = analyseGreeting(line);
  if (g.kind === 'pop') {
    s.out.reachedServer = true;
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
    s.record('fail', s.msg('greeting.err', { line: shown }), { serverReply: { text: `S: ${line}` } });
  }
  if (g.kind === 'garbage') {
    s.record('fail', s.msg('greeting.garbage', { line: shown }), {
      code: 'server.protocol-error',
      serverReply: { text: `S: ${line}`, expect: 'server.protocol-error' },
    });
  }
  const protocol = SERVICE_NAMES[g.kind] ?? g.kind;
  s.record('fail', s.msg('greeting.wrong-service', { protocol, line: shown }), {
    code: 'connect.wrong-service',
    serverReply: { text: `S: ${line}`, expect: 'connect.wrong-service' },
  });
}

/**
 * How long to wait for a plain greeting: the step's limit, but never so much of a short `--timeout` that
 * nothing is left to try TLS on the same port (the likeliest reason a POP port stays silent).
 */
function greetingBudget(s: AttemptSession): number {
  const remaining = s.ctx.deadline.remaining();
  const reserve = Math.min(3000, remaining / 2);
  return Math.min(s.ctx.settings.stepMs, Math.max(500, remaining - reserve));
}
