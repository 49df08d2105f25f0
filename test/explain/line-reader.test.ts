import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSIONS } from '../../src/explain/default-extensions.js';
import type { LineKind, ReadContext } from '../../src/explain/lines/line-kind.js';
import { START_CONTEXT } from '../../src/explain/lines/line-kind.js';
import { readLine } from '../../src/explain/lines/read-line.js';
import { POP_COMMAND_TABLE, answersWithData, validIn } from '../../src/explain/pop-commands.js';

const read = (line: string, context: Partial<ReadContext> = {}): LineKind =>
  readLine(line, { ...START_CONTEXT, ...context }, { serverLog: DEFAULT_EXTENSIONS.serverLog });

const WAITING: Partial<ReadContext> = { commandWaiting: true, beforeFirstReply: false };

type Row = [
  line: string,
  expected: Partial<LineKind> & { kind: LineKind['kind'] },
  context?: Partial<ReadContext>,
];

/** One table per transcript tool: the same kinds whatever prefix the tool prints. */
const tools: Record<string, Row[]> = {
  'C:/S: transcripts': [
    ['S: +OK POP3 ready', { kind: 'status', ok: true, text: 'POP3 ready' }],
    ['C: RETR 9', { kind: 'command', verb: 'RETR', args: ['9'] }],
    ['S: -ERR no such message', { kind: 'status', ok: false, text: 'no such message' }],
    ['C: XYZZY', { kind: 'command', verb: 'XYZZY' }],
    ['S: +ERR weird', { kind: 'server-text', text: '+ERR weird' }, WAITING],
    ['S: Subject: hello', { kind: 'data', end: false }, { dataFor: 'RETR' }],
    ['S: .', { kind: 'data', end: true }, { dataFor: 'RETR' }],
  ],
  'curl -v': [
    ['*   Trying 192.0.2.10:110...', { kind: 'connection', tls: false }],
    ['* Connected to pop.example.com (192.0.2.10) port 110', { kind: 'connection', tls: false }],
    ['* Connected to pop.example.com (192.0.2.10) port 995', { kind: 'connection', tls: true }],
    ['* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384', { kind: 'connection', tls: true }],
    ['> AUTH PLAIN', { kind: 'command', verb: 'AUTH', args: ['PLAIN'] }],
    // The progress meter has no line end: the next line is glued to it.
    [
      '  0     0    0     0    0     0      0      0 --:--:--  0:00:01 --:--:--     0< +OK',
      { kind: 'status', ok: true },
    ],
    [
      '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0*   Trying 127.0.0.2:995...',
      { kind: 'connection' },
    ],
    ['< + ', { kind: 'sasl', from: 'server' }, { authPending: true, commandWaiting: true }],
    ['> AGpvZQBzM2NyM3Q=', { kind: 'sasl', from: 'client' }, { saslAnswerDue: true, authPending: true }],
    ['< -ERR [AUTH] Authentication failed.', { kind: 'status', ok: false }],
  ],
  'fetchmail -v': [
    ['fetchmail: POP3> PASS *', { kind: 'command', verb: 'PASS', args: ['*'] }],
    ['fetchmail: POP3< -ERR [IN-USE] locked', { kind: 'status', ok: false, text: '[IN-USE] locked' }],
    ['fetchmail: POP3< TOP', { kind: 'data', content: 'TOP' }, { dataFor: 'CAPA' }],
    ['fetchmail: Authorization failure on bob@127.0.0.1', { kind: 'client-message' }],
  ],
  'mpop --debug': [
    ['--> CAPA', { kind: 'command', verb: 'CAPA' }],
    ['<-- +OK', { kind: 'status', ok: true }],
    ['mpop: TLS session parameters: (TLS1.3)-(ECDHE-X25519)', { kind: 'connection', tls: true }],
    ['mpop: authentication failed (method PLAIN)', { kind: 'client-message' }],
  ],
  'Python poplib': [
    ["*cmd* 'USER joe'", { kind: 'command', verb: 'USER', args: ['joe'] }],
    ["*resp* b'-ERR [AUTH] Authentication failed.'", { kind: 'status', ok: false }],
    [
      "poplib.error_proto: b'-ERR [AUTH] Authentication failed.'",
      { kind: 'quoted-reply', via: 'embedded', text: '[AUTH] Authentication failed.' },
    ],
  ],
  Thunderbird: [
    [
      '2024-03-01 10:00:00.200000 UTC - [Parent 1234: Main Thread]: D/POP3 [this=7f1a] SendData: USER joe',
      { kind: 'command', verb: 'USER' },
    ],
    [
      '2024-03-01 10:00:00.500000 UTC - [Parent 1234: Main Thread]: D/POP3 [this=7f1a] RECV: -ERR [IN-USE] Unable to lock maildrop',
      { kind: 'status', ok: false },
    ],
    [
      '2024-03-01 10:00:00.000000 UTC - [Parent 1234: Main Thread]: I/POP3 [this=7f1a] Connecting to server pop.example.com:995',
      { kind: 'connection', tls: true },
    ],
    [
      'Sending password did not succeed. Mail server pop.example.com responded: Authentication failed.',
      { kind: 'quoted-reply', via: 'message', about: 'PASS' },
    ],
    [
      'Le serveur de courrier pop.example.com a répondu : Mot de passe incorrect',
      { kind: 'quoted-reply', via: 'message', about: 'PASS' },
    ],
  ],
  // gui-more capture: Sylpheed's log in its three languages (Claws Mail prints the same).
  'Sylpheed and Claws Mail logs': [
    ['[06:17:58] * message: Connecting to POP3 server: 127.0.0.3...', { kind: 'connection', tls: false }],
    ['[06:18:56] * message: Connexion au serveur POP3 : 127.0.0.3...', { kind: 'connection', tls: false }],
    ['[06:19:53] * message: Đang kết nối tới máy chủ POP3: 127.0.0.3...', { kind: 'connection', tls: false }],
    ['Connexion au serveur POP3 impossible', { kind: 'client-message' }],
  ],
  'telnet and openssl s_client': [
    ['Connected to pop.example.com.', { kind: 'connection', tls: false }],
    ['CONNECTED(00000003)', { kind: 'connection', tls: false }],
    ['$ openssl s_client -connect pop.example.com:995 -crlf -quiet', { kind: 'connection', tls: true }],
    ['+OK Dovecot ready.', { kind: 'status', ok: true }],
    ['user joe', { kind: 'command', verb: 'USER', args: ['joe'] }],
    ['Pass the salt, please', { kind: 'client-message' }],
    ['User unknown', { kind: 'client-message' }],
    ['220 mail.example.com ESMTP Postfix', { kind: 'other-protocol', quoted: false }],
    ['* OK [CAPABILITY IMAP4rev1] ready', { kind: 'other-protocol', quoted: false }],
    ['verify return:1', { kind: 'client-message' }],
    ['', { kind: 'prose' }],
  ],
  'server logs': [
    [
      'Nov 22 10:00:00 mail dovecot: pop3-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<joe>, rip=192.0.2.1',
      { kind: 'server-log' },
    ],
    [
      'Nov 22 10:00:00 mail courierpop3login: LOGIN FAILED, user=joe, ip=[::ffff:192.0.2.1]',
      { kind: 'server-log' },
    ],
    [
      'Dec 06 21:51:15 auth: Info: passwd-file(alice,127.0.0.1,<Mfq5G/5hTKN/AAAB>): Password mismatch',
      {
        kind: 'server-log',
        // The auth process's name is the line's prefix; the recogniser reads the event and who it was about.
        text: 'passwd-file(alice,127.0.0.1,<Mfq5G/5hTKN/AAAB>): Password mismatch',
        log: {
          server: 'dovecot',
          message: 'Info: passwd-file(alice,127.0.0.1,<Mfq5G/5hTKN/AAAB>): Password mismatch',
          event: 'bad-password',
          entry: 'log-bad-password',
          user: 'alice',
          remote: '127.0.0.1',
        },
      },
    ],
    // Another program's syslog line is no POP server's.
    ['Nov 22 10:00:00 mail sshd[42]: Failed password for root', { kind: 'client-message' }],
  ],
  'quoted greetings and prose': [
    [
      'Unexpected greeting from server: 220 mail.example.com ESMTP',
      { kind: 'other-protocol', quoted: true, text: '220 mail.example.com ESMTP' },
    ],
    // A library's exception that quotes what the server sent (OpenPop.NET), the quotes not part of it.
    [
      'The server did not respond with a + response. The response was: "* OK imap.example.com IMAP4rev1 server ready"',
      { kind: 'other-protocol', quoted: true, text: '* OK imap.example.com IMAP4rev1 server ready' },
    ],
    [
      'Erreur : le serveur a envoyé « 220 mail.example.com ESMTP Postfix »',
      { kind: 'other-protocol', quoted: true, text: '220 mail.example.com ESMTP Postfix' },
    ],
    ['Hello, I get this error since yesterday', { kind: 'client-message' }],
    ['--', { kind: 'prose' }],
  ],
};

