/**
 * Every form a secret takes in a paste (SECURITY.md, "Secrets"), each with a secret of its own so a leak
 * names the form it came from. `secrets` lists every string that must appear in no output; the pastes
 * end in a -ERR so that every surface has something to explain.
 */
export interface SecretForm {
  attack: string;
  text: string;
  secrets: string[];
}

export const SECRET_FORMS: readonly SecretForm[] = [
  {
    attack: 'PASS in a C:/S: transcript',
    text: 'C: USER joe\nS: +OK\nC: PASS Transcript-S3cret\nS: -ERR [AUTH] Authentication failed.',
    secrets: ['Transcript-S3cret'],
  },
  {
    attack: 'pass typed in lowercase in telnet',
    text: '+OK Dovecot ready.\nuser joe\n+OK\npass Telnet-S3cret\n-ERR [AUTH] Authentication failed.',
    secrets: ['Telnet-S3cret'],
  },
  {
    attack: 'PASS in curl -v output',
    text: '< +OK Dovecot ready.\n> USER joe\n< +OK\n> PASS CurlV-S3cret\n< -ERR [AUTH] Authentication failed.',
    secrets: ['CurlV-S3cret'],
  },
  {
    attack: "PASS in Python poplib's debug output",
    text: "*cmd* 'USER joe'\n*cmd* 'PASS Poplib-S3cret'\n*resp* b'-ERR [AUTH] Authentication failed.'",
    secrets: ['Poplib-S3cret'],
  },
  {
    attack: "PASS in Thunderbird's POP3 log",
    text: 'D/POP3 SendData: USER joe\nD/POP3 SendData: PASS Thunderbird-S3cret\nD/POP3 RECV: -ERR [AUTH] Authentication failed.',
    secrets: ['Thunderbird-S3cret'],
  },
  {
    attack: 'AUTH PLAIN with the credentials inline',
    text: 'C: AUTH PLAIN AGpvZQBQbGFpbklubGluZS1TM2NyZXQ=\nS: -ERR [AUTH] Authentication failed.',
    secrets: ['AGpvZQBQbGFpbklubGluZS1TM2NyZXQ='],
  },
  {
    attack: 'AUTH PLAIN with the credentials as a continuation line',
    text: 'C: AUTH PLAIN\nS: +\nC: AGpvZQBQbGFpbkNvbnQtUzNjcmV0\nS: -ERR [AUTH] Authentication failed.',
    secrets: ['AGpvZQBQbGFpbkNvbnQtUzNjcmV0'],
  },
  {
    attack: 'the base64 lines of AUTH LOGIN',
    text: 'C: AUTH LOGIN\nS: + VXNlcm5hbWU6\nC: am9lQGV4YW1wbGUub3Jn\nS: + UGFzc3dvcmQ6\nC: TG9naW5CNjQtUzNjcmV0\nS: -ERR [AUTH] Authentication failed.',
    secrets: ['TG9naW5CNjQtUzNjcmV0'],
  },
  {
    attack: 'an APOP digest',
    text: 'S: +OK POP3 ready <1896.697170952@dbc.mtview.ca.us>\nC: APOP joe c4c9334bac560ecc979e58001b3e22fb\nS: -ERR [AUTH] Authentication failed.',
    secrets: ['c4c9334bac560ecc979e58001b3e22fb'],
  },
  {
    attack: 'an XOAUTH2 token inline',
    text: 'C: AUTH XOAUTH2 dXNlcj1qb2VAZ21haWwuY29tAWF1dGg9QmVhcmVyIHlhMjkuWG9hdXRoMi1Ub2szbi1hYmNkZWYBAQ==\nS: -ERR [AUTH] Invalid credentials',
    secrets: ['dXNlcj1qb2VAZ21haWwuY29tAWF1dGg9QmVhcmVyIHlhMjkuWG9hdXRoMi1Ub2szbi1hYmNkZWYBAQ=='],
  },
  {
    attack: 'an OAUTHBEARER token as a continuation line',
    text: 'C: AUTH OAUTHBEARER\nS: +\nC: bixhPWpvZUBleGFtcGxlLmNvbSwBYXV0aD1CZWFyZXIgT2F1dGhCZWFyZXItVG9rM24tYWJjZGVmAQE=\nS: -ERR [AUTH] Invalid credentials',
    secrets: ['bixhPWpvZUBleGFtcGxlLmNvbSwBYXV0aD1CZWFyZXIgT2F1dGhCZWFyZXItVG9rM24tYWJjZGVmAQE='],
  },
  {
    attack: 'a pop3:// URL with user:password',
    text: 'fetching pop3://joe:Pop3Url-S3cret@pop.example.com/ failed: -ERR [AUTH] Authentication failed.',
    secrets: ['Pop3Url-S3cret'],
  },
  {
    attack: 'a pop3s:// URL with user:password',
    text: '$ curl pop3s://joe%40example.org:Pop3sUrl-S3cret@pop.example.org/\n-ERR [AUTH] Authentication failed.',
    secrets: ['Pop3sUrl-S3cret'],
  },
  {
    attack: 'curl -u user:password',
    text: '$ curl -v -u joe:CurlU-S3cret pop3s://pop.example.com/\n< -ERR [AUTH] Authentication failed.',
    secrets: ['CurlU-S3cret'],
  },
  {
    attack: 'curl --user user:password',
    text: '$ curl --user joe:CurlUser-S3cret pop3://pop.example.com/\n< -ERR [AUTH] Authentication failed.',
    secrets: ['CurlUser-S3cret'],
  },
  {
    attack: 'a fetchmailrc password in quotes',
    text: 'poll pop.example.com protocol pop3 user "joe" password "RcQuoted-S3cret"\nfetchmail: POP3< -ERR [AUTH] Authentication failed.',
    secrets: ['RcQuoted-S3cret'],
  },
  {
    attack: 'a fetchmailrc password without quotes',
    text: 'poll pop.example.com proto pop3 user joe password RcBare-S3cret\nfetchmail: POP3< -ERR [AUTH] Authentication failed.',
    secrets: ['RcBare-S3cret'],
  },
];

/** The secrets of `form` that `text` still holds. */
export function leaked(form: SecretForm, text: string): string[] {
  return form.secrets.filter((s) => text.includes(s));
}
