import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellPopcheck } from '../../adapters/shell/popcheck.js';
import { runShell } from '../../adapters/shell/shell.js';
import { InFlight } from '../../src/chat/in-flight.js';
import { type PopcheckReplies, planPopcheck, runPopcheck } from '../../src/chat/popcheck.js';
import { chat } from '../../src/i18n/chat-messages.js';
import { probeMessages } from '../../src/i18n/probe-messages.js';
import { guardOptionsFromEnv, ProbeGuard } from '../../src/probe/guard.js';
import { RateLimiter } from '../../src/probe/rate-limit.js';
import { runProbe } from '../../src/probe/run-probe.js';
import type { ProbeReport } from '../../src/probe/types.js';
import { captureLogger } from '../discord/fakes.js';
import { type FakePopServer, startFakePopServer } from '../support/fake-pop-server.js';

/** The one /popcheck flow every adapter uses, with the real probe against POP servers on loopback. */

const plan = (text: string, extra: { user?: string; public?: boolean } = {}, chatLogin = false) =>
  planPopcheck({ text, ...extra }, { chatLogin, lang: (explicit) => explicit ?? 'en' });

describe('planPopcheck: what a /popcheck asks for', () => {
  it('a host, a port and `public` make a check; lang:fr sets the language', async () => {
    expect(await plan('pop.example.com 995 public lang:fr')).toEqual({
      kind: 'check',
      lang: 'fr',
      target: { host: 'pop.example.com', port: 995, public: true },
    });
  });

  it('a platform option for `public` outranks the text', async () => {
    const p = await plan('pop.example.com', { public: true });
    expect(p).toMatchObject({ kind: 'check', target: { public: true } });
  });

  it('no host is a usage notice; a password typed in is refused without repeating it', async () => {
    expect(await plan('')).toEqual({
      kind: 'refused',
      lang: 'en',
      reason: 'usage',
      text: chat.t('en', 'usage.popcheck'),
    });
    const refused = await plan('pop.example.com joe hunter2secret lang:vi');
    expect(refused).toMatchObject({ kind: 'refused', lang: 'vi', reason: 'password-in-command' });
    expect(JSON.stringify(refused)).not.toContain('hunter2secret');
  });

  it('a user (in the text or a separate option) asks for a login: refused unless chat logins are on', async () => {
    expect(await plan('pop.example.com joe')).toMatchObject({
      kind: 'refused',
      reason: 'chat-login-disabled',
    });
    expect(await plan('pop.example.com', { user: 'joe' }, true)).toEqual({
      kind: 'login',
      lang: 'en',
      target: { host: 'pop.example.com', public: false },
      user: 'joe',
    });
  });
});

