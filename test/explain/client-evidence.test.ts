import { describe, expect, it } from 'vitest';
import { readStackTrace, rootCause } from '../../src/explain/client-output/stack-trace.js';
import { explain } from '../../src/explain/explain.js';
import { LANGS } from '../../src/i18n/lang.js';

/**
 * Stack traces and exception chains as evidence, and client logs read as sessions, from texts users pasted in
 * bug reports (test/fixtures/captured/reports, tuning part; English only: the reports are).
 */

const first = (paste: string) => explain(paste, { lang: 'en' }).findings[0];

// OpenPop.NET under NUnit (hpop#77): the outer "login not accepted" wraps the reply that caused it.
const OPENPOP_CHAIN = [
  'System.InvalidOperationException : Error setting up tests',
  '  ----> OpenPop.Pop3.Exceptions.InvalidLoginException : Server did not accept user credentials',
  '  ----> OpenPop.Pop3.Exceptions.PopServerException : The server did not respond with a + response. The response was: "\\u0017\\u0003\\u0003\\u0000P+OK Logged in."',
].join('\n');

// yapople (#22): the library raises the line the server sent as the error's message.
const YAPOPLE = [
  'Error: .',
  '',
  '    at Client.onData (D:\\app\\server\\node_modules\\yapople\\lib\\yapople.js:108:19)',
  '    at TLSSocket.emit (events.js:315:20)',
  '    at addChunk (_stream_readable.js:309:12)',
].join('\n');

const K9 = [
  'com.fsck.k9.mail.MessagingException: Unable to execute POP3 command',
  '\tat com.fsck.k9.mail.store.pop3.Pop3Store$Pop3Folder.executeSimpleCommand(Pop3Store.java:1157)',
  '\tat com.fsck.k9.mail.store.pop3.Pop3Store$Pop3Folder.fetchEnvelope(Pop3Store.java:881)',
].join('\n');

describe('exception chains: the root cause decides', () => {
  it('.NET/NUnit "---->" chain: the innermost exception is the cause', () => {
    const trace = readStackTrace(OPENPOP_CHAIN.split('\n'))!;
    expect(trace.exceptions.map((e) => e.className)).toEqual([
      'System.InvalidOperationException',
      'OpenPop.Pop3.Exceptions.InvalidLoginException',
      'OpenPop.Pop3.Exceptions.PopServerException',
    ]);
    expect(rootCause(trace)?.lineNumber).toBe(3);
  });

  it('a .NET chain on one line (" ---> ") is read part by part', () => {
    const trace = readStackTrace([
      'System.Exception: Fetch failed ---> OpenPop.Pop3.Exceptions.PopServerException: The server did not respond with a + response. The response was: "* OK IMAP4rev1"',
    ])!;
    expect(rootCause(trace)?.className).toBe('OpenPop.Pop3.Exceptions.PopServerException');
  });

  it('Java "Caused by:" chain: the last cause is the root', () => {
    const trace = readStackTrace([
      'javax.mail.MessagingException: Connect failed',
      '\tat com.sun.mail.pop3.POP3Store.protocolConnect(POP3Store.java:213)',
      'Caused by: java.net.SocketTimeoutException: Read timed out',
    ])!;
    expect(rootCause(trace)?.message).toBe('Read timed out');
    expect(trace.popFrames).toHaveLength(1);
  });

  it("Python's traceback: the first exception is the cause of what happened while handling it", () => {
    const trace = readStackTrace([
      "poplib.error_proto: b'-ERR unknown command'",
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3.11/poplib.py", line 391, in capa',
      'poplib.error_proto: -ERR CAPA not supported by server',
    ])!;
    expect(rootCause(trace)?.lineNumber).toBe(1);
  });

  it("OpenPop's inner PopServerException quoting a line that is no POP reply leads: a protocol error", () => {
    const findings = explain(OPENPOP_CHAIN, { lang: 'en' }).findings;
    expect(findings[0]).toMatchObject({ category: 'server.protocol-error', lineNumber: 3 });
    expect(findings.map((f) => f.category)).toContain('auth.failed');
  });
});

