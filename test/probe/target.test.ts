import { describe, expect, it } from 'vitest';
import { parseCapabilities } from '../../src/probe/capabilities.js';
import { parseTarget, targetCandidates } from '../../src/probe/target.js';
import type { Resolver } from '../../src/probe/types.js';

const noDns: Resolver = {
  lookup: async () => [],
  resolveSrv: async () => {
    throw Object.assign(new Error('queryTxt ENODATA'), { code: 'ENODATA' });
  },
};

describe('reading the target', () => {
  it.each([
    ['pop.example.com', { host: 'pop.example.com', port: undefined, discover: false }],
    ['pop.example.com:995', { host: 'pop.example.com', port: 995, discover: false }],
    ['[2001:db8::1]:110', { host: '2001:db8::1', port: 110, discover: false }],
    ['2001:db8::1', { host: '2001:db8::1', port: undefined, discover: false }],
    ['alice@example.com', { host: 'example.com', port: undefined, discover: true }],
    ['example.com', { host: 'example.com', port: undefined, discover: true }],
    ['localhost', { host: 'localhost', port: undefined, discover: false }],
    ['Mél.Example.FR', { host: 'xn--ml-bja.example.fr', port: undefined, discover: true }],
  ])('%s', (input, expected) => {
    expect(parseTarget(input)).toEqual(expected);
  });

  it.each(['', 'a b', 'host:0', 'host:70000', '[zz]:1', 'host:port'])('refuses %j', (input) => {
    expect(parseTarget(input)).toBeUndefined();
  });
});

describe('finding the POP server of a domain, saying where it came from', () => {
  it('prefers RFC 6186 SRV records, _pop3s before _pop3', async () => {
    const resolver: Resolver = {
      ...noDns,
      resolveSrv: async (name) =>
        name.startsWith('_pop3s.')
          ? [{ name: 'pop.mx.example.net', port: 995, priority: 10, weight: 0 }]
          : [{ name: 'plain.example.net', port: 110, priority: 0, weight: 0 }],
    };
    const list = await targetCandidates(parseTarget('bob@example.com')!, resolver);
    expect(list[0]).toEqual({
      host: 'pop.mx.example.net',
      port: 995,
      tls: 'implicit',
      source: 'srv',
      via: '_pop3s._tcp.example.com',
    });
    expect(list[1]).toMatchObject({ host: 'plain.example.net', tls: 'stls', via: '_pop3._tcp.example.com' });
  });

  it('ignores an SRV target of "." (service not provided)', async () => {
    const resolver: Resolver = {
      ...noDns,
      resolveSrv: async () => [{ name: '.', port: 0, priority: 0, weight: 0 }],
    };
    const list = await targetCandidates(parseTarget('example.org')!, resolver);
    expect(list.map((c) => c.source)).toEqual(['guess', 'guess', 'guess', 'guess']);
  });

  it('then the provider table', async () => {
    const list = await targetCandidates(parseTarget('someone@gmail.com')!, noDns);
    expect(list).toEqual([
      { host: 'pop.gmail.com', port: 995, tls: 'implicit', source: 'provider', via: 'Gmail' },
    ]);
  });

  it('then pop., pop3., mail. guesses and the name itself', async () => {
    const list = await targetCandidates(parseTarget('example.org')!, noDns);
    expect(list.map((c) => c.host)).toEqual([
      'pop.example.org',
      'pop3.example.org',
      'mail.example.org',
      'example.org',
    ]);
  });
});

describe('capability glosses', () => {
  it('shows LOGIN-DELAY in minutes and glosses in each language', () => {
    const [delay] = parseCapabilities(['LOGIN-DELAY 900'], 'en');
    expect(delay?.gloss).toBe('wait at least 15 min between two checks for mail');
    const [fr] = parseCapabilities(['UIDL'], 'fr');
    expect(fr?.gloss).toContain('identifiant permanent');
    const [vi] = parseCapabilities(['SASL PLAIN LOGIN'], 'vi');
    expect(vi?.gloss).toBe('các cách đăng nhập: PLAIN LOGIN');
    const [expire] = parseCapabilities(['EXPIRE NEVER'], 'en');
    expect(expire?.gloss).toBe('never deletes messages by itself');
    const [unknown] = parseCapabilities(['X-FOO bar'], 'en');
    expect(unknown).toEqual({ name: 'X-FOO', args: ['bar'], gloss: '' });
  });
});
