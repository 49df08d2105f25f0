import { describe, expect, it } from 'vitest';
import { parsePopcheckArgs } from '../../src/chat/popcheck-args.js';
import {
  answerMessage,
  extractLangDirective,
  lookupOrExplain,
  MAX_CHAT_PASTE_CHARS,
} from '../../src/chat/respond.js';

describe('what the bot says to a message', () => {
  it('stays silent in a watched channel when there is no POP error', () => {
    expect(answerMessage({ text: 'lunch at noon?', mode: 'watch', defaultLang: 'en' })).toBeUndefined();
    expect(answerMessage({ text: '+OK Dovecot ready.', mode: 'watch', defaultLang: 'en' })).toBeUndefined();
  });

  it('explains a POP error in a watched channel', () => {
    const answer = answerMessage({
      text: '-ERR [IN-USE] Unable to lock maildrop',
      mode: 'watch',
      defaultLang: 'en',
    });
    expect(answer?.kind).toBe('explanation');
  });

  it('leaves a bare frame ("Connection failed.") to be asked about in a watched channel, and answers it when asked', () => {
    for (const text of ['Connection failed.', 'La connexion a échoué.', 'Kết nối thất bại.']) {
      expect(answerMessage({ text, mode: 'watch', defaultLang: 'en' }), text).toBeUndefined();
      const asked = answerMessage({ text, mode: 'direct', defaultLang: 'en' });
      expect(asked?.kind === 'explanation' && asked.result.findings[0]?.category, text).toBe(
        'connect.refused',
      );
    }
    // A frame that names the mail server, or a cause beside it, is answered unasked.
    for (const text of [
      'An error occurred with the POP3 mail server.',
      'mpop: could not connect to pop.example.net',
      'Unable to connect to POP server pop.example.com.\nError sending password: -ERR [AUTH] Authentication failed.',
    ]) {
      expect(answerMessage({ text, mode: 'watch', defaultLang: 'en' })?.kind, text).toBe('explanation');
    }
  });

  it('leaves the words of a failure in a message about something else alone in a watched channel', () => {
    // Each of these got an unasked answer before (a timeout, a refused login, an unreachable host).
    for (const text of [
      "The meeting timed out waiting for Bob, let's try later",
      'my laptop connection timed out again during the call',
      'the login failed on the HR portal, anyone else?',
      // A POP command counts in capitals only: "user" and "pass" are words of any sentence.
      'User login failed on the HR portal, the pass expired',
      'Không thể kết nối mạng wifi ở quán cà phê',
    ]) {
      expect(answerMessage({ text, mode: 'watch', defaultLang: 'en' }), text).toBeUndefined();
      expect(answerMessage({ text, mode: 'direct', defaultLang: 'en' })?.kind, text).toBe('explanation');
    }
    // Naming mail, a mail program or a server's log line, quoting a program's line or a mail program's own
    // message is enough to be answered unasked.
    for (const text of [
      'Outlook says the connection timed out',
      'Không nhận được thư, báo lỗi hết thời gian chờ kết nối',
      'curl: (7) Failed to connect to pop.example.com port 995: Connection refused',
      'Dec  7 05:33:24 vm popa3d[13666]: Authentication failed for UNKNOWN USER',
      'Sending of password for user jdupont did not succeed.',
      "Task 'Compte perso - Réception' a signalé une erreur (0x800CCC90)",
    ]) {
      expect(answerMessage({ text, mode: 'watch', defaultLang: 'en' })?.kind, text).toBe('explanation');
    }
  });

  it('warns about a leaked password even in a watched channel with no error', () => {
    const answer = answerMessage({ text: 'C: PASS hunter2\nS: +OK', mode: 'watch', defaultLang: 'en' });
    expect(answer?.kind === 'explanation' && answer.result.warnings[0]?.code).toBe('secret.exposed');
  });

  it('always answers a direct request, and knows "help" in three languages', () => {
    expect(answerMessage({ text: 'lunch?', mode: 'direct', defaultLang: 'en' })?.kind).toBe('explanation');
    for (const [word, lang] of [
      ['help', 'en'],
      ['aide', 'fr'],
      ['trợ giúp', 'vi'],
    ] as const) {
      const answer = answerMessage({ text: word, mode: 'direct', defaultLang: lang });
      expect(answer?.kind).toBe('help');
    }
  });

  it('an explicit lang: in a command wins over the platform locale and the paste', () => {
    const answer = answerMessage({
      text: 'lang:vi -ERR no such message',
      mode: 'direct',
      platformLang: 'fr',
      defaultLang: 'en',
    });
    expect(answer?.lang).toBe('vi');
  });

  it('the platform locale applies when the paste shows no language', () => {
    expect(
      answerMessage({ text: '-ERR no such message', mode: 'direct', platformLang: 'fr', defaultLang: 'en' })
        ?.lang,
    ).toBe('fr');
  });

  it('a paste over the chat limit gets the "paste the part around the error" notice', () => {
    const answer = answerMessage({
      text: `-ERR x\n${'y'.repeat(MAX_CHAT_PASTE_CHARS)}`,
      mode: 'direct',
      defaultLang: 'en',
    });
    expect(answer?.kind).toBe('notice');
  });

  it('extracts lang: directives', () => {
    expect(extractLangDirective('lang:fr -ERR x')).toEqual({ text: '-ERR x', lang: 'fr' });
    expect(extractLangDirective('-ERR x')).toEqual({ text: '-ERR x' });
  });
});