describe("a POP library's own exception as evidence, with no -ERR in the paste", () => {
  it('yapople\'s "Error: ." raised in Client.onData: the server sent a line that is no reply', () => {
    expect(first(YAPOPLE)).toMatchObject({
      category: 'server.protocol-error',
      rule: 'library-reply-not-status',
    });
  });

  it('the same "Error: ." without a frame of POP code says nothing about POP', () => {
    expect(explain('Error: .\n    at Socket.emit (events.js:315:20)', { lang: 'en' }).outcome).toBe(
      'not-pop',
    );
  });

  it('Angus Mail\'s "this.resp is null" in POP3Store.protocolConnect: no reply was read (not a refused login)', () => {
    const paste = [
      '::: AuthenticationFailedException stackTrace ::: jakarta.mail.AuthenticationFailedException: Cannot read field "ok" because "this.resp" is null',
      '    at org.eclipse.angus.mail.pop3.POP3Store.protocolConnect(POP3Store.java:194)',
      '    at jakarta.mail.Service.connect(Service.java:345)',
    ].join('\n');
    expect(first(paste)).toMatchObject({ category: 'connect.timeout', rule: 'library-no-reply' });
  });

  it('OpenPop failing inside CheckFailedLoginServerResponse: the login was refused', () => {
    const paste = [
      'System Error : System.NullReferenceException: Object reference not set to an instance of an object.',
      '   at OpenPop.Pop3.Pop3Client.CheckFailedLoginServerResponse(String serverErrorResponse, PopServerException e)',
      '   at OpenPop.Pop3.Pop3Client.Authenticate(String username, String password, AuthenticationMethod authenticationMethod)',
    ].join('\n');
    expect(first(paste)).toMatchObject({ category: 'auth.failed', rule: 'library-login-failed' });
  });

  // glpi-project/glpi#9215 (reports batch 3): laminas-mail's "last request failed" is any reply but +OK; the
  // frame of the login call says which command got it.
  const LAMINAS = [
    '[2021-06-28 12:28:23] glpiphplog.ERROR: MailCollector::collect() in /var/www/html/glpi/inc/mailcollector.class.php line 689',
    'An error occured trying to connect to collector. last request failed',
    ' #0 /var/www/html/glpi/vendor/laminas/laminas-mail/src/Protocol/Pop3.php(192): Laminas\\Mail\\Protocol\\Pop3->readResponse()',
    '#1 /var/www/html/glpi/vendor/laminas/laminas-mail/src/Protocol/Pop3.php(244): Laminas\\Mail\\Protocol\\Pop3->request()',
    '#2 /var/www/html/glpi/vendor/laminas/laminas-mail/src/Storage/Pop3.php(155): Laminas\\Mail\\Protocol\\Pop3->login()',
    '#3 /var/www/html/glpi/inc/toolbox.class.php(2348): Laminas\\Mail\\Storage\\Pop3->__construct()',
  ].join('\n');

  it("laminas-mail refused inside the login call: the login was refused, with a PHP library's advice", () => {
    expect(first(LAMINAS)).toMatchObject({
      category: 'auth.failed',
      rule: 'library-login-failed',
      entry: 'client-login-refused',
    });
  });

  it('laminas-mail refused in another call, or failing in the login call for another reason, is no refused login', () => {
    expect(first(LAMINAS.replace('Pop3->login()', 'Pop3->getList()'))?.rule).not.toBe('library-login-failed');
    expect(first(LAMINAS.replace('last request failed', 'cannot read - connection closed?'))?.rule).not.toBe(
      'library-login-failed',
    );
  });

  it('JavaMail\'s "no password specified?" is a program given no password, not a refused login', () => {
    // spring-projects/spring-integration-samples#207 (reports batch 3)
    const paste = [
      'SEVERE: org.springframework.messaging.MessagingException: failure occurred while polling for mail; nested exception is javax.mail.AuthenticationFailedException: failed to connect, no password specified?',
      '\tat org.springframework.integration.mail.MailReceivingMessageSource.receive(MailReceivingMessageSource.java:131)',
    ].join('\n');
    expect(first(paste)).toMatchObject({ category: 'client.config', entry: 'client-no-credentials' });
    // The same exception carrying the server's refusal stays a refused login.
    expect(first('javax.mail.AuthenticationFailedException: [AUTH] Authentication failed.')?.category).toBe(
      'auth.failed',
    );
  });

  it('JavaMail\'s bare "failed to connect" is a store given no server host, not a refused login', () => {
    // salyh/elasticsearch-imap#11 (reports batch 4, tuning): the store protocol is pop3, the host set only as
    // mail.imap.host, so POP3Store.protocolConnect returns false and Service.connect says "failed to connect".
    const paste = [
      '   "mail.store.protocol":"pop3",',
      '   "mail.imap.host":"cto-sdx01",',
      '   "mail.imap.port":110,',
      '[2014-07-25 15:17:19,420][ERROR][de.saly.elasticsearch.support.MailFlowJob] Error in mail flow job group1.org.elasticsearch.river.RiverName@1fa28fae--578680900: javax.mail.AuthenticationFailedException: failed to connect job',
      'javax.mail.AuthenticationFailedException: failed to connect',
      '        at javax.mail.Service.connect(Service.java:401)',
    ].join('\n');
    expect(first(paste)).toMatchObject({ category: 'client.config', entry: 'client-javamail-no-host' });
    expect(first('jakarta.mail.AuthenticationFailedException: failed to connect')?.entry).toBe(
      'client-javamail-no-host',
    );
    // Its two siblings say which credential was missing; the server's refusal stays a refused login.
    expect(
      first('javax.mail.AuthenticationFailedException: failed to connect, no user name specified?'),
    ).toMatchObject({
      category: 'client.config',
      entry: 'client-no-credentials',
    });
    expect(
      first('javax.mail.AuthenticationFailedException: -ERR [AUTH] Authentication failed')?.category,
    ).toBe('auth.failed');
  });

  it('a provider\'s "Download exceed" raised by poplib is its download allowance, not a missing message', () => {
    // zhangyunhao116/zmail#115 (reports batch 1, tuning): it passes once the provider's allowance resets.
    const paste = [
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.6/site-packages/zmail/server.py", line 362, in get_mail',
      '    return self.server.retr(which)[1]',
      '  File "/usr/lib64/python3.6/poplib.py", line 248, in retr',
      "    return self._longcmd('RETR %s' % which)",
      '  File "/usr/lib64/python3.6/poplib.py", line 152, in _getresp',
      '    raise error_proto(resp)',
      "poplib.error_proto: b'-ERR Download exceed. msg=10'",
    ].join('\n');
    expect(first(paste)).toMatchObject({
      category: 'server.temporary',
      entry: 'download-limit-exceeded',
      retry: true,
    });
    // Another refusal of RETR keeps its own reading.
    expect(first(paste.replace('Download exceed. msg=10', 'There is no message 10'))?.category).toBe(
      'message.not-found',
    );
  });

  it("c-client's failed STLS handshake, with no /ssl asked for, is TLS the server cannot provide", () => {
    // freescout-help-desk/freescout#4360 (reports batch 1, tuning): webklex/php-imap joins c-client's errors.
    const paste =
      "Error: connection setup failed: Authentication failedimap_open(): Couldn't open stream {mail.xxxx.com.tw:110/pop3}. TLS/SSL failure for mail.ksmt.com.tw: SSL negotiation failed; File: /www/html/overrides/webklex/php-imap/src/Client.php (391)";
    expect(first(paste)).toMatchObject({
      category: 'tls.unavailable',
      entry: 'c-client-ssl-negotiation-failed',
    });
    // With /ssl, TLS was asked from the first byte: the same words are most often a plain port, not this entry.
    expect(first(paste.replace('110/pop3}', '110/pop3/ssl}'))?.entry).not.toBe(
      'c-client-ssl-negotiation-failed',
    );
  });

  it("c-client refusing the mailbox string itself is the program's setting, whatever flags the string names", () => {
    // Webklex/php-imap#139 (reports batch 1, tuning): the words inside the braces are the string, not the network.
    const line =
      "Unknown: Can't get status of mailbox {pop3.***.nl:995/pop3/novalidate-cert/ssl}INBOX: invalid remote specification (errflg=2)";
    expect(first(line)).toMatchObject({
      category: 'client.config',
      entry: 'c-client-invalid-remote-specification',
    });
    // c-client's certificate failure for the same host stays a certificate problem.
    expect(
      first('Notice: Unknown: Certificate failure for pop3.example.nl: self signed certificate (errflg=2)')
        ?.category,
    ).toBe('tls.certificate');
  });

  it('K-9\'s "Unable to execute POP3 command" is a POP error whose reply the paste does not show', () => {
    expect(first(K9)).toMatchObject({ category: 'unknown', rule: 'library-pop-failed' });
  });

  it('a line that says more outranks it: the -ERR K-9 quotes is the finding, alone', () => {
    const findings = explain(`${K9}\n-ERR [IN-USE] Unable to lock maildrop`, { lang: 'en' }).findings;
    expect(findings.map((f) => f.category)).toEqual(['mailbox.locked']);
  });

  it.each(LANGS)('the because line names the exception (%s)', (lang) => {
    const finding = explain(YAPOPLE, { lang }).findings[0];
    expect(finding?.because).toContain('Error: .');
    expect(finding?.because).not.toMatch(/\{\w+\}/);
  });
});

