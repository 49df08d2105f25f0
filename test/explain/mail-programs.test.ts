import { describe, expect, it } from 'vitest';
import { concludeFromFacts } from '../../src/explain/client-output/facts.js';
import { explain } from '../../src/explain/explain.js';
import { statusLineMessage } from '../../src/explain/lines/status-line.js';

/**
 * What mail programs print when a POP session fails, read the way other clients' output is read. Every text
 * is a real output of the clients-live capture, tuning part (scripts/clients-live,
 * test/fixtures/captured/clients-live): Alpine 2.26 (UW c-client), fdm 1.9, mailfilter 0.8.9, Perl
 * Mail::Box::POP3 3.005, poplib 0.1.7's demo.
 */

const first = (paste: string) => explain(paste, { lang: 'en' }).findings[0];
const lines = (paste: string) => paste.split('\n');

/** Real outputs and the category each shows: the status line's message, or the reply it quotes. */
const STATUS_LINES: readonly { name: string; lines: string[]; category: string; code?: string }[] = [
  {
    name: 'is read as a message of its own (c-client\'s "Can\'t login to this server")',
    lines: [
      "[>Can't login to this server<]",
      '[>Unable to open folder "{127.0.0.2:39103/pop3/notls/user=alice}INBOX"<]',
    ],
    category: 'auth.failed',
  },
  {
    name: 'a broken connection in the status line is a reset',
    lines: [
      '[>POP3 connection broken in response<]',
      '[>Unable to open folder "{127.0.0.1:44621/pop3/notls/user=alice}INBOX"<]',
    ],
    category: 'connect.reset',
  },
  {
    name: 'a response code first is the server\'s reply, its "-ERR" taken off by the program',
    lines: ['[>[LOGIN-DELAY] Logged in too recently, wait 15 minutes.<]', '[>Login aborted<]'],
    category: 'auth.login-delay',
    code: 'LOGIN-DELAY',
  },
  {
    name: '"Retrying PLAIN authentication after …" quotes the reply that refused the login: it decides',
    lines: [
      '[>SECURITY PROBLEM: insecure server advertised AUTH=PLAIN<]',
      '[>Retrying PLAIN authentication after [SYS/TEMP] Internal error occurred. Refer to server log for more information.<]',
      '[>POP3 Authentication cancelled<]',
    ],
    category: 'server.temporary',
  },
];

describe("a terminal program's status line: the message between [> and <]", () => {
  it.each(STATUS_LINES)('$name', ({ lines, category, code }) => {
    const f = first([...lines, 'Alpine finished'].join('\n'));
    expect(f?.category).toBe(category);
    if (code) expect(f?.responseCode).toBe(code);
  });

  it('only the whole-line [>…<] form is a status line; a log prefix in brackets is none', () => {
    expect(statusLineMessage('[12:00:01] -ERR x')).toBeUndefined();
    expect(statusLineMessage('[>Login aborted<]')).toEqual({ kind: 'message', text: 'Login aborted' });
  });
});

/** fdm's "<account>: unexpected data: <reply>": what follows is the reply it could not use. */
const UNEXPECTED_DATA: readonly { name: string; line: string; category: string }[] = [
  {
    name: 'a reply without its status sign breaks the protocol',
    line: 'home: unexpected data: OK Logged in.',
    category: 'server.protocol-error',
  },
  {
    name: "another protocol's greeting stays one",
    line: 'home: unexpected data: 220 mx.example.com ESMTP Postfix (Debian/GNU)',
    category: 'connect.wrong-service',
  },
  {
    name: 'a -ERR keeps its own meaning',
    line: 'home: unexpected data: -ERR [LOGIN-DELAY] Logged in too recently, wait 15 minutes.',
    category: 'auth.login-delay',
  },
];

describe('the reply a program quotes as "unexpected data" (fdm)', () => {
  it.each(UNEXPECTED_DATA)('$name', ({ line, category }) => {
    const paste = [line, 'home: fetching error. aborted', 'home: 0 messages processed in 0.018 seconds'];
    expect(first(paste.join('\n'))?.category).toBe(category);
  });
});

