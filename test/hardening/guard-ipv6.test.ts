import { isIP } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { ProbeGuard } from '../../src/probe/guard.js';
import { classifyAddress, parseAddress } from '../../src/probe/ip.js';
import type { Resolver } from '../../src/probe/types.js';

/**
 * IPv6 forms that hide an internal IPv4 address, or name a local network, that the hand-written classifier
 * took for public (issue #16 item 12). Each goes through the real guard, as a literal and as what a name
 * resolves to. The rest of the refusal table is test/probe/guard.test.ts.
 */

function resolverFor(address: string): Resolver {
  return {
    lookup: async (): Promise<LookupAddress[]> => [{ address, family: isIP(address) === 6 ? 6 : 4 }],
    resolveSrv: async () => [],
  };
}

describe('IPv6 forms the guard refuses', () => {
  it.each([
    ['IPv4-translated loopback (RFC 2765), hex', '::ffff:0:7f00:1', 'loopback'],
    ['IPv4-translated loopback, dotted', '::ffff:0:127.0.0.1', 'loopback'],
    ['IPv4-translated metadata', '::ffff:0:a9fe:a9fe', 'metadata'],
    ['local-use NAT64 (RFC 8215)', '64:ff9b:1::a00:1', 'private'],
    ['local-use NAT64 of a public-looking address', '64:ff9b:1:5db8:d822::', 'private'],
    ['well-known NAT64 of loopback', '64:ff9b::7f00:1', 'loopback'],
    ['well-known NAT64 of the metadata address', '64:ff9b::169.254.169.254', 'metadata'],
    ['6to4 of a private address', '2002:c0a8:101::1', 'private'],
    ['Teredo whose client is loopback', '2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback'],
    ['IPv4-mapped metadata in hex', '::ffff:a9fe:a9fe', 'metadata'],
    ['documentation prefix', '2001:db8::1', 'reserved'],
  ])('%s: %s', async (_name, address, expected) => {
    expect(classifyAddress(parseAddress(address)!)).toBe(expected);
    const literal = await new ProbeGuard({ resolver: resolverFor(address) }).check(address, 995);
    expect(literal).toMatchObject({ ok: false, code: 'guard.private-address' });
    const named = await new ProbeGuard({ resolver: resolverFor(address) }).check('pop.example.com', 995);
    expect(named).toMatchObject({ ok: false, code: 'guard.private-address' });
  });

  it('still lets public addresses of both families through, embedded or not', async () => {
    for (const address of [
      '93.184.216.34',
      '2606:2800:220:1:248:1893:25c8:1946',
      '64:ff9b::5db8:d822',
      '::ffff:8.8.8.8',
    ]) {
      expect(classifyAddress(parseAddress(address)!), address).toBe('public');
      const result = await new ProbeGuard({ resolver: resolverFor(address) }).check('pop.example.com', 995);
      expect(result, address).toMatchObject({ ok: true });
    }
  });

  it('connects to the canonical form of what it checked', () => {
    expect(parseAddress('[::FFFF:0:7F00:1]')?.text).toBe('::ffff:0:7f00:1');
    expect(parseAddress('0x7f.1')?.text).toBe('127.0.0.1');
  });
});
