import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { GuardConfigError, guardOptionsFromEnv, ProbeGuard } from '../../src/probe/guard.js';
import { classifyAddress, parseAddress } from '../../src/probe/ip.js';
import { runProbe } from '../../src/probe/run-probe.js';
import type { Resolver } from '../../src/probe/types.js';

/** A resolver from a table; counts lookups per name, and may answer differently the second time. */
function tableResolver(table: Record<string, string[] | string[][]>) {
  const calls: Record<string, number> = {};
  const resolver: Resolver = {
    lookup: async (host) => {
      const n = (calls[host] ?? 0) + 1;
      calls[host] = n;
      const entry = table[host];
      if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      const answers = (
        Array.isArray(entry[0]) ? (entry[Math.min(n, entry.length) - 1] as string[]) : entry
      ) as string[];
      return answers.map((address): LookupAddress => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
    },
    resolveSrv: async () => [],
  };
  return { resolver, calls };
}

const PUBLIC = '93.184.216.34';
const { resolver } = tableResolver({
  'mail.example.com': [PUBLIC],
  'dual.example.com': [PUBLIC, '2606:2800:220:1:248:1893:25c8:1946'],
  'internal.example.com': ['10.1.2.3'],
  'sneaky.example.com': [PUBLIC, '127.0.0.1'],
  'meta.example.com': ['169.254.169.254'],
  'mapped.example.com': ['::ffff:192.168.1.1'],
  'ula.example.com': ['fd12:3456::1'],
});
const strict = new ProbeGuard({ resolver });

describe('the guard refuses what strangers must not reach', () => {
  it.each([
    ['loopback', '127.0.0.1'],
    ['loopback, elsewhere in 127/8', '127.5.6.7'],
    ['IPv6 loopback', '::1'],
    ['IPv6 loopback in brackets', '[::1]'],
    ['RFC 1918 10/8', '10.0.0.1'],
    ['RFC 1918 172.16/12', '172.31.255.255'],
    ['RFC 1918 192.168/16', '192.168.1.1'],
    ['link-local', '169.254.10.10'],
    ['cloud metadata (IPv4)', '169.254.169.254'],
    ['cloud metadata (AWS IPv6)', 'fd00:ec2::254'],
    ['CGNAT 100.64/10', '100.64.0.1'],
    ['CGNAT upper end', '100.127.255.254'],
    ['unspecified', '0.0.0.0'],
    ['this network 0/8', '0.1.2.3'],
    ['IPv6 unspecified', '::'],
    ['multicast', '224.0.0.1'],
    ['IPv6 multicast', 'ff02::1'],
    ['broadcast', '255.255.255.255'],
    ['ULA fc00::/7', 'fc00::1'],
    ['ULA fd00::/8', 'fd12:3456:789a::1'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv6 link-local with zone', 'fe80::1%eth0'],
    ['v4-mapped loopback', '::ffff:127.0.0.1'],
    ['v4-mapped loopback in hex', '::ffff:7f00:1'],
    ['v4-mapped private', '::ffff:10.0.0.1'],
    ['v4-compatible loopback', '::127.0.0.1'],
    ['NAT64 of a private address', '64:ff9b::10.0.0.1'],
    ['6to4 of loopback', '2002:7f00:1::1'],
    ['decimal IPv4 (2130706433)', '2130706433'],
    ['hex IPv4 (0x7f.1)', '0x7f.1'],
    ['hex IPv4, one part', '0x7f000001'],
    ['octal IPv4 (017700000001)', '017700000001'],
    ['octal dotted (0177.0.0.1)', '0177.0.0.1'],
    ['short IPv4 (127.1)', '127.1'],
    ['short IPv4 (10.1)', '10.1'],
    ['three-part IPv4 (127.0.1)', '127.0.1'],
    ['documentation range', '192.0.2.1'],
  ])('%s: %s', async (_name, host) => {
    const result = await strict.check(host, 995);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('guard.private-address');
  });

  it.each([
    ['resolves to a private address', 'internal.example.com'],
    ['resolves to a public and a loopback address', 'sneaky.example.com'],
    ['resolves to the metadata address', 'meta.example.com'],
    ['resolves to a v4-mapped private address', 'mapped.example.com'],
    ['resolves to a ULA address', 'ula.example.com'],
  ])('a name that %s', async (_name, host) => {
    const result = await strict.check(host, 995);
    expect(result).toMatchObject({ ok: false, code: 'guard.private-address' });
    // The refusal never tells a stranger what an internal name resolves to.
    if (!result.ok) expect(result.message).not.toMatch(/\d+\.\d+\.\d+\.\d+|::/);
  });

  it('refuses ports other than 110 and 995 unless configured', async () => {
    expect(await strict.check(PUBLIC, 25)).toMatchObject({ ok: false, code: 'guard.port' });
    expect(await strict.check(PUBLIC, 110)).toMatchObject({ ok: true });
    const custom = new ProbeGuard({ resolver, ports: [2995] });
    expect(await custom.check(PUBLIC, 2995)).toMatchObject({ ok: true });
    expect(await custom.check(PUBLIC, 995)).toMatchObject({ ok: false, code: 'guard.port' });
  });

  it('says a name does not resolve, with the resolver’s error line for the explainer', async () => {
    const result = await strict.check('nope.example.com', 995);
    expect(result).toMatchObject({ ok: false, code: 'guard.unresolvable' });
    if (!result.ok) expect(result.dnsCode).toBe('ENOTFOUND');
  });

  it('refuses targets that are not host names', async () => {
    for (const host of ['exa mple.com', 'a..b', '-bad.com', 'x'.repeat(300), 'evil.com\r\nUSER x']) {
      expect(await strict.check(host, 995)).toMatchObject({ ok: false, code: 'guard.invalid-target' });
    }
  });

  it('answers in the user’s language', async () => {
    const fr = await strict.check('10.0.0.1', 995, 'fr');
    const vi = await strict.check('10.0.0.1', 995, 'vi');
    expect(!fr.ok && fr.message).toContain('adresse privée');
    expect(!vi.ok && vi.message).toContain('địa chỉ riêng');
  });
});

describe('the guard allows', () => {
  it.each([
    ['a public IPv4', PUBLIC],
    ['a public IPv6', '2606:2800:220:1:248:1893:25c8:1946'],
    ['a name resolving to public addresses', 'dual.example.com'],
    ['100.63.255.255 (just below CGNAT)', '100.63.255.255'],
    ['172.32.0.1 (just above 172.16/12)', '172.32.0.1'],
  ])('%s: %s', async (_name, host) => {
    expect(await strict.check(host, 995)).toMatchObject({ ok: true });
  });

  it('a private range listed in POPBOT_PROBE_ALLOW, and only that range', async () => {
    const guard = new ProbeGuard({
      ...guardOptionsFromEnv({ POPBOT_PROBE_ALLOW: '10.1.2.0/24, fd12::/16' }),
      resolver,
    });
    expect(await guard.check('internal.example.com', 995)).toMatchObject({
      ok: true,
      addresses: [{ address: '10.1.2.3' }],
    });
    expect(await guard.check('ula.example.com', 995)).toMatchObject({ ok: true });
    expect(await guard.check('10.1.3.1', 995)).toMatchObject({ ok: false });
    expect(await guard.check('127.0.0.1', 995)).toMatchObject({ ok: false });
  });

  it('everything private with --allow-private, but still not cloud metadata', async () => {
    const guard = new ProbeGuard({ resolver, allowPrivate: true });
    expect(await guard.check('127.1', 995)).toMatchObject({
      ok: true,
      addresses: [{ address: '127.0.0.1' }],
    });
    expect(await guard.check('169.254.169.254', 995)).toMatchObject({
      ok: false,
      code: 'guard.private-address',
    });
  });
});

describe('no DNS rebinding', () => {
  it('resolves once and the probe connects only to the checked address', async () => {
    // First answer public, every later answer loopback: a second lookup would reach 127.0.0.1.
    const { resolver: rebinding, calls } = tableResolver({ 'rebind.example.com': [[PUBLIC], ['127.0.0.1']] });
    const connected: string[] = [];
    const report = await runProbe(
      { target: 'rebind.example.com:995', tls: 'implicit', timeouts: { stepMs: 50, totalMs: 500 } },
      {
        guard: new ProbeGuard({ resolver: rebinding }),
        resolver: rebinding,
        sockets: {
          tcp: ({ host }) => {
            connected.push(host);
            throw Object.assign(new Error(`connect ECONNREFUSED ${host}:995`), { code: 'ECONNREFUSED' });
          },
          tls: () => {
            throw new Error('unreachable');
          },
        },
      },
    );
    expect(calls['rebind.example.com']).toBe(1);
    expect(connected).toEqual([PUBLIC]);
    expect(report.target.addresses).toEqual([PUBLIC]);
  });
});

describe('odd notations, and why the guard parses them itself', () => {
  it('net.isIP rejects what getaddrinfo and new URL accept as IPv4', () => {
    for (const odd of ['2130706433', '0x7f.1', '017700000001', '127.1']) {
      expect(isIP(odd)).toBe(0);
      expect(new URL(`http://${odd}/`).hostname).toBe('127.0.0.1');
      expect(parseAddress(odd)?.text).toBe('127.0.0.1');
    }
  });

  it('rejects what is not an address in any notation', () => {
    for (const text of [
      '256.1.1.1',
      '1.2.3.4.5',
      '09.1.1.1',
      '4294967296',
      '1.16777216',
      'example.com',
      '1.2.3.',
    ]) {
      expect(parseAddress(text), text).toBeUndefined();
    }
  });

  it('classifies the embedded IPv4 of mapped and translated IPv6', () => {
    expect(classifyAddress(parseAddress('::ffff:8.8.8.8')!)).toBe('public');
    expect(classifyAddress(parseAddress('::ffff:169.254.169.254')!)).toBe('metadata');
  });

  it('rejects a malformed configuration, naming the variable and the value', () => {
    expect(() => guardOptionsFromEnv({ POPBOT_PROBE_ALLOW: '10.0.0.0/33' })).toThrow(
      /POPBOT_PROBE_ALLOW.*10\.0\.0\.0\/33/,
    );
    expect(() => guardOptionsFromEnv({ POPBOT_PROBE_PORTS: '110,http' })).toThrow(/POPBOT_PROBE_PORTS.*http/);
    expect(() => new ProbeGuard({ allow: ['nonsense'] })).toThrow(GuardConfigError);
    expect(guardOptionsFromEnv({ POPBOT_PROBE_PORTS: '110, 2995' })).toEqual({
      allow: [],
      ports: [110, 2995],
    });
  });
});