describe('a command failed on a message number past the count the same output gives (RFC 1939 §5)', () => {
  // poplib's demo: LIST counted 20 messages, then TOP on message 123123 failed.
  const POPLIB = [
    'CONNECT success',
    'LOGIN/PASS success',
    'STAT success',
    'LIST success with 20 element(s)',
    'UIDL success',
    'TOP failed for msgnumber 123123',
    'QUIT success',
  ];

  it('names no message', () => {
    const f = first(POPLIB.join('\n'));
    expect(f).toMatchObject({ category: 'message.not-found', rule: 'message-past-count' });
  });

  it('a command named as failed and nothing else is a POP error the paste does not explain', () => {
    const paste = ['CONNECT success', 'LOGIN/PASS success', 'NOOP success', 'STAT failed', 'QUIT success'];
    expect(first(paste.join('\n'))).toMatchObject({ category: 'unknown', rule: 'library-pop-failed' });
  });

  it('a script\'s "No message 99" after "20 messages" too', () => {
    expect(first('No message 99\n20 messages')?.category).toBe('message.not-found');
  });

  it('a number inside the count proves nothing, and a -ERR the output shows says why itself', () => {
    const inside = concludeFromFacts(lines('LIST success with 20 element(s)\nTOP failed for msgnumber 3'));
    expect(inside?.rule.id).not.toBe('message-past-count');
    const traced = [...POPLIB.slice(0, 5), "Server: '-ERR Message can not load.\\r\\n'", ...POPLIB.slice(5)];
    expect(concludeFromFacts(lines(traced.join('\n')))?.rule.id).not.toBe('message-past-count');
  });
});

/** The programs' own words, as whole outputs (knowledge entries fdm-connection-closed, mail-box-*). */
const PROGRAM_WORDS: readonly { name: string; lines: string[]; category: string }[] = [
  {
    name: 'fdm: "<account>: connection closed" is a dropped connection',
    lines: [
      'home: connection closed',
      'home: fetching error. aborted',
      'home: 0 messages processed in 0.034 seconds',
    ],
    category: 'connect.reset',
  },
  {
    name: 'Mail::Box: "does not seem to be talking POP3" is no POP greeting',
    lines: [
      'ERROR: Server at 127.0.0.1:34819 does not seem to be talking POP3.',
      'ERROR: Cannot create POP3 client for inbox.',
      'WARNING: Folder does not exist, failed opening pop3 folder pop3://alice@127.0.0.1:34819.',
      'Cannot open the POP3 mailbox of alice',
    ],
    category: 'connect.wrong-service',
  },
  {
    name: 'Mail::Box: a message that "disappeared" could not be fetched',
    lines: [
      'WARNING: Message uid-1 disappeared from POP3 server inbox.',
      '2 messages',
      'WARNING: Message uid-2 disappeared from POP3 server inbox.',
    ],
    category: 'message.unavailable',
  },
  {
    name: 'Alpine: its SSL/TLS FAILURE screen, which suggests /notls, is TLS spoken to a plain port',
    lines: [
      'ALPINE 2.26   SSL/TLS FAILURE                                                  Folder: (CLOSED)',
      'There was an SSL/TLS failure for the server',
      '127.0.0.1',
      'The reason for the failure was',
      'SSL negotiation failed',
      'You may want to add the option',
      '/notls',
    ],
    category: 'tls.mismatch',
  },
];

describe("the programs' own words", () => {
  it.each(PROGRAM_WORDS)('$name', ({ lines: output, category }) => {
    expect(first(output.join('\n'))?.category).toBe(category);
  });
});

/**
 * A failure message that names the command and then gives the server's reply after a colon, its "-ERR" taken
 * off: NeoMutt's "Login failed PASS: …" (« La connexion a échoué PASS: … »), after its "SASL authentication
 * failed." about the AUTH it tried first. Real outputs of libraries-live batch 2 (NeoMutt 20220429), tuning
 * part: the reply says why, the program's own messages around it do not.
 */
