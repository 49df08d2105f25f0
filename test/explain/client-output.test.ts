import { describe, expect, it } from 'vitest';
import {
  CLIENT_OUTPUT_RULES,
  clientFacts,
  concludeFromFacts,
} from '../../src/explain/client-output/facts.js';
import { explain } from '../../src/explain/explain.js';
import { LANGS } from '../../src/i18n/lang.js';
import { rules } from '../../src/i18n/rule-messages.js';
import { commandNamedBy } from '../../src/explain/client-output/named-command.js';

const lines = (text: string) => text.split('\n');

describe('what client output shows besides its message', () => {
  it('curl with a plain pop3:// URL at port 995 that times out with 0 bytes: TLS mismatch, and a timeout', () => {
    const paste = lines(
      [
        '$ curl -v pop3://pop.example.com:995/ -u bob',
        '*   Trying 192.0.2.10:995...',
        '* Connected to pop.example.com (192.0.2.10) port 995',
        '* Operation timed out after 300000 milliseconds with 0 bytes received',
        'curl: (28) Operation timed out after 300000 milliseconds with 0 bytes received',
      ].join('\n'),
    );
    expect(clientFacts(paste).facts.map((f) => f.kind)).toEqual(['plain-to-tls-port', 'timeout-no-data']);
    expect(concludeFromFacts(paste)).toMatchObject({
      category: 'tls.mismatch',
      also: ['connect.timeout'],
      because: ['plain-to-tls-port', 'timeout-no-data'],
      lineNumber: 4,
      evidence: ['pop3://pop.example.com:995', 'timed out after 300000 milliseconds with 0 bytes received'],
      rule: { id: 'plain-to-tls-port', entry: 'log-tls-wrong-port' },
      facts: {
        port: 995,
        setting: 'pop3://pop.example.com:995',
        symptom: 'timed out after 300000 milliseconds with 0 bytes received',
      },
    });
  });

  it('mpop --tls=off at port 995 that times out', () => {
    const paste = lines(
      '$ mpop --host=pop.example.org --port=995 --tls=off\nmpop: cannot read from POP3 server: operation timed out',
    );
    expect(concludeFromFacts(paste)?.category).toBe('tls.mismatch');
  });

  it('fetchmail with no ssl option at port 995', () => {
    const paste = lines(
      '$ fetchmail -v -p POP3 -P 995 pop.example.net\nfetchmail: timeout after 300 seconds waiting for server pop.example.net.',
    );
    expect(concludeFromFacts(paste)).toMatchObject({ category: 'tls.mismatch', also: ['connect.timeout'] });
  });

  it("Python's poplib.POP3 (not POP3_SSL) at port 995", () => {
    const paste = lines("m = poplib.POP3('pop.example.com', 995, timeout=30)\nTimeoutError: timed out");
    expect(concludeFromFacts(paste)?.category).toBe('tls.mismatch');
  });

  it('the same timeout with TLS asked for proves nothing more', () => {
    const paste = lines(
      '$ curl -v pop3s://pop.example.com:995/\ncurl: (28) Connection timed out after 10001 milliseconds',
    );
    expect(concludeFromFacts(paste)).toBeUndefined();
  });

  it('TLS at once to port 110 that fails its handshake is the mismatch the other way', () => {
    const paste = lines(
      '$ openssl s_client -connect pop.example.com:110\n40C7F8A1:error:0A00010B:SSL routines:ssl3_get_record:wrong version number',
    );
    expect(concludeFromFacts(paste)).toMatchObject({
      category: 'tls.mismatch',
      because: ['tls-to-plain-port'],
    });
  });

  it('an EOF before any greeting is a dropped connection', () => {
    const paste = lines("m = poplib.POP3_SSL('pop.example.com')\npoplib.error_proto: -ERR EOF");
    expect(concludeFromFacts(paste)).toMatchObject({
      category: 'connect.reset',
      because: ['eof-before-greeting'],
    });
  });

  it('an EOF after a refused login is no EOF before the greeting: the client was greeted (fetchmail, popa3d)', () => {
    const paste = lines(
      [
        'fetchmail: Authorization failure on alicia@127.0.0.2',
        'fetchmail: OpenSSL reported: error:0A000126:SSL routines::unexpected eof while reading',
        'fetchmail: Query status=3 (AUTHFAIL)',
      ].join('\n'),
    );
    expect(clientFacts(paste).facts).toEqual([]);
    expect(concludeFromFacts(paste)).toBeUndefined();
  });

  it.each(LANGS)(
    'a conclusion of the facts says why in %s, with the port, the setting and the symptom',
    (lang) => {
      const paste =
        '$ mpop --host=pop.example.org --port=995 --tls=off\nmpop: cannot read from POP3 server: operation timed out';
      const finding = explain(paste, { lang }).findings[0];
      expect(finding).toMatchObject({ category: 'tls.mismatch', rule: 'plain-to-tls-port' });
      expect(finding?.because).toContain('995');
      expect(finding?.because).toContain('timed out');
      expect(finding?.because).not.toMatch(/\{\w+\}/);
    },
  );

  it('every client-output rule has a "because" line in every language', () => {
    for (const lang of LANGS)
      for (const r of CLIENT_OUTPUT_RULES)
        expect(rules.messages[lang][r.id], `${lang} ${r.id}`).toMatch(/\S/);
  });

  it('an EOF after the greeting is not "before any greeting"', () => {
    const paste = lines('+OK Dovecot ready.\nUSER bob\nConnection closed by foreign host.');
    expect(concludeFromFacts(paste)).toBeUndefined();
  });
});

