import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { PRIOR_RULES } from '../../src/explain/rules/session-rules.js';
import { LANGS } from '../../src/i18n/lang.js';
import { rules } from '../../src/i18n/rule-messages.js';

// Session 11's reading of POP servers' own replies (the servers-source-2 set, scripts/servers-source/batch-2):
// the tuning replies each class was built from, as a user pastes them (a bare line, or inside the session that
// shows the command they answer). Each class is a shape of a server's words (a usage line, a request for a
// missing argument, an ordering complaint, TLS already on) or what the command answered decides (RFC 1939 §5,
// §6), never one server's sentence: each test pairs replies of different servers.

const first = (text: string, lang: 'en' | 'fr' | 'vi' = 'en') => explain(text, { lang }).findings[0];
const categoryOf = (text: string) => first(text)?.category;

/** A session as the server's source answers each step (scripts/servers-source/batch-2/servers.yaml). */
const session = (greeting: string, steps: readonly (readonly [string, string])[]) =>
  [`S: ${greeting}`, ...steps.flatMap(([c, s]) => [`C: ${c}`, `S: ${s}`])].join('\n');

const ZIMBRA = '+OK mail.example.net Zimbra POP3 server ready';
const ZIMBRA_LOGIN = [
  ['USER alice', '+OK hello alice, please enter your password'],
  ['PASS ********', '+OK server ready'],
] as const;
const PERDITION = '+OK POP3 perditon ready on proxy.example.net 0a1b2c3d';

describe('a reply that tells the form the command needs (command.syntax)', () => {
  it.each([
    ['-ERR Usage: RETR [mail number]'], // Apache James POP3MessageCommandDelegate.java:85
    ['-ERR Usage: TOP [mail number] [line count]'], // Apache James TopCmdHandler.java:49
    ['-ERR please specify a message and number of lines'], // Zimbra Pop3Handler.java:725
    ['-ERR please specify a non-negative value for number of lines'], // Zimbra Pop3Handler.java:731
    ['-ERR Mate, try: USER <username>'], // perdition pop3_in.c:344
    ['-ERR Invalid AUTH request.'], // Apache James AuthCmdHandler.java:121
    ['-ERR invalid request. please specify a command'], // Zimbra Pop3Handler.java:228
    ['-ERR username length too long'], // Zimbra Pop3Handler.java:481
  ])('%s', (line) => {
    const finding = first(line);
    expect(finding?.category).toBe('command.syntax');
    expect(finding?.entry).toBe('invalid-arguments');
  });

  it('a request for the user name to come first is an ordering, not a missing argument (Zimbra)', () => {
    expect(categoryOf('-ERR please specify username first with the USER command')).toBe('command.state');
  });

  it('the words tell the form even answering a login command (perdition, USER without a name)', () => {
    const text = session(PERDITION, [['USER', '-ERR Mate, try: USER <username>']]);
    expect(categoryOf(text)).toBe('command.syntax');
  });
});

describe('a reply that says which step must come first (command.state)', () => {
  it.each([
    ['-ERR this command is only valid after a login'], // Zimbra Pop3Handler.java:465
    ['-ERR this command is only valid prior to login'], // Zimbra Pop3Handler.java:643
    ['-ERR authorization first'], // qmail-popup.c:56
    ['-ERR USER first'], // qmail-popup.c:55
    ['-ERR [AUTH] Must give USER command'], // Cyrus pop3d.c:1302 (the live cyrus set's tuning part)
  ])('%s', (line) => {
    expect(categoryOf(line)).toBe('command.state');
  });

  it('"must issue a STLS command first" stays a demand for TLS', () => {
    expect(categoryOf('-ERR must issue a STLS command first')).toBe('tls.required');
  });
});

describe('TLS already on: STLS refused for its timing, not for want of TLS', () => {
  it.each([
    ['-ERR TLS already active, mate'], // perdition pop3_in.c:337
    ['-ERR command not valid while in TLS mode'], // Zimbra Pop3Handler.java:646
  ])('%s, answering STLS right after the greeting', (reply) => {
    // The paste does not show the first STLS: the words say TLS is on, and they outrank the rule that reads
    // a refused STLS before the login as a server without TLS.
    const finding = first(session(PERDITION, [['STLS', reply]]));
    expect(finding?.category).toBe('command.state');
    expect(finding?.rule).toBeUndefined();
  });
});