const NEOMUTT_LOGIN = (reply: string, french = false): string =>
  (french
    ? [
        'Lecture de pop://alice@127.0.0.1:34087/...',
        'Recherche de 127.0.0.1...',
        'Connexion à 127.0.0.1...',
        'Authentification (PLAIN)...',
        'SASL authentication failed.',
        'Connexion...',
        `La connexion a échoué PASS: ${reply}`,
        'Fermeture de la connexion au serveur POP...',
        "Impossible d'ouvrir la BAL pop://alice@127.0.0.1:34087/",
      ]
    : [
        'Reading pop://alice@127.0.0.1:34087/...',
        'Looking up 127.0.0.1...',
        'Connecting to 127.0.0.1...',
        'Authenticating (PLAIN)...',
        'SASL authentication failed.',
        'Logging in...',
        `Login failed PASS: ${reply}`,
        'Closing connection to POP server...',
        'Unable to open mailbox pop://alice@127.0.0.1:34087/',
      ]
  ).join('\n');

describe('the reply a failure message gives after the command it names ("Login failed PASS: …")', () => {
  it.each([
    ['[SYS/TEMP] Internal error occurred. Refer to server log for more information.', 'server.temporary'],
    [
      '[IN-USE] Maximum number of connections from user+IP exceeded (mail_max_userip_connections=10)',
      'mailbox.too-many-sessions',
    ],
    ['[AUTH] Your account has been suspended.', 'auth.account-disabled'],
    ['OK Logged in.', 'server.protocol-error'],
  ])('%s', (reply, category) => {
    expect(first(NEOMUTT_LOGIN(reply))?.category).toBe(category);
    expect(first(NEOMUTT_LOGIN(reply, true))?.category).toBe(category);
  });

  it('the reply answers the command named: PASS, so a login refusal, not the SASL attempt before it', () => {
    const findings = explain(NEOMUTT_LOGIN('[AUTH] Your account has been suspended.'), {
      lang: 'en',
    }).findings;
    expect(findings.map((f) => f.category)).toEqual(['auth.account-disabled']);
    expect(findings[0]?.line).toBe('Login failed PASS: [AUTH] Your account has been suspended.');
  });

  it('a command named without a colon and a reply after it quotes nothing', () => {
    expect(first('Login failed.')?.category).toBe('auth.failed');
    expect(first('SASL authentication failed.\nLogging in...')?.category).toBe('auth.failed');
  });
});

describe("a debug trace that prints each wire line's repr (poplib 0.1.7 --debug on)", () => {
  // clients-live, fake/garbled-reply, poplib-debug: the server answered PASS without its "+".
  const TRACE = [
    "Server: '+OK fake POP3 ready\\r\\n'",
    'CONNECT success',
    "Client: 'USER alice\\r\\n'",
    "Server: '+OK\\r\\n'",
    "Client: 'PASS correct horse\\r\\n'",
    "Server: 'OK Logged in.\\r\\n'",
    'LOGIN/PASS success',
    "Client: 'CAPA\\r\\n'",
    "Server: '+OK\\r\\n'",
  ].join('\n');

  it('reads `Server:` before a quoted line with its CRLF as the server, whatever the line says', () => {
    const f = first(TRACE);
    expect(f).toMatchObject({ category: 'server.protocol-error', lineNumber: 6 });
  });

  it('a `Server:` before prose that is no wire line is still prose', () => {
    expect(first("Server: 'mail.example.com' is the one my provider gives")?.category).not.toBe(
      'server.protocol-error',
    );
  });
});

describe("Mutt's and NeoMutt's certificate question (asked only for a certificate they could not verify)", () => {
  // libraries-live batch 2, dovecot/untrusted-certificate, NeoMutt in fr_FR.UTF-8: the screen it waits on.
  const PAGE_FR = [
    '?:Aide',
    'Ce certificat appartient à :',
    '   localhost',
    '',
    'Ce certificat a été émis par :',
    '   popbot test CA',
    '',
    'Ce certificat est valide',
    '     de Sun, 6 Dec 2026 13:45:37 UTC',
    '      à Wed, 6 Jan 2027 13:45:37 UTC',
    '',
    'Empreinte SHA1 : 09DA 91B7 81F6 15E4 AF3F 110B 7840 264D 7EF6 6E20',
    'Vérification du certificat SSL (certificat 1 sur 1 dans la chaîne)',
    '(r)ejeter, accepter (u)ne fois, (a)ccepter toujours',
  ];

  it('is a certificate the program does not trust', () => {
    expect(first(PAGE_FR.join('\n'))?.category).toBe('tls.certificate');
    expect(
      first('SSL Certificate check (certificate 1 of 1 in chain)\n(r)eject, accept (o)nce, (a)ccept always')
        ?.category,
    ).toBe('tls.certificate');
  });

  it('the certificate details alone are no error', () => {
    expect(explain(PAGE_FR.slice(0, 12).join('\n'), { lang: 'en' }).findings).toEqual([]);
  });
});

