import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { renderResultText } from '../../src/render/text.js';

/** Each form a secret takes in a paste, with the secret itself, which must appear in no output. */
const forms: { attack: string; text: string; secret: string }[] = [
  {
    attack: 'PASS in a C:/S: transcript',
    text: 'C: USER joe\nS: +OK\nC: PASS hunter2\nS: -ERR [AUTH] Authentication failed.',
    secret: 'hunter2',
  },
  {
    attack: 'PASS typed in lowercase in telnet',
    text: 'user joe\n+OK\npass correct horse battery\n-ERR',
    secret: 'correct horse battery',
  },
  { attack: 'PASS in curl -v', text: '> PASS Tr0ub4dor&3\n< -ERR invalid password', secret: 'Tr0ub4dor&3' },
  {
    attack: 'PASS in a poplib repr',
    text: "*cmd* 'PASS s3cr3t!'\n*resp* b'-ERR [AUTH] Authentication failed.'",
    secret: 's3cr3t!',
  },
  {
    attack: "PASS in Thunderbird's log",
    text: 'D/POP3 SendData: PASS Summer2024!\nD/POP3 RECV: -ERR mailbox unknown',
    secret: 'Summer2024!',
  },
  {
    attack: 'AUTH PLAIN inline',
    text: 'C: AUTH PLAIN AGpvZQBodW50ZXIy\nS: -ERR [AUTH] Authentication failed.',
    secret: 'AGpvZQBodW50ZXIy',
  },
  {
    attack: 'AUTH PLAIN as a continuation line',
    text: 'C: AUTH PLAIN\nS: +\nC: AGpvZQBodW50ZXIy\nS: -ERR [AUTH] Authentication failed.',
    secret: 'AGpvZQBodW50ZXIy',
  },
  {
    attack: 'the base64 lines of AUTH LOGIN',
    text: 'C: AUTH LOGIN\nS: + VXNlcm5hbWU6\nC: am9lQGV4YW1wbGUub3Jn\nS: + UGFzc3dvcmQ6\nC: aHVudGVyMg==\nS: -ERR [AUTH] Authentication failed.',
    secret: 'aHVudGVyMg==',
  },
  {
    attack: 'an APOP digest',
    text: 'C: APOP joe c4c9334bac560ecc979e58001b3e22fb\nS: -ERR permission denied',
    secret: 'c4c9334bac560ecc979e58001b3e22fb',
  },
  {
    attack: 'an XOAUTH2 token',
    text: 'C: AUTH XOAUTH2 dXNlcj1qb2VAZ21haWwuY29tAWF1dGg9QmVhcmVyIHlhMjkudG9rZW4BAQ==\nS: -ERR [AUTH] Invalid credentials',
    secret: 'dXNlcj1qb2VAZ21haWwuY29tAWF1dGg9QmVhcmVyIHlhMjkudG9rZW4BAQ==',
  },
  {
    attack: 'an OAUTHBEARER continuation',
    text: 'C: AUTH OAUTHBEARER\nS: +\nC: bixhPWpvZUBleGFtcGxlLmNvbSwBYXV0aD1CZWFyZXIgdG9rZW4BAQ==\nS: -ERR',
    secret: 'bixhPWpvZUBleGFtcGxlLmNvbSwBYXV0aD1CZWFyZXIgdG9rZW4BAQ==',
  },
  {
    attack: 'a pop3:// URL with credentials',
    text: 'fetching pop3://joe:hunter2@pop.example.com/ failed: -ERR invalid password',
    secret: 'hunter2',
  },
  {
    attack: 'a pop3s:// URL with credentials',
    text: 'curl pop3s://joe%40x.org:p4ss%21@pop.x.org\n-ERR [AUTH] Authentication failed.',
    secret: 'p4ss%21',
  },
  {
    attack: 'curl -u user:pass',
    text: '$ curl -v -u joe:hunter2 pop3s://pop.example.com\n< -ERR [AUTH] Authentication failed.',
    secret: 'hunter2',
  },
  {
    attack: 'curl --user=user:pass',
    text: '$ curl --user=joe:hunter2 pop3://pop.example.com\n< -ERR',
    secret: 'hunter2',
  },
  {
    attack: 'a fetchmailrc password in quotes',
    text: 'poll pop.example.com protocol pop3 user "joe" password "hunter2"\nfetchmail: POP3< -ERR invalid password',
    secret: 'hunter2',
  },
  {
    attack: 'a fetchmailrc password unquoted',
    text: 'poll pop.example.com proto pop3 user joe pass hunter2\nfetchmail: POP3< -ERR invalid password',
    secret: 'hunter2',
  },
  {
    // Dovecot with auth_debug_passwords (logs-more capture): the password given, then the stored one.
    attack: "Dovecot's password comparison in a debug log",
    text: "Dec 07 05:31:19 auth: Debug: passwd-file(alice,127.0.0.1,<Yx2V>): PLAIN(Passw0rd) != '********'",
    secret: 'Passw0rd',
  },
  {
    attack: "Dovecot's comparison with a stored hash",
    text: "auth: Debug: passwd-file(bob,10.0.0.7): SHA512-CRYPT(my (old) pw) != '$6$s4lt$h4sh'",
    secret: '$6$s4lt$h4sh',
  },
];

describe('secrets in a paste are masked everywhere', () => {
  for (const form of forms) {
    it(`${form.attack}: masked in the findings and the rendering, with a warning first`, () => {
      for (const lang of ['en', 'fr', 'vi'] as const) {
        const result = explain(form.text, { lang });
        expect(JSON.stringify(result)).not.toContain(form.secret);
        expect(renderResultText(result, { color: false })).not.toContain(form.secret);
        expect(result.warnings[0]?.code).toBe('secret.exposed');
      }
    });
  }

  it('the command of a finding shows the mask, not the password', () => {
    const f = explain('C: PASS hunter2\nS: -ERR').findings[0];
    expect(f?.command).toBe('PASS ****');
  });

  it('a password the client already masked raises no warning', () => {
    const result = explain('fetchmail: POP3> PASS *\nfetchmail: POP3< -ERR [AUTH] Authentication failed.');
    expect(result.warnings).toEqual([]);
  });

  it('prose that starts like a POP command is no command, and no password warning', () => {
    for (const text of [
      'Pass the salt please',
      'APOP authentication failed.',
      'User unknown',
      'AUTH failed.',
    ]) {
      expect(explain(text).warnings, text).toEqual([]);
    }
  });

  it('a program naming the command that failed holds no password', () => {
    // node-pop3 through a script (libraries-live tuning) and Mutt's "Login failed. PASS failed: …" wording.
    for (const text of [
      'Cannot read the mailbox: PASS failed: -ERR [IN-USE] Maximum number of connections from user+IP exceeded (mail_max_userip_connections=10)',
      'Login failed. PASS failed: OK Logged in.',
    ]) {
      const result = explain(text);
      expect(result.warnings, text).toEqual([]);
      expect(result.findings[0]?.line, text).toBe(text);
    }
    expect(explain('I sent PASS hunter2: and got -ERR').findings[0]?.line).toContain('PASS ****:');
  });

  it('prose that mentions a password is not masked', () => {
    const result = explain('My password is fine but I get -ERR mailbox unknown');
    expect(result.findings[0]?.line).toBe('My password is fine but I get -ERR mailbox unknown');
    expect(result.warnings).toEqual([]);
  });
});
