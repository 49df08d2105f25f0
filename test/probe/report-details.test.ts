import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCheckCommand } from '../../src/cli/check.js';
import { ProbeGuard } from '../../src/probe/guard.js';
import { renderProbeText } from '../../src/probe/render.js';
import { runProbe } from '../../src/probe/run-probe.js';
import type { ProbeReport, Resolver } from '../../src/probe/types.js';
import { type CertPair, makeTestCerts, type TestCerts } from '../support/certs.js';
import { runWithIO } from '../support/cli-io.js';
import {
  type FakePopServer,
  type FakeServerOptions,
  startFakePopServer,
} from '../support/fake-pop-server.js';
import { probe, step } from './helpers.js';

/** Issue #15 items 7–12 and the report's languages, on the scriptable fake server. */

let certs: TestCerts;
let server: FakePopServer | undefined;
beforeAll(() => {
  certs = makeTestCerts();
});
afterAll(() => certs?.cleanup());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const alice = { user: 'alice', password: 'correct horse' };
const text = (report: ProbeReport) => renderProbeText(report, report.lang, { color: false });
const serve = async (options: FakeServerOptions) => {
  server = await startFakePopServer(options);
  return server;
};

function check(args: string[], env: NodeJS.ProcessEnv = {}) {
  return runWithIO((io) => runCheckCommand(args, io, { ca: certs.ca }), { env: { NO_COLOR: '1', ...env } });
}

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** A certificate from the test CA whose only name is the IP address 127.0.0.3. */
function ipOnlyCert(): CertPair {
  const dir = certs.dir;
  const run = (args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-out', 'ip.key']);
  run(['req', '-new', '-key', 'ip.key', '-subj', '/CN=popbot ip test', '-out', 'ip.csr']);
  execFileSync('sh', ['-c', 'printf "subjectAltName=IP:127.0.0.3\\n" > ip.ext'], { cwd: dir });
  run([
    'ca',
    '-batch',
    '-config',
    'ca.cnf',
    '-notext',
    '-days',
    '30',
    '-extfile',
    'ip.ext',
    '-in',
    'ip.csr',
    '-out',
    'ip.pem',
  ]);
  const keyFile = join(dir, 'ip.key');
  const certFile = join(dir, 'ip.pem');
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), keyFile, certFile };
}

describe('settings that do not mislead (item 7)', () => {
  it('--tls none without --allow-plaintext: no settings, no "the server works", and STLS pointed out', async () => {
    await serve({ mode: 'stls', tls: certs.valid, capabilities: ['USER', 'UIDL'] });
    const report = await probe({ target: `localhost:${server!.port}`, tls: 'none', ...alice });
    expect(report.settings).toBeUndefined();
    const out = text(report);
    expect(out).not.toContain('Use these settings');
    expect(out).not.toContain('the server works');
    expect(out).toContain('This server offers STLS');
  });

  it('--tls none --allow-plaintext where STLS is offered: logs in, yet never recommends no encryption', async () => {
    await serve({ mode: 'stls', tls: certs.valid, capabilities: ['USER', 'UIDL'] });
    const report = await probe({
      target: `localhost:${server!.port}`,
      tls: 'none',
      allowPlaintext: true,
      ...alice,
    });
    expect(report.loginVerified).toBe(true);
    expect(report.settings).toBeUndefined();
    expect(text(report)).not.toMatch(/Encryption: None/);
  });
});

describe('no false claims (item 4)', () => {
  it('USER refused "under a layer" where CAPA had no USER: tls.required, with no claim about APOP', async () => {
    // Cyrus's wording and its pre-STLS CAPA with `allowplaintext: no` (USER absent, APOP still offered).
    await serve({
      mode: 'stls',
      tls: certs.valid,
      greeting: '+OK cyrus.example Cyrus POP3 v3.6.1 server ready <1234.5678@cyrus.example>',
      capabilities: ['TOP', 'UIDL', 'RESP-CODES', 'PIPELINING', 'AUTH-RESP-CODE'],
      handlers: { USER: (s) => s.write('-ERR [AUTH] USER command only available under a layer') },
    });
    const report = await probe(
      { target: `localhost:${server!.port}`, tls: 'none', allowPlaintext: true, ...alice },
      { ca: certs.ca },
    );
    expect(step(report, 'login').code).toBe('tls.required');
    expect(text(report)).not.toMatch(/APOP or AUTH|sent without encryption/);
  });
});

