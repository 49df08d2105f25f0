import { describe, expect, it } from 'vitest';
import { analyse, explain } from '../../src/explain/explain.js';
import { SESSION_RULES } from '../../src/explain/rules/session-rules.js';
import { rules } from '../../src/i18n/rule-messages.js';
import { LANGS } from '../../src/i18n/lang.js';

const session = (...lines: string[]) => lines.join('\n');
const GREETING = 'S: +OK POP3 server ready';
const LOGIN = ['C: USER joe', 'S: +OK', 'C: PASS secret', 'S: +OK joe has 3 messages'];

interface Case {
  name: string;
  paste: string;
  category: string;
  rule: string;
  /** The reply line the finding is on. */
  line: number;
  /** How many findings the paste holds (1 unless another line is an error of its own). */
  findings?: number;
}

/** The transcripts of issue #12's "done when", and the rules found in RFC 1939, 2449, 2595 and 5034. */
const cases: Case[] = [
  ...['RETR 1', 'STAT', 'LIST'].map((command) => ({
    name: `${command} before login answered "unrecognized command"`,
    paste: session(GREETING, `C: ${command}`, 'S: -ERR unrecognized command'),
    category: 'command.state',
    rule: 'transaction-command-before-login',
    line: 3,
  })),
  {
    name: 'DELE before login answered with a bare -ERR',
    paste: session(GREETING, 'C: DELE 1', 'S: -ERR'),
    category: 'command.state',
    rule: 'transaction-command-before-login',
    line: 3,
  },
  {
    name: 'USER again after login answered "invalid command"',
    paste: session(GREETING, ...LOGIN, 'C: USER joe', 'S: -ERR invalid command'),
    category: 'command.state',
    rule: 'login-command-after-login',
    line: 7,
  },
  {
    name: 'PASS first answered "unknown username"',
    paste: session(GREETING, 'C: PASS secret', 'S: -ERR unknown username'),
    category: 'command.state',
    rule: 'pass-without-user',
    line: 3,
  },
  {
    name: 'PASS after a refused USER',
    paste: session(GREETING, 'C: USER nobody', 'S: -ERR', 'C: PASS secret', 'S: -ERR invalid command'),
    category: 'command.state',
    rule: 'pass-without-user',
    line: 5,
    findings: 2,
  },
  {
    name: 'STLS twice',
    paste: session(GREETING, 'C: STLS', 'S: +OK Begin TLS negotiation', 'C: STLS', 'S: -ERR'),
    category: 'command.state',
    rule: 'stls-while-tls-active',
    line: 5,
  },
  {
    name: 'STLS after login',
    paste: session(GREETING, ...LOGIN, 'C: STLS', 'S: -ERR unknown command'),
    category: 'command.state',
    rule: 'stls-after-login',
    line: 7,
  },
  {
    name: 'STLS to a server whose CAPA lacks it, answered with a bare -ERR',
    paste: session(GREETING, 'C: CAPA', 'S: +OK', 'S: USER', 'S: UIDL', 'S: .', 'C: STLS', 'S: -ERR'),
    category: 'tls.unavailable',
    rule: 'stls-not-offered',
    line: 8,
  },
  {
    name: 'STLS to a server that does not know the command',
    paste: session(GREETING, 'C: STLS', 'S: -ERR Unknown command'),
    category: 'tls.unavailable',
    rule: 'stls-refused',
    line: 3,
  },
  {
    name: 'STLS answered a bare -ERR with no CAPA shown (popa3d, via mpop -d)',
    paste: session('<-- +OK', '--> STLS', '<-- -ERR'),
    category: 'tls.unavailable',
    rule: 'stls-refused',
    line: 3,
  },
  // servers-source tuning texts (scripts/servers-source/replies.yaml): replies read in the servers' source.
  {
    name: 'XTND before login answered "I\'m afraid I can\'t do that." (Citadel)',
    paste: session('S: +OK Citadel POP3 server ready.', 'C: XTND', "S: -ERR I'm afraid I can't do that."),
    category: 'command.unknown',
    rule: 'extension-command-refused',
    line: 3,
  },
  {
    name: 'USER without a name answered "USER who?" (WildDuck)',
    paste: session(
      'S: +OK wildduck ready for requests from 198.51.100.23 Wf3kQz9mLx2cVb7n',
      'C: USER',
      'S: -ERR USER who?',
    ),
    category: 'command.syntax',
    rule: 'arguments-missing',
    line: 3,
  },
  {
    name: 'RPOP answered "Nice try, bunkie" (UW ipop3d)',
    paste: session(
      'S: +OK POP3 mail.example.net 2007f.104 server ready',
      'C: RPOP alice',
      'S: -ERR Nice try, bunkie',
    ),
    category: 'auth.mechanism',
    rule: 'rpop-refused',
    line: 3,
  },
  {
    name: 'RETR with a word for its message number, answered "No such message" (GNU Mailutils)',
    paste: session(
      '+OK POP3 Ready <26101.1796596003@vm>',
      'USER alice',
      '+OK',
      'PASS correct horse',
      '+OK opened mailbox for alice',
      'RETR abc',
      '-ERR No such message',
    ),
    category: 'command.syntax',
    rule: 'arguments-malformed',
    line: 7,
  },
  {
    name: 'TOP without its count of lines, answered a bare -ERR (popa3d)',
    paste: session('+OK', 'USER alice', '+OK', 'PASS correct horse', '+OK', 'TOP 1', '-ERR'),
    category: 'command.syntax',
    rule: 'arguments-malformed',
    line: 7,
  },
  {
    name: 'RETR of a message deleted earlier, answered "invalid message number"',
    paste: session(
      GREETING,
      ...LOGIN,
      'C: DELE 2',
      'S: +OK message 2 deleted',
      'C: RETR 2',
      'S: -ERR invalid message number',
    ),
    category: 'message.deleted',
    rule: 'message-already-deleted',
    line: 9,
  },
  {
    name: 'AUTH CRAM-MD5 when CAPA lists SASL PLAIN LOGIN',
    paste: session(
      GREETING,
      'C: CAPA',
      'S: +OK',
      'S: SASL PLAIN LOGIN',
      'S: USER',
      'S: .',
      'C: AUTH CRAM-MD5',
      'S: -ERR',
    ),
    category: 'auth.mechanism',
    rule: 'auth-mechanism-not-offered',
    line: 8,
  },
  {
    // Courier 1.0.16 with POP3AUTH="": CAPA names no SASL, yet AUTH CRAM-MD5 gets a challenge, then a refusal.
    name: 'AUTH CRAM-MD5 challenged, then refused, where CAPA lists no SASL mechanism (Courier)',
    paste: session(
      'S: +OK Hello there.',
      'C: CAPA',
      "S: +OK Here's what I can do:",
      'S: STLS',
      'S: USER',
      'S: IMPLEMENTATION Courier Mail Server',
      'S: .',
      'C: AUTH CRAM-MD5',
      'S: + PDg0NjQyMURBMDE1MUU5NEQ3QTBFRkRBNzhGMTlEOEQ3QHZtPg==',
      'C: YWxpY2UgMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA=',
      'S: -ERR Authentication failed.',
    ),
    category: 'auth.mechanism',
    rule: 'auth-mechanism-not-announced',
    line: 11,
  },
  {
    name: 'AUTH PLAIN before STLS where the plain CAPA offers STLS and no login method (Dovecot)',
    paste: session(
      GREETING,
      'C: CAPA',
      'S: +OK',
      'S: STLS',
      'S: SASL',
      'S: .',
      'C: AUTH PLAIN',
      'S: -ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.',
    ),
    category: 'tls.required',
    rule: 'user-pass-before-tls',
    line: 8,
  },
  {
    name: 'AUTH answered a bare -ERR by a server that refused CAPA (popa3d)',
    paste: session('S: +OK', 'C: CAPA', 'S: -ERR', 'C: AUTH CRAM-MD5', 'S: -ERR'),
    category: 'command.unknown',
    rule: 'auth-without-capa',
    line: 5,
    findings: 2,
  },
  {
    name: 'USER refused where the pre-STLS CAPA announced XTLSREQUIRED (GNU Mailutils)',
    paste: session(
      GREETING,
      'C: CAPA',
      'S: +OK',
      'S: STLS',
      'S: XTLSREQUIRED',
      'S: .',
      'C: USER joe',
      'S: -ERR Bad login',
    ),
    category: 'tls.required',
    rule: 'user-pass-before-tls',
    line: 8,
  },
  {
    name: 'USER refused where the pre-STLS CAPA offered STLS but not USER',
    paste: session(
      GREETING,
      'C: CAPA',
      'S: +OK',
      'S: STLS',
      'S: SASL PLAIN',
      'S: .',
      'C: USER joe',
      'S: -ERR',
    ),
    category: 'tls.required',
    rule: 'user-pass-before-tls',
    line: 8,
  },
  {
    name: 'USER at the start of a plain session answered "Incorrect state" (GNU Mailutils, via fetchmail -v)',
    paste: session(
      'fetchmail: POP3< +OK POP3 Ready <26431.1796596014@vm>',
      'fetchmail: POP3> USER alice',
      'fetchmail: POP3< -ERR Incorrect state',
    ),
    category: 'tls.required',
    rule: 'login-wrong-state-before-tls',
    line: 3,
  },
  {
    name: 'USER refused over TLS where CAPA does not list USER',
    paste: session(
      GREETING,
      'C: STLS',
      'S: +OK',
      'C: CAPA',
      'S: +OK',
      'S: SASL GSSAPI',
      'S: .',
      'C: USER joe',
      'S: -ERR',
    ),
    category: 'auth.mechanism',
    rule: 'user-not-offered',
    line: 9,
  },
  {
    name: 'APOP to a server whose greeting has no timestamp',
    paste: session(
      GREETING,
      'C: APOP joe c4c9334bac560ecc979e58001b3e22fb',
      'S: -ERR command not understood',
    ),
    category: 'auth.mechanism',
    rule: 'apop-without-timestamp',
    line: 3,
  },
  {
    name: 'RETR beyond the message count the login gave',
    paste: session(GREETING, ...LOGIN, 'C: RETR 7', 'S: -ERR'),
    category: 'message.not-found',
    rule: 'message-number-out-of-range',
    line: 7,
  },
  {
    // Zimbra's words (zm-mailbox Pop3Mailbox.java:253, servers-source-2 tuning) read alone as a deleted message.
    name: 'QUIT after login refused with words about messages',
    paste: session(GREETING, ...LOGIN, 'C: DELE 1', 'S: +OK', 'C: QUIT', 'S: -ERR deleted 2/3 message(s)'),
    category: 'update.delete-failed',
    rule: 'quit-refused-after-login',
    line: 9,
  },
  {
    // perdition before the login (proxies tuning: raw-auth-cram-md5): its list leaves AUTH out.
    name: 'AUTH refused by a reply that lists the commands taken',
    paste: session(
      GREETING,
      'C: AUTH CRAM-MD5',
      'S: -ERR Mate, the command must be one of CAPA, USER, PASS or QUIT',
    ),
    category: 'auth.mechanism',
    rule: 'login-method-not-listed',
    line: 3,
  },
  {
    name: 'TOP to a server whose CAPA does not list TOP',
    paste: session(
      GREETING,
      ...LOGIN,
      'C: CAPA',
      'S: +OK',
      'S: USER',
      'S: UIDL',
      'S: .',
      'C: TOP 1 0',
      'S: -ERR',
    ),
    category: 'command.unknown',
    rule: 'optional-command-not-offered',
    line: 12,
  },
  {
    // freescout-help-desk/freescout#2810: webklex/php-imap's ImapProtocol aimed at Exchange's POP3 port.
    name: 'a tagged IMAP command answered by a POP greeting and "-ERR Protocol error."',
    paste: session(
      '<< +OK The Microsoft Exchange POP3 service is ready. []',
      '>> TAG1 LOGOUT',
      '<< -ERR Protocol error. 19',
    ),
    category: 'connect.wrong-service',
    rule: 'other-protocol-command',
    line: 3,
  },
  {
    name: "SMTP's EHLO sent to a POP server",
    paste: session(GREETING, 'C: EHLO client.example.org', 'S: -ERR Unknown command.'),
    category: 'connect.wrong-service',
    rule: 'other-protocol-command',
    line: 3,
  },
  {
    // curl/curl#11 (2011): curl sent IMAP's STARTTLS where POP says STLS; Dovecot's pre-login "Unknown command."
    // reads like a mailbox command sent before login, which it is not.
    name: 'STARTTLS (no POP verb) answered "Unknown command." by Dovecot',
    paste: session(
      '* Connected to localhost (127.0.0.1) port 110 (#0)',
      '< +OK Dovecot ready.',
      '> STARTTLS',
      '* POP3 0x15a5b38 state change from SERVERGREET to STARTTLS',
      '< -ERR Unknown command.',
      '* STARTTLS denied. E',
      'curl: (67) STARTTLS denied. E',
    ),
    category: 'command.unknown',
    rule: 'command-not-in-pop',
    line: 5,
  },
  // proxies tuning: nginx's mail proxy answers "invalid command" to the login methods pop3_auth leaves out.
  {
    name: 'USER called "invalid command" before the login (nginx mail proxy without plain login)',
    paste: session('+OK POP3 ready <527582604.1796621594@vm>', 'USER alice', '-ERR invalid command'),
    category: 'auth.mechanism',
    rule: 'login-method-called-unknown',
    line: 3,
  },
  {
    name: 'AUTH XOAUTH2 called "invalid command" before the login',
    paste: session('+OK POP3 ready <324780491.1796621589@vm>', 'AUTH XOAUTH2', '-ERR invalid command'),
    category: 'auth.mechanism',
    rule: 'login-method-called-unknown',
    line: 3,
  },
  {
    name: 'a USER line longer than 255 octets refused as "invalid command"',
    paste: session(
      '+OK POP3 ready <542183237.1796621589@vm>',
      `USER ${'x'.repeat(1000)}`,
      '-ERR invalid command',
    ),
    category: 'command.syntax',
    rule: 'command-line-too-long',
    line: 3,
  },
];

