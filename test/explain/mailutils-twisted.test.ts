import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';

/**
 * GNU Mailutils as a POP client, Twisted's POP3 client and Twisted's POP3 server, read as other programs'
 * output is read. Every text is a real output of the tuning parts of clients-live batch 3 and twisted-live
 * (scripts/clients-live, scripts/twisted-live; test/fixtures/captured/clients-live/*.batch-3.yaml,
 * test/fixtures/captured/twisted-live/).
 */

const first = (paste: string, lang: 'en' | 'fr' | 'vi' = 'en') => explain(paste, { lang }).findings[0];

describe('a mailbox named by a POP URL that could not be opened', () => {
  it.each([
    "frm: could not open mailbox `pop://alice:***se@127.0.0.1:38465': Authentication failed",
    "from: could not open mailbox `pop://alice:***se@127.0.0.1:41013': Authentication failed",
    'mail: Cannot open mailbox pop://nobody:***se@127.0.0.1:10110: Authentication failed\n"": 0 messages',
  ])('is the login that failed, said after the colon: %s', (text) => {
    const finding = first(text);
    expect(finding?.category).toBe('auth.failed');
    expect(finding?.entry).toBe('authentication-failed');
  });

  it.each([
    'Can someone explain this error? I run from from cron and it stopped working: "from: could not open mailbox `pop://nobody:***se@127.0.0.1:10110\': Authentication failed"',
    "Quelqu'un peut m'expliquer cette erreur ? Je lance from depuis cron et ça ne marche plus : « from: could not open mailbox `pop://alice:***se@127.0.0.1:34781': Authentication failed »",
  ])('is read so inside a sentence that quotes it: %s', (text) => {
    expect(first(text)?.category).toBe('auth.failed');
  });

  it('keeps the cause its words give when it is no login (a refused connection)', () => {
    expect(
      first("frm: could not open mailbox `pop://alice:***se@127.0.0.1:34723': Connection refused")?.category,
    ).toBe('connect.refused');
  });

  it("stays the server's maildrop when the server says it cannot open it", () => {
    expect(first('-ERR Cannot open mailbox')?.category).toBe('mailbox.unavailable');
  });
});

describe("Twisted's POP3 client", () => {
  const traceback = (last: string) =>
    [
      'main function encountered error',
      'Traceback (most recent call last):',
      '--- <exception caught here> ---',
      '  File "/home/ana/mailcheck/twisted_pop3client.py", line 26, in main',
      '    yield client.login(os.environ["POP_USER"].encode(), os.environ["POP_PASS"].encode())',
      last,
    ].join('\n');

  it("reads the server's line in a ServerErrorResponse: a reply saying the login worked is no refusal", () => {
    expect(first(traceback("twisted.mail._except.ServerErrorResponse: b'Logged in.'"))?.category).toBe(
      'server.protocol-error',
    );
  });

  it('reads a connection the other side closed (ConnectionDone) as a reset', () => {
    const text = traceback('twisted.internet.error.ConnectionDone: Connection was closed cleanly.').replace(
      '    yield client.login',
      [
        '  File "/usr/lib/python3/dist-packages/twisted/mail/_pop3client.py", line 1099, in capaNotSupported',
        '    err.trap(ServerErrorResponse)',
        '    yield client.login',
      ].join('\n'),
    );
    expect(first(text)?.category).toBe('connect.reset');
  });
});

describe("Twisted's POP3 server", () => {
  it('a Python OSError about the maildir in its login reply is a mailbox it cannot open', () => {
    const session = [
      '+OK <20261207205101.20713.341817731.1@localhost>',
      'USER broken',
      '+OK USER accepted, send PASS',
      'PASS correct horse',
      "-ERR Server error: [Errno 2] No such file or directory: '/srv/pop/broken/Maildir'",
      'QUIT',
      '+OK',
    ].join('\n');
    expect(first(session)?.category).toBe('mailbox.unavailable');
    expect(
      first("Cannot log in: Server error: [Errno 2] No such file or directory: '/srv/pop/broken/Maildir'")
        ?.category,
    ).toBe('mailbox.unavailable');
  });
});

describe("Mailutils' own messages about one message", () => {
  it.each([
    ['en', 'readmsg: mu_mailbox_get_message: Requested item not found'],
    ['fr', 'readmsg: mu_mailbox_get_message: Élément demandé non trouvé'],
    ['vi', 'readmsg: mu_mailbox_get_message: Không tìm thấy mục đã yêu cầu'],
  ] as const)('a number the mailbox does not hold (%s)', (lang, text) => {
    expect(first(text, lang)?.category).toBe('message.not-found');
  });

  it.each([
    [
      'en',
      'readmsg: cannot get number of headers: Operation rejected by remote party\nreadmsg: cannot get body stream: Operation rejected by remote party',
    ],
    [
      'fr',
      "readmsg: impossible d'obtenir le nombre d'en-têtes : Opération rejetée par le tiers distant\nreadmsg: impossible d'obtenir le flux du corps : Opération rejetée par le tiers distant",
    ],
    [
      'vi',
      'readmsg: không thể lấy số của phần đầu: Thao tác bị từ chối bởi bên thứ ba từ trên mạng\nreadmsg: không thể lấy luồng thân thư: Thao tác bị từ chối bởi bên thứ ba từ trên mạng',
    ],
  ] as const)('a message the server refused to send (%s)', (lang, text) => {
    expect(first(text, lang)?.category).toBe('message.unavailable');
  });
});

describe("Mailutils' TLS error on a pops:// mailbox", () => {
  it.each([
    ['en', "frm: could not open mailbox `pops://alice:***se@127.0.0.1:40695': TLS error"],
    [
      'fr',
      "from: impossible d'ouvrir la boîte aux lettres « pops://alice:***se@127.0.0.1:40695 » : TLS error",
    ],
    ['vi', 'mail: Không thể mở hộp thư: pops://alice:***se@127.0.0.1:40695: TLS error\n"": 0 thư'],
    ['en', "movemail: mailbox `pops://alice@127.0.0.1:44903': cannot open: TLS error"],
  ] as const)('is the handshake of a port that does not speak TLS first, no mailbox (%s)', (lang, text) => {
    expect(first(text, lang)?.category).toBe('tls.mismatch');
  });
});
