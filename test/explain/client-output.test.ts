import { describe, expect, it } from 'vitest';
import { clientFacts, concludeFromFacts } from '../../src/explain/client-output/facts.js';
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
    expect(concludeFromFacts(paste)).toEqual({
      category: 'tls.mismatch',
      also: ['connect.timeout'],
      because: ['plain-to-tls-port', 'timeout-no-data'],
      lineNumber: 4,
      evidence: ['pop3://pop.example.com:995', 'timed out after 300000 milliseconds with 0 bytes received'],
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