describe('findings grouped across attempts (item 8)', () => {
  it('--tls auto on a STARTTLS-only port: the implicit-TLS try is a step, not a finding', async () => {
    await serve({ mode: 'stls', tls: certs.valid });
    const report = await probe({ target: `localhost:${server!.port}`, ...alice }, { ca: certs.ca });
    expect(step(report, 'tls', 0).code).toBe('tls.mismatch');
    expect(report.findings).toEqual([]);
    expect(text(report)).not.toContain('What went wrong');
    expect(report.exitCode).toBe(0);
  });

  it('one cause met by both attempts is one finding, pointed at by both steps', async () => {
    const port = await closedPort();
    const report = await probe({ target: `127.0.0.1:${port}`, ...alice });
    const connects = report.steps.filter((s) => s.name === 'connect');
    expect(connects).toHaveLength(2);
    expect(report.findings.map((f) => f.entry)).toEqual(['econnrefused']);
    expect(connects.map((s) => s.finding)).toEqual([0, 0]);
  });

  it('a self-signed certificate seen after the fallback is explained once', async () => {
    await serve({ mode: 'stls', tls: certs.selfSigned });
    const report = await probe({ target: `localhost:${server!.port}`, ...alice }, { ca: certs.ca });
    expect(report.findings.map((f) => f.entry)).toEqual(['node-self-signed-cert']);
  });
});

