import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nameHost } from '../../src/explain/example-host.js';
import { explain } from '../../src/explain/explain.js';
import { asHostName, findServerHost } from '../../src/explain/client-output/server-host.js';

const hostOf = (text: string) => findServerHost(text.split('\n'))?.host;

describe('the server a paste names', () => {
  it.each([
    ['mpop: network read error: the operation timed out\nhost = 127.0.0.2\nport = 995', '127.0.0.2'],
    [
      'fetchmail: 6.4.37 querying pop.mail-provider.invalid (protocol POP3) at Sun Dec  6 2026: poll started',
      'pop.mail-provider.invalid',
    ],
    ['fetchmail: Authorization failure on alicia@mail.example.net.br', 'mail.example.net.br'],
    ['fetchmail: Erreur « busy » sur bob@pop.laposte.net', 'pop.laposte.net'],
    [
      '* Host pop.gmx.net:995 was resolved.\n* Connected to pop.gmx.net (212.227.17.185) port 995',
      'pop.gmx.net',
    ],
    ['curl: (6) Could not resolve host: pop.mail-provider.invalid', 'pop.mail-provider.invalid'],
    ["Task 'pop.orange.fr - Receiving' reported error (0x800CCC0E)", 'pop.orange.fr'],
    ['La tâche « pop.orange.fr - Réception » a signalé l’erreur (0x800CCC0E)', 'pop.orange.fr'],
    [
      'Sending of password did not succeed. Mail server pop.free.fr responded: Authentication failed.',
      'pop.free.fr',
    ],
    [
      'getmailOperationError: SimplePOP3Retriever:joe@mail.isp.vn:110 failed to identify message',
      'mail.isp.vn',
    ],
    ["poplib.POP3_SSL('pop.yandex.ru', 995)", 'pop.yandex.ru'],
    ['openssl s_client -connect [2001:db8::25]:995', '[2001:db8::25]'],
    ['Error: getaddrinfo ENOTFOUND pop.mail.vn', 'pop.mail.vn'],
    ['Trying to connect to 127.0.0.2/995...connected.', '127.0.0.2'],
  ])('%s → %s', (text, host) => {
    expect(hostOf(text)).toBe(host);
  });

  it.each([
    'host = (not set)',
    'My address is bob@gmail.com and I cannot get my mail',
    'Use the POP server name from your provider (often pop.example.com or mail.example.com)',
    '-ERR [AUTH] Authentication failed.',
    'Connection to server timed out.',
    'connect to 999.1.1.1 port 110 failed',
  ])('names no server: %s', (text) => {
    expect(hostOf(text)).toBeUndefined();
  });

  it('reads only host names and IP literals', () => {
    expect(asHostName('Pop.Example.NET.')).toBe('pop.example.net');
    expect(asHostName('"<b>x</b>"')).toBeUndefined();
    expect(asHostName('a'.repeat(64) + '.com')).toBeUndefined();
    expect(asHostName('2001:db8::1')).toBe('[2001:db8::1]');
    expect(asHostName('server')).toBeUndefined();
  });
});

describe('advice names the server of the paste', () => {
  it('in code spans only: prose about the example host keeps it', () => {
    const step = 'Try `nslookup pop.example.com`; the name is often pop.example.com or mail.example.com.';
    expect(nameHost(step, 'pop.isp.fr')).toBe(
      'Try `nslookup pop.isp.fr`; the name is often pop.example.com or mail.example.com.',
    );
    expect(nameHost(step, undefined)).toBe(step);
  });

  it('a real fetchmail output for a name that does not resolve: the commands name that host', () => {
    const cases = parse(readFileSync('test/fixtures/captured/no-server/unknown-host.yaml', 'utf8')) as {
      cases: { text: string; client?: string }[];
    };
    const fetchmail = cases.cases.find((c) => c.text.includes('canonical DNS name of'));
    expect(fetchmail).toBeDefined();
    const result = explain(fetchmail!.text, { lang: 'en' });
    expect(result.serverHost).toBe('pop.mail-provider.invalid');
    const steps = result.findings.flatMap((f) => [...f.userSteps, ...f.adminSteps, ...f.causes]);
    expect(steps.join('\n')).not.toContain('pop.example.com');
    expect(steps.some((s) => s.includes('`') && s.includes('pop.mail-provider.invalid'))).toBe(true);
  });

  it('a paste that names no server keeps the example host', () => {
    const result = explain('curl: (6) Could not resolve host', { lang: 'en' });
    expect(result.serverHost).toBeUndefined();
  });
});
