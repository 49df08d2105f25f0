import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCerts, type TestCerts } from '../support/certs.js';
import { popClient } from '../support/pop-servers-client.js';
import {
  POP_SERVER_KINDS,
  type PopServer,
  type PopServerOptions,
  popServersMissing,
  startPopServer,
} from '../support/pop-servers.js';

/**
 * The harness itself: each real Debian POP server starts on loopback, checks passwords, speaks APOP
 * where it can, and offers the TLS modes asked for — before any probe test relies on it.
 */

const missing = popServersMissing();
const inCI = process.env.CI === 'true' || process.env.CI === '1';
if (missing && !inCI) console.warn(`real POP servers skipped: ${missing}`);

describe.skipIf(missing !== undefined && !inCI)('the real POP servers harness', () => {
  let certs: TestCerts;
  const running: PopServer[] = [];
  const start = async (options: PopServerOptions) => {
    const server = await startPopServer(options);
    running.push(server);
    return server;
  };

  beforeAll(() => {
    if (missing) throw new Error(`CI=true but the real POP servers cannot run: ${missing}`);
    certs = makeTestCerts();
  });
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    certs?.cleanup();
  });

  describe.each(POP_SERVER_KINDS)('%s without TLS', (kind) => {
    it('logs alice in with her password and lists her two messages', async () => {
      const server = await start({ kind });
      const pop = await popClient(server);
      expect(pop.greeting).toMatch(/^\+OK/);
      expect(await pop.send('USER alice')).toMatch(/^\+OK/);
      expect(await pop.send('PASS correct horse')).toMatch(/^\+OK/);
      expect(await pop.send('STAT')).toMatch(/^\+OK 2 \d+/);
      await pop.send('QUIT');
      pop.close();
    });

    it('refuses a wrong password', async () => {
      const server = await start({ kind });
      const pop = await popClient(server);
      await pop.send('USER alice');
      expect(await pop.send('PASS wrong')).toMatch(/^-ERR/);
      pop.close();
    });
  });

  describe.each(['mailutils', 'solid-pop3d'] as const)('%s with APOP', (kind) => {
    it('accepts the APOP digest of the secret and refuses a wrong one', async () => {
      const server = await start({ kind, apop: { alice: 'apop secret' } });
      const good = await popClient(server);
      expect(good.greeting).toMatch(/<[^>]+@[^>]+>/);
      expect(await good.send(`APOP alice ${good.apopDigest('apop secret')}`)).toMatch(/^\+OK/);
      good.close();
      const bad = await popClient(server);
      expect(await bad.send(`APOP alice ${bad.apopDigest('not it')}`)).toMatch(/^-ERR/);
      bad.close();
    });
  });

  it('popa3d refuses to be asked for APOP, since it has none', async () => {
    await expect(startPopServer({ kind: 'popa3d', apop: { alice: 'x' } })).rejects.toThrow(/no APOP/);
  });

  it('Mailutils with STLS offers STLS and USER, and logs in after the upgrade', async () => {
    const server = await start({ kind: 'mailutils', tls: 'stls', cert: certs.valid });
    const pop = await popClient(server);
    const capa = await pop.send('CAPA');
    expect(capa).toMatch(/^STLS$/m);
    expect(capa).toMatch(/^USER$/m);
    expect(await pop.send('STLS')).toMatch(/^\+OK/);
    await pop.startTls({ ca: certs.ca });
    expect(await pop.send('USER alice')).toMatch(/^\+OK/);
    expect(await pop.send('PASS correct horse')).toMatch(/^\+OK/);
    pop.close();
  });

  it('Mailutils requiring TLS announces XTLSREQUIRED, drops USER, and refuses USER before STLS', async () => {
    const server = await start({ kind: 'mailutils', tls: 'stls-required', cert: certs.valid });
    const pop = await popClient(server);
    const capa = await pop.send('CAPA');
    expect(capa).toMatch(/^XTLSREQUIRED$/m);
    expect(capa).not.toMatch(/^USER$/m);
    expect(await pop.send('USER alice')).toMatch(/^-ERR/);
    pop.close();
  });

  describe.each(POP_SERVER_KINDS)('%s on an implicit-TLS port', (kind) => {
    it('logs in over TLS from the first byte', async () => {
      const server = await start({ kind, tls: 'implicit', cert: certs.valid });
      const pop = await popClient({ ...server, implicitTls: { ca: certs.ca } });
      expect(pop.greeting).toMatch(/^\+OK/);
      await pop.send('USER alice');
      expect(await pop.send('PASS correct horse')).toMatch(/^\+OK/);
      pop.close();
    });
  });

  it('popa3d and solid-pop3d refuse STLS modes they cannot offer', async () => {
    await expect(startPopServer({ kind: 'popa3d', tls: 'stls', cert: certs.valid })).rejects.toThrow(
      /no STLS/,
    );
  });

  it('listens on the loopback address asked for', async () => {
    const server = await start({ kind: 'popa3d', host: '127.0.0.5' });
    const pop = await popClient(server);
    expect(server.host).toBe('127.0.0.5');
    expect(pop.greeting).toMatch(/^\+OK/);
    pop.close();
  });
});
