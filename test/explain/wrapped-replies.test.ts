import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';

// getmail 6.18.11's own lines against perdition and popa3d (proxies and popa3d tuning captures): the server's
// reply inside the program's wrapping, Python's bytes repr and two brackets.
const getmail = (reply: string): string =>
  [
    'getmail version 6.18.11',
    'SimplePOP3Retriever:carol@127.0.0.2:37991:',
    `getmailrc: operation error (POP error (b'${reply}'))`,
    '  0 messages (0 bytes) retrieved, 0 skipped',
  ].join('\n');

describe('a reply a program wrapped in quotes and brackets', () => {
  it('ends where the wrapping closes, so the reply’s own entry knows it', () => {
    const finding = explain(getmail('-ERR failed: Login Disabled')).findings[0];
    expect(finding?.entry).toBe('login-disabled');
    expect(finding?.category).toBe('auth.pop-disabled');
  });

  it('keeps a bracket the reply itself opened', () => {
    const finding = explain(getmail('-ERR Authentication failed (bad password?)')).findings[0];
    expect(finding?.entry).toBe('popa3d-authentication-failed');
  });

  it('reads a reply between French quotation marks and between typographic quotes alike', () => {
    for (const text of [
      'le serveur a renvoyé «\u00a0-ERR failed: Login Disabled\u00a0»',
      'the server said “-ERR failed: Login Disabled”',
    ]) {
      expect(explain(text).findings[0]?.entry, text).toBe('login-disabled');
    }
  });
});