describe('the line reader, per transcript tool', () => {
  for (const [tool, rows] of Object.entries(tools)) {
    describe(tool, () => {
      it.each(rows)('%s', (line, expected, context) => {
        expect(read(line, context)).toMatchObject(expected);
      });
    });
  }

  it('a lone "." ends the data; a labelled client line or a status (outside a message) ends it too', () => {
    expect(read('.', { dataFor: 'LIST' })).toEqual({ kind: 'data', content: '.', end: true });
    expect(read('C: QUIT', { dataFor: 'LIST' })).toMatchObject({ kind: 'command', verb: 'QUIT' });
    expect(read('+OK', { dataFor: 'UIDL' })).toMatchObject({ kind: 'status' });
    // A message body may quote anything.
    expect(read('-ERR inside a message', { dataFor: 'RETR' })).toMatchObject({ kind: 'data' });
  });

  it('a server-log recogniser is pluggable: the reader asks every one given', () => {
    const custom = readLine('mylog: badlogin joe', START_CONTEXT, {
      serverLog: [
        (line) => (line.startsWith('mylog:') ? { server: 'mine', message: line.slice(7) } : undefined),
      ],
    });
    expect(custom).toEqual({
      kind: 'server-log',
      text: 'mylog: badlogin joe',
      log: { server: 'mine', message: 'badlogin joe' },
    });
  });
});