describe('runPopcheck: one flow, one rate limiter for every platform', () => {
  let pop: FakePopServer;
  let silent: FakePopServer;
  let guard: ProbeGuard;
  beforeAll(async () => {
    pop = await startFakePopServer({});
    // Accepts and never greets: a probe against it runs until cancelled.
    silent = await startFakePopServer({ greeting: null });
    guard = new ProbeGuard(
      guardOptionsFromEnv({
        POPBOT_PROBE_ALLOW: '127.0.0.0/8',
        POPBOT_PROBE_PORTS: `${pop.port},${silent.port}`,
      }),
    );
  });
  afterAll(async () => {
    await pop?.close();
    await silent?.close();
  });

  function recorder() {
    const said: string[] = [];
    const reports: ProbeReport[] = [];
    const replies: PopcheckReplies = {
      notice: async (text) => void said.push(`notice: ${text}`),
      started: async (text) => {
        said.push(`started: ${text}`);
        return true;
      },
      report: async (report) => void reports.push(report),
    };
    return { said, reports, replies };
  }

  it('says "checking…", runs the real probe behind the guard, and hands over the report', async () => {
    const { logger, lines } = captureLogger();
    const services = { guard, limiter: new RateLimiter(), runProbe, probes: new InFlight(), log: logger };
    const { said, reports, replies } = recorder();
    const outcome = await runPopcheck(
      services,
      { host: '127.0.0.1', port: pop.port, lang: 'en', who: { platform: 'slack', id: 'T1:U1' } },
      replies,
    );
    expect(outcome).toBe('done');
    expect(said).toEqual([`started: ${chat.t('en', 'checking', { target: `127.0.0.1:${pop.port}` })}`]);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.target.port).toBe(pop.port);
    expect(reports[0]!.steps.map((s) => s.name)).toContain('greeting');
    expect(pop.sessions.length).toBeGreaterThan(0);
    expect(lines.join('')).toMatch(/"msg":"check done"/);
  });

  it('the guard still refuses what it must (a port not allowed), reported like any failed step', async () => {
    const services = {
      guard,
      limiter: new RateLimiter(),
      runProbe,
      probes: new InFlight(),
      log: captureLogger().logger,
    };
    const { reports, replies } = recorder();
    const before = pop.connections;
    await runPopcheck(
      services,
      { host: '127.0.0.1', port: 2525, lang: 'en', who: { platform: 'discord', id: '42' } },
      replies,
    );
    expect(reports[0]!.exitCode).toBeGreaterThan(0);
    expect(pop.connections).toBe(before);
  });

  it('one limiter shared by Slack and Discord: a Discord check waits while a Slack one holds the only slot', async () => {
    const limiter = new RateLimiter({ maxConcurrent: 1 });
    const inFlight = new InFlight();
    const services = { guard, limiter, runProbe, probes: inFlight, log: captureLogger().logger };
    const slack = recorder();
    const discord = recorder();
    const started = new Promise<void>((resolve) => {
      slack.replies.started = async (text) => {
        slack.said.push(`started: ${text}`);
        resolve();
        return true;
      };
    });
    const running = inFlight.track(() =>
      runPopcheck(
        services,
        { host: '127.0.0.1', port: silent.port, lang: 'en', who: { platform: 'slack', id: 'T1:U1' } },
        slack.replies,
      ),
    );
    await started;
    const refused = await runPopcheck(
      services,
      { host: '127.0.0.1', port: pop.port, lang: 'fr', who: { platform: 'discord', id: '42' } },
      discord.replies,
    );
    expect(refused).toBe('rate-limited');
    expect(discord.said).toHaveLength(1);
    expect(discord.said[0]).toMatch(/^notice: /);
    expect(discord.reports).toEqual([]);
    // Shutdown cancels the running probe at once: its user gets a report, and the slot is free again.
    expect(await inFlight.drain(5_000)).toBe(true);
    await running;
    expect(slack.reports).toHaveLength(1);
    expect(limiter.active).toBe(0);
  });

  it('a platform that cannot say "checking…" (an expired interaction) runs no probe', async () => {
    const services = {
      guard,
      limiter: new RateLimiter(),
      runProbe,
      probes: new InFlight(),
      log: captureLogger().logger,
    };
    const before = pop.connections;
    const { replies, reports } = recorder();
    replies.started = async () => false;
    const outcome = await runPopcheck(
      services,
      { host: '127.0.0.1', port: pop.port, lang: 'en', who: { platform: 'discord', id: '42' } },
      replies,
    );
    expect(outcome).toBe('not-started');
    expect(reports).toEqual([]);
    expect(pop.connections).toBe(before);
    expect(services.limiter.active).toBe(0);
  });

  it('the shell runs /popcheck through the same flow, and refuses a login there', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const popcheck = shellPopcheck({
      env: { POPBOT_PROBE_ALLOW: '127.0.0.0/8', POPBOT_PROBE_PORTS: String(pop.port) },
      color: false,
      live: false,
    });
    const done = runShell({ input, output, fallbackLang: 'en', popcheck });
    input.end(`/popcheck 127.0.0.1 ${pop.port}\n/popcheck 127.0.0.1 ${pop.port} joe\n`);
    await done;
    expect(text).toContain(chat.t('en', 'checking', { target: `127.0.0.1:${pop.port}` }));
    // The report, whole at the end when piped: its greeting step quotes the fake server.
    expect(text).toContain(probeMessages.t('en', 'step.greeting'));
    expect(text).toContain('fake POP3 ready');
    expect(text).toContain(chat.t('en', 'chat-login-disabled'));
  });
});