describe('client logs read as sessions', () => {
  it("a proxy's byte log (b'…\\r\\n'): USER accepted, AUTH XOAUTH2 challenged, then refused: the OAuth token", () => {
    const at = 'POP (10.1.2.90:64286-{172.15.0.1:1995}-outlook.office365.com:995)';
    const paste = [
      `2024-04-29 13:13:27: ${at} --> b'USER user@domain.com\\r\\n'`,
      `2024-04-29 13:13:27: ${at} <-- b'+OK\\r\\n'`,
      `2024-04-29 13:13:27: ${at} --> b'PASS xxxxxx\\r\\n'`,
      `2024-04-29 13:13:27: ${at}     --> b'AUTH XOAUTH2\\r\\n'`,
      `2024-04-29 13:13:27: ${at}     <-- b'+ \\r\\n'`,
      `2024-04-29 13:13:36: ${at}     <-- b'-ERR Authentication failure: unknown user name or bad password.\\r\\n'`,
    ].join('\n');
    const findings = explain(paste, { lang: 'en' }).findings;
    expect(findings.map((f) => f.category)).toEqual(['auth.oauth-token']);
    expect(findings[0]).toMatchObject({ lineNumber: 6, command: 'AUTH XOAUTH2' });
  });

  it("hMailServer's external-account debug log: plain text to 995, 0 bytes, End of file → TLS mismatch", () => {
    const paste = [
      '"DEBUG"   2396   "2018-01-30 22:08:30.295"   "Retrieving messages from external account admin"',
      '"DEBUG"   2396   "2018-01-30 22:08:30.311"   "Creating session 95"',
      '"TCPIP"   2396   "2018-01-30 22:08:30.311"   "Connecting to [PUBLIC-IP]:995..."',
      '"DEBUG"   2908   "2018-01-30 22:08:30.405"   "TCP connection started for session 95"',
      '"DEBUG"   2908   "2018-01-30 22:11:30.554"   "The read operation failed. Bytes transferred: 0 Remote IP: [PUBLIC-IP], Session: 95, Code: 2, Message: End of file"',
      '"DEBUG"   2908   "2018-01-30 22:11:30.554"   "Ending session 95"',
    ];
    expect(first(paste.join('\n'))).toMatchObject({ category: 'tls.mismatch', rule: 'plain-to-tls-port' });
    // The same log with the session's TLS handshake shows no mismatch.
    const withTls = [
      ...paste.slice(0, 4),
      '"DEBUG"   2908   "…"   "Performing SSL/TLS handshake for session 95"',
    ];
    expect(first([...withTls, ...paste.slice(4)].join('\n'))?.category).not.toBe('tls.mismatch');
  });

  it('a "+ERR" quoted in prose is a reply that breaks POP, not an unknown -ERR', () => {
    const paste =
      'When FolderManager::GetInboxMessages failed during PASS, the server responded with "+ERR Server error: Failed to fetch messages in Inbox.". POP3 only defines "+OK" and "-ERR" as status indicators';
    expect(first(paste)).toMatchObject({ category: 'server.protocol-error' });
  });
});