describe('refusals that say how (item 9)', () => {
  it('popbot check on a private address names --allow-private, under its own step', async () => {
    const run = await check(['--tls', 'none', '127.0.0.77:110']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('--allow-private');
    expect(run.stdout).toMatch(/Safety check .*failed/);
    expect(run.stdout).not.toMatch(/DNS .*failed/);
  });

  it('in the shell and chat, the operator’s POPBOT_PROBE_ALLOW and POPBOT_PROBE_PORTS are named', async () => {
    const privateRefusal = await runProbe({ target: '127.0.0.77:110', tls: 'none' });
    expect(step(privateRefusal, 'guard').detail).toContain('POPBOT_PROBE_ALLOW');
    const portRefusal = await runProbe({ target: '127.0.0.77:2525', tls: 'none' });
    expect(step(portRefusal, 'guard').detail).toContain('POPBOT_PROBE_PORTS');
    expect(portRefusal.steps.map((s) => s.name)).not.toContain('dns');
  });

  it('--tls starttls is accepted beside stls', async () => {
    await serve({ mode: 'stls', tls: certs.valid });
    const run = await check(['--json', '--tls', 'starttls', '--allow-private', `localhost:${server!.port}`]);
    const report = JSON.parse(run.stdout) as ProbeReport;
    expect(step(report, 'stls').status).toBe('ok');
  });
});

describe('certificates (item 10)', () => {
  it('a CA-signed certificate for an IP address is verified like tls.connect does', async () => {
    await serve({ mode: 'implicit', tls: ipOnlyCert(), host: '127.0.0.3' });
    const report = await probe({ target: `127.0.0.3:${server!.port}`, tls: 'implicit' }, { ca: certs.ca });
    expect(report.tls).toMatchObject({ trusted: true, hostMatch: true });
    expect(report.exitCode).toBe(0);
  });

  it.each([
    ['self-signed', 'selfSigned', 'node-self-signed-cert'],
    ['for another name', 'wrongHost', 'node-altname-invalid'],
  ] as const)(
    'a certificate %s: --insecure is mentioned, the computer’s clock is not',
    async (_, which, entry) => {
      await serve({ mode: 'implicit', tls: certs[which] });
      const report = await probe({ target: `localhost:${server!.port}`, tls: 'implicit' }, { ca: certs.ca });
      const finding = report.findings[0]!;
      expect(finding.entry).toBe(entry);
      expect(finding.userSteps.join(' ')).toContain('--insecure');
      expect(text(report)).not.toMatch(/date and time|clock/i);
    },
  );

  it('an expired certificate keeps the advice about the computer’s clock', async () => {
    await serve({ mode: 'implicit', tls: certs.expired });
    const report = await probe({ target: `localhost:${server!.port}`, tls: 'implicit' }, { ca: certs.ca });
    expect(report.findings[0]?.entry).toBe('node-cert-has-expired');
    expect(report.findings[0]?.userSteps.join(' ')).toMatch(/date and time/);
  });

  it('no raw OpenSSL text reaches the report', async () => {
    await serve({});
    const report = await probe({ target: `127.0.0.1:${server!.port}`, tls: 'implicit' });
    expect(step(report, 'tls').code).toBe('tls.mismatch');
    expect(JSON.stringify(report)).not.toMatch(/deps\/openssl|ssl3_record\.c|error:0A0|Error:/);
  });
});

describe('timeouts and DNS (item 11)', () => {
  it('--timeout 5 keeps the wrong-port diagnosis, and says how long it waited', async () => {
    await serve({ mode: 'implicit', tls: certs.valid });
    const run = await check([
      '--json',
      '--tls',
      'none',
      '--timeout',
      '5',
      '--allow-private',
      `localhost:${server!.port}`,
    ]);
    const report = JSON.parse(run.stdout) as ProbeReport;
    const greeting = step(report, 'greeting');
    expect(greeting.code).toBe('tls.mismatch');
    expect(greeting.detail).not.toMatch(/\b0 s\b/);
  });

  const failingResolver = (code: string): Resolver => ({
    lookup: async (host) => {
      throw Object.assign(new Error(`getaddrinfo ${code} ${host}`), { code });
    },
    resolveSrv: async () => [],
  });

  it('EAI_AGAIN is "the resolver could not be reached", not "no such host"; advice names the host', async () => {
    const resolver = failingResolver('EAI_AGAIN');
    const report = await probe(
      { target: 'pop.gmail.com:995', tls: 'implicit' },
      { resolver, guard: new ProbeGuard({ resolver }) },
    );
    const dns = step(report, 'dns');
    expect(dns.detail).toContain('resolver could not be reached');
    expect(dns.detail).not.toContain('no such host');
    expect(report.findings[0]?.userSteps.join(' ')).toContain('nslookup pop.gmail.com');
    expect(text(report)).not.toContain('pop.example.com');
  });

  it('ENOTFOUND is "no such host name", advice with the host checked', async () => {
    const resolver = failingResolver('ENOTFOUND');
    const report = await probe(
      { target: 'pop.nowhere.example:995', tls: 'implicit' },
      { resolver, guard: new ProbeGuard({ resolver }) },
    );
    expect(step(report, 'dns').detail).toContain('no such host name');
    expect(report.findings[0]?.userSteps.join(' ')).toContain('nslookup pop.nowhere.example');
  });
});

describe('details (item 12)', () => {
  it.each([
    ['10', 'en', 'wait at least 10 s between two checks'],
    ['900', 'en', 'wait at least 15 min between two checks'],
    ['10', 'fr', 'attendre au moins 10 s entre'],
    ['10', 'vi', 'phải chờ ít nhất 10 giây'],
  ] as const)('LOGIN-DELAY %s is glossed in seconds or minutes (%s)', async (delay, lang, gloss) => {
    await serve({ mode: 'stls', tls: certs.valid, capabilities: ['USER', 'UIDL', `LOGIN-DELAY ${delay}`] });
    const report = await probe({ target: `localhost:${server!.port}`, tls: 'stls', lang }, { ca: certs.ca });
    const cap = report.capabilities.before?.find((c) => c.name === 'LOGIN-DELAY');
    expect(cap?.gloss).toContain(gloss);
  });

  it('admin steps for another product are left out; neutral ones stay', async () => {
    await serve({
      mode: 'stls',
      tls: certs.valid,
      greeting: '+OK Solid POP3 server ready <1.2@pop.test>',
      capabilities: ['USER', 'UIDL'],
      handlers: { PASS: (s) => s.write('-ERR [AUTH] Authentication failed.') },
    });
    const report = await probe(
      { target: `localhost:${server!.port}`, tls: 'stls', ...alice },
      { ca: certs.ca },
    );
    expect(report.server?.software).toBe('Solid POP3');
    const advice = report.findings.flatMap((f) => [...f.adminSteps, ...f.userSteps]).join(' ');
    expect(advice).not.toMatch(/doveadm|authtest|Exchange|imapd\.conf/i);
  });
});

describe('the report in French and Vietnamese', () => {
  it('French: typographic spaces before : ; ! ? and inside « », nothing left in English', async () => {
    const port = await closedPort();
    const report = await probe({ target: `127.0.0.1:${port}`, tls: 'none', lang: 'fr' });
    const out = text(report);
    expect(out).toContain('\u00a0:');
    // A plain space before a colon or a semicolon is the English habit; French uses a no-break space.
    expect(out).not.toMatch(/ [:;!?](?=\s|$)/m);
    expect(out).not.toMatch(/\bError\b|failed|Connection refused/);
    expect(out).toContain('Connexion refusée');
  });

  it('Vietnamese: step names, statuses and details in Vietnamese', async () => {
    const port = await closedPort();
    const report = await probe({ target: `127.0.0.1:${port}`, tls: 'none', lang: 'vi' });
    const out = text(report);
    expect(out).toContain('bị từ chối');
    expect(out).not.toMatch(/\b(failed|skipped|Connect|plain)\b/);
  });
});