describe('the command a client message says failed', () => {
  it.each([
    ['The USER command failed: -ERR Unknown user', 'USER'],
    ['la commande PASS a échoué : -ERR Mot de passe incorrect', 'PASS'],
    ['lệnh RETR bị lỗi: -ERR Message không tồn tại', 'RETR'],
    ['Error sending PASS: -ERR [AUTH] Authentication failed.', 'PASS'],
    [
      'Sending of password did not succeed. Mail server pop.example.com responded: Authentication failed.',
      'PASS',
    ],
    ["L'envoi du nom d'utilisateur a échoué. Le serveur a répondu : -ERR Unknown user", 'USER'],
    ['Gửi mật khẩu không thành công. Máy chủ thư đã trả lời: -ERR sai mật khẩu', 'PASS'],
    ['UIDL failed: -ERR command not supported', 'UIDL'],
  ])('%s → %s', (message, verb) => {
    expect(commandNamedBy(message)?.verb).toBe(verb);
  });

  it('names no command when the message names none', () => {
    expect(commandNamedBy('Login to server pop.example.com failed.')).toBeUndefined();
    expect(commandNamedBy('Your password is the user name backwards')).toBeUndefined();
  });
});

describe('client-output facts in the explainer', () => {
  it('curl at pop3://…:995 timing out with 0 bytes: TLS mismatch first, the timeout beside it', async () => {
    const { explain } = await import('../../src/explain/explain.js');
    const result = explain(
      [
        '$ curl -v pop3://pop.example.com:995/ -u bob',
        '* Connected to pop.example.com (192.0.2.10) port 995',
        'curl: (28) Operation timed out after 300000 milliseconds with 0 bytes received',
      ].join('\n'),
      { lang: 'en' },
    );
    expect(result.findings.map((f) => f.category)).toEqual(['tls.mismatch', 'connect.timeout']);
    expect(result.findings[0]?.because).toContain('pop3://pop.example.com:995');
  });
});