describe('errors quoted in prose', () => {
  it('a server log line quoted after a question (logs tuning, vi) is read by the log parser', () => {
    const paste =
      'Dòng này trong nhật ký Dovecot nghĩa là gì vậy? "Dec 07 02:49:27 master: Warning: service(pop3): client_limit/service_count (1) reached, client connections are being dropped"';
    expect(first(paste)?.category).toBe('server.temporary');
  });

  // gui tuning: Thunderbird 153 fr against a Dovecot whose Maildir was made unreadable.
  it.each([
    [
      'fr',
      'La commande STAT a échoué. Erreur lors de la récupération des tailles et du nombre de messages. Le serveur de courrier 127.0.0.2 a répondu : [SYS/TEMP] Internal error occurred. Refer to server log for more information. [2026-12-07 03:55:57]',
    ],
  ])("Thunderbird's failed step quoting a coded reply: the reply's words decide (%s)", (_lang, paste) => {
    expect(first(paste)?.category).toBe('server.temporary');
  });

  // gui-more tuning: Thunderbird 153 against servers that refuse APOP and drop an idle session.
  it.each([
    [
      'Sending of username did not succeed. Mail server 127.0.0.21 responded: Unsupported authentication mechanism.',
      'auth.mechanism',
    ],
    [
      'Échec de l’envoi du nom d’utilisateur. Le serveur de courrier 127.0.0.21 a répondu : Unsupported authentication mechanism.',
      'auth.mechanism',
    ],
    [
      'Échec de l’envoi du nom d’utilisateur. Le serveur de courrier 127.0.0.25 a répondu : Disconnected for inactivity.',
      'session.timeout',
    ],
  ])('what the server said decides over the step the program names: %s', (paste, category) => {
    expect(first(paste)?.category).toBe(category);
  });
});