describe('mailfilter names the login step that failed, never the reason (clients-live, tuning)', () => {
  it.each([
    'Dec 07 15:31:34 mailfilter: Error: Error occurred while sending username to server.',
    'Dec 07 15:31:34 mailfilter: Error: Error occurred while sending password to server.',
  ])('%s', (line) => {
    const paste = ['Dec 07 15:31:34 mailfilter: 0.8.9 querying alice@127.0.0.2.', line].join('\n');
    expect(first(paste)?.category).toBe('auth.failed');
  });
});

/**
 * clients-live batch 2, tuning part (scripts/clients-live, Debian 12): Mutt 2.2.12, nmh 1.8's inc with -snoop,
 * Emacs 28.2's pop3.el in batch mode, mailcheck 1.91.2.
 */
describe('nmh\'s -snoop trace: "=>" is what inc sent, "<=" what the server answered', () => {
  const TRACE = (reply: string) =>
    [
      'Trying to connect to "127.0.0.1" ...',
      'Connecting to 127.0.0.1:36865...',
      '<= +OK fake POP3 ready',
      '=> USER alice',
      '<= +OK',
      '=> PASS correct horse',
      `<= ${reply}`,
      '=> QUIT',
      '<= +OK Logging out.',
      `inc: ${reply}`,
    ].join('\n');

  it('a reply to PASS without its "+" is a reply that breaks POP', () => {
    expect(first(TRACE('OK Logged in.'))).toMatchObject({ category: 'server.protocol-error', lineNumber: 7 });
  });

  it('the password inc sent is masked like any PASS', () => {
    expect(explain(TRACE('OK Logged in.'), { lang: 'en' }).warnings.map((w) => w.code)).toContain(
      'secret.exposed',
    );
  });

  it('a CAPA that offers STLS and no way to log in, then "does not support SASL": the login waits for TLS', () => {
    const capa = [
      '<= +OK Dovecot (Debian) ready.',
      '=> CAPA',
      '<= +OK',
      '<= CAPA',
      '<= TOP',
      '<= UIDL',
      '<= RESP-CODES',
      '<= PIPELINING',
      '<= AUTH-RESP-CODE',
      '<= STLS',
      '<= SASL',
      '<= .',
      'inc: POP server does not support SASL',
    ];
    expect(first(capa.join('\n'))?.category).toBe('tls.required');
  });
});

describe('mailcheck quotes the reply as "Server said …"', () => {
  it('an unsigned reply is a reply that breaks POP, whatever mailcheck called it', () => {
    const out = [
      "mailcheck: Incorrect Password for user 'alice@127.0.0.1:36865'",
      'mailcheck: Server said OK Logged in.\r',
      'No new mail.',
    ];
    expect(first(out.join('\n'))?.category).toBe('server.protocol-error');
  });
});