describe('reasoning rules: the session shows the cause, whatever the server calls it', () => {
  it.each(cases)('$name → $category ($rule)', ({ paste, category, rule, line, findings = 1 }) => {
    const result = explain(paste, { lang: 'en' });
    expect(result.findings).toHaveLength(findings);
    // The rule's finding leads, but a refused CAPA comes after it (it is worked around).
    const at = result.findings.findIndex((f) => f.rule === rule);
    const finding = result.findings[at === -1 ? result.findings.length - 1 : at]!;
    expect(finding).toMatchObject({ category, rule, lineNumber: line });
    expect(finding.because).toBe(
      rules.t('en', rule as 'fallback', analyse(paste).findings[at]!.evidence.rule!.facts),
    );
    expect(finding.because).not.toMatch(/\{\w+\}/);
    // The rule's RFC sections come first among the references.
    const ruleDef = SESSION_RULES.find((r) => r.id === rule)!;
    expect(finding.references[0]?.label).toBe(
      `RFC ${ruleDef.references[0]!.rfc} §${ruleDef.references[0]!.section}`,
    );
  });

  it('every rule has a test above and a "because" line in every language', () => {
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(SESSION_RULES.map((r) => r.id)));
    for (const lang of LANGS)
      for (const r of SESSION_RULES) expect(rules.messages[lang][r.id], `${lang} ${r.id}`).toMatch(/\S/);
  });

  it('APOP (its digest masked) before STLS where CAPA offers STLS and no login method: TLS required (curl -v, nginx)', () => {
    const paste = session(
      '* Connected to 127.0.0.2 (127.0.0.2) port 43119 (#0)',
      '< +OK POP3 ready <780163837.1796621502@vm>',
      '> CAPA',
      '< +OK Capability list follows',
      '< TOP',
      '< UIDL',
      '< STLS',
      '< .',
      '> APOP alice 09a252061fff5ee3ccb7b0b6dbefa250',
      '< -ERR invalid command',
      '* Authentication failed: 45',
    );
    expect(explain(paste, { lang: 'en' }).findings[0]).toMatchObject({
      category: 'tls.required',
      rule: 'user-pass-before-tls',
    });
  });

  // proxies tuning: mpop names the login method it tried; nginx calls USER "invalid command".
  it.each([
    'mpop: authentication failed (method USER)\nmpop: POP3 server message: -ERR invalid command\nmpop: error during mail retrieval',
    "mpop: échec d'authentification (méthode USER)\nmpop: message du serveur POP3 : -ERR invalid command\nmpop: erreur durant la récupération du courriel",
  ])('the login method mpop names is the command its quoted reply answers: %s', (paste) => {
    expect(explain(paste, { lang: 'en' }).findings[0]).toMatchObject({
      category: 'auth.mechanism',
      rule: 'login-method-called-unknown',
      command: 'USER',
    });
  });

  it('a refused CAPA is explained after what failed next (solid-pop3d: CAPA and STLS both "unknown command")', () => {
    const paste = session(
      'S: +OK Solid POP3 server ready <31326.1796596307@vm>',
      'C: CAPA',
      'S: -ERR unknown command',
      'C: STLS',
      'S: -ERR unknown command',
    );
    const findings = explain(paste, { lang: 'en' }).findings;
    expect(findings.map((f) => [f.category, f.command, f.lineNumber])).toEqual([
      ['tls.unavailable', 'STLS', 5],
      ['command.unknown', 'CAPA', 3],
    ]);
  });

  it('USER again after an accepted USER, "already logged in", keeps its state wording (Citadel)', () => {
    const paste = session(
      'S: +OK Citadel POP3 server ready.',
      'C: USER anna',
      'S: +OK Password required for anna',
      'C: USER anna',
      'S: -ERR You are already logged in.',
    );
    expect(explain(paste, { lang: 'en' }).findings[0]?.category).toBe('command.state');
  });

  it('a reply mpop quotes first yields to the same reply in its transcript, where the session explains it', () => {
    const paste = session(
      "mpop: échec d'authentification (méthode USER)",
      'mpop: message du serveur POP3 : -ERR Incorrect state',
      'tls = désactivé',
      '<-- +OK POP3 Ready <26622.1796596021@vm>',
      '--> CAPA',
      '<-- +OK Capability list follows',
      '<-- XTLSREQUIRED',
      '<-- STLS',
      '<-- .',
      '--> USER alice',
      '<-- -ERR Incorrect state',
    );
    expect(explain(paste, { lang: 'fr' }).findings[0]).toMatchObject({
      category: 'tls.required',
      rule: 'user-pass-before-tls',
      lineNumber: 11,
    });
  });

  it('a challenged AUTH refused where CAPA lists the mechanism is a refused login, not a missing mechanism', () => {
    const paste = session(
      GREETING,
      'C: CAPA',
      'S: +OK',
      'S: SASL CRAM-MD5 PLAIN',
      'S: .',
      'C: AUTH CRAM-MD5',
      'S: + PDg0NjQyMURBMDE1MUU5NEQ3QTBFRkRBNzhGMTlEOEQ3QHZtPg==',
      'C: YWxpY2UgMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA=',
      'S: -ERR Authentication failed.',
    );
    const finding = explain(paste, { lang: 'en' }).findings[0];
    expect(finding).toMatchObject({ category: 'auth.failed', lineNumber: 9 });
    expect(finding?.rule).toBeUndefined();
  });

  it("curl -v's capability lines are read with their < marker: SASL PLAIN listed, AUTH PLAIN refused is a login", () => {
    const paste = session(
      '* Connected to 127.0.0.2 (127.0.0.2) port 995 (#0)',
      '* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384',
      '< +OK Dovecot (Debian) ready.',
      '> CAPA',
      '< +OK',
      '< CAPA',
      '< RESP-CODES',
      '< USER',
      '< SASL PLAIN LOGIN',
      '< .',
      '> AUTH PLAIN',
      '< + ',
      '> AGFsaWNlAENvcnJlY3QgSG9yc2U=',
      '< -ERR [AUTH] Authentication failed.',
      'curl: (67) Login denied',
    );
    const finding = explain(paste, { lang: 'en' }).findings[0];
    expect(finding).toMatchObject({ category: 'auth.failed', lineNumber: 14, command: 'AUTH PLAIN' });
    expect(finding?.rule).toBeUndefined();
  });

  it('a refused CAPA alone is still the finding', () => {
    const paste = session('S: +OK', 'C: CAPA', 'S: -ERR');
    expect(explain(paste, { lang: 'en' }).findings.map((f) => f.command)).toEqual(['CAPA']);
  });

  it('numbers of any length are numbers: LIST 99999999999 "too large" is no malformed argument', () => {
    const paste = session('C: LIST 99999999999', 'S: -ERR Message number too large: ');
    expect(explain(paste, { lang: 'en' }).findings[0]).toMatchObject({ category: 'message.not-found' });
  });

  it('STLS refused for its timing keeps the wording that says so', () => {
    const paste = session('C: STLS', 'S: -ERR TLS negotiation only begin in AUTHORIZATION state');
    expect(explain(paste, { lang: 'en' }).findings[0]?.category).toBe('command.state');
  });

  it('DELE 2 then RETR 2, LIST 2 and TOP 2 0 refused: one finding that names the DELE line and every refusal', () => {
    const paste = session(
      GREETING,
      ...LOGIN,
      'C: DELE 2',
      'S: +OK message 2 deleted',
      'C: RETR 2',
      'S: -ERR invalid message number',
      'C: LIST 2',
      'S: -ERR',
      'C: TOP 2 0',
      'S: -ERR no such message',
    );
    const analysis = analyse(paste);
    expect(analysis.findings).toHaveLength(1);
    expect(analysis.findings[0]).toMatchObject({
      category: 'message.deleted',
      evidence: {
        lineNumber: 9,
        alsoLines: [11, 13],
        rule: { id: 'message-already-deleted', facts: { number: 2, line: 6 } },
      },
    });
    expect(explain(paste, { lang: 'en' }).findings[0]?.because).toContain('line 6');
  });

  it('RSET undeletes: RETR 2 after DELE 2 and RSET is no deleted message', () => {
    const paste = session(
      GREETING,
      ...LOGIN,
      'C: DELE 2',
      'S: +OK',
      'C: RSET',
      'S: +OK',
      'C: RETR 2',
      'S: -ERR no such message',
    );
    expect(explain(paste).findings[0]).toMatchObject({ category: 'message.not-found' });
    expect(explain(paste).findings[0]?.rule).toBeUndefined();
  });

  it('a wording of another kind is kept: a storage failure after DELE is no deleted message', () => {
    const paste = session(
      GREETING,
      ...LOGIN,
      'C: DELE 2',
      'S: +OK',
      'C: RETR 2',
      'S: -ERR [SYS/TEMP] Internal error occurred',
    );
    expect(explain(paste).findings[0]?.category).toBe('server.temporary');
  });

  it('a paste that starts at PASS does not show a missing USER: no rule, the wording decides', () => {
    const finding = explain(session('C: PASS secret', 'S: -ERR invalid password')).findings[0];
    expect(finding).toMatchObject({ category: 'auth.bad-password' });
    expect(finding?.rule).toBeUndefined();
  });

  it('a log that hides the login (Thunderbird suppresses it) gives no "before login" rule', () => {
    const log = session(
      'RECV: +OK Dovecot ready.',
      'SendData: USER joe',
      'RECV: +OK',
      'Logging suppressed for this command (it probably contained authentication information)',
      'RECV: +OK Mailbox locked and ready',
      'SendData: STAT',
      'RECV: -ERR unrecognized command',
    );
    const finding = explain(log).findings[0];
    expect(finding?.rule).toBeUndefined();
    expect(finding?.category).toBe('command.unknown');
  });

  it('a paste that starts at the answer to a login shows the TRANSACTION state', () => {
    const finding = explain(
      session('S: +OK Mailbox open, 3 messages', 'C: RETR 5', 'S: -ERR No such message'),
    ).findings[0];
    expect(finding).toMatchObject({
      category: 'message.not-found',
      state: 'TRANSACTION',
      rule: 'message-number-out-of-range',
    });
  });

  it('says why in French and Vietnamese too, from the same analysis', () => {
    const paste = session(GREETING, 'C: RETR 1', 'S: -ERR unrecognized command');
    expect(explain(paste, { lang: 'fr' }).findings[0]?.because).toContain('RETR');
    expect(explain(paste, { lang: 'fr' }).findings[0]?.because).toContain('avant');
    expect(explain(paste, { lang: 'vi' }).findings[0]?.because).toContain('trước khi đăng nhập');
  });
});
