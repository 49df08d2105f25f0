import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';

describe('the most specific entry wins', () => {
  it('a wording beats the response code it carries: Gmail "[AUTH] Web login required" is an app-password problem', () => {
    const f = explain('-ERR [AUTH] Web login required: https://support.google.com/mail/answer/78754')
      .findings[0];
    expect(f?.category).toBe('auth.app-password');
    expect(f?.responseCode).toBe('AUTH');
  });

  it('a bare response code falls back to its code-only entry', () => {
    expect(explain('-ERR [SYS/TEMP]').findings[0]?.category).toBe('server.temporary');
    expect(explain('-ERR [SYS/PERM]').findings[0]?.category).toBe('server.permanent');
    expect(explain('-ERR [IN-USE]').findings[0]?.category).toBe('mailbox.locked');
    expect(explain('-ERR [AUTH]').findings[0]?.category).toBe('auth.failed');
  });

  it('a code-only entry beats the bare entry of the command', () => {
    expect(explain('C: RETR 1\nS: -ERR [SYS/TEMP]').findings[0]?.category).toBe('server.temporary');
  });

  it('a more specific wording beats a generic one for the same code', () => {
    const f = explain(
      '-ERR [IN-USE] Maximum number of connections from user+IP exceeded (mail_max_userip_connections=10)',
    ).findings[0];
    expect(f?.category).toBe('mailbox.too-many-sessions');
  });

  it('an entry made for other commands never explains a reply to this one', () => {
    // "no such message" answers RETR; after USER the same bare -ERR is about the user.
    expect(explain('C: USER joe\nS: -ERR').findings[0]?.category).toBe('auth.unknown-user');
    expect(explain('C: DELE 4\nS: -ERR').findings[0]?.category).toBe('message.not-found');
  });

  it('an entry written for some commands yields to a general one where the command is not shown', () => {
    // The OAuth2 entry reads "Authentication failed" as a refused token only after AUTH XOAUTH2/OAUTHBEARER.
    const quoted = explain('Error: [AUTH] Authentication failed.').findings[0];
    expect(quoted?.category).toBe('auth.failed');
    expect(
      explain('C: AUTH XOAUTH2 dG9rZW4=\nS: -ERR [AUTH] Authentication failed.').findings[0]?.category,
    ).toBe('auth.oauth-token');
    expect(explain('C: PASS hunter2\nS: -ERR [AUTH] Authentication failed.').findings[0]?.category).toBe(
      'auth.failed',
    );
    expect(
      explain(
        "poplib.error_proto: b'-ERR Unknown command.'\n    at TLSSocket.<anonymous> (node_modules/x.js:1:1)",
      ).findings[0]?.category,
    ).toBe('command.unknown');
  });

  it('an entry whose words mean it only after its command does not apply where the command is not shown', () => {
    // Gmail's answer to a refused XOAUTH2 token; the same words answer a refused password elsewhere.
    expect(explain('-ERR [AUTH] Invalid credentials').findings[0]?.category).toBe('auth.failed');
    expect(
      explain(
        'C: AUTH XOAUTH2 dXNlcj1qb2VAZ21haWwuY29tAWF1dGg9QmVhcmVyIHRva2VuAQE=\nS: -ERR [AUTH] Invalid credentials',
      ).findings[0]?.category,
    ).toBe('auth.oauth-token');
    // A program's own words for a missing token need no command.
    expect(explain('OAuth2 access token not obtained').findings[0]?.category).toBe('auth.oauth-token');
  });

  it('is deterministic: the same input gives the same entry, whatever the order entries were loaded in', () => {
    const kb = loadKnowledgeBase();
    const reversed = loadKnowledgeBase();
    (reversed.entries as unknown[]).reverse();
    Object.assign(reversed.byKind, {
      server: [...reversed.byKind.server].reverse(),
      client: [...reversed.byKind.client].reverse(),
      reply: [...reversed.byKind.reply].reverse(),
    });
    for (const { entry } of kb.entries) {
      for (const example of entry.examples) {
        const input = example.command ? `C: ${example.command}\nS: ${example.text}` : example.text;
        expect(explain(input, { lang: 'en' }, reversed).findings[0]?.entry, example.text).toBe(
          explain(input, { lang: 'en' }, kb).findings[0]?.entry,
        );
      }
    }
  });
});