describe('Emacs pop3.el in batch mode: the error and its backtrace', () => {
  const FRAMES = [
    '  pop3-movemail("/home/ana/mail/inbox")',
    '  load-with-code-conversion("/home/ana/mailcheck/pop3_m..." "/home/ana/mailcheck/pop3_m..." nil t)',
    '  command-line()',
    '  normal-top-level()',
  ];

  it('"Process POP not running" is the connection closed under it; the reply patterns in its frames are code', () => {
    const out = [
      'Debugger entered--Lisp error: (error "Process POP not running")',
      '  process-send-string(#<process POP> "CAPA\\15\\n")',
      '  network-stream-command(#<process POP> "CAPA\\15\\n" "^\\\\.\\15?\\n\\\\|^-ERR")',
      '  network-stream-open-starttls("POP" #<buffer  trace of POP session to 127.0.0.1> "127.0.0.1" 36477 (:type network :end-of-command "^\\\\(-ERR\\\\|+OK\\\\).*\\n" :end-of-capability "^\\\\.\\15?\\n\\\\|^-ERR"))',
      '  pop3-open-server("127.0.0.1" 36477)',
      ...FRAMES,
    ];
    const findings = explain(out.join('\n'), { lang: 'en' }).findings;
    expect(findings.map((f) => f.category)).toEqual(['connect.reset']);
  });

  it('a Lisp type error inside pop3.el is a POP failure whose cause the text does not show', () => {
    const out = [
      'Debugger entered--Lisp error: (wrong-type-argument processp nil)',
      '  set-process-query-on-exit-flag(nil nil)',
      '  pop3-open-server("127.0.0.1" 33651)',
      ...FRAMES,
    ];
    expect(first(out.join('\n'))).toMatchObject({ category: 'unknown' });
  });

  it("the server's -ERR the error carries says why", () => {
    const out = [
      'Debugger entered--Lisp error: (error "-ERR [AUTH] Authentication failed.")',
      '  error("%s" "-ERR [AUTH] Authentication failed.")',
      '  pop3-read-response(#<process POP> t)',
      '  pop3-pass(#<process POP>)',
      ...FRAMES,
    ];
    expect(first(out.join('\n'))?.category).toBe('auth.failed');
  });

  it('the same type error outside POP code is no POP failure', () => {
    const out = [
      'Debugger entered--Lisp error: (wrong-type-argument stringp nil)',
      '  string-search("<" nil)',
    ];
    expect(first(out.join('\n'))?.category).not.toBe('unknown');
  });
});

describe('Mutt\'s "Connection to … closed" before its summary "Error connecting to server"', () => {
  it.each([
    ['Connection to 127.0.0.1 closed', 'Error connecting to server: 127.0.0.1'],
    ['Connexion à 127.0.0.1 fermée', 'Erreur de connexion au serveur : 127.0.0.1'],
  ])('%s', (...out) => {
    expect(first(out.join('\n'))?.category).toBe('connect.reset');
  });
});

describe("Perl Mail::POP3Client's DEBUG trace (libraries-live, fake/garbled-reply, tuning)", () => {
  it('"POP3 <-" is the server\'s line: PASS answered without its "+" breaks POP', () => {
    const trace = [
      'POP3 <- +OK fake POP3 ready\r',
      ' at /home/ana/mailcheck/mail_pop3client.pl line 11.',
      'POP3 -> USER alice\r',
      ' at /home/ana/mailcheck/mail_pop3client.pl line 11.',
      'POP3 <- +OK\r',
      ' at /home/ana/mailcheck/mail_pop3client.pl line 11.',
      'POP3 -> PASS correct horse\r',
      ' at /home/ana/mailcheck/mail_pop3client.pl line 11.',
      'POP3 <- OK Logged in.\r',
      ' at /home/ana/mailcheck/mail_pop3client.pl line 11.',
    ];
    expect(first(trace.join('\n'))?.category).toBe('server.protocol-error');
  });
});

describe('a login "refusal" whose words say the login worked (clients-live, fake/garbled-reply, tuning)', () => {
  // Alpine (UW c-client) quotes the text after the status token; the server had answered "OK Logged in.".
  const ALPINE = [
    '[>SECURITY PROBLEM: insecure server advertised AUTH=PLAIN<]',
    '[>Retrying PLAIN authentication after Logged in.<]',
    '[>POP3 Authentication cancelled<]',
    '[>Unable to open folder "{127.0.0.1:40795/pop3/notls/user=alice}INBOX"<]',
    'Alpine finished',
  ];

  it('is a reply that breaks POP: its status was not +OK', () => {
    expect(first(ALPINE.join('\n'))?.category).toBe('server.protocol-error');
  });

  it('a refusal in words of refusal stays a refused login', () => {
    const refused = ALPINE.map((l) => l.replace('Logged in.', '[AUTH] Authentication failed.'));
    expect(first(refused.join('\n'))?.category).toBe('auth.failed');
  });
});