// Real texts from the tuning capture (test/fixtures/captured), trimmed to the lines that decide.
describe('what a program prints about its own connection (captured texts)', () => {
  const MPOP_DUMP = (port: number, tls: string, starttls: string) => [
    'mpop: network read error: the operation timed out',
    'mpop: error during mail retrieval',
    'host = 127.0.0.2',
    `port = ${port}`,
    'proxy port = 0',
    'timeout = 6 seconds',
    `tls = ${tls}`,
    `tls_starttls = ${starttls}`,
  ];

  it.each([
    ['mpop -d, tls = off, port 995', MPOP_DUMP(995, 'off', 'on')],
    ['mpop -d, STARTTLS to port 995', MPOP_DUMP(995, 'on', 'on')],
    [
      'mpop -d in French, tls = désactivé',
      [
        "mpop: erreur de lecture réseau : l'opération a dépassée le délai d'inactivité",
        'port = 995',
        'tls = désactivé',
        'tls_starttls = activé',
      ],
    ],
    [
      "fetchmail's own warning about port 995",
      [
        'fetchmail: WARNING: 127.0.0.2 configuration invalid, you normally need --ssl for port 995/service pop3s.',
        'fetchmail: timeout after 6 seconds waiting for server 127.0.0.2.',
        'fetchmail: Query status=2 (SOCKET)',
      ],
    ],
    [
      "getmail's retriever line",
      [
        'SimplePOP3Retriever:alice@127.0.0.2:995:',
        'getmailrc: timeout (timed out)',
        '  0 messages (0 bytes) retrieved, 0 skipped',
      ],
    ],
    [
      'curl -v with no TLS handshake logged',
      [
        '* Connected to 127.0.0.2 (127.0.0.2) port 995 (#0)',
        '* Operation timed out after 6001 milliseconds with 0 bytes received',
        'curl: (28) Operation timed out after 6001 milliseconds with 0 bytes received',
      ],
    ],
  ])('%s: plain text to the implicit-TLS port', (_name, paste) => {
    expect(concludeFromFacts(paste)).toMatchObject({ category: 'tls.mismatch', also: ['connect.timeout'] });
  });

  it('mpop -d with implicit TLS at 995 proves nothing more than its timeout', () => {
    expect(concludeFromFacts(MPOP_DUMP(995, 'on', 'off'))).toBeUndefined();
  });

  it('curl -v that logged its TLS handshake at 995 is no mismatch', () => {
    const paste = [
      '* Connected to 127.0.0.2 (127.0.0.2) port 995 (#0)',
      '* TLSv1.3 (OUT), TLS handshake, Client hello (1):',
      'curl: (28) Operation timed out after 6001 milliseconds with 0 bytes received',
    ];
    expect(concludeFromFacts(paste)).toBeUndefined();
  });
});

describe('the step a program says failed is the command the reply it quotes answers', () => {
  it.each([
    [
      'mpop',
      ['mpop: command STLS failed', 'mpop: POP3 server message: -ERR', 'mpop: error during mail retrieval'],
    ],
    [
      'mpop in French',
      [
        'mpop: la commande STLS a échoué',
        'mpop: message du serveur POP3 : -ERR unknown command',
        'mpop: erreur durant la récupération du courriel',
      ],
    ],
  ])('%s: STLS refused → tls.unavailable, by the rule', async (_name, paste) => {
    const { explain } = await import('../../src/explain/explain.js');
    const [first] = explain(paste.join('\n'), { lang: 'en' }).findings;
    expect(first).toMatchObject({
      category: 'tls.unavailable',
      rule: 'stls-refused',
      command: 'STLS',
      lineNumber: 2,
    });
  });

  it("a Python traceback through poplib's stls(): the refused CAPA inside it is the STLS step failing", async () => {
    const { explain } = await import('../../src/explain/explain.js');
    const paste = [
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3.11/poplib.py", line 385, in capa',
      "    resp = self._longcmd('CAPA')",
      '  File "/usr/lib/python3.11/poplib.py", line 157, in _getresp',
      '    raise error_proto(resp)',
      "poplib.error_proto: b'-ERR unknown command'",
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "~/fetch_mail.py", line 21, in <module>',
      '    box.stls(context=context)',
      '  File "/usr/lib/python3.11/poplib.py", line 404, in stls',
      '    caps = self.capa()',
      '  File "/usr/lib/python3.11/poplib.py", line 391, in capa',
      "    raise error_proto('-ERR CAPA not supported by server')",
      'poplib.error_proto: -ERR CAPA not supported by server',
    ].join('\n');
    expect(explain(paste, { lang: 'en' }).findings[0]).toMatchObject({
      category: 'tls.unavailable',
      command: 'STLS',
    });
  });

  it('a traceback through pass_() gives its -ERR the PASS command', async () => {
    const { analyse } = await import('../../src/explain/explain.js');
    const paste = [
      'Traceback (most recent call last):',
      '  File "fetch.py", line 9, in <module>',
      "    box.pass_('x')",
      '  File "/usr/lib/python3.11/poplib.py", line 218, in pass_',
      "    return self._shortcmd('PASS %s' % pswd)",
      "poplib.error_proto: b'-ERR [AUTH] Authentication failed.'",
    ].join('\n');
    expect(analyse(paste).findings[0]?.evidence.command).toBe('PASS');
  });
});