describe('TLS and mechanisms named in general words', () => {
  it.each([
    ['-ERR Authentication requires TLS.', 'tls.required'], // Apache James AuthCmdHandler.java:78
    ['-ERR Cannot authenticate over plain-text.', 'tls.required'], // Stalwart (servers-source)
    ['-ERR TLS not present', 'tls.unavailable'], // perdition perdition.c:1000
    ['-ERR SASL mechanism unavailable', 'auth.mechanism'], // perdition perdition.c:1044
    ['-ERR unable to open pipe', 'server.temporary'], // qmail-popup.c:48
  ])('%s → %s', (line, category) => {
    expect(categoryOf(line)).toBe(category);
  });

  it('a client that says TLS is not configured is no server without TLS (mailutils movemail)', () => {
    expect(categoryOf('movemail: TLS is not configured, but requested in the configuration')).not.toBe(
      'tls.unavailable',
    );
  });
});

describe('the command a reply answers decides where its words are generic', () => {
  it('RETR after the login: words that read as an unknown user are about the message (Zimbra NO_SUCH_BLOB)', () => {
    const reply = '-ERR No such blob: mailbox=5, item=312, change=1840';
    const finding = first(session(ZIMBRA, [...ZIMBRA_LOGIN, ['RETR 3', reply]]));
    expect(finding?.category).toBe('message.unavailable');
    expect(finding?.rule).toBe('message-read-refused');
    expect(finding?.command).toBe('RETR 3');
    expect(finding?.because).toContain('RETR 3');
    // The bare line shows no command: its words alone decide, and they do not say "message".
    expect(categoryOf(reply)).not.toBe('message.unavailable');
  });

  it('RETR after the login: a [SYS/PERM] code alone says the message cannot be read (Kopano)', () => {
    const text = [
      '+OK POP3 gateway ready',
      'USER alice',
      '+OK Waiting for password',
      'PASS ********',
      '+OK Username and password accepted',
      'RETR 2',
      '-ERR [SYS/PERM] Converting MAPI to MIME error',
    ].join('\n');
    expect(categoryOf(text)).toBe('message.unavailable');
  });

  it('the same words answering PASS stay a refused login', () => {
    const reply = '-ERR No such blob: mailbox=5, item=312, change=1840';
    const finding = first(session(ZIMBRA, [ZIMBRA_LOGIN[0], ['PASS ********', reply]]));
    expect(finding?.rule).not.toBe('message-read-refused');
  });

  it('QUIT after the login: any refusal is a deletion not applied (Zimbra "deleted 2/3 message(s)")', () => {
    const text = session(ZIMBRA, [
      ...ZIMBRA_LOGIN,
      ['DELE 1', '+OK message 1 marked for deletion'],
      ['QUIT', '-ERR deleted 2/3 message(s)'],
    ]);
    const finding = first(text);
    expect(finding?.category).toBe('update.delete-failed');
    expect(finding?.rule).toBe('quit-refused-after-login');
    expect(finding?.state).toBe('UPDATE');
    const fr = first(text, 'fr');
    expect(fr?.because).toContain('QUIT');
    expect(fr?.because).toContain('\u00a0:');
  });

  it('QUIT with an argument never ran: its syntax refusal is kept (Cyrus "Unexpected extra argument")', () => {
    const text = session(ZIMBRA, [...ZIMBRA_LOGIN, ['QUIT now', '-ERR Unexpected extra argument']]);
    expect(categoryOf(text)).toBe('command.syntax');
  });
});

describe('a refusal that says the message named cannot be opened', () => {
  const LOGIN = ['USER alice', '+OK', 'PASS ********', '+OK Username and password accepted'];
  it.each([
    // Kopano gateway/POP3.cpp (its store calls a message an entry), Inbucket pkg/server/pop3/handler.go:483
    // (servers-source tuning), each answering RETR of a listed message.
    ['+OK POP3 gateway ready', 'RETR 2', '-ERR Failing to open entry'],
    ['+OK Inbucket POP3 server ready', 'RETR 1', '-ERR Failed to RETR that message, internal error'],
  ])('%s … %s → %s', (greeting, command, reply) => {
    const finding = first([greeting, ...LOGIN, command, reply].join('\n'));
    expect(finding?.category).toBe('message.unavailable');
    expect(finding?.entry).toBe('message-cannot-be-read');
  });

  it('a list of messages that cannot be got is the mailbox, not one message (SnappyMail)', () => {
    expect(categoryOf("Can't get message list")).not.toBe('message.unavailable');
  });
});

