import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';

const top = (text: string) => {
  const result = explain(text, { lang: 'en' });
  return result.findings[0]?.category ?? `(${result.outcome})`;
};

// Tuning texts, by the category they say.
const SAID: Record<string, readonly string[]> = {
  // Gmail's fetcher, inside a step frame and in its own words (posts: aws-ses-pop3-server issues #1, #9)
  'server.protocol-error': [
    'Error in RETR command: Received an empty line',
    'A message in your account user@example.com was listed with an invalid size. It has been left on the server.',
  ],
  // Gmail refusing the settings it was given (reports: archlinuxcn/repo #39)
  'client.config': ['Server returned error: "Account misconfig: hostname contains unsafe characters."'],
  // Thunderbird for Android without OAuth for this provider (catalogues-more, en/fr/vi)
  'client.unsupported': [
    'OAuth 2.0 is currently not supported with this provider.',
    "OAuth n'est actuellement pas pris en charge par ce fournisseur.",
    'OAuth 2.0 hiện không được nhà cung cấp này hỗ trợ.',
  ],
};

describe("what a provider's fetcher or a phone app says, as people paste it", () => {
  for (const [category, texts] of Object.entries(SAID))
    it.each(texts)(`${category}: %s`, (text) => {
      expect(top(text)).toBe(category);
    });
});