describe('client outputs whose cause another line shows (captured texts)', () => {
  const first = async (lines: string[]) => {
    const { explain } = await import('../../src/explain/explain.js');
    return explain(lines.join('\n'), { lang: 'en' }).findings[0]?.category;
  };

  it('getmail quoting an SMTP greeting as a Python bytes repr: the wrong service', async () => {
    expect(
      await first([
        'SimplePOP3Retriever:alice@127.0.0.3:1110:',
        "getmailrc: operation error (POP error (b'220 mail.example.net ESMTP Postfix (Debian/GNU)'))",
        '  0 messages (0 bytes) retrieved, 0 skipped',
      ]),
    ).toBe('connect.wrong-service');
  });

  it('getmail\'s "-ERR EOF" before any greeting, asked about in a chat: the connection was dropped', async () => {
    expect(
      await first([
        'Hi all, since this morning I get this every time I check my mail:',
        '```',
        'SimplePOP3Retriever:alice@127.0.0.3:1110:',
        'getmailrc: operation error (POP error (-ERR EOF))',
        '```',
        'Any idea what is wrong?',
      ]),
    ).toBe('connect.reset');
  });

  it('curl -v: an SMTP greeting after several progress-meter updates run together is the wrong service', async () => {
    const meter = (t: string) =>
      `  0     0    0     0    0     0      0      0 --:--:--  ${t} --:--:--     0`;
    expect(
      await first([
        '* Connected to 127.0.0.3 (127.0.0.3) port 1110 (#0)',
        `${meter('0:00:01')}${meter('0:00:02')}< 220 mail.example.net ESMTP Postfix (Debian/GNU)`,
        `${meter('0:00:05')}* Operation timed out after 6002 milliseconds with 0 bytes received`,
        'curl: (28) Operation timed out after 6002 milliseconds with 0 bytes received',
      ]),
    ).toBe('connect.wrong-service');
  });

  it('mpop -d: "invalid reply" yields to the SMTP greeting its transcript shows further down', async () => {
    const dump = Array.from({ length: 30 }, (_, i) => `setting_${i} = (not set)`);
    expect(
      await first([
        'mpop: POP3 server sent an invalid reply',
        'mpop: error during mail retrieval',
        ...dump,
        '<-- 220 mail.example.net ESMTP Postfix (Debian/GNU)',
      ]),
    ).toBe('connect.wrong-service');
  });

  it.each([
    'fetchmail: STLS is mandatory for this session, but server refused CAPA command.',
    'fetchmail: TLS est requis pour cette session mais le serveur refuse la commande CAPA.',
    'fetchmail: Bắt buộc phải sử dụng TLS trong phiên chạy này mà trình phục vụ đã từ chối lệnh CAPA.',
  ])('fetchmail needing TLS from a server that refused CAPA: %s → tls.unavailable', async (line) => {
    expect(await first([line, 'fetchmail: Authorization failure on alice@127.0.0.2'])).toBe(
      'tls.unavailable',
    );
  });
});

describe('what a client says it could not do, read against the session', () => {
  const curl = (capa: string[]) =>
    [
      '* Connected to 127.0.0.2 (127.0.0.2) port 1110 (#0)',
      '< +OK Dovecot (Debian) ready.',
      '> CAPA',
      '< +OK',
      ...capa.map((c) => `< ${c}`),
      '< .',
      '* No known authentication mechanisms supported',
      '* Closing connection 0',
      'curl: (67) Login denied',
    ].join('\n');

  it('curl\'s "No known authentication mechanisms supported" is a missing mechanism, not a refused login', () => {
    const finding = explain(curl(['USER', 'SASL PLAIN LOGIN']), { lang: 'en' }).findings[0];
    expect(finding).toMatchObject({ category: 'auth.mechanism', entry: 'curl-no-known-auth-mechanism' });
    expect(finding?.rule).toBeUndefined();
  });

  it.each(LANGS)(
    'before TLS, against a CAPA with STLS and no login method, it is TLS required, said in %s',
    (lang) => {
      const finding = explain(curl(['STLS', 'SASL', 'TOP']), { lang }).findings[0];
      expect(finding).toMatchObject({
        category: 'tls.required',
        rule: 'no-login-method-before-tls',
        lineNumber: 9,
      });
      expect(finding?.because).toContain('STLS');
      expect(finding?.because).not.toMatch(/\{\w+\}/);
    },
  );

  it('over TLS the same words stay a missing mechanism', () => {
    const paste = curl(['STLS', 'SASL', 'TOP']).replace('port 1110', 'port 995') + '\n';
    const tls = paste.replace(
      '< +OK Dovecot',
      '* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384\n< +OK Dovecot',
    );
    expect(explain(tls, { lang: 'en' }).findings[0]).toMatchObject({ category: 'auth.mechanism' });
  });
});
