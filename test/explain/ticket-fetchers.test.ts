import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';

const top = (text: string, lang: 'en' | 'fr' | 'vi' = 'en') =>
  explain(text, { lang }).findings[0]?.category ?? `(${explain(text, { lang }).outcome})`;

describe("a ticket system's mail fetcher: OTRS, Znuny, OTOBO", () => {
  it('reads "Auth for user …/… failed!" as a refused login (posts tuning: znuny/Znuny#259)', () => {
    expect(top('Auth for user xxx/outlook.office365.com failed!')).toBe('auth.failed');
    expect(top('POP3S: Auth for user agent@example.com/pop.example.com failed!')).toBe('auth.failed');
    expect(
      top(
        "Znuny n'arrive plus à relever notre boîte Office 365 en POP3S depuis que nous sommes passés en OAuth2. La relève en mode débogage s'arrête sur Auth for user xxx/outlook.office365.com failed! alors que le même jeton fonctionne en IMAP. Qu'est-ce qui cloche ?",
        'fr',
      ),
    ).toBe('auth.failed');
  });

  it('leaves the same message of an IMAP account alone', () => {
    expect(top('IMAPS: Auth for user agent@example.com/imap.example.com failed!')).toBe('(not-pop)');
  });
});
