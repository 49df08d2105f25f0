import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderProbeText } from '../../src/probe/render.js';
import type { ProbeReport, ProbeRequest } from '../../src/probe/types.js';
import { makeTestCerts, type TestCerts } from '../support/certs.js';
import { popClient } from '../support/pop-servers-client.js';
import {
  type PopServer,
  type PopServerOptions,
  popServersMissing,
  startPopServer,
} from '../support/pop-servers.js';
import { probe, step } from './helpers.js';

/**
 * Issue #15 against the real servers that showed it: GNU Mailutils' pop3d, popa3d and solid-pop3d
 * (test/support/pop-servers.ts). Each scenario checks what the report names, what it says about
 * encryption, and what it recommends. POPBOT_PRINT_REPORTS=1 prints every report.
 */

const missing = popServersMissing();
const inCI = process.env.CI === 'true' || process.env.CI === '1';

const alice = { user: 'alice', password: 'correct horse' };

describe.skipIf(missing !== undefined && !inCI)('the probe against real Debian POP servers', () => {
  let certs: TestCerts;
  const running: PopServer[] = [];
  const start = async (options: PopServerOptions) => {
    const server = await startPopServer(options);
    running.push(server);
    return server;
  };
  const check = async (server: PopServer, request: Omit<ProbeRequest, 'target'>) => {
    const report = await probe({ target: `${server.host}:${server.port}`, ...request }, { ca: certs.ca });
    if (process.env.POPBOT_PRINT_REPORTS) {
      console.log(`### ${server.kind} ${server.tls} ${JSON.stringify(request)}\n${text(report)}`);
    }
    return report;
  };
  const text = (report: ProbeReport) => renderProbeText(report, report.lang, { color: false });
  const entries = (report: ProbeReport) => report.findings.map((f) => f.entry);

  beforeAll(() => {
    if (missing) throw new Error(`CI=true but the real POP servers cannot run: ${missing}`);
    certs = makeTestCerts();
  });
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    certs?.cleanup();
  });

  describe.each(['popa3d', 'solid-pop3d', 'mailutils'] as const)('%s without any TLS', (kind) => {
    it('--tls stls: "this server offers no STLS" (tls.unavailable), never "unknown command"', async () => {
      const server = await start({ kind });
      const report = await check(server, { tls: 'stls', ...alice });
      const stls = step(report, 'stls');
      expect(stls.status).toBe('fail');
      expect(stls.code).toBe('tls.unavailable');
      expect(stls.detail).toContain('offers no STLS');
      expect(report.findings.map((f) => f.category)).toEqual(['tls.unavailable']);
      expect(report.findings[0]?.userSteps.join(' ')).not.toMatch(/UIDL|account type/i);
      expect(report.settings).toBeUndefined();
    });

    it('--tls auto: says plainly that the server offers no encryption; no advice to switch to port 995', async () => {
      const server = await start({ kind });
      const report = await check(server, { ...alice });
      expect(report.encryption).toBe('none-offered');
      expect(text(report)).toContain('This server offers no encryption');
      // The SSL/TLS try was popbot's own: a step, not the user's problem.
      expect(entries(report)).toEqual(['tls-support-not-available']);
      expect(report.findings[0]?.userSteps[0]).toContain('offers no encryption');
      expect(report.findings[0]?.userSteps.join(' ')).not.toMatch(/(Switch|Try).{0,40}995/);
      expect(report.settings).toBeUndefined();
      expect(report.exitCode).toBe(2);
    });

    it('--tls auto --allow-plaintext: checks the login in clear and then recommends no encryption, saying why', async () => {
      const server = await start({ kind });
      const report = await check(server, { ...alice, allowPlaintext: true });
      expect(report.loginVerified).toBe(true);
      expect(report.settings).toMatchObject({ encryption: 'none', authentication: 'normal password' });
      expect(text(report)).toContain('This server offers no encryption');
      expect(report.exitCode).toBe(1);
    });

    it('a wrong password is auth.failed, with no admin step for another server product', async () => {
      const server = await start({ kind });
      const report = await check(server, { tls: 'none', allowPlaintext: true, ...alice, password: 'wrong' });
      const login = step(report, 'login');
      expect(login.status).toBe('fail');
      expect(login.code).toBe('auth.failed');
      const advice = report.findings.flatMap((f) => [...f.adminSteps, ...f.userSteps]).join(' ');
      expect(advice).not.toMatch(/doveadm|authtest|Get-PopSettings|Exchange|imapd\.conf/i);
    });

    it('--tls none on an implicit-TLS port: explained as plain text sent to an SSL/TLS port', async () => {
      const server = await start({ kind, tls: 'implicit', cert: certs.valid });
      const report = await check(server, {
        tls: 'none',
        ...alice,
        timeouts: { stepMs: 1500, totalMs: 8000 },
      });
      const greeting = step(report, 'greeting');
      expect(greeting.code).toBe('tls.mismatch');
      expect(entries(report)).toEqual(['plain-text-to-implicit-tls-port']);
      expect(text(report)).not.toMatch(
        /TLS was started on a port that speaks plain text|wrong version number/,
      );
    });
  });

  describe('Mailutils requiring TLS (XTLSREQUIRED, no USER before STLS)', () => {
    it('--tls none --allow-plaintext: the refused USER is tls.required, not command.state', async () => {
      const server = await start({ kind: 'mailutils', tls: 'stls-required', cert: certs.valid });
      const report = await check(server, { tls: 'none', allowPlaintext: true, ...alice });
      expect(step(report, 'login').code).toBe('tls.required');
      expect(text(report)).not.toMatch(/Exchange|Get-PopSettings|command\.state/);
    });

    it('--tls none: no password sent, tls.required from CAPA, and the way to encrypt is said', async () => {
      const server = await start({ kind: 'mailutils', tls: 'stls-required', cert: certs.valid });
      const report = await check(server, { tls: 'none', ...alice, transcript: true });
      expect(step(report, 'login').code).toBe('tls.required');
      expect(report.transcript?.some((l) => /^(USER|PASS)/.test(l.text))).toBe(false);
      expect(report.findings[0]?.userSteps[0]).toContain('STARTTLS');
      expect(report.settings).toBeUndefined();
    });

    it('--tls auto: logs in over STARTTLS, recommends it, and shows CAPA before STLS, after STLS and after login', async () => {
      const server = await start({ kind: 'mailutils', tls: 'stls-required', cert: certs.valid });
      const report = await check(server, { ...alice });
      expect(report.settings).toMatchObject({ encryption: 'starttls', authentication: 'normal password' });
      expect(report.findings).toEqual([]);
      expect(report.capabilities.before?.map((c) => c.name)).toContain('XTLSREQUIRED');
      expect(report.capabilities.afterStls?.map((c) => c.name)).toContain('USER');
      expect(report.capabilities.afterLogin).toBeDefined();
      const out = text(report);
      expect(out).toContain('Capabilities before encryption (CAPA)');
      expect(out).toContain('Capabilities after STLS');
      expect(out).toContain('Capabilities after login');
      expect(report.exitCode).toBe(0);
    });
  });

  describe('APOP', () => {
    it('solid-pop3d: APOP logs in over plain text without --allow-plaintext, and never claims the password went in clear', async () => {
      const server = await start({ kind: 'solid-pop3d', apop: { alice: 'correct horse' } });
      const report = await check(server, { tls: 'none', apop: true, ...alice });
      expect(step(report, 'login').status).toBe('ok');
      expect(step(report, 'login').detail).toContain('APOP');
      expect(text(report)).not.toMatch(/sent without encryption/);
      expect(report.settings).toBeUndefined(); // logged in, but in clear: nothing recommended over --tls none
    });

    it('solid-pop3d: a refused APOP is the finding; the normal password is tried on a new connection', async () => {
      const server = await start({ kind: 'solid-pop3d', apop: { alice: 'another secret' } });
      const report = await check(server, { tls: 'none', apop: true, allowPlaintext: true, ...alice });
      const [apop, fallback] = report.steps.filter((s) => s.name === 'login');
      expect(apop?.status).toBe('fail');
      expect(apop?.code).toBe('auth.mechanism');
      expect(fallback?.status).toBe('warn');
      expect(fallback?.attempt).not.toBe(apop?.attempt);
      expect(report.findings.map((f) => f.category)).not.toContain('connect.reset');
      expect(report.loginVerified).toBe(true);
    });

    it('Mailutils: APOP from its database works', async () => {
      const server = await start({ kind: 'mailutils', apop: { alice: 'correct horse' } });
      const report = await check(server, { tls: 'none', apop: true, ...alice });
      expect(step(report, 'login').status).toBe('ok');
    });
  });

  it('a second session while the first holds the mailbox: what each server says is explained', async () => {
    for (const kind of ['mailutils', 'solid-pop3d'] as const) {
      const server = await start({ kind });
      const holder = await popClient(server);
      await holder.send('USER alice');
      expect(await holder.send('PASS correct horse')).toMatch(/^\+OK/);
      const report = await check(server, { tls: 'none', allowPlaintext: true, ...alice });
      holder.close();
      const login = step(report, 'login');
      if (login.status === 'fail') expect(login.code).toMatch(/^mailbox\./);
      else expect(step(report, 'stat').status).toBe('ok');
    }
  });
});