describe('the POP command table', () => {
  it('says where each command is valid (RFC 1939 §4-§7, RFC 2449, RFC 2595, RFC 5034)', () => {
    expect(validIn('RETR', 'AUTHORIZATION')).toBe(false);
    expect(validIn('RETR', 'TRANSACTION')).toBe(true);
    expect(validIn('USER', 'TRANSACTION')).toBe(false);
    expect(validIn('STLS', 'TRANSACTION')).toBe(false);
    expect(validIn('CAPA', 'AUTHORIZATION') && validIn('CAPA', 'TRANSACTION')).toBe(true);
  });

  it('says which answers carry multi-line data', () => {
    expect(answersWithData('LIST', false)).toBe(true);
    expect(answersWithData('LIST', true)).toBe(false);
    expect(answersWithData('TOP', true)).toBe(true);
    expect(answersWithData('DELE', true)).toBe(false);
  });

  it('is the only verb list: every verb is recognised as a command when typed alone', () => {
    for (const command of POP_COMMAND_TABLE) {
      const args = Array.from({ length: command.arity[0] }, (_, i) =>
        command.verb === 'APOP' && i === 1 ? 'c4c9334bac560ecc979e58001b3e22fb' : command.numeric ? '1' : 'x',
      );
      expect(read(`C: ${[command.verb, ...args].join(' ')}`)).toMatchObject({
        kind: 'command',
        verb: command.verb,
      });
      expect(read([command.verb.toLowerCase(), ...args].join(' '))).toMatchObject({ kind: 'command' });
    }
  });
});