describe('/poperror', () => {
  it('shows an entry by id, a category by code, and says when a code is unknown', () => {
    const byId = lookupOrExplain('unable-to-lock-maildrop', undefined, 'en');
    expect(byId.kind === 'explanation' && byId.result.findings[0]?.entry).toBe('unable-to-lock-maildrop');
    const byCategory = lookupOrExplain('mailbox.locked', 'fr', 'en');
    expect(
      byCategory.kind === 'explanation' &&
        byCategory.result.findings.every((f) => f.category === 'mailbox.locked'),
    ).toBe(true);
    expect(lookupOrExplain('mailbox.nope', undefined, 'en').kind).toBe('notice');
  });

  it('explains anything else as a paste', () => {
    const answer = lookupOrExplain('-ERR [IN-USE] Unable to lock maildrop', undefined, 'en');
    expect(answer.kind === 'explanation' && answer.result.findings[0]?.category).toBe('mailbox.locked');
  });
});

describe('/popcheck arguments', () => {
  it('reads HOST, HOST PORT, HOST:PORT, public and lang:', () => {
    expect(parsePopcheckArgs('pop.example.com')).toEqual({
      ok: true,
      host: 'pop.example.com',
      public: false,
    });
    expect(parsePopcheckArgs('pop.example.com 995 public lang:fr')).toEqual({
      ok: true,
      host: 'pop.example.com',
      port: 995,
      public: true,
      lang: 'fr',
    });
    expect(parsePopcheckArgs('[2001:db8::1]:110')).toMatchObject({
      ok: true,
      host: '[2001:db8::1]',
      port: 110,
    });
  });

  it("undoes Slack's link markup around a host", () => {
    expect(parsePopcheckArgs('<http://pop.example.com|pop.example.com>')).toMatchObject({
      host: 'pop.example.com',
    });
  });

  it('refuses a password typed into the command, without echoing it', () => {
    expect(parsePopcheckArgs('pop.example.com 995 joe hunter2')).toEqual({
      ok: false,
      error: 'password-in-command',
    });
    expect(parsePopcheckArgs('pop.example.com password=hunter2')).toEqual({
      ok: false,
      error: 'password-in-command',
    });
  });

  it('refuses nonsense with usage', () => {
    expect(parsePopcheckArgs('')).toEqual({ ok: false, error: 'usage' });
    expect(parsePopcheckArgs('pop.example.com 99999')).toEqual({ ok: false, error: 'usage' });
  });
});
