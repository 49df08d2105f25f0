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
