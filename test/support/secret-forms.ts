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
  // Second round (issue #16): every key/value syntax, URL and flag shape, prose, and altered echoes.
  {
    attack: 'a JSON config with "password":"x"',
    text: '{"user":"joe","password":"J50n-S3cret","host":"pop.example.org"}\n-ERR [AUTH] Authentication failed.',
    secrets: ['J50n-S3cret'],
  },
  {
    attack: 'a URL whose user is an e-mail address',
    text: 'pop3s://joe@example.org:Em4ilUser-S3cret@pop.example.org/ says -ERR [AUTH] Authentication failed.',
    secrets: ['Em4ilUser-S3cret'],
  },
  {
    attack: 'a raw @ and / inside a URL password',
    text: 'fetching pop3://joe:R@w/Sl4sh-S3cret@pop.example.org/INBOX\n-ERR [AUTH] Authentication failed.',
    secrets: ['R@w', 'Sl4sh-S3cret'],
  },
  {
    attack: 'a .netrc line',
    text: 'machine pop.example.org login joe password Netrc-S3cret\n$ curl --netrc pop3s://pop.example.org/\n< -ERR [AUTH] Authentication failed.',
    secrets: ['Netrc-S3cret'],
  },
  {
    attack: 'a getmail rc file',
    text: '[retriever]\ntype = SimplePOP3SSLRetriever\nserver = pop.example.org\nusername = joe\npassword = GetmailRc-S3cret\n\ngetmail: -ERR [AUTH] Authentication failed.',
    secrets: ['GetmailRc-S3cret'],
  },
  {
    attack: 'a YAML config',
    text: 'pop:\n  host: pop.example.org\n  user: joe\n  password: Yaml-S3cret\nerror: -ERR [AUTH] Authentication failed.',
    secrets: ['Yaml-S3cret'],
  },
  {
    attack: 'an environment assignment',
    text: '$ POP_PASSWORD=Env-S3cret ./fetch-mail.sh\n-ERR [AUTH] Authentication failed.',
    secrets: ['Env-S3cret'],
  },
  {
    attack: 'a query string',
    text: 'GET https://mail.example.org/check?user=joe&password=Query-S3cret&v=1\n-ERR [AUTH] Authentication failed.',
    secrets: ['Query-S3cret'],
  },
  {
    attack: 'a short Authorization: Bearer token',
    text: 'Authorization: Bearer Sh0rtTk\n-ERR [AUTH] Invalid credentials',
    secrets: ['Sh0rtTk'],
  },
  {
    attack: 'a JSON access_token',
    text: '{"access_token":"ya29.AccessTok3n-S3cret","token_type":"Bearer","expires_in":3599}\n-ERR [AUTH] Invalid credentials',
    secrets: ['AccessTok3n-S3cret'],
  },
  {
    attack: 'curl -u with no space',
    text: '$ curl -v -ujoe:CurlNoSpace-S3cret pop3s://pop.example.com/\n< -ERR [AUTH] Authentication failed.',
    secrets: ['CurlNoSpace-S3cret'],
  },
  {
    attack: 'PASS in prose',
    text: 'I sent PASS Prose-S3cret and got -ERR [AUTH] Authentication failed.',
    secrets: ['Prose-S3cret'],
  },
  {
    attack: 'an inline APOP digest on the -ERR line',
    text: 'APOP joe 5f4dcc3b5aa765d61d8327deb882cf99 -ERR [AUTH] Authentication failed.',
    secrets: ['5f4dcc3b5aa765d61d8327deb882cf99'],
  },
  {
    attack: 'an inline AUTH PLAIN payload on the -ERR line',
    text: 'AUTH PLAIN AGpvZQBJbmxpbmVFcnItUzNjcmV0 -ERR [AUTH] Authentication failed.',
    secrets: ['AGpvZQBJbmxpbmVFcnItUzNjcmV0', 'InlineErr-S3cret'],
  },
  {
    attack: 'transcript markers inside a password',
    text: 'C: USER joe\nS: +OK\nC: PASS Mark3r S: -ERR Xpart-S3cret\nS: -ERR [AUTH] Authentication failed.',
    secrets: ['Mark3r', 'Xpart-S3cret'],
  },
  {
    attack: 'a token whose context falls across the 4 KB cut',
    text: `Authorization: Bearer ${'T'.repeat(4000)}CutAcross-S3cret -ERR [AUTH] Authentication failed.`,
    secrets: ['CutAcross-S3cret'],
  },
  {
    attack: 'a server echo altered by zero-width characters, case, reversal and base64',
    text: 'C: USER joe\nC: PASS Ech0ed-Secret\nS: -ERR [AUTH] bad password Ech\u200b0ed-Se\u2060cret ECH0ED-SECRET terceS-de0hcE RWNoMGVkLVNlY3JldA==',
    secrets: ['Ech0ed-Secret', 'ECH0ED-SECRET', 'terceS-de0hcE', 'RWNoMGVkLVNlY3JldA=='],
  },
];

/** The secrets of `form` that `text` still holds. */
export function leaked(form: SecretForm, text: string): string[] {
  return form.secrets.filter((s) => text.includes(s));
}
