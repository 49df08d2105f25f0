import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { saslErrorReport } from '../../src/explain/lines/sasl-error.js';

// A real MailKit protocol log from jstedfast/MimeKit#99 (tuning part of reports batch 2), the client's
// credentials line masked as posted: Gmail answers AUTH XOAUTH2 with a base64 JSON error challenge.
const GMAIL_LOG = [
  'Connected to pops://pop.gmail.com:995/',
  'S: +OK Gpop ready for requests from 95.86.241.51 n67mb28062338lja',
  'C: CAPA',
  'S: +OK Capability list follows',
  'S: SASL PLAIN XOAUTH2 OAUTHBEARER',
  'S: .',
  'C: AUTH XOAUTH2',
  'S: + ',
  'C: ********',
  'S: + eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJod',
].join('\n');

describe('a SASL challenge that is an error report (RFC 7628 §3.2.2)', () => {
  it('decodes to the JSON status the server sent, even cut short', () => {
    expect(saslErrorReport('+ eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJod')).toMatch(
      /^\{"status":"400","schemes":"Bearer"/,
    );
  });

  it('leaves an ordinary challenge alone', () => {
    expect(saslErrorReport('+ ')).toBeUndefined();
    // A LOGIN mechanism's "Username:" prompt.
    expect(saslErrorReport('+ VXNlcm5hbWU6')).toBeUndefined();
  });

  it('is the refusal of the OAuth2 token when the paste stops before the -ERR', () => {
    const finding = explain(GMAIL_LOG).findings[0];
    expect(finding?.category).toBe('auth.oauth-token');
    expect(finding?.entry).toBe('oauth-login-refused');
  });

  it('needs the AUTH that asked: the same line elsewhere is no refusal', () => {
    const text = 'S: + eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJod';
    expect(explain(text).findings.map((f) => f.category)).not.toContain('auth.oauth-token');
  });
});