describe('solid-pop3d (servers-source-3 tuning): what the login and the maildrop say', () => {
  const SOLID = '+OK Solid POP3 server ready <31326.1796596307@mail.example.net>';
  const SOLID_USER = ['USER alice', '+OK username accepted'] as const;

  it('a message file it cannot open while it loads the maildrop at PASS is the mailbox, not a message', () => {
    const text = session(SOLID, [SOLID_USER, ['PASS ********', "-ERR can't open message file"]]);
    const finding = first(text);
    expect(finding?.category).toBe('mailbox.unavailable');
    expect(finding?.rule).toBe('maildrop-unreadable-at-login');
    expect(first(text, 'vi')?.because).toContain('PASS');
  });

  it('the same words answering RETR after the login stay about that message', () => {
    const text = session(SOLID, [
      SOLID_USER,
      ['PASS ********', '+OK authentication successful'],
      ['RETR 1', "-ERR can't open message file"],
    ]);
    expect(categoryOf(text)).toBe('message.unavailable');
  });

  it.each([
    ['-ERR operation not supported by maildrop'], // solid-pop3d src/main.c:681 (TOP on a maildrop without it)
    ['-ERR [SYS/PERM] Command not supported'], // Bongo (the entry's example)
  ])('%s: a command this server lacks', (line) => {
    expect(categoryOf(line)).toBe('command.unknown');
  });
});

describe('the prior rules', () => {
  it('each has a "because" line in every language', () => {
    for (const lang of LANGS)
      for (const rule of PRIOR_RULES)
        expect(rules.messages[lang][rule.id], `${lang} ${rule.id}`).toBeTruthy();
  });
});

describe('a per-reply confidence told honestly', () => {
  it("a shape of many servers' words is less certain than a wording a server was seen to send", () => {
    const shape = first('-ERR authorization first'); // qmail-popup.c:56, read by generic-not-authenticated
    const wording = first('-ERR this command is only valid in authorization state'); // Zimbra, its own entry
    expect(shape?.entry).toBe('generic-not-authenticated');
    expect(shape?.confidence).toBe(0.7);
    expect(wording?.entry).toBe('command-not-valid-in-state');
    expect(wording?.confidence).toBeGreaterThan(0.85);
  });
});

describe('a refusal that lists the commands the server takes', () => {
  // perdition's reply before the login (pop3_in.c:250), captured live in the proxies set (tuning) for AUTH.
  const LISTED = '-ERR Mate, the command must be one of STLS, CAPA, USER, PASS or QUIT';
  const PERDITION_LIVE = '+OK POP3 perditon ready on 127.0.0.2 00031e50';

  it('a login command left out of the list is a login method the server does not offer', () => {
    const finding = first([PERDITION_LIVE, 'AUTH CRAM-MD5', LISTED].join('\n'));
    expect(finding?.category).toBe('auth.mechanism');
    expect(finding?.rule).toBe('login-method-not-listed');
    expect(finding?.because).toContain('STLS, CAPA, USER, PASS, QUIT');
    expect(first([PERDITION_LIVE, 'AUTH CRAM-MD5', LISTED].join('\n'), 'fr')?.because).toContain(
      "AUTH n'en fait pas partie",
    );
  });

  it('a mailbox command left out before the login is sent too early', () => {
    expect(categoryOf([PERDITION_LIVE, 'RETR 1', LISTED].join('\n'))).toBe('command.state');
  });

  it('a login command the list names is not refused for its method', () => {
    const finding = first([PERDITION_LIVE, 'USER', '-ERR Mate, try: USER <username>'].join('\n'));
    expect(finding?.rule).not.toBe('login-method-not-listed');
  });
});

describe('the cause a reply names in general words', () => {
  it.each([
    // tpop3d pop3.c and GreenMail UserCommand.java:41 (servers-source tuning).
    ["-ERR Can't send that message; it may have been deleted by a concurrent session", 'message.expunged'],
    [
      "-ERR com.icegreen.greenmail.user.UserException: Unable to find or create user 'bob'",
      'auth.unknown-user',
    ],
  ])('%s → %s', (line, category) => {
    expect(categoryOf(line)).toBe(category);
  });

  it('a hedge between two causes is not read as another session (magma: "deleted by another connection or is corrupted")', () => {
    const line =
      '-ERR The message you requested could not be loaded into memory. It has either been deleted by another connection or is corrupted.';
    expect(categoryOf(line)).toBe('message.unavailable');
  });
});
