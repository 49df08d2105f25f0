import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { createSecureContext, TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/lang.js';
import { probeMessages } from '../../src/i18n/probe-messages.js';
import { type RateCode, RateLimiter } from '../../src/probe/rate-limit.js';
import type { ProbeReport, ProbeRequest } from '../../src/probe/types.js';
import { makeBot, sampleReport } from '../discord/bot-fixture.js';
import { apiSlash, opt, slashFrom } from '../discord/fakes.js';
import { probe, step } from '../probe/helpers.js';
import { type Harness, startHarness } from '../slack/harness.js';
import { makeTestCerts, type TestCerts } from '../support/certs.js';
import { runCli } from '../support/cli-io.js';
import { type FakePopServer, startFakePopServer } from '../support/fake-pop-server.js';
import { slashCommand } from '../support/slack-command.js';

/**
 * Abuse of the probe, where test/probe does not already cover it:
 * - the guard's refusal table (every address class and notation, names resolving to them, DNS rebinding)
 *   is test/probe/guard.test.ts, case by case;
 * - the per-user limit in en/fr/vi and the caps' arithmetic are test/probe/rate-limit.test.ts;
 * - endless line, huge greeting, fast endless CAPA, byte drip and an implicit-TLS handshake stall are
 *   test/probe/fake-server.test.ts.
 * Here: the caps' other refusals in every language and through each front end, and the hostile servers
 * those files do not play.
 */

const LANGS: Lang[] = ['en', 'fr', 'vi'];
/** "Try again in N s" as each language says it. */
const TRY_AGAIN: Record<Lang, RegExp> = {
  en: /Try again in (\d+) s\./,
  fr: /Réessayez dans (\d+)\s?s\./,
  vi: /Hãy thử lại sau (\d+) giây\./,
};

describe('the probe caps say "try again in N s" in the user’s language', () => {
  it.each(
    LANGS.flatMap((lang) => [
      ['rate.busy', lang, 'the global concurrency cap is reached'] as const,
      ['rate.user-busy', lang, 'the same user already has a probe running'] as const,
    ]),
  )('%s (%s): %s', (code: RateCode, lang, _why) => {
    const limiter = new RateLimiter({ maxConcurrent: 1, maxPerUserConcurrent: 1, busyRetryMs: 12_000 });
    const held = limiter.acquire(code === 'rate.busy' ? 'someone-else' : 'me');
    const refused = limiter.acquire('me', lang);
    expect(refused).toMatchObject({ ok: false, code, retryAfterS: 12 });
    if (!refused.ok) {
      expect(refused.message).toBe(probeMessages.t(lang, code, { seconds: 12 }));
      expect(refused.message.match(TRY_AGAIN[lang])?.[1]).toBe('12');
    }
    if (held.ok) held.release();
  });
});

/** A probe that runs until the test lets it finish, counting how many ran. */
function heldProbe() {
  const started: ProbeRequest[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const run = async (request: ProbeRequest): Promise<ProbeReport> => {
    started.push(request);
    await gate;
    return sampleReport(request);
  };
  return { started, run, release: () => release() };
}

describe('the global concurrency cap through the chat front ends', () => {
  it('Discord: while one probe runs, other users get "too many checks, try again in N s" in their locale, without a defer or a probe', async () => {
    const held = heldProbe();
    const { bot } = makeBot({
      probe: held.run,
      limiter: new RateLimiter({ maxConcurrent: 1, busyRetryMs: 9_000 }),
    });
    const first = slashFrom(
      apiSlash('popcheck', [opt.string('host', 'pop.example.com')], { userId: '600000000000000001' }),
    );
    const running = bot.onSlashCommand(first);
    while (held.started.length === 0) await new Promise((r) => setTimeout(r, 5));
    for (const lang of LANGS) {
      const other = slashFrom(
        apiSlash('popcheck', [opt.string('host', 'pop.example.org')], {
          locale: lang === 'en' ? 'en-US' : lang,
          userId: `60000000000000010${LANGS.indexOf(lang)}`,
        }),
      );
      await bot.onSlashCommand(other);
      expect(other.calls.map((c) => c.method)).toEqual(['reply']);
      const content = (other.calls[0]?.payload as { content?: string } | undefined)?.content;
      expect(content).toBe(probeMessages.t(lang, 'rate.busy', { seconds: 9 }));
    }
    expect(held.started).toHaveLength(1);
    held.release();
    await running;
    expect(first.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
  });

  describe('Slack', () => {
    let h: Harness;
    const held = heldProbe();
    beforeAll(async () => {
      h = await startHarness(
        {},
        { runProbe: held.run, rateLimiter: new RateLimiter({ maxConcurrent: 1, busyRetryMs: 8_000 }) },
      );
      h.slack.locales.set('U0FR', 'fr-FR');
      h.slack.locales.set('U0VI', 'vi-VN');
    });
    afterAll(async () => {
      held.release();
      await h?.stop();
    });

    it('while one probe runs, other users get "too many checks, try again in N s" in their Slack locale', async () => {
      // The first user's probe: "checking…" is posted, then the probe holds its slot.
      const first = slashCommand(h, '/popcheck', 'pop.example.com', { user: 'U0EN', count: 2 });
      while (held.started.length === 0) await new Promise((r) => setTimeout(r, 5));
      for (const [user, lang] of [
        ['U0FR', 'fr'],
        ['U0VI', 'vi'],
        ['U0EN2', 'en'],
      ] as const) {
        const [reply] = await slashCommand(h, '/popcheck', 'pop.example.org', { user });
        expect(String(reply?.text)).toBe(probeMessages.t(lang, 'rate.busy', { seconds: 8 }));
      }
      expect(held.started).toHaveLength(1);
      held.release();
      await first;
    });
  });

  it('the shell: past five checks a minute, /popcheck says "try again in N s" in the shell’s language', async () => {
    // Refused targets are cheap and still count: a stranger cannot probe the guard without limit either.
    const checks = Array.from({ length: 6 }, () => '/popcheck 10.0.0.1').join('\n');
    for (const lang of LANGS) {
      const run = await runCli(['shell'], { stdin: `/lang ${lang}\n${checks}\n`, env: { NO_COLOR: '1' } });
      const refusals = run.stdout.split('\n').filter((l) => TRY_AGAIN[lang].test(l));
      // Five checks ran (each refused by the guard), the sixth was refused by the rate limit.
      expect(refusals, lang).toEqual([
        expect.stringContaining(probeMessages.t(lang, 'rate.user', { seconds: 60 }).slice(0, 20)),
      ]);
      expect(Number(refusals[0]?.match(TRY_AGAIN[lang])?.[1])).toBeGreaterThan(50);
    }
  });
});

// ---------------------------------------------------------------- hostile servers

let certs: TestCerts;
const closers: (() => Promise<unknown>)[] = [];
beforeAll(() => {
  certs = makeTestCerts();
});
afterAll(() => certs?.cleanup());
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(options: Parameters<typeof startFakePopServer>[0]): Promise<FakePopServer> {
  const server = await startFakePopServer(options);
  closers.push(() => server.close());
  return server;
}

/** A raw TCP server on loopback; every socket it accepted is destroyed and counted at close. */
async function rawServer(onSocket: (socket: Socket) => void): Promise<{ port: number; open: Set<Socket> }> {
  const open = new Set<Socket>();
  const server: Server = createServer((socket) => {
    open.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => open.delete(socket));
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    for (const s of open) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return { port: (server.address() as AddressInfo).port, open };
}

/** Waits (bounded) until the server has seen every probe connection close. */
async function allClosed(open: Set<Socket>): Promise<number> {
  for (let i = 0; i < 100 && open.size > 0; i++) await new Promise((r) => setTimeout(r, 10));
  return open.size;
}

/**
 * TLS on the server side over a gate: until `stall()`, bytes flow both ways; after it, the server stops
 * reading what the client sends (its TLS layer never sees another record).
 */
function gatedTls(raw: Socket, options: { maxVersion?: 'TLSv1.2' } = {}) {
  let open = true;
  const pipe = new Duplex({
    read() {},
    write(chunk, _enc, done) {
      if (!raw.destroyed) raw.write(chunk, () => done());
      else done();
    },
  });
  raw.on('data', (chunk: Buffer) => {
    if (open) pipe.push(chunk);
  });
  raw.on('close', () => pipe.destroy());
  const secure = new TLSSocket(pipe, {
    isServer: true,
    secureContext: createSecureContext({
      key: certs.valid.key,
      cert: certs.valid.cert,
      ...(options.maxVersion ? { maxVersion: options.maxVersion } : {}),
    }),
  });
  secure.on('error', () => {});
  return {
    secure,
    stall: () => {
      open = false;
    },
  };
}

describe('a malicious server cannot hold a probe (the cases test/probe does not play)', () => {
  it('STLS accepted, then the TLS handshake never answered: cut off at the step limit and reported', async () => {
    const server = await serve({
      tls: certs.valid,
      // +OK to STLS, then silence: the client's ClientHello is never answered.
      handlers: { STLS: (s) => s.write('+OK Begin TLS negotiation now.') },
    });
    const started = Date.now();
    const report = await probe(
      { target: `localhost:${server.port}`, tls: 'stls', timeouts: { stepMs: 400 } },
      { ca: certs.ca },
    );
    expect(step(report, 'tls').status).toBe('fail');
    expect(step(report, 'tls').detail).toMatch(/TLS handshake/);
    expect(report.exitCode).toBe(2);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('a TLS renegotiation request that the server then never completes: cut off at the step limit and reported', async () => {
    const { port, open } = await rawServer((raw) => {
      const { secure, stall } = gatedTls(raw, { maxVersion: 'TLSv1.2' });
      secure.on('secure', () => {
        // HelloRequest, then deaf: the client's new ClientHello is never read, the greeting never comes.
        secure.renegotiate({ rejectUnauthorized: false }, () => {});
        stall();
      });
    });
    const started = Date.now();
    const report = await probe(
      { target: `localhost:${port}`, tls: 'implicit', timeouts: { stepMs: 400 } },
      { ca: certs.ca },
    );
    expect(step(report, 'tls').status).toBe('ok');
    expect(step(report, 'greeting').status).toBe('fail');
    expect(report.exitCode).toBe(2);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(await allClosed(open)).toBe(0);
  });

  it('a server that renegotiates TLS over and over instead of greeting: cut off at the step limit and reported', async () => {
    let renegotiations = 0;
    const { port, open } = await rawServer((raw) => {
      const { secure } = gatedTls(raw, { maxVersion: 'TLSv1.2' });
      secure.setMaxListeners(0);
      const again = () => {
        if (secure.destroyed) return;
        renegotiations++;
        secure.renegotiate({ rejectUnauthorized: false }, (error) => error || again());
      };
      secure.on('secure', again);
    });
    const started = Date.now();
    const report = await probe(
      { target: `localhost:${port}`, tls: 'implicit', timeouts: { stepMs: 500 } },
      { ca: certs.ca },
    );
    expect(renegotiations).toBeGreaterThan(1);
    expect(step(report, 'greeting').status).toBe('fail');
    expect(report.exitCode).toBe(2);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(await allClosed(open)).toBe(0);
  });

  it('an endless multi-line response dripped slowly (a line every 50 ms, never the final dot): cut off at the step limit', async () => {
    const server = await serve({
      handlers: {
        CAPA: (s) => {
          s.write('+OK');
          let i = 0;
          s.every(50, () => s.write(`X-SLOW-${i++}`));
        },
      },
    });
    const started = Date.now();
    const report = await probe({
      target: `127.0.0.1:${server.port}`,
      tls: 'none',
      timeouts: { stepMs: 500 },
    });
    const capa = step(report, 'capa');
    expect(capa.status).not.toBe('ok');
    expect(capa.code).toBe('probe.drip');
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('every answer just inside the step limit: the whole probe is cut off at its total deadline, and `popbot check` reports it', async () => {
    // Every answer comes 300 ms late: well inside the 800 ms step limit, but seven steps need 2.1 s.
    const late =
      (...lines: string[]) =>
      (s: { write(l: string): void }) => {
        setTimeout(() => {
          for (const l of lines) s.write(l);
        }, 300);
      };
    const server = await serve({
      greeting: late('+OK slow server'),
      capabilities: ['USER'],
      handlers: {
        CAPA: late('+OK', 'USER', '.'),
        USER: late('+OK'),
        PASS: late('+OK'),
        STAT: late('+OK 0 0'),
        UIDL: late('+OK', '.'),
        QUIT: late('+OK'),
      },
      users: { alice: 'pw' },
    });
    const started = Date.now();
    const report = await probe({
      target: `127.0.0.1:${server.port}`,
      tls: 'none',
      user: 'alice',
      password: 'pw',
      allowPlaintext: true,
      timeouts: { stepMs: 800, totalMs: 1500 },
    });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1500 + 800);
    // Each step alone was within its limit: the greeting passed, yet the probe could not finish.
    expect(step(report, 'greeting').status).toBe('ok');
    expect(report.steps.some((s) => s.status === 'fail')).toBe(true);
    expect(report.exitCode).toBe(2);

    const cli = await runCli(
      [
        'check',
        '--tls',
        'none',
        '--allow-private',
        '--allow-plaintext',
        '--user',
        'alice',
        '--json',
        '--timeout',
        '1',
        `127.0.0.1:${server.port}`,
      ],
      { env: { NO_COLOR: '1', POPBOT_PASSWORD: 'pw' } },
    );
    expect(cli.code).toBe(2);
    expect((JSON.parse(cli.stdout) as ProbeReport).steps.some((s) => s.status === 'fail')).toBe(true);
  });
});
