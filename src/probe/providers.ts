import type { AttemptTls } from './types.js';

export interface ProviderSettings {
  provider: string;
  host: string;
  port: number;
  tls: AttemptTls;
}

/**
 * POP settings of big providers, from their public help pages: the domains people type, the server the
 * domain's own DNS does not point to (none of these publish RFC 6186 SRV records for POP).
 */
const PROVIDERS: readonly [readonly string[], ProviderSettings][] = [
  [['gmail.com', 'googlemail.com'], { provider: 'Gmail', host: 'pop.gmail.com', port: 995, tls: 'implicit' }],
  [
    ['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'outlook.fr', 'hotmail.fr', 'live.fr'],
    { provider: 'Outlook.com', host: 'outlook.office365.com', port: 995, tls: 'implicit' },
  ],
  [
    ['yahoo.com', 'yahoo.fr', 'ymail.com'],
    { provider: 'Yahoo Mail', host: 'pop.mail.yahoo.com', port: 995, tls: 'implicit' },
  ],
  [['aol.com'], { provider: 'AOL Mail', host: 'pop.aol.com', port: 995, tls: 'implicit' }],
  [
    ['gmx.com', 'gmx.net', 'gmx.de', 'gmx.fr'],
    { provider: 'GMX', host: 'pop.gmx.net', port: 995, tls: 'implicit' },
  ],
  [['web.de'], { provider: 'WEB.DE', host: 'pop3.web.de', port: 995, tls: 'implicit' }],
  [['orange.fr', 'wanadoo.fr'], { provider: 'Orange', host: 'pop.orange.fr', port: 995, tls: 'implicit' }],
  [['free.fr'], { provider: 'Free', host: 'pop.free.fr', port: 995, tls: 'implicit' }],
  [['laposte.net'], { provider: 'La Poste', host: 'pop.laposte.net', port: 995, tls: 'implicit' }],
  [['zoho.com', 'zohomail.com'], { provider: 'Zoho Mail', host: 'pop.zoho.com', port: 995, tls: 'implicit' }],
  [
    ['fastmail.com', 'fastmail.fm'],
    { provider: 'Fastmail', host: 'pop.fastmail.com', port: 995, tls: 'implicit' },
  ],
  [
    ['yandex.com', 'yandex.ru'],
    { provider: 'Yandex Mail', host: 'pop.yandex.com', port: 995, tls: 'implicit' },
  ],
  [['mail.ru'], { provider: 'Mail.ru', host: 'pop.mail.ru', port: 995, tls: 'implicit' }],
];

const BY_DOMAIN = new Map(PROVIDERS.flatMap(([domains, s]) => domains.map((d) => [d, s] as const)));

export function providerFor(domain: string): ProviderSettings | undefined {
  return BY_DOMAIN.get(domain.toLowerCase());
}