describe("Claws Mail's and Sylpheed's log: the error before the summary decides", () => {
  // gui and gui-more tuning: Claws Mail 4.1.1, Sylpheed 3.7 (en/fr/vi).
  it.each([
    'Error occurred while processing mail.',
    '[2026-12-07 06:08:26] *** error: Une erreur est survenue pendant le traitement du message.',
    'Có lỗi khi xử lí thư.',
  ])('the summary alone is a POP error whose reply is not shown: %s', (paste) => {
    expect(first(paste)).toMatchObject({ category: 'unknown', entry: 'sylpheed-error-processing-mail' });
  });

  it('with the reply on the next line, the reply is the finding', () => {
    const paste =
      'Error occurred while processing mail:\n-ERR [SYS/TEMP] Internal error occurred. Refer to server log for more information. [2026-12-07 03:46:12]';
    expect(explain(paste, { lang: 'en' }).findings.map((f) => f.category)).toEqual(['server.temporary']);
  });
});

describe("a client's own time-out read against the session", () => {
  // gui-more tuning: Sylpheed 3.7 against a server that greets, then never answers USER.
  it.each([
    ['en', '** warning: Session timed out.'],
    ['vi', '** warning: Phiên làm việc hết giờ.'],
  ])('a time-out while USER waits for its reply: the server did not answer (%s)', (_lang, warning) => {
    const paste = [
      '[05:55:55] * message: Connecting to POP3 server: 127.0.0.23...',
      '[05:55:55] POP3< +OK POP3 server ready',
      '[05:55:55] POP3> USER alice',
      `[05:56:15] ${warning}`,
    ].join('\n');
    expect(first(paste)).toMatchObject({
      category: 'connect.timeout',
      rule: 'client-timeout-awaiting-reply',
    });
  });

  // gui-more tuning: Sylpheed against a port that accepts the connection and never greets.
  it.each([
    ['en', 'Connecting to POP3 server: 127.0.0.3...', 'Session timed out.'],
    ['vi', 'Đang kết nối tới máy chủ POP3: 127.0.0.3...', 'Phiên làm việc hết giờ.'],
  ])(
    'a time-out after connecting, before any greeting: the server never greeted (%s)',
    (_lang, connecting, warning) => {
      const paste = `[06:17:58] * message: ${connecting}\n[06:18:18] ** warning: ${warning}`;
      expect(first(paste)).toMatchObject({
        category: 'connect.timeout',
        rule: 'client-timeout-awaiting-reply',
      });
    },
  );

  it('the same warning with no command waiting is no such thing', () => {
    expect(first('[05:56:15] ** warning: Session timed out.')?.rule).toBeUndefined();
  });

  it.each(LANGS)('its because line (%s)', (lang) => {
    const paste = 'POP3< +OK POP3 server ready\nPOP3> USER alice\n** warning: Session timed out.';
    expect(explain(paste, { lang }).findings[0]?.because).toMatch(/\S/);
  });
});
